package org.conflictmap.tiles;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tile matrix set of every tile of {@code /tiles} and the web map: WebMercatorQuad as OGC 17-083r4 (Two
 * Dimensional Tile Matrix Set 2.0, annex D.1) defines it, 256 px tiles on EPSG:3857 from a single z0 tile, tile
 * matrices "0" to "24" (this server serves 0 to {@code conflictmap.tiles.max-zoom}; its tilesets say so in their
 * limits). Its definition is written by {@link TileMatrixSetJson}; {@link WorldCrs84Quad} is the other set.
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

    private WebMercatorQuad() {}

    static ObjectNode definition(ObjectMapper json) {
        return TileMatrixSetJson.document(
                json,
                new TileMatrixSetJson.Spec(
                        ID,
                        "Google Maps Compatible for the World",
                        URI,
                        CRS,
                        "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible",
                        new String[] {"X", "Y"},
                        new double[] {-Mercator.HALF, -Mercator.HALF, Mercator.HALF, Mercator.HALF},
                        CELL_SIZE_0,
                        1,
                        1,
                        LEVELS));
    }

    /** The column of longitude {@code lon} at zoom {@code z}. */
    static int col(double lon, int z) {
        long n = 1L << z;
        return (int) Math.max(
                0, Math.min(n - 1, Math.floor((Mercator.x(lon) + Mercator.HALF) / (2 * Mercator.HALF) * n)));
    }

    /** The row (counted from the top) of latitude {@code lat} at zoom {@code z}. */
    static int row(double lat, int z) {
        long n = 1L << z;
        return (int) Math.max(
                0, Math.min(n - 1, Math.floor((Mercator.HALF - Mercator.y(lat)) / (2 * Mercator.HALF) * n)));
    }
}
