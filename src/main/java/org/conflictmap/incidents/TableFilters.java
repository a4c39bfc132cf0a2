package org.conflictmap.incidents;

import java.util.ArrayList;
import java.util.List;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Tables;
import org.conflictmap.store.SpatialDialect;

/**
 * A CQL2 filter over a table layer ({@code layers.Source.Table}): its collection's queryables are the table's
 * published columns, and the incidents' compiler ({@link CqlSql}, with {@link CqlTime}; the table has no lists of
 * names for {@link CqlArrays}) writes the tree over them for the store's dialect, so a table's items take the same
 * filters, refused alike (a 400 naming {@code filter}, before any SQL runs), as the incidents'.
 */
public final class TableFilters {
    private TableFilters() {}

    /**
     * {@code filter} over the rows of collection {@code c} (a table layer) as a parameterised condition for
     * {@code dialect}; a 400 naming {@code filter} when it names what is not one of the collection's queryables or
     * compares values of another kind.
     */
    public static Tables.Where condition(Cql2 filter, Collection c, SpatialDialect dialect) {
        StringBuilder sql = new StringBuilder();
        List<Object> params = new ArrayList<>();
        CqlSql.write(filter, CqlSchema.of(c), dialect, sql, params);
        return new Tables.Where(sql.toString(), params);
    }
}
