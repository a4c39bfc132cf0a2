package org.conflictmap.layers;

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
}
