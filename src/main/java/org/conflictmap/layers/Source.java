package org.conflictmap.layers;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Where a collection's features come from: the store's table and the fixed condition that selects its
 * rows. The condition is the registration's own SQL (never a request's), readable by both stores; the
 * registry computes extents and counts from it, and the features' readers (the OGC items, tiles,
 * exports) add it to their own query.
 */
public sealed interface Source {
    /** The table (or view) the rows are in. */
    String table();

    /** The SQL condition over {@link #table()} that selects the collection's rows. */
    String condition();

    /** The columns of the rows' time span (start, end), or null when the rows have none. */
    default String[] temporal() {
        return null;
    }

    /** The rows' geometry column (EPSG:4326). */
    default String geometry() {
        return "geom";
    }

    /**
     * Published incidents, all of them or those {@code where} selects: a fixed condition over the
     * incidents table's columns (without parameters), null for every published incident.
     */
    record Incidents(String where) implements Source {
        public Incidents {
            if (where != null && (where.isBlank() || where.indexOf('?') >= 0 || where.indexOf(';') >= 0)) {
                throw new IllegalArgumentException("a source's condition is fixed SQL without parameters: " + where);
            }
        }

        /** Every published incident. */
        public static Incidents all() {
            return new Incidents(null);
        }

        /** Published incidents whose geometry has this dimension (0 points, 1 lines, 2 areas). */
        public static Incidents ofDimension(int dimension) {
            return new Incidents("ST_Dimension(geom) = " + dimension);
        }

        @Override
        public String table() {
            return "incidents";
        }

        @Override
        public String condition() {
            return "status = 'published'" + (where == null ? "" : " AND (" + where + ")");
        }

        @Override
        public String[] temporal() {
            return new String[] {"occurred_start", "occurred_end"};
        }
    }

    /** The gazetteer's places of these kinds ({@code gazetteer.Place.KINDS}). */
    record Places(Set<String> kinds) implements Source {
        public Places {
            if (kinds == null || kinds.isEmpty() || kinds.stream().anyMatch(k -> !k.matches("[a-z_]+"))) {
                throw new IllegalArgumentException("a gazetteer source names its kinds: " + kinds);
            }
            kinds = Set.copyOf(kinds);
        }

        @Override
        public String table() {
            return "places";
        }

        @Override
        public String condition() {
            return "kind IN ("
                    + new TreeSet<>(kinds).stream().map(k -> "'" + k + "'").collect(Collectors.joining(", ")) + ")";
        }
    }

    /**
     * The rows of a plain table, described as data: a layer over a new table is this registration, its migration
     * and its style, with no code of its own. One reader, {@link Tables}, serves every such source: the OGC items
     * and an item (filtered by bbox and datetime), the vector tiles (encoded by the store where it can), the
     * extent. The table's migration gives it, on each store, the geometry column (EPSG:4326) and, on the embedded
     * store, V28's four bounding-box columns generated from it ({@code geom_xmin}, {@code geom_ymin}, …, B-tree
     * indexed), by which both stores' {@code SpatialDialect.intersectsEnvelope} find the rows of a box.
     *
     * @param table    the table (or view)
     * @param id       its id column: a {@code string} or {@code integer} property, the features' id
     * @param geometry its geometry column
     * @param columns  the attribute columns it publishes, each with its JSON type (the features' properties)
     * @param start    the column of its rows' time (or of their start), null when they have none; a time column
     *                 is {@code TIMESTAMP WITH TIME ZONE}
     * @param end      the column of their end (null in a row: not ended yet), or the start's again
     * @param where    a fixed condition over its columns (without parameters), null for every row
     */
    record Table(
            String table,
            Queryable id,
            String geometry,
            List<Queryable> columns,
            String start,
            String end,
            String where)
            implements Source {
        private static final String NAME = "[a-z_][a-z0-9_]{0,62}";

        /** The download's columns of a point on each row (its CSV's), besides the published columns. */
        public static final List<String> POINT_FIELDS = List.of("longitude", "latitude");

        public Table {
            List<String> names = new ArrayList<>(List.of(table, geometry));
            if (id == null || !Set.of("string", "integer").contains(id.type())) {
                throw new IllegalArgumentException("a table's id is a string or integer column: " + id);
            }
            names.add(id.name());
            columns = List.copyOf(columns);
            columns.forEach(c -> names.add(c.name()));
            if (start != null || end != null) {
                if (start == null) {
                    throw new IllegalArgumentException("a table's rows have a start time where they have an end");
                }
                end = end == null ? start : end;
                names.addAll(List.of(start, end));
            }
            for (String n : names) {
                if (n == null || !n.matches(NAME)) {
                    throw new IllegalArgumentException(
                            "a table source names its table and columns in lower case: " + n);
                }
            }
            if (columns.stream().map(Queryable::name).distinct().count() != columns.size()
                    || columns.stream().anyMatch(c -> c.name().equals(id.name()))) {
                throw new IllegalArgumentException("a table's columns are named once each: " + columns);
            }
            if (where != null && (where.isBlank() || where.indexOf('?') >= 0 || where.indexOf(';') >= 0)) {
                throw new IllegalArgumentException("a source's condition is fixed SQL without parameters: " + where);
            }
        }

        /** Every row of {@code table}: its {@code id}, its {@code geom} and these published {@code columns}. */
        public static Table of(String table, Queryable id, Queryable... columns) {
            return new Table(table, id, "geom", List.of(columns), null, null, null);
        }

        /** These rows, whose time is {@code start} (to {@code end}, which may be the same column). */
        public Table timed(String start, String end) {
            return new Table(table, id, geometry, columns, start, end, where);
        }

        /** The rows that {@code condition} selects. */
        public Table narrowed(String condition) {
            return new Table(table, id, geometry, columns, start, end, condition);
        }

        @Override
        public String condition() {
            return where == null ? "1 = 1" : "(" + where + ")";
        }

        @Override
        public String[] temporal() {
            return start == null ? null : new String[] {start, end};
        }

        /** Its id and published columns: what its features carry, and what its vector tiles carry unless styled otherwise. */
        public List<String> names() {
            List<String> out = new ArrayList<>(List.of(id.name()));
            columns.forEach(c -> out.add(c.name()));
            return out;
        }

        /** Its id and published columns with their types: its queryables unless its collection names fewer. */
        public List<Queryable> published() {
            List<Queryable> out = new ArrayList<>(List.of(id));
            out.addAll(columns);
            return List.copyOf(out);
        }

        /** The JSON type of published column (or id) {@code name}, null when it publishes none of that name. */
        public String type(String name) {
            if (id.name().equals(name)) {
                return id.type();
            }
            return columns.stream()
                    .filter(c -> c.name().equals(name))
                    .map(Queryable::type)
                    .findFirst()
                    .orElse(null);
        }
    }
}
