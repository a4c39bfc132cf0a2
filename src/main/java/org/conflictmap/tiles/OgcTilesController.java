package org.conflictmap.tiles;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.conflictmap.ogcapi.OgcApiPart;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Links;
import org.conflictmap.web.Params;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API – Tiles 1.0 (OGC 20-057) over the same tiles as {@code /tiles}, under the OGC landing page:
 *
 * <pre>
 * GET /ogc/tileMatrixSets                                         the tile matrix sets (WebMercatorQuad, WorldCRS84Quad)
 * GET /ogc/tileMatrixSets/{tileMatrixSetId}                       a definition (OGC 17-083r4, TMS 2.0 JSON)
 * GET /ogc/tiles                                                  dataset tilesets: vector (every layer) and the map styles
 * GET /ogc/tiles/{tilesetId}                                      tileset metadata (limits, layers, tile URL template)
 * GET /ogc/tiles/{tilesetId}/{tileMatrix}/{tileRow}/{tileCol}     a tile (MVT or PNG); row before column
 * GET /ogc/collections/{collectionId}/tiles[/{tileMatrixSetId}[/{tileMatrix}/{tileRow}/{tileCol}]]
 *                                                                 a collection's own vector tiles, where it has a layer,
 *                                                                 in WebMercatorQuad and in WorldCRS84Quad (for GDAL)
 * </pre>
 *
 * Tiles come from {@link TileRenderer} with its cache, ETags and gzip, as at {@code /tiles}; the
 * incident filters ({@code datetime}, {@code type}, {@code contested}) apply as there.
 */
@RestController
class OgcTilesController implements OgcApiPart {
    static final String SPEC = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";
    static final List<String> CONFORMANCE = List.of(
                    "core",
                    "tileset",
                    "tilesets-list",
                    "geodata-tilesets",
                    "dataset-tilesets",
                    "tilematrixset",
                    "oas30",
                    "mvt",
                    "png")
            .stream()
            .map(c -> SPEC + c)
            .toList();
    static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final Set<String> META_PARAMS = Set.of("f");

    /**
     * One tileset: its id in the URL, the style or layer {@link TileRenderer} draws, and the vector layers it holds.
     */
    record Tileset(String id, String name, boolean vector, List<String> layers, String title, TileGrid grid) {
        Tileset {
            if (vector == layers.isEmpty()) {
                throw new IllegalArgumentException("a vector tileset names its layers, a map tileset none");
            }
        }

        String mediaType() {
            return vector ? TilesController.MVT : MediaType.IMAGE_PNG_VALUE;
        }
    }

    /** The dataset tilesets: every vector layer in one, then each raster style. */
    private List<Tileset> dataset() {
        List<String> all = renderer.layers();
        return Stream.concat(
                        Stream.of(new Tileset(
                                TileRenderer.ALL_LAYERS,
                                TileRenderer.ALL_LAYERS,
                                true,
                                all,
                                "Every vector layer: " + String.join(", ", all),
                                TileGrid.WEB_MERCATOR_QUAD)),
                        renderer.styles().stream()
                                .map(s -> new Tileset(
                                        s, s, false, List.of(), "Map tiles, style " + s, TileGrid.WEB_MERCATOR_QUAD)))
                .toList();
    }

    private final TileRenderer renderer;
    private final TilesProperties properties;
    private final ObjectMapper json;
    private final Links links;

    OgcTilesController(TileRenderer renderer, TilesProperties properties, ObjectMapper json, Links links) {
        this.renderer = renderer;
        this.properties = properties;
        this.json = json;
        this.links = links;
    }

    // ------------------------------------------------------------------ tile matrix sets

    @GetMapping("/ogc/tileMatrixSets")
    ResponseEntity<ObjectNode> tileMatrixSets(HttpServletRequest r) {
        onlyJson(r);
        String base = links.base(r);
        ObjectNode o = json.createObjectNode();
        link(o.putArray("links"), base + "/ogc/tileMatrixSets", "self", "application/json", "the tile matrix sets");
        ArrayNode sets = o.putArray("tileMatrixSets");
        for (TileGrid grid : TileGrid.values()) {
            ObjectNode t = sets.addObject();
            t.put("id", grid.id())
                    .put("title", grid.definition(json).get("title").asString())
                    .put("uri", grid.uri())
                    .put("crs", grid.crs());
            ArrayNode l = t.putArray("links");
            link(l, tms(base, grid), "self", "application/json", grid.id());
            link(l, tms(base, grid), REL + "tiling-scheme", "application/json", grid.id());
        }
        return ok(o);
    }

