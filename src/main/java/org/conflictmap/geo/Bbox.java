package org.conflictmap.geo;

import org.conflictmap.errors.Invalid;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A lon/lat box on WGS 84. The constructor refuses what is not a box: out-of-range or non-finite
 * coordinates and inverted corners (the server does not wrap the antimeridian).
 */
public record Bbox(double minLon, double minLat, double maxLon, double maxLat) {
    public static final Bbox WORLD = new Bbox(-180, -90, 180, 90);

    public Bbox {
        check(minLon, -180, 180, "minLon");
        check(maxLon, -180, 180, "maxLon");
        check(minLat, -90, 90, "minLat");
        check(maxLat, -90, 90, "maxLat");
        if (minLon > maxLon) {
            throw new IllegalArgumentException("minLon " + minLon + " is greater than maxLon " + maxLon);
        }
        if (minLat > maxLat) {
            throw new IllegalArgumentException("minLat " + minLat + " is greater than maxLat " + maxLat);
        }
    }

    private static void check(double v, double min, double max, String name) {
        if (!Double.isFinite(v) || v < min || v > max) {
            throw new IllegalArgumentException(name + " " + v + " is outside " + min + ".." + max);
        }
    }

    /**
     * Parses {@code minLon,minLat,maxLon,maxLat} (a six-number 3D box is accepted, heights ignored,
     * as OGC API – Features allows); null or blank gives null. Anything else is a 400.
     */
    public static Bbox parse(String text, String parameter) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String[] parts = text.split(",", -1);
        if (parts.length != 4 && parts.length != 6) {
            throw bad(parameter, "expected minLon,minLat,maxLon,maxLat, got " + parts.length + " values");
        }
        double[] v = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            try {
                v[i] = Double.parseDouble(parts[i].trim());
            } catch (NumberFormatException e) {
                throw bad(parameter, "'" + abbreviate(parts[i]) + "' is not a number");
            }
        }
        try {
            return parts.length == 4 ? new Bbox(v[0], v[1], v[2], v[3]) : new Bbox(v[0], v[1], v[3], v[4]);
        } catch (IllegalArgumentException e) {
            throw bad(parameter, e.getMessage());
        }
    }

    private static Invalid bad(String parameter, String why) {
        return new Invalid(parameter, why);
    }

    private static String abbreviate(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public Envelope envelope() {
        return new Envelope(minLon, maxLon, minLat, maxLat);
    }

    public static Bbox of(Geometry g) {
        Envelope e = g.getEnvelopeInternal();
        return new Bbox(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    }

    /** The four numbers in the order SQL envelope parameters and GeoJSON {@code bbox} use. */
    public double[] toArray() {
        return new double[] {minLon, minLat, maxLon, maxLat};
    }
}
