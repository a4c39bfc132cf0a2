package org.conflictmap.tiles;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.CoordinateSequenceFilter;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/** Spherical (Web) Mercator, EPSG:3857, and the XYZ tile grid over it. Longitude first throughout. */
final class Mercator {
    static final double R = 6378137.0;
    static final double HALF = Math.PI * R;
    static final double MAX_LAT = 85.0511287798;

    private Mercator() {}

    static double x(double lon) {
        return Math.toRadians(lon) * R;
    }

    static double y(double lat) {
        double l = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
        return Math.log(Math.tan(Math.PI / 4 + Math.toRadians(l) / 2)) * R;
    }

    static double lon(double x) {
        return Math.toDegrees(x / R);
    }

    static double lat(double y) {
        return Math.toDegrees(2 * Math.atan(Math.exp(y / R)) - Math.PI / 2);
    }

    /** A copy of a lon/lat geometry in EPSG:3857. */
    static Geometry project(Geometry g) {
        return transformed(g, true, 3857);
    }

    /** A copy of an EPSG:3857 geometry in lon/lat. */
    static Geometry unproject(Geometry m) {
        return transformed(m, false, 4326);
    }

    private static Geometry transformed(Geometry g, boolean forward, int srid) {
        Geometry copy = g.copy();
        copy.apply(new CoordinateSequenceFilter() {
            @Override
            public void filter(CoordinateSequence seq, int i) {
                double a = seq.getOrdinate(i, 0);
                double b = seq.getOrdinate(i, 1);
                seq.setOrdinate(i, 0, forward ? x(a) : lon(a));
                seq.setOrdinate(i, 1, forward ? y(b) : lat(b));
            }

            @Override
            public boolean isDone() {
                return false;
            }

            @Override
            public boolean isGeometryChanged() {
                return true;
            }
        });
        copy.setSRID(srid);
        return copy;
    }

    /** The tile's square in EPSG:3857 metres. */
    static Envelope tile(int z, int x, int y) {
        double size = 2 * HALF / (1 << z);
        double minX = -HALF + x * size;
        double maxY = HALF - y * size;
        return new Envelope(minX, minX + size, maxY - size, maxY);
    }

    /** A 3857 envelope in lon/lat. */
    static Envelope lonLat(Envelope m) {
        return new Envelope(lon(m.getMinX()), lon(m.getMaxX()), lat(m.getMinY()), lat(m.getMaxY()));
    }

    static Coordinate project(double lon, double lat) {
        return new Coordinate(x(lon), y(lat));
    }
}
