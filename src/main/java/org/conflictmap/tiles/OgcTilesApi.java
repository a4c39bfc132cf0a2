package org.conflictmap.tiles;

import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/** OGC API – Tiles' paths in the OpenAPI 3.0 document of {@code /ogc/api} (parameters as OGC 20-057 names them). */
final class OgcTilesApi {
    /** The tile matrix sets' ids, as path parameters take them. */
    static final List<String> GRIDS =
            Arrays.stream(TileGrid.values()).map(TileGrid::id).toList();

    private OgcTilesApi() {}

    static void paths(ObjectNode paths, int maxZoom) {
        get(paths, "/tileMatrixSets", "the tile matrix sets", "getTileMatrixSetsList", "application/json");
        path(
                get(
                        paths,
                        "/tileMatrixSets/{tileMatrixSetId}",
                        "a tile matrix set's definition (OGC 17-083r4)",
                        "getTileMatrixSet",
                        "application/json"),
                "tileMatrixSetId",
                GRIDS);
        get(
                paths,
                "/tiles",
                "the dataset's tilesets (vector: every layer; map: the raster styles)",
                "getDatasetTilesets",
                "application/json");
        path(
                get(
                        paths,
                        "/tiles/{tilesetId}",
                        "a dataset tileset's metadata",
                        "getDatasetTileset",
                        "application/json"),
                "tilesetId",
                null);
        tile(
                path(
                        get(
                                paths,
                                "/tiles/{tilesetId}/{tileMatrix}/{tileRow}/{tileCol}",
                                "a dataset tile",
                                "getDatasetTile",
                                TilesController.MVT),
                        "tilesetId",
                        null),
                maxZoom);
        path(
                get(
                        paths,
                        "/collections/{collectionId}/tiles",
                        "a collection's tilesets",
                        "getCollectionTilesets",
                        "application/json"),
                "collectionId",
                null);
        path(
                path(
                        get(
                                paths,
                                "/collections/{collectionId}/tiles/{tileMatrixSetId}",
                                "a collection's tileset",
                                "getCollectionTileset",
                                "application/json"),
                        "collectionId",
                        null),
                "tileMatrixSetId",
                GRIDS);
        tile(
                path(
                        path(
                                get(
                                        paths,
                                        "/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}",
                                        "a collection's vector tile",
                                        "getCollectionTile",
                                        TilesController.MVT),
                                "collectionId",
                                null),
                        "tileMatrixSetId",
                        GRIDS),
                maxZoom);
    }

    private static ObjectNode get(ObjectNode paths, String path, String summary, String id, String type) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("summary", summary).put("operationId", id);
        ObjectNode responses = op.putObject("responses");
        responses
                .putObject("200")
                .put("description", summary)
                .putObject("content")
                .putObject(type)
                .putObject("schema")
                .put("type", type.equals("application/json") ? "object" : "string");
        responses.putObject("400").put("description", "a malformed parameter (application/problem+json)");
        responses
                .putObject("404")
                .put(
                        "description",
                        "no such resource, or a tile outside the tileset's limits (application/problem+json)");
        return op;
    }

    private static ObjectNode path(ObjectNode op, String name, List<String> only) {
        ObjectNode p = op.withArray("parameters").addObject();
        p.put("name", name).put("in", "path").put("required", true);
        ObjectNode schema = p.putObject("schema").put("type", "string");
        if (only != null) {
            only.forEach(schema.putArray("enum")::add);
        }
        return op;
    }

    private static void tile(ObjectNode op, int maxZoom) {
        ObjectNode m = op.withArray("parameters").addObject();
        m.put("name", "tileMatrix")
                .put("in", "path")
                .put("required", true)
                .put(
                        "description",
                        "the tile matrix (zoom): 0 to " + maxZoom + " of WebMercatorQuad, 0 to "
                                + TileGrid.WORLD_CRS84_QUAD.maxTileMatrix(maxZoom)
                                + " of WorldCRS84Quad (a dataset tileset is WebMercatorQuad)");
        m.putObject("schema").put("type", "string").put("pattern", "^\\d+$");
        for (String rc : new String[] {"tileRow", "tileCol"}) {
            ObjectNode p = op.withArray("parameters").addObject();
            p.put("name", rc)
                    .put("in", "path")
                    .put("required", true)
                    .put("description", rc.equals("tileRow") ? "the row, from the top" : "the column, from the west");
            p.putObject("schema").put("type", "integer").put("minimum", 0);
        }
        op.withObject("responses").putObject("204").put("description", "an empty vector tile");
        op.withObject("responses").putObject("304").put("description", "not modified (If-None-Match)");
    }
}
