package org.conflictmap.tiles;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Params;

/**
 * One tile address: zoom, column, row, the format ({@code png}, {@code mvt}) and the pixel ratio
 * ({@code @2x}). Out-of-range addresses are 400s; unknown file names 404s.
 */
record TileRequest(int z, int x, int y, String format, int ratio) {
    static final Pattern FILE = Pattern.compile("(\\d{1,8})(@2x)?\\.(png|mvt|pbf)");

    TileRequest {
        if (z < 0 || x < 0 || y < 0 || x >= (1L << z) || y >= (1L << z)) {
            throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " is outside the grid");
        }
        if (ratio != 1 && ratio != 2) {
            throw new IllegalArgumentException("pixel ratio must be 1 or 2");
        }
    }

    static TileRequest parse(String z, String x, String file, int maxZoom) {
        Matcher m = FILE.matcher(file);
        if (!m.matches()) {
            throw ApiProblem.notFound("tiles are {z}/{x}/{y}.png, {y}@2x.png or {y}.mvt, not '" + clip(file) + "'");
        }
        int zz = Params.integer("z", z, 0, 0, maxZoom);
        long side = 1L << zz;
        int xx = Params.integer("x", x, 0, 0, (int) (side - 1));
        int yy = Params.integer("y", m.group(1), 0, 0, (int) (side - 1));
        String format = m.group(3).equals("pbf") ? "mvt" : m.group(3);
        if (format.equals("mvt") && m.group(2) != null) {
            throw ApiProblem.notFound("vector tiles have no @2x variant");
        }
        return new TileRequest(zz, xx, yy, format, m.group(2) == null ? 1 : 2);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    @Override
    public String toString() {
        return z + "/" + x + "/" + y + (ratio == 2 ? "@2x" : "") + "." + format;
    }
}
