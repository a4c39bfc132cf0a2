package org.conflictmap.geo;

import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/** Geometry travels between the server and both stores as WKB; these are the two directions. */
public final class Wkb {
    /** Every geometry of the server is lon/lat on WGS 84. */
    public static final GeometryFactory FACTORY = new GeometryFactory(new PrecisionModel(), 4326);

    private Wkb() {}

    public static byte[] write(Geometry geometry) {
        return new WKBWriter(2).write(geometry);
    }

    public static Geometry read(byte[] wkb) {
        if (wkb == null) {
            return null;
        }
        try {
            Geometry g = new WKBReader(FACTORY).read(wkb);
            g.setSRID(4326);
            return g;
        } catch (ParseException e) {
            throw new IllegalStateException("the store returned a geometry that is not WKB", e);
        }
    }

    /**
     * The geometry type code of a WKB without reading the geometry: 1 point, 2 line string, 3 polygon,
     * 4-6 their multi forms, 7 collection (ISO Z/M offsets and EWKB flags dropped).
     */
    public static int type(byte[] wkb) {
        if (wkb == null || wkb.length < 5) {
            throw new IllegalStateException("the store returned a geometry that is not WKB");
        }
        int t = wkb[0] == 1
                ? (wkb[1] & 0xff) | (wkb[2] & 0xff) << 8 | (wkb[3] & 0xff) << 16 | (wkb[4] & 0xff) << 24
                : (wkb[4] & 0xff) | (wkb[3] & 0xff) << 8 | (wkb[2] & 0xff) << 16 | (wkb[1] & 0xff) << 24;
        return (t & 0x0fffffff) % 1000;
    }
}
