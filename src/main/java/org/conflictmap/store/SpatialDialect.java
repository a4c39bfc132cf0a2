package org.conflictmap.store;

/**
 * Every piece of SQL that differs between PostGIS and H2GIS lives behind this interface; store
 * code everywhere else writes SQL that both understand (geometry in as WKB through
 * {@code ST_GeomFromWKB(?, 4326)}, out as WKB through {@code ST_AsBinary}).
 */
public interface SpatialDialect {

    Vendor vendor();

    /**
     * A predicate that is true where {@code column} intersects an envelope, written so that each store
     * uses its spatial index; the envelope (minLon, minLat, maxLon, maxLat) is bound
     * {@link #envelopeBindings()} times in a row.
     */
    String intersectsEnvelope(String column);

    /** How many times {@link #intersectsEnvelope} binds the envelope's four numbers. */
    default int envelopeBindings() {
        return 2;
    }

    /** The SQL that turns one WKB parameter into an EPSG:4326 geometry. */
    default String geometryFromWkb() {
        return "ST_GeomFromWKB(?, 4326)";
    }

    /** Selects the geometry as WKB. */
    default String geometryAsWkb(String column) {
        return "ST_AsBinary(" + column + ")";
    }

    static SpatialDialect of(Vendor vendor) {
        return switch (vendor) {
            case H2GIS -> new H2gisDialect();
            case POSTGIS -> new PostgisDialect();
        };
    }

    record H2gisDialect() implements SpatialDialect {
        @Override
        public Vendor vendor() {
            return Vendor.H2GIS;
        }

        /**
         * The bounding-box columns that db/migration/h2/V28 generates from {@code column} (B-tree indexed:
         * H2 cannot reopen a file after kill -9 when its undo log touches an R-tree), then
         * {@code ST_Intersects}. The four comparisons take the envelope in its binding order.
         */
        @Override
        public String intersectsEnvelope(String column) {
            return "(" + column + "_xmax >= ? AND " + column + "_ymax >= ? AND " + column + "_xmin <= ? AND " + column
                    + "_ymin <= ? AND ST_Intersects(" + column + ", ST_MakeEnvelope(?, ?, ?, ?, 4326)))";
        }
    }

    record PostgisDialect() implements SpatialDialect {
        @Override
        public Vendor vendor() {
            return Vendor.POSTGIS;
        }

        /**
         * {@code ST_Intersects} alone: PostGIS adds the index condition {@code &&} itself and estimates the
         * rows from it. Written out as {@code && AND ST_Intersects}, the planner multiplied the two
         * selectivities, expected 7,900 rows where 43,000 matched, and sorted them on disk instead of
         * reading the (occurred_start, id) index in order: 200 ms instead of 56 for 10,000 items.
         */
        @Override
        public String intersectsEnvelope(String column) {
            return "ST_Intersects(" + column + ", ST_MakeEnvelope(?, ?, ?, ?, 4326))";
        }

        @Override
        public int envelopeBindings() {
            return 1;
        }
    }
}
