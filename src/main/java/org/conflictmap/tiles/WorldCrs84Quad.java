package org.conflictmap.tiles;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * WorldCRS84Quad as OGC 17-083r4 (annex D.2) defines it: 256 px tiles in CRS84 degrees (longitude, latitude),
 * tile matrix 0 two tiles of 180° side by side, each next matrix halving them; matrices "0" to "17". Each
 * collection with vector tiles offers a tileset in it beside WebMercatorQuad ({@link TileGrid#WORLD_CRS84_QUAD}).
 */
final class WorldCrs84Quad {
    static final String ID = "WorldCRS84Quad";
    static final String URI = "http://www.opengis.net/def/tilematrixset/OGC/1.0/WorldCRS84Quad";
    static final String CRS = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final int LEVELS = 18;
    /** Metres of a degree on the equator of the WGS 84 ellipsoid's semi-major axis (17-083r4's scale denominators). */
    static final double DEGREE_METRES = 2 * Mercator.HALF / 360;

    private WorldCrs84Quad() {}

    /** The side of a tile at tile matrix {@code z}, in degrees: 180 at 0. */
    static double tileDegrees(int z) {
        return 180.0 / (1L << z);
    }

    static ObjectNode definition(ObjectMapper json) {
        return TileMatrixSetJson.document(
                json,
                new TileMatrixSetJson.Spec(
                        ID,
                        "CRS84 for the World",
                        URI,
                        CRS,
                        "http://www.opengis.net/def/wkss/OGC/1.0/GoogleCRS84Quad",
                        new String[] {"Lon", "Lat"},
                        new double[] {-180, -90, 180, 90},
                        tileDegrees(0) / 256,
                        DEGREE_METRES,
                        2,
                        LEVELS));
    }
}
