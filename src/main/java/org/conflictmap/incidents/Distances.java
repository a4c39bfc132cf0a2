package org.conflictmap.incidents;

import org.conflictmap.geo.Wkb;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.crs.CoordinateReferenceSystem;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * {@code S_DWITHIN} in metres: the literal geometry buffered by the distance on an azimuthal
 * equidistant projection centred on it (GeoTools, WGS 84 ellipsoid), where distances from the centre
 * are true, then brought back to longitude/latitude; the store then asks whether a row's geometry
 * meets that area, with its spatial index. Around a point the circle has 64 sides per quarter,
 * so its edges stay within 0.01 % of the distance; for a line or an area, distances measured away
 * from its centre are stretched by the projection's scale (0.1 % 500 km from the centre).
 */
final class Distances {
    private static final int QUADRANT_SEGMENTS = 64;

    private Distances() {}

    static Geometry buffer(Geometry g, double metres) {
        if (metres == 0) {
            return g; // within 0 m: meets it (a point's buffer by 0 is empty)
        }
        Point centre = g.getCentroid();
        try {
            MathTransform toMetres =
                    CRS.findMathTransform(DefaultGeographicCRS.WGS84, aeqd(centre.getX(), centre.getY()), true);
            Geometry projected = JTS.transform(g, toMetres);
            Geometry out = JTS.transform(projected.buffer(metres, QUADRANT_SEGMENTS), toMetres.inverse());
            out = Wkb.FACTORY.createGeometry(out);
            out.setSRID(4326);
            return out;
        } catch (FactoryException | TransformException e) {
            throw CqlSql.invalid("S_DWITHIN cannot measure around this geometry");
        }
    }

    /** The azimuthal equidistant projection centred on {@code lon}, {@code lat} (metres). */
    static CoordinateReferenceSystem aeqd(double lon, double lat) throws FactoryException {
        return CRS.parseWKT(
                "PROJCS[\"AEQD\",GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563]],"
                        + "PRIMEM[\"Greenwich\",0],UNIT[\"degree\",0.0174532925199433],AXIS[\"Longitude\",EAST],AXIS[\"Latitude\",NORTH]],"
                        + "PROJECTION[\"Azimuthal_Equidistant\"],PARAMETER[\"latitude_of_center\"," + lat + "],"
                        + "PARAMETER[\"longitude_of_center\"," + lon
                        + "],PARAMETER[\"false_easting\",0],PARAMETER[\"false_northing\",0],"
                        + "UNIT[\"metre\",1],AXIS[\"Easting\",EAST],AXIS[\"Northing\",NORTH]]");
    }
}
