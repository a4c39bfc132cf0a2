package org.conflictmap.incidents;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Queryable;
import org.conflictmap.layers.Source;

/**
 * What a CQL2 filter may name, for {@link CqlSql}: the queryables of one table, each with the column that holds it and
 * its kind, its geometry column, the queryables that list names (the array predicates'), and where a client finds
 * them listed. The incidents' is {@link #INCIDENTS} (the {@link Queryables}); a table layer's ({@code
 * layers.Source.Table}) is {@link #of} its collection's queryables, each the column of its name. One compiler for both:
 * only the names and kinds differ.
 *
 * @param columns        the queryables by name
 * @param geometry       the geometry column (EPSG:4326) the spatial predicates test
 * @param geometryAlways whether every row has a geometry ({@code geometry IS NULL} is then false outright)
 * @param arrays         the queryables that hold '; '-separated names (the array predicates'), none for a table
 * @param listed         where the queryables are listed, for the refusal of another name
 */
record CqlSchema(
        Map<String, Column> columns, String geometry, boolean geometryAlways, Set<String> arrays, String listed) {

    /**
     * One queryable: its name, its column and its kind: {@code String}, {@code Integer} (any number),
     * {@code Boolean} or {@code Instant}.
     */
    record Column(String name, String sql, Class<?> type) {}

    CqlSchema {
        columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
        arrays = Set.copyOf(arrays);
    }

    /** The incidents table's: the {@link Queryables}. */
    static final CqlSchema INCIDENTS = new CqlSchema(
            columns(Queryables.ALL.stream()
                    .map(a -> new Column(a.name(), Queryables.column(a), a.type()))
                    .toList()),
            "geom",
            true,
            CqlArrays.ARRAYS,
            "/ogc/collections/incidents/queryables");

    /** A table layer's: its collection's queryables, each in the table's column of that name. */
    static CqlSchema of(Collection c) {
        if (!(c.source() instanceof Source.Table table)) {
            throw new IllegalArgumentException("collection " + c.id() + " is not a table's");
        }
        return new CqlSchema(
                columns(c.queryables().stream()
                        .map(q -> new Column(q.name(), q.name(), kind(q)))
                        .toList()),
                table.geometry(),
                false,
                Set.of(),
                "/ogc/collections/" + c.id() + "/queryables");
    }

    /** The queryables of kind {@code type}, in their order, as a reader lists them: "start, end or updated". */
    String named(Class<?> type) {
        List<String> names = columns.values().stream()
                .filter(c -> c.type() == type)
                .map(Column::name)
                .toList();
        if (names.size() < 2) {
            return names.isEmpty() ? "none" : names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " or " + names.get(names.size() - 1);
    }

    private static Class<?> kind(Queryable q) {
        return switch (q.type()) {
            case "integer", "number" -> Integer.class;
            case "boolean" -> Boolean.class;
            case "date-time" -> Instant.class;
            default -> String.class;
        };
    }

    private static Map<String, Column> columns(List<Column> all) {
        Map<String, Column> out = new LinkedHashMap<>();
        all.forEach(c -> out.put(c.name(), c));
        return out;
    }
}
