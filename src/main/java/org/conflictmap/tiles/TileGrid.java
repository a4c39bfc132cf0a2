package org.conflictmap.tiles;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The tile matrix sets vector tiles are cut in: {@link #WEB_MERCATOR_QUAD} (every tile of {@code /tiles}, the web
 * map's) and {@link #WORLD_CRS84_QUAD}, offered beside it on each collection's OGC API – Tiles tilesets for GDAL.
 * GDAL's OGCAPI driver prefers a WorldCRS84Quad tileset and works out which tiles to read from the collection's
 * extent, which OGC API – Features gives in CRS84, taken in the tile matrix set's own units: against
 * WebMercatorQuad it reads 60.5–77.9 °E as metres (the tiles at 0°, 0°) and finds nothing from tile matrix 3 on;
 * in degrees the extent is right. A grid knows where a tile is in its CRS and how a feature gets there.
 */
enum TileGrid {
    WEB_MERCATOR_QUAD(WebMercatorQuad.ID, WebMercatorQuad.URI, WebMercatorQuad.CRS, WebMercatorQuad.LEVELS) {
        @Override
        Envelope tile(int z, int col, int row) {
            return Mercator.tile(z, col, row);
        }

        @Override
        long matrixWidth(int z) {
            return 1L << z;
        }

        @Override
        Geometry fromLonLat(Geometry g) {
            return Mercator.project(g);
        }

        @Override
        Envelope lonLat(Envelope e) {
            return Mercator.lonLat(e);
        }

        @Override
        Envelope mercator(Envelope e) {
            return e;
        }

        @Override
        Geometry fromMercator(Geometry m) {
            return m;
        }

        @Override
        int styleZoom(int z) {
            return z;
        }

        @Override
        int col(double lon, int z) {
            return WebMercatorQuad.col(lon, z);
        }

        @Override
        int row(double lat, int z) {
            return WebMercatorQuad.row(lat, z);
        }

        @Override
        ObjectNode definition(ObjectMapper json) {
            return WebMercatorQuad.definition(json);
        }
    },
    WORLD_CRS84_QUAD(WorldCrs84Quad.ID, WorldCrs84Quad.URI, WorldCrs84Quad.CRS, WorldCrs84Quad.LEVELS) {
        @Override
        Envelope tile(int z, int col, int row) {
            double size = WorldCrs84Quad.tileDegrees(z);
            double minX = -180 + col * size;
            double maxY = 90 - row * size;
            return new Envelope(minX, minX + size, maxY - size, maxY);
        }

        @Override
        long matrixWidth(int z) {
            return 2L << z;
        }

        @Override
        Geometry fromLonLat(Geometry g) {
            return g;
        }

        @Override
        Envelope lonLat(Envelope e) {
            return e;
        }

        @Override
        Envelope mercator(Envelope e) {
            Envelope within = e.intersection(new Envelope(-180, 180, -Mercator.MAX_LAT, Mercator.MAX_LAT));
            return within.isNull()
                    ? within
                    : new Envelope(
                            Mercator.x(within.getMinX()),
                            Mercator.x(within.getMaxX()),
                            Mercator.y(within.getMinY()),
                            Mercator.y(within.getMaxY()));
        }

        @Override
        Geometry fromMercator(Geometry m) {
            return Mercator.unproject(m);
        }

        /**
         * A WorldCRS84Quad tile matrix's pixel is half as many degrees of longitude as WebMercatorQuad's of the same
         * number (the world is two tiles wide at 0, not one): it is drawn as the web map's next zoom, so districts
         * (from web zoom 7) start at 6, and a tile holds what the web map's tiles of its size hold.
         */
        @Override
        int styleZoom(int z) {
            return z + 1;
        }

        @Override
        int col(double lon, int z) {
            return (int)
                    Math.max(0, Math.min(matrixWidth(z) - 1, Math.floor((lon + 180) / WorldCrs84Quad.tileDegrees(z))));
        }

        @Override
        int row(double lat, int z) {
            return (int)
                    Math.max(0, Math.min(matrixHeight(z) - 1, Math.floor((90 - lat) / WorldCrs84Quad.tileDegrees(z))));
        }

        @Override
        ObjectNode definition(ObjectMapper json) {
            return WorldCrs84Quad.definition(json);
        }
    };

    private final String id;
    private final String uri;
    private final String crs;
    private final int levels;

    TileGrid(String id, String uri, String crs, int levels) {
        this.id = id;
        this.uri = uri;
        this.crs = crs;
        this.levels = levels;
    }

    /** Its id in OGC API – Tiles' paths ({@code /ogc/tileMatrixSets/{id}}, a collection's tileset). */
    String id() {
        return id;
    }

    /** Its URI in the OGC register (a tileset's {@code tileMatrixSetURI}). */
    String uri() {
        return uri;
    }

    /** Its CRS's URI. */
    String crs() {
        return crs;
    }

    /** How many tile matrices its definition lists (0 to levels − 1). */
    int levels() {
        return levels;
    }

    /** The deepest tile matrix served when the web map's tiles go to {@code maxZoom}: the one drawn as that zoom. */
    int maxTileMatrix(int maxZoom) {
        int z = 0;
        while (z + 1 < levels && styleZoom(z + 1) <= maxZoom) {
            z++;
        }
        return z;
    }

    /** The first tile matrix drawn as web zoom {@code zoom} or deeper (a layer's first tile matrix). */
    int firstTileMatrix(int zoom) {
        int z = 0;
        while (styleZoom(z) < zoom) {
            z++;
        }
        return z;
    }

    /** The tile's rectangle in the grid's CRS. */
    abstract Envelope tile(int z, int col, int row);

    /** Columns at tile matrix {@code z}. */
    abstract long matrixWidth(int z);

    /** Rows at tile matrix {@code z}. */
    long matrixHeight(int z) {
        return 1L << z;
    }

    /** A copy of a CRS84 (longitude, latitude) geometry in the grid's CRS (or itself where that is CRS84). */
    abstract Geometry fromLonLat(Geometry g);

    /** A rectangle of the grid's CRS in CRS84. */
    abstract Envelope lonLat(Envelope e);

    /** A rectangle of the grid's CRS in EPSG:3857, where the basemap's features are indexed. */
    abstract Envelope mercator(Envelope e);

    /** A basemap feature's geometry (EPSG:3857) in the grid's CRS. */
    abstract Geometry fromMercator(Geometry m);

    /** The web map's zoom whose drawing rules (first zoom of a layer, thinning, simplification, attributes) tile matrix {@code z} takes. */
    abstract int styleZoom(int z);

    /** The column holding longitude {@code lon} at tile matrix {@code z}. */
    abstract int col(double lon, int z);

    /** The row (from the top) holding latitude {@code lat} at tile matrix {@code z}. */
    abstract int row(double lat, int z);

    /** The tile matrix set's definition (OGC 17-083r4 JSON, with the older encoding's members for GDAL before 3.7). */
    abstract ObjectNode definition(ObjectMapper json);

    /** The grid of id {@code id}, or null. */
    static TileGrid of(String id) {
        for (TileGrid g : values()) {
            if (g.id.equals(id)) {
                return g;
            }
        }
        return null;
    }
}