    @GetMapping("/ogc/tileMatrixSets/{tileMatrixSetId}")
    ResponseEntity<ObjectNode> tileMatrixSet(@PathVariable String tileMatrixSetId, HttpServletRequest r) {
        onlyJson(r);
        return ok(grid("tile matrix set", tileMatrixSetId).definition(json));
    }

    // ------------------------------------------------------------------ dataset tilesets

    @GetMapping("/ogc/tiles")
    ResponseEntity<ObjectNode> tilesets(HttpServletRequest r) {
        onlyJson(r);
        return ok(list(links.base(r) + "/ogc/tiles", dataset()));
    }

    @GetMapping("/ogc/tiles/{tilesetId}")
    ResponseEntity<ObjectNode> tileset(@PathVariable String tilesetId, HttpServletRequest r) {
        onlyJson(r);
        return ok(metadata(links.base(r) + "/ogc/tiles/" + tilesetId, dataset(tilesetId), links.base(r)));
    }

    @GetMapping("/ogc/tiles/{tilesetId}/{tileMatrix}/{tileRow}/{tileCol}")
    ResponseEntity<byte[]> tile(
            @PathVariable String tilesetId,
            @PathVariable String tileMatrix,
            @PathVariable String tileRow,
            @PathVariable String tileCol,
            HttpServletRequest r) {
        return tile(dataset(tilesetId), tileMatrix, tileRow, tileCol, r);
    }

    // ------------------------------------------------------------------ a collection's tilesets

    @GetMapping("/ogc/collections/{collectionId}/tiles")
    ResponseEntity<ObjectNode> collectionTilesets(@PathVariable String collectionId, HttpServletRequest r) {
        onlyJson(r);
        return ok(list(links.base(r) + "/ogc/collections/" + collectionId + "/tiles", collection(collectionId)));
    }

    @GetMapping("/ogc/collections/{collectionId}/tiles/{tilesetId}")
    ResponseEntity<ObjectNode> collectionTileset(
            @PathVariable String collectionId, @PathVariable String tilesetId, HttpServletRequest r) {
        onlyJson(r);
        String self = links.base(r) + "/ogc/collections/" + collectionId + "/tiles/" + tilesetId;
        return ok(metadata(self, collection(collectionId, tilesetId), links.base(r)));
    }

    @GetMapping("/ogc/collections/{collectionId}/tiles/{tilesetId}/{tileMatrix}/{tileRow}/{tileCol}")
    ResponseEntity<byte[]> collectionTile(
            @PathVariable String collectionId,
            @PathVariable String tilesetId,
            @PathVariable String tileMatrix,
            @PathVariable String tileRow,
            @PathVariable String tileCol,
            HttpServletRequest r) {
        return tile(collection(collectionId, tilesetId), tileMatrix, tileRow, tileCol, r);
    }

    // ------------------------------------------------------------------ OgcApiPart: landing page, conformance, OpenAPI

    @Override
    public List<String> conformance() {
        return CONFORMANCE;
    }

    @Override
    public void landingLinks(String base, ArrayNode l) {
        link(
                l,
                base + "/ogc/tiles",
                REL + "tilesets-vector",
                "application/json",
                "vector tilesets (MVT) of the whole dataset");
        link(
                l,
                base + "/ogc/tiles",
                REL + "tilesets-map",
                "application/json",
                "map tilesets (PNG) of the whole dataset");
        link(l, base + "/ogc/tileMatrixSets", REL + "tiling-schemes", "application/json", "the tile matrix sets");
    }

    @Override
    public void collectionLinks(String base, String collection, ArrayNode l) {
        if (renderer.layers().contains(collection)) {
            link(
                    l,
                    base + "/ogc/collections/" + collection + "/tiles",
                    REL + "tilesets-vector",
                    "application/json",
                    "vector tilesets (MVT) of this collection");
        }
    }

