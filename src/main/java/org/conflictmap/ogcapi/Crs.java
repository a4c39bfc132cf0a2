package org.conflictmap.ogcapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Params;
import org.geotools.api.referencing.FactoryException;
import org.geotools.api.referencing.operation.MathTransform;
import org.geotools.api.referencing.operation.NoninvertibleTransformException;
import org.geotools.api.referencing.operation.TransformException;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.geotools.referencing.operation.projection.MapProjection;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.http.HttpStatus;

/**
 * OGC API – Features Part 2: the coordinate reference systems features can be served in and a
 * {@code bbox} given in. Data are stored in CRS84 (longitude, latitude); the others come from
 * GeoTools' EPSG database (in the GeoTools wrapper) with the EPSG axis order, so EPSG:4326 is
 * latitude, longitude, as Part 2 requires; EPSG:3857 is web mercator, EPSG:32642/32643 UTM zones
 * 42N/43N (metres; the region spans both).
 */
final class Crs {
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    private static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
    /** Each offered CRS by its URI, with its EPSG code (CRS84 first: the storage CRS). */
    static final Map<String, String> OFFERED = offered(
            CRS84,
            "CRS:84",
            EPSG + "4326",
            "EPSG:4326",
            EPSG + "3857",
            "EPSG:3857",
            EPSG + "32642",
            "EPSG:32642",
            EPSG + "32643",
            "EPSG:32643");

    static final List<String> URIS = List.copyOf(OFFERED.keySet());
    private static final Map<String, MathTransform> FROM_CRS84 = new ConcurrentHashMap<>();
    private static final String LAT_LON = EPSG + "4326";
    /** How finely a {@code bbox} in another CRS is sampled (per side) to find the CRS84 box holding it. */
    private static final int EDGE_STEPS = 16;

    static {
        // GeoTools re-projects every projected point back, when Java assertions are on (as under the
        // tests), and refuses one more than a metre off: a country or river reaching far outside a UTM
        // zone (32642 of India's east) then failed with -ea and passed without it. The check is a
        // debugging aid; the answer is the same without it, so both run alike.
        MapProjection.SKIP_SANITY_CHECKS = true;
    }

    private Crs() {}

