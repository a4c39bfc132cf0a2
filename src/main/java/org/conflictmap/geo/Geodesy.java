package org.conflictmap.geo;

import org.geotools.referencing.GeodeticCalculator;
import org.geotools.referencing.datum.DefaultEllipsoid;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;

/** Distances on the WGS 84 ellipsoid, through GeoTools' geodetic calculator (lon/lat order). */
public final class Geodesy {
    private Geodesy() {}

    /** Geodesic length in kilometres of every line in {@code g}, summed vertex to vertex. */
    public static double lengthKm(Geometry g) {
        GeodeticCalculator calc = new GeodeticCalculator(DefaultEllipsoid.WGS84);
        double metres = 0;
        for (int i = 0; i < g.getNumGeometries(); i++) {
            Geometry part = g.getGeometryN(i);
            if (part instanceof LineString line) {
                Coordinate[] cs = line.getCoordinates();
                for (int k = 1; k < cs.length; k++) {
                    metres += distanceMetres(calc, cs[k - 1], cs[k]);
                }
            }
        }
        return metres / 1000.0;
    }

    /** Geodesic distance in metres between two lon/lat positions. */
    public static double distanceMetres(Coordinate a, Coordinate b) {
        return distanceMetres(new GeodeticCalculator(DefaultEllipsoid.WGS84), a, b);
    }

    private static double distanceMetres(GeodeticCalculator calc, Coordinate a, Coordinate b) {
        calc.setStartingGeographicPoint(a.x, a.y);
        calc.setDestinationGeographicPoint(b.x, b.y);
        return calc.getOrthodromicDistance();
    }
}