    @Override
    public void paths(ObjectNode paths) {
        OgcTilesApi.paths(paths, properties.maxZoom());
    }

    // ------------------------------------------------------------------ helpers

    private Tileset dataset(String id) {
        List<Tileset> all = dataset();
        return all.stream()
                .filter(t -> t.id().equals(id))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound("no tileset '" + clip(id) + "'; there are "
                        + all.stream().map(Tileset::id).toList()));
    }

    /** A collection's tilesets: its vector layer in each tile matrix set, named by the set's id. */
    private List<Tileset> collection(String collectionId) {
        if (!renderer.layers().contains(collectionId)) {
            throw ApiProblem.notFound("no tiles of collection '" + clip(collectionId)
                    + "'; the collections with tiles are " + renderer.layers());
        }
        return Arrays.stream(TileGrid.values())
                .map(g -> new Tileset(
                        g.id(),
                        collectionId,
                        true,
                        List.of(collectionId),
                        "Vector tiles of " + collectionId + " in " + g.id(),
                        g))
                .toList();
    }

    private Tileset collection(String collectionId, String tilesetId) {
        List<Tileset> sets = collection(collectionId);
        return sets.stream()
                .filter(t -> t.id().equals(tilesetId))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound(
                        "no tileset '" + clip(tilesetId) + "' of collection " + collectionId + "; there are "
                                + sets.stream().map(Tileset::id).toList()));
    }

    private static TileGrid grid(String what, String id) {
        TileGrid g = TileGrid.of(id);
        if (g == null) {
            throw ApiProblem.notFound("no " + what + " '" + clip(id) + "'; there are "
                    + Arrays.stream(TileGrid.values()).map(TileGrid::id).toList());
        }
        return g;
    }

    private ResponseEntity<byte[]> tile(
            Tileset set, String tileMatrix, String tileRow, String tileCol, HttpServletRequest r) {
        TileGrid grid = set.grid();
        int z = number("tileMatrix", tileMatrix, grid.levels() - 1);
        int row = number("tileRow", tileRow, Integer.MAX_VALUE);
        int col = number("tileCol", tileCol, Integer.MAX_VALUE);
        int last = grid.maxTileMatrix(properties.maxZoom());
        if (z > last) {
            throw ApiProblem.notFound("tile matrix " + z + " is not in this tileset: it has 0 to " + last);
        }
        Limits l = Limits.of(grid, z);
        if (row < l.minRow() || row > l.maxRow() || col < l.minCol() || col > l.maxCol()) {
            throw ApiProblem.notFound(
                    "tile " + z + "/" + row + "/" + col + " is outside this tileset's limits at tile matrix " + z
                            + ": rows " + l.minRow() + "–" + l.maxRow() + ", columns " + l.minCol() + "–" + l.maxCol());
        }
        TileRequest t = new TileRequest(z, col, row, set.vector() ? "mvt" : "png", 1, grid);
        return TilesController.answer(TilesController.TileAsk.of(set.name(), t, r), renderer, r);
    }

    /** A path segment that must be a whole number 0..max (400 otherwise: it is no tile address at all). */
    private static int number(String name, String value, int max) {
        if (!value.matches("\\d{1,10}")) {
            throw Params.invalid(name, "expected a whole number, not '" + clip(value) + "'");
        }
        long n = Long.parseLong(value);
        if (n > max) {
            throw Params.invalid(name, "at most " + max);
        }
        return (int) n;
    }

    /** The tiles of the map's area ({@link TilesController#BOUNDS}) at one tile matrix of a grid. */
    record Limits(int z, int minRow, int maxRow, int minCol, int maxCol) {
        static Limits of(TileGrid grid, int z) {
            double[] b = TilesController.BOUNDS;
            return new Limits(z, grid.row(b[3], z), grid.row(b[1], z), grid.col(b[0], z), grid.col(b[2], z));
        }
    }

    private ObjectNode list(String self, List<Tileset> sets) {
        ObjectNode o = json.createObjectNode();
        link(o.putArray("links"), self, "self", "application/json", "these tilesets");
        ArrayNode a = o.putArray("tilesets");
        String base = self.substring(0, self.indexOf("/ogc/"));
        for (Tileset t : sets) {
            ObjectNode s = a.addObject();
            summary(s, t);
            ArrayNode l = s.putArray("links");
            link(l, self + "/" + t.id(), "self", "application/json", t.title());
            link(
                    l,
                    tms(base, t.grid()),
                    REL + "tiling-scheme",
                    "application/json",
                    t.grid().id());
        }
        return o;
    }

    private static void summary(ObjectNode s, Tileset t) {
        s.put("title", t.title());
        s.put("dataType", t.vector() ? "vector" : "map");
        s.put("crs", t.grid().crs());
        s.put("tileMatrixSetURI", t.grid().uri());
    }

    private ObjectNode metadata(String self, Tileset t, String base) {
        ObjectNode o = json.createObjectNode();
        summary(o, t);
        o.put(
                "description",
                t.vector()
                        ? "Mapbox Vector Tiles 2.1 (extent 4096) of " + String.join(", ", t.layers())
                                + "; an empty tile answers 204"
                        : "PNG tiles of 256 px, style " + t.name() + " (as /tiles/" + t.name() + ")");
        ArrayNode l = o.putArray("links");
        link(l, self, "self", "application/json", "this tileset");
        link(
                l,
                tms(base, t.grid()),
                REL + "tiling-scheme",
                "application/json",
                t.grid().id());
        link(l, self + "/{tileMatrix}/{tileRow}/{tileCol}", "item", t.mediaType(), "a tile")
                .put("templated", true);
        ObjectNode box = o.putObject("boundingBox");
        double[] b = TilesController.BOUNDS;
        box.putArray("lowerLeft").add(b[0]).add(b[1]);
        box.putArray("upperRight").add(b[2]).add(b[3]);
        box.put("crs", CRS84);
        ArrayNode limits = o.putArray("tileMatrixSetLimits");
        for (int z = 0; z <= t.grid().maxTileMatrix(properties.maxZoom()); z++) {
            Limits m = Limits.of(t.grid(), z);
            limits.addObject()
                    .put("tileMatrix", Integer.toString(z))
                    .put("minTileRow", m.minRow())
                    .put("maxTileRow", m.maxRow())
                    .put("minTileCol", m.minCol())
                    .put("maxTileCol", m.maxCol());
        }
        if (t.vector()) {
            ArrayNode layers = o.putArray("layers");
            for (String name : t.layers()) {
                layers.add(layer(name, t.grid()));
            }
        }
        return o;
    }

    private ObjectNode layer(String name, TileGrid grid) {
        ObjectNode layer = json.createObjectNode();
        layer.put("id", name);
        layer.put("dataType", "vector");
        // incidents of every geometry type have no one dimension
        int dimension = renderer.tiled(name).geometryType().dimension();
        if (dimension >= 0) {
            layer.put("geometryDimension", dimension);
        }
        layer.put("minTileMatrix", Integer.toString(grid.firstTileMatrix(renderer.minZoom(name))));
        layer.put("maxTileMatrix", Integer.toString(grid.maxTileMatrix(properties.maxZoom())));
        ObjectNode props =
                layer.putObject("propertiesSchema").put("type", "object").putObject("properties");
        for (String f : renderer.attributes(name, properties.maxZoom())) {
            props.putObject(f).put("type", renderer.attributeType(name, f));
        }
        return layer;
    }

    /** Metadata answers are JSON: {@code f} may only say so, and no other parameter is taken. */
    private static void onlyJson(HttpServletRequest r) {
        Params.onlyKnown(r.getParameterMap(), META_PARAMS);
        Params.oneOf("f", r.getParameter("f"), Set.of("json"));
    }

    private static String tms(String base, TileGrid grid) {
        return base + "/ogc/tileMatrixSets/" + grid.id();
    }

    private static ResponseEntity<ObjectNode> ok(ObjectNode body) {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private static ObjectNode link(ArrayNode links, String href, String rel, String type, String title) {
        return links.addObject()
                .put("href", href)
                .put("rel", rel)
                .put("type", type)
                .put("title", title);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
