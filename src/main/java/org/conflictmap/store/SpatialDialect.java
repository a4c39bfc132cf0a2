package org.conflictmap.store;

/**
 * Every piece of SQL that differs between PostGIS and H2GIS lives behind this interface; store
 * code everywhere else writes SQL that both understand (geometry in as WKB through
 * {@code ST_GeomFromWKB(?, 4326)}, out as WKB through {@code ST_AsBinary}).
 */
public interface SpatialDialect {

    Vendor vendor();

    /**
     * A predicate that is true where {@code column} intersects the envelope given by four
     * parameters (minLon, minLat, maxLon, maxLat), written so that each store uses its spatial index.
     */
    default String intersectsEnvelope(String column) {
        return "(" + column + " && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(" + column
                + ", ST_MakeEnvelope(?, ?, ?, ?, 4326)))";
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
    }

    record PostgisDialect() implements SpatialDialect {
        @Override
        public Vendor vendor() {
            return Vendor.POSTGIS;
        }
    }
}
