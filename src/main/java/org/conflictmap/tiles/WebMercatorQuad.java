package org.conflictmap.tiles;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The one tile matrix set these tiles use: WebMercatorQuad as OGC 17-083r4 (Two Dimensional Tile Matrix
 * Set 2.0, annex D.1) defines it, 256 px tiles on EPSG:3857 from a single z0 tile, tile matrices "0" to
 * "24" (this server serves 0 to {@code conflictmap.tiles.max-zoom}; its tilesets say so in their limits).
 * <p>
 * The document also carries the members of the first encoding (17-083r2: {@code type}, {@code identifier},
 * {@code supportedCRS}, {@code boundingBox}; per matrix {@code identifier}, {@code topLeftCorner}): GDAL
 * before 3.7 (Debian 12 has 3.6.2) reads only those and refused the 2.0 document alone ("Invalid tiling
 * matrix set name"). A 2.0 client ignores members it does not know.
 */
final class WebMercatorQuad {
    static final String ID = "WebMercatorQuad";
    static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
    static final String CRS = "http://www.opengis.net/def/crs/EPSG/0/3857";
    static final int LEVELS = 25;
    /** Metres a pixel at tile matrix 0: the equator's length in EPSG:3857 over 256 px. */
    static final double CELL_SIZE_0 = 2 * Mercator.HALF / 256;
    /** The standardised rendering pixel of 0.28 mm that turns a cell size into a scale denominator. */
    static final double PIXEL_METRES = 0.00028;

    private WebMercatorQuad() {
    }

    static ObjectNode definition(ObjectMapper json) {
        ObjectNode d = json.createObjectNode();
        d.put("id", ID);
        d.put("title", "Google Maps Compatible for the World");
        d.put("uri", URI);
        d.put("crs", CRS);
        d.putArray("orderedAxes").add("X").add("Y");
        d.put("wellKnownScaleSet", "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible");
        // 17-083r2's names of the same (GDAL < 3.7)
        d.put("type", "TileMatrixSetType");
        d.put("identifier", ID);
        d.put("supportedCRS", CRS);
        ObjectNode box = d.putObject("boundingBox");
        box.put("type", "BoundingBoxType").put("crs", CRS);
        box.putArray("lowerCorner").add(-Mercator.HALF).add(-Mercator.HALF);
        box.putArray("upperCorner").add(Mercator.HALF).add(Mercator.HALF);
        ArrayNode matrices = d.putArray("tileMatrices");
        for (int z = 0; z < LEVELS; z++) {
            double cell = CELL_SIZE_0 / (1L << z);
            ObjectNode m = matrices.addObject();
            m.put("id", Integer.toString(z));
            m.put("scaleDenominator", cell / PIXEL_METRES);
            m.put("cellSize", cell);
            m.put("cornerOfOrigin", "topLeft");
            m.putArray("pointOfOrigin").add(-Mercator.HALF).add(Mercator.HALF);
            m.put("tileWidth", 256);
            m.put("tileHeight", 256);
            m.put("matrixWidth", 1L << z);
            m.put("matrixHeight", 1L << z);
            m.put("identifier", Integer.toString(z));
            m.putArray("topLeftCorner").add(-Mercator.HALF).add(Mercator.HALF);
        }
        return d;
    }

    /** The column of longitude {@code lon} at zoom {@code z}. */
    static int col(double lon, int z) {
        long n = 1L << z;
        return (int) Math.max(0, Math.min(n - 1, Math.floor((Mercator.x(lon) + Mercator.HALF) / (2 * Mercator.HALF) * n)));
    }

    /** The row (counted from the top) of latitude {@code lat} at zoom {@code z}. */
    static int row(double lat, int z) {
        long n = 1L << z;
        return (int) Math.max(0, Math.min(n - 1, Math.floor((Mercator.HALF - Mercator.y(lat)) / (2 * Mercator.HALF) * n)));
    }
}
