package org.conflictmap.store;

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

    private Wkb() {
    }

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
}
