package org.conflictmap.tiles;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Params;

/**
 * One tile address: zoom (tile matrix), column, row, the format ({@code png}, {@code mvt}), the pixel ratio
 * ({@code @2x}) and the tile matrix set ({@link TileGrid}: WebMercatorQuad, the XYZ tiles, unless an OGC API – Tiles
 * tileset names WorldCRS84Quad, whose tiles are vector tiles only). Out-of-range addresses are 400s; unknown file names 404s.
 */
record TileRequest(int z, int x, int y, String format, int ratio, TileGrid grid) {
    static final Pattern FILE = Pattern.compile("(\\d{1,8})(@2x)?\\.(png|mvt|pbf)");

    TileRequest {
        if (z < 0 || z >= grid.levels() || x < 0 || y < 0 || x >= grid.matrixWidth(z) || y >= grid.matrixHeight(z)) {
            throw new IllegalArgumentException("tile " + z + "/" + x + "/" + y + " is outside the grid " + grid.id());
        }
        if (ratio != 1 && ratio != 2) {
            throw new IllegalArgumentException("pixel ratio must be 1 or 2");
        }
        if (grid != TileGrid.WEB_MERCATOR_QUAD && !format.equals("mvt")) {
            throw new IllegalArgumentException("only vector tiles are cut in " + grid.id());
        }
    }

    /** A tile of the XYZ grid (WebMercatorQuad). */
    TileRequest(int z, int x, int y, String format, int ratio) {
        this(z, x, y, format, ratio, TileGrid.WEB_MERCATOR_QUAD);
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
        return (grid == TileGrid.WEB_MERCATOR_QUAD ? "" : grid.id() + "/") + z + "/" + x + "/" + y
                + (ratio == 2 ? "@2x" : "") + "." + format;
    }
}
