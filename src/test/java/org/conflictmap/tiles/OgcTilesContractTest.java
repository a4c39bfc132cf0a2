package org.conflictmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.conflictmap.Gdal;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * OGC API – Tiles 1.0 under /ogc on both stores: a client that knows only the landing page finds the
 * tile matrix set, the tilesets and a tile by their links, and gets the very tile /tiles serves; the
 * districts layer; bad addresses refused. GDAL (3.6 on Debian 12) lists the service and reads the tiles.
 */
class OgcTilesContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {
    }

    @Nested
    @OnPostgis
    class Postgis extends Contract {
    }

    /** Tile matrix 8, row 104, column 180: Punjab around Chiniot and Faisalabad (lon 73.1–74.5, lat 30.8–32.0). */
    static final int Z = 8;
    static final int ROW = 104;
    static final int COL = 180;
    static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/";

    abstract static class Contract {
        @LocalServerPort
        int port;
        @TempDir
        Path dir;

        Http http() {
            return new Http(port);
        }

        static String href(JsonNode doc, String rel, String type) {
            for (JsonNode l : doc.get("links")) {
                if (l.get("rel").asString().equals(rel) && (type == null || l.get("type").asString().equals(type))) {
                    return l.get("href").asString();
                }
            }
            throw new AssertionError("no link " + rel + " " + type + " in " + doc);
        }

        /** The path of an absolute link of this server. */
        String path(String href) {
            String base = "http://127.0.0.1:" + port;
            assertThat(href).startsWith(base);
            return href.substring(base.length());
        }

        @Test
        void aClientFollowsTheLinksFromTheLandingPageToATileThatIsTheTilesTile() {
            JsonNode landing = http().get("/ogc").json();
            JsonNode conformance = http().get("/ogc/conformance").json();
            List<String> classes = new ArrayList<>();
            conformance.get("conformsTo").forEach(c -> classes.add(c.asString()));
            for (String c : List.of("core", "tileset", "tilesets-list", "geodata-tilesets", "dataset-tilesets", "tilematrixset", "oas30",
                    "mvt", "png")) {
                assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/" + c);
            }
            assertThat(classes).as("features classes kept").contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core");

            JsonNode schemes = http().get(path(href(landing, REL + "tiling-schemes", null))).json();
            JsonNode tms = http().get(path(href(schemes.get("tileMatrixSets").get(0), REL + "tiling-scheme", null))).json();
            assertThat(tms.get("id").asString()).isEqualTo("WebMercatorQuad");
            assertThat(tms.get("uri").asString()).isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
            assertThat(tms.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
            JsonNode matrices = tms.get("tileMatrices");
            assertThat(matrices).hasSize(25);
            // OGC 17-083r4 annex D.1: scale denominator and cell size of level 0, halved at every level
            assertThat(matrices.get(0).get("scaleDenominator").asDouble()).isCloseTo(559082264.0287178, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(matrices.get(0).get("cellSize").asDouble()).isCloseTo(156543.0339280410, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(matrices.get(24).get("matrixWidth").asLong()).isEqualTo(1L << 24);
            assertThat(matrices.get(24).get("cellSize").asDouble() * (1 << 24)).isCloseTo(156543.0339280410,
                    org.assertj.core.data.Offset.offset(1e-6));
            assertThat(matrices.get(3).get("pointOfOrigin").get(0).asDouble()).isCloseTo(-20037508.3427892,
                    org.assertj.core.data.Offset.offset(1e-6));

            JsonNode vectorSets = http().get(path(href(landing, REL + "tilesets-vector", null))).json();
            JsonNode vector = null;
            List<String> mapIds = new ArrayList<>();
            for (JsonNode t : vectorSets.get("tilesets")) {
                assertThat(t.get("tileMatrixSetURI").asString()).endsWith("/WebMercatorQuad");
                if (t.get("dataType").asString().equals("vector")) {
                    vector = t;
                } else {
                    mapIds.add(path(href(t, "self", "application/json")));
                }
            }
            assertThat(mapIds).contains("/ogc/tiles/basemap", "/ogc/tiles/combined");
            JsonNode meta = http().get(path(href(vector, "self", "application/json"))).json();
            List<String> layers = new ArrayList<>();
            meta.get("layers").forEach(l -> layers.add(l.get("id").asString()));
            assertThat(layers).containsExactly("incidents", "places", "provinces", "districts", "border");
            JsonNode districts = meta.get("layers").get(3);
            assertThat(districts.get("minTileMatrix").asString()).isEqualTo("7");
            assertThat(districts.get("propertiesSchema").get("properties").has("province")).isTrue();
            JsonNode limits8 = meta.get("tileMatrixSetLimits").get(Z);
            assertThat(limits8.get("tileMatrix").asString()).isEqualTo("8");
            assertThat(limits8.get("minTileRow").asInt()).isLessThanOrEqualTo(ROW);
            assertThat(limits8.get("maxTileRow").asInt()).isGreaterThanOrEqualTo(ROW);
            assertThat(limits8.get("minTileCol").asInt()).isLessThanOrEqualTo(COL);
            assertThat(limits8.get("maxTileCol").asInt()).isGreaterThanOrEqualTo(COL);

            // row before column: /ogc/tiles/…/{tileMatrix}/{tileRow}/{tileCol} is /tiles/…/{z}/{x=col}/{y=row}
            String template = path(href(meta, "item", "application/vnd.mapbox-vector-tile"));
            Http.Response tile = http().get(template.replace("{tileMatrix}", "" + Z).replace("{tileRow}", "" + ROW)
                    .replace("{tileCol}", "" + COL));
            assertThat(tile.status()).isEqualTo(200);
            assertThat(tile.contentType()).isEqualTo("application/vnd.mapbox-vector-tile");
            byte[] expected = concat(http().get("/tiles/incidents/" + Z + "/" + COL + "/" + ROW + ".mvt").bytes(),
                    http().get("/tiles/places/" + Z + "/" + COL + "/" + ROW + ".mvt").bytes(),
                    http().get("/tiles/provinces/" + Z + "/" + COL + "/" + ROW + ".mvt").bytes(),
                    http().get("/tiles/districts/" + Z + "/" + COL + "/" + ROW + ".mvt").bytes(),
                    http().get("/tiles/border/" + Z + "/" + COL + "/" + ROW + ".mvt").bytes());
            assertThat(tile.bytes()).as("every layer's tile, one after another").isEqualTo(expected);

            JsonNode basemap = http().get("/ogc/tiles/basemap").json();
            String png = path(href(basemap, "item", "image/png"));
            Http.Response picture = http().get(png.replace("{tileMatrix}", "" + Z).replace("{tileRow}", "" + ROW).replace("{tileCol}", "" + COL));
            assertThat(picture.contentType()).isEqualTo("image/png");
            assertThat(picture.bytes()).isEqualTo(http().get("/tiles/basemap/" + Z + "/" + COL + "/" + ROW + ".png").bytes());
            assertThat(http().get("/ogc/api").json().get("paths").has("/tiles/{tilesetId}/{tileMatrix}/{tileRow}/{tileCol}")).isTrue();
        }

        static byte[] concat(byte[]... parts) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            for (byte[] p : parts) {
                out.writeBytes(p);
            }
            return out.toByteArray();
        }

        @Test
        void districtsAreACollectionTilesetFromZoom7WithNameProvinceAndCountryThatGdalReads() throws Exception {
            JsonNode collection = http().get("/ogc/collections/districts").json();
            JsonNode sets = http().get(path(href(collection, REL + "tilesets-vector", "application/json"))).json();
            assertThat(sets.get("tilesets")).hasSize(1);
            JsonNode meta = http().get(path(href(sets.get("tilesets").get(0), "self", "application/json"))).json();
            String template = path(href(meta, "item", "application/vnd.mapbox-vector-tile"));
            assertThat(template).isEqualTo("/ogc/collections/districts/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
            Http.Response tile = http().get(template.replace("{tileMatrix}", "" + Z).replace("{tileRow}", "" + ROW)
                    .replace("{tileCol}", "" + COL), "Accept-Encoding", "gzip");
            assertThat(tile.status()).isEqualTo(200);
            assertThat(tile.header("Content-Encoding")).isEqualTo("gzip");
            Path file = dir.resolve("districts.mvt");
            Files.write(file, tile.bytes());
            String read = Gdal.ogrinfo("-ro", "-al", "-oo", "Z=" + Z, "-oo", "X=" + COL, "-oo", "Y=" + ROW, file.toString());
            assertThat(read).contains("Layer name: districts", "name (String) = Chiniot", "province (String) = Punjab",
                    "country (String) = PK", "kind (String) = district");
            assertThat(http().get("/ogc/collections/districts/tiles/WebMercatorQuad/6/26/45").status()).as("below zoom 7").isEqualTo(204);
            assertThat(http().get("/ogc/collections/districts/tiles/WebMercatorQuad/7/52/90").status()).isEqualTo(200);
            assertThat(http().get("/tiles/places/" + Z + "/" + COL + "/" + ROW + ".mvt").body()).as("places hold no district")
                    .doesNotContain("district-");
            // the ETag and 304 as at /tiles
            assertThat(http().get(template.replace("{tileMatrix}", "8").replace("{tileRow}", "" + ROW).replace("{tileCol}", "" + COL),
                    "If-None-Match", http().get("/ogc/collections/districts/tiles/WebMercatorQuad/8/" + ROW + "/" + COL).header("ETag"))
                    .status()).isEqualTo(304);
        }

        @Test
        void gdalListsTheServiceAndItsCollectionsWithTheirTiles() {
            String base = "OGCAPI:http://127.0.0.1:" + port + "/ogc";
            String listed = Gdal.ogrinfo("-ro", "-so", base);
            assertThat(listed).contains("collections/districts", "collections/incidents", "collections/provinces");
        }

        @Test
        void badAddressesAreProblemsThatNameWhatIsWrong() {
            record Bad(String path, int status, String says) {
            }
            for (Bad b : List.of(new Bad("/ogc/tiles/basemap/x/104/180", 400, "tileMatrix"),
                    new Bad("/ogc/tiles/basemap/8/-1/180", 400, "tileRow"),
                    new Bad("/ogc/tiles/basemap/8/104/1e3", 400, "tileCol"),
                    new Bad("/ogc/tiles/basemap/99999999999/1/1", 400, "tileMatrix"),
                    new Bad("/ogc/tiles/basemap/25/1/1", 400, "tileMatrix"),
                    new Bad("/ogc/tiles/basemap/15/1/1", 404, "0 to 14"),
                    new Bad("/ogc/tiles/basemap/8/0/0", 404, "outside this tileset's limits"),
                    new Bad("/ogc/tiles/vector/8/104/256", 404, "outside"),
                    new Bad("/ogc/tiles/nope", 404, "no tileset 'nope'"),
                    new Bad("/ogc/tiles/nope/8/104/180", 404, "no tileset 'nope'"),
                    new Bad("/ogc/tiles/vector/8/104/180?color=red", 400, "color"),
                    new Bad("/ogc/tiles/incidents/8/104/180?type=banana", 400, "type"),
                    new Bad("/ogc/tileMatrixSets/WorldCRS84Quad", 404, "WebMercatorQuad"),
                    new Bad("/ogc/tiles?f=html", 400, "f"),
                    new Bad("/ogc/tiles/vector?limit=3", 400, "limit"),
                    new Bad("/ogc/collections/lakes/tiles", 404, "the collections with tiles are"),
                    new Bad("/ogc/collections/districts/tiles/WorldCRS84Quad", 404, "WebMercatorQuad"),
                    new Bad("/ogc/collections/districts/tiles/WebMercatorQuad/8/104/x", 400, "tileCol"))) {
                Http.Response r = http().get(b.path());
                assertThat(r.status()).as(b.path() + " " + r.body()).isEqualTo(b.status());
                assertThat(r.contentType()).as(b.path()).startsWith("application/problem+json");
                assertThat(r.body()).as(b.path()).contains(b.says()).doesNotContain("Exception", "org.conflictmap");
            }
        }
    }
}
