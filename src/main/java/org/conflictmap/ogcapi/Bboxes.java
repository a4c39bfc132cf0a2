package org.conflictmap.ogcapi;

import java.util.List;
import org.conflictmap.geo.Bbox;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;

/**
 * The OGC {@code bbox} parameter, which may cross the antimeridian: OGC API – Features Part 1
 * (parameter {@code bbox}) lets the west edge be greater than the east edge, e.g.
 * {@code 177,65,-177,70}. Such a box is the two boxes either side of 180°; any other box is one.
 */
final class Bboxes {
    private static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private Bboxes() {}

    /** One box, or the two halves of a box that crosses the antimeridian; null when absent. Malformed is a 400. */
    static List<Bbox> parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] v = text.split(",", -1);
        if (v.length == 4 || v.length == 6) {
            int east = v.length == 4 ? 2 : 3;
            int north = v.length == 4 ? 3 : 4;
            try {
                double w = Double.parseDouble(v[0].trim());
                double e = Double.parseDouble(v[east].trim());
                if (w > e) {
                    String s = v[1].trim();
                    String n = v[north].trim();
                    return List.of(
                            Bbox.parse(v[0].trim() + "," + s + ",180," + n, "bbox"),
                            Bbox.parse("-180," + s + "," + v[east].trim() + "," + n, "bbox"));
                }
            } catch (NumberFormatException notNumbers) {
                // Bbox.parse names the value that is not a number
            }
        }
        return List.of(Bbox.parse(text, "bbox"));
    }

    /** The boxes as one lon/lat geometry (a polygon, or two for a box across the antimeridian). */
    static Geometry geometry(List<Bbox> boxes) {
        Geometry g = null;
        for (Bbox b : boxes) {
            Geometry one = FACTORY.toGeometry(b.envelope());
            g = g == null ? one : g.union(one);
        }
        return g;
    }
}
