package org.conflictmap.incidents;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One incident as chosen columns of the incidents table, read with their types, without building an
 * {@link Incident}: what the flat exports take (the Shapefile's first pass builds nothing else). The
 * values follow the asked attributes ({@link Queryables.Attribute}) in order (times as {@link Instant}); the point inside the
 * location and the whole geometry come as WKB, the claims and sources as their stored JSON.
 */
public record StoredRow(Object[] values, byte[] point, byte[] geometry, String claims, String sources) {
    public StoredRow {
        Objects.requireNonNull(values, "values");
        if (point == null || geometry == null) {
            throw new IllegalArgumentException("an incident row needs its point and its geometry");
        }
    }

    /** A column of the incidents table and the type it is read as: String, Integer, Boolean or Instant. */
    record Column(String name, Class<?> type) {
        private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");
        private static final Set<Class<?>> TYPES = Set.of(String.class, Integer.class, Boolean.class, Instant.class);

        public Column {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new IllegalArgumentException("not a column name: " + name);
            }
            if (!TYPES.contains(type)) {
                throw new IllegalArgumentException(
                        "a column is read as String, Integer, Boolean or Instant, not " + type);
            }
        }
    }

    /** The columns' names as a select list. */
    static String selectList(List<Column> columns) {
        return String.join(", ", columns.stream().map(Column::name).toList());
    }
}