    private static Map<String, String> offered(String... pairs) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int k = 0; k < pairs.length; k += 2) {
            out.put(pairs[k], pairs[k + 1]);
        }
        return Collections.unmodifiableMap(out);
    }

    /**
     * The CRS a parameter names, as its URI ({@code [EPSG:4326]}, a safe CURIE, is read too); CRS84
     * when absent; anything not offered is a 400 naming the parameter.
     */
    static String parse(String name, String value) {
        if (value == null || value.isBlank()) {
            return CRS84;
        }
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]") && v.contains(":")) {
            String code = v.substring(1, v.length() - 1);
            v = code.equalsIgnoreCase("OGC:CRS84") ? CRS84 : EPSG + code.substring(code.indexOf(':') + 1);
        }
        if (!OFFERED.containsKey(v)) {
            throw Params.invalid(name, "not an offered CRS; these are " + URIS);
        }
        return v;
    }

    /** {@code g} (CRS84) in {@code crs}. */
    static Geometry fromCrs84(Geometry g, String crs) {
        if (crs.equals(CRS84)) {
            return g;
        }
        try {
            return JTS.transform(g, transform(crs));
        } catch (TransformException e) {
            throw new ApiProblem(
                    HttpStatus.BAD_REQUEST,
                    "Bad request",
                    "a geometry lies outside the area where " + OFFERED.get(crs) + " can hold it",
                    List.of());
        }
    }

    /**
     * A {@code bbox} given in {@code crs} as a CRS84 {@code bbox} value: the smallest CRS84 box
     * holding a 17 × 17 grid of the box's points (edges and inside) taken back to CRS84, clamped to
     * ±180°/±90°. A CRS84 box is returned as it came; an EPSG:4326 box whose first or third number
     * cannot be a latitude is read longitude first.
     */
    static String bboxToCrs84(String bbox, String crs) {
        if (bbox == null || bbox.isBlank() || crs.equals(CRS84)) {
            return bbox;
        }
        String[] v = bbox.split(",", -1);
        if (v.length != 4 && v.length != 6) {
            throw Params.invalid("bbox", "4 or 6 numbers");
        }
        double[] n = new double[v.length];
        for (int k = 0; k < v.length; k++) {
            try {
                n[k] = Double.parseDouble(v[k].strip());
            } catch (NumberFormatException e) {
                throw Params.invalid("bbox", "'" + v[k] + "' is not a number");
            }
            if (!Double.isFinite(n[k])) {
                throw Params.invalid("bbox", "'" + v[k] + "' is not a finite number");
            }
        }
        int half = v.length / 2;
        if (n[0] > n[half] || n[1] > n[half + 1]) {
            throw Params.invalid("bbox", "the lower corner must come first in " + OFFERED.get(crs));
        }
        if (crs.equals(LAT_LON) && (Math.abs(n[0]) > 90 || Math.abs(n[half]) > 90)) {
            // not latitudes: a box sent longitude first (as the OGC test suite 1.9 sends one in EPSG:4326)
            return n[0] + "," + n[1] + "," + n[half] + "," + n[half + 1];
        }
        Envelope lonLat = new Envelope();
        MathTransform back = inverse(crs);
        double[] p = new double[2];
        // the box's edges and inside, point by point: a point the projection cannot take back (far
        // outside a UTM zone) is left out rather than failing the whole box
        for (int i = 0; i <= EDGE_STEPS; i++) {
            for (int j = 0; j <= EDGE_STEPS; j++) {
                p[0] = n[0] + (n[half] - n[0]) * i / EDGE_STEPS;
                p[1] = n[1] + (n[half + 1] - n[1]) * j / EDGE_STEPS;
                try {
                    back.transform(p, 0, p, 0, 1);
                    if (Double.isFinite(p[0]) && Double.isFinite(p[1])) {
                        lonLat.expandToInclude(Math.max(-180, Math.min(180, p[0])), Math.max(-90, Math.min(90, p[1])));
                    }
                } catch (TransformException outside) {
                    // left out
                }
            }
        }
        if (lonLat.isNull()) {
            throw Params.invalid("bbox", "outside the area of " + OFFERED.get(crs));
        }
        // a reprojection round trip is not exact: a box drawn tight around a point in EPSG:3857 or UTM comes back a
        // few 1e-10 degrees off that point and missed it (the OGC suite's bbox-crs test on incidents-points);
        // a margin of 1e-7 degrees (about a centimetre) takes the error in and nothing a reader could see
        lonLat.expandBy(BOX_MARGIN_DEGREES);
        return Math.max(-180, lonLat.getMinX()) + "," + Math.max(-90, lonLat.getMinY()) + ","
                + Math.min(180, lonLat.getMaxX()) + "," + Math.min(90, lonLat.getMaxY());
    }

    /** How much a box given in another CRS is widened once in longitude and latitude (see {@link #bboxToCrs84}). */
    static final double BOX_MARGIN_DEGREES = 1e-7;

    /** The header value naming {@code crs} ({@code Content-Crs: <uri>}). */
    static String header(String crs) {
        return "<" + crs + ">";
    }

    private static MathTransform inverse(String crs) {
        try {
            return transform(crs).inverse();
        } catch (NoninvertibleTransformException e) {
            throw new IllegalStateException(OFFERED.get(crs) + " cannot be inverted", e);
        }
    }

    private static MathTransform transform(String crs) {
        return FROM_CRS84.computeIfAbsent(crs, c -> {
            try {
                return CRS.findMathTransform(DefaultGeographicCRS.WGS84, CRS.decode(OFFERED.get(c)), true);
            } catch (FactoryException e) {
                throw new IllegalStateException("GeoTools' EPSG database lacks " + OFFERED.get(c), e);
            }
        });
    }
}
