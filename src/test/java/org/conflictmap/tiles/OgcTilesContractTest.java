package org.conflictmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.Gdal;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Assumptions;
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
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

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
                if (l.get("rel").asString().equals(rel)
                        && (type == null || l.get("type").asString().equals(type))) {
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
            for (String c : List.of(
                    "core",
                    "tileset",
                    "tilesets-list",
                    "geodata-tilesets",
                    "dataset-tilesets",
                    "tilematrixset",
                    "oas30",
                    "mvt",
                    "png")) {
                assertThat(classes).contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/" + c);
            }
            assertThat(classes)
                    .as("features classes kept")
                    .contains("http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core");

            JsonNode schemes = http().get(path(href(landing, REL + "tiling-schemes", null)))
                    .json();
            JsonNode tms = http().get(path(href(schemes.get("tileMatrixSets").get(0), REL + "tiling-scheme", null)))
                    .json();
            assertThat(tms.get("id").asString()).isEqualTo("WebMercatorQuad");
            assertThat(tms.get("uri").asString())
                    .isEqualTo("http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad");
            assertThat(tms.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/3857");
            JsonNode matrices = tms.get("tileMatrices");
            assertThat(matrices).hasSize(25);
            // OGC 17-083r4 annex D.1: scale denominator and cell size of level 0, halved at every level
            assertThat(matrices.get(0).get("scaleDenominator").asDouble())
                    .isCloseTo(559082264.0287178, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(matrices.get(0).get("cellSize").asDouble())
                    .isCloseTo(156543.0339280410, org.assertj.core.data.Offset.offset(1e-9));
            assertThat(matrices.get(24).get("matrixWidth").asLong()).isEqualTo(1L << 24);
            assertThat(matrices.get(24).get("cellSize").asDouble() * (1 << 24))
                    .isCloseTo(156543.0339280410, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(matrices.get(3).get("pointOfOrigin").get(0).asDouble())
                    .isCloseTo(-20037508.3427892, org.assertj.core.data.Offset.offset(1e-6));

            JsonNode vectorSets = http().get(path(href(landing, REL + "tilesets-vector", null)))
                    .json();
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
            JsonNode meta =
                    http().get(path(href(vector, "self", "application/json"))).json();
            List<String> layers = new ArrayList<>();
            meta.get("layers").forEach(l -> layers.add(l.get("id").asString()));
            assertThat(layers).containsExactly("incidents", "places", "provinces", "districts", "border");
            JsonNode districts = meta.get("layers").get(3);
            assertThat(districts.get("minTileMatrix").asString()).isEqualTo("7");
            assertThat(districts.get("propertiesSchema").get("properties").has("province"))
                    .isTrue();
            JsonNode limits8 = meta.get("tileMatrixSetLimits").get(Z);
            assertThat(limits8.get("tileMatrix").asString()).isEqualTo("8");
            assertThat(limits8.get("minTileRow").asInt()).isLessThanOrEqualTo(ROW);
            assertThat(limits8.get("maxTileRow").asInt()).isGreaterThanOrEqualTo(ROW);
            assertThat(limits8.get("minTileCol").asInt()).isLessThanOrEqualTo(COL);
            assertThat(limits8.get("maxTileCol").asInt()).isGreaterThanOrEqualTo(COL);

            // row before column: /ogc/tiles/…/{tileMatrix}/{tileRow}/{tileCol} is /tiles/…/{z}/{x=col}/{y=row}
            String template = path(href(meta, "item", "application/vnd.mapbox-vector-tile"));
            Http.Response tile = http().get(template.replace("{tileMatrix}", "" + Z)
                    .replace("{tileRow}", "" + ROW)
                    .replace("{tileCol}", "" + COL));
            assertThat(tile.status()).isEqualTo(200);
            assertThat(tile.contentType()).isEqualTo("application/vnd.mapbox-vector-tile");
            byte[] expected = concat(
                    http().get("/tiles/incidents/" + Z + "/" + COL + "/" + ROW + ".mvt")
                            .bytes(),
                    http().get("/tiles/places/" + Z + "/" + COL + "/" + ROW + ".mvt")
                            .bytes(),
                    http().get("/tiles/provinces/" + Z + "/" + COL + "/" + ROW + ".mvt")
                            .bytes(),
                    http().get("/tiles/districts/" + Z + "/" + COL + "/" + ROW + ".mvt")
                            .bytes(),
                    http().get("/tiles/border/" + Z + "/" + COL + "/" + ROW + ".mvt")
                            .bytes());
            assertThat(tile.bytes()).as("every layer's tile, one after another").isEqualTo(expected);

            JsonNode basemap = http().get("/ogc/tiles/basemap").json();
            String png = path(href(basemap, "item", "image/png"));
            Http.Response picture = http().get(png.replace("{tileMatrix}", "" + Z)
                    .replace("{tileRow}", "" + ROW)
                    .replace("{tileCol}", "" + COL));
            assertThat(picture.contentType()).isEqualTo("image/png");
            assertThat(picture.bytes())
                    .isEqualTo(http().get("/tiles/basemap/" + Z + "/" + COL + "/" + ROW + ".png")
                            .bytes());
            assertThat(http().get("/ogc/api")
                            .json()
                            .get("paths")
                            .has("/tiles/{tilesetId}/{tileMatrix}/{tileRow}/{tileCol}"))
                    .isTrue();
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
            JsonNode sets = http().get(path(href(collection, REL + "tilesets-vector", "application/json")))
                    .json();
            assertThat(sets.get("tilesets"))
                    .as("in WebMercatorQuad and WorldCRS84Quad")
                    .hasSize(2);
            assertThat(sets.get("tilesets").get(0).get("tileMatrixSetURI").asString())
                    .endsWith("/WebMercatorQuad");
            assertThat(sets.get("tilesets").get(1).get("tileMatrixSetURI").asString())
                    .endsWith("/WorldCRS84Quad");
            JsonNode meta = http().get(path(href(sets.get("tilesets").get(0), "self", "application/json")))
                    .json();
            String template = path(href(meta, "item", "application/vnd.mapbox-vector-tile"));
            assertThat(template)
                    .isEqualTo("/ogc/collections/districts/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}");
            Http.Response tile = http().get(
                            template.replace("{tileMatrix}", "" + Z)
                                    .replace("{tileRow}", "" + ROW)
                                    .replace("{tileCol}", "" + COL),
                            "Accept-Encoding",
                            "gzip");
            assertThat(tile.status()).isEqualTo(200);
            assertThat(tile.header("Content-Encoding")).isEqualTo("gzip");
            Path file = dir.resolve("districts.mvt");
            Files.write(file, tile.bytes());
            String read =
                    Gdal.ogrinfo("-ro", "-al", "-oo", "Z=" + Z, "-oo", "X=" + COL, "-oo", "Y=" + ROW, file.toString());
            assertThat(read)
                    .contains(
                            "Layer name: districts",
                            "name (String) = Chiniot",
                            "province (String) = Punjab",
                            "country (String) = PK",
                            "kind (String) = district");
            assertThat(http().get("/ogc/collections/districts/tiles/WebMercatorQuad/6/26/45")
                            .status())
                    .as("below zoom 7")
                    .isEqualTo(204);
            assertThat(http().get("/ogc/collections/districts/tiles/WebMercatorQuad/7/52/90")
                            .status())
                    .isEqualTo(200);
            assertThat(http().get("/tiles/places/" + Z + "/" + COL + "/" + ROW + ".mvt")
                            .body())
                    .as("places hold no district")
                    .doesNotContain("district-");
            // the ETag and 304 as at /tiles
            assertThat(http().get(
                                    template.replace("{tileMatrix}", "8")
                                            .replace("{tileRow}", "" + ROW)
                                            .replace("{tileCol}", "" + COL),
                                    "If-None-Match",
                                    http().get("/ogc/collections/districts/tiles/WebMercatorQuad/8/" + ROW + "/" + COL)
                                            .header("ETag"))
                            .status())
                    .isEqualTo(304);
        }

        @Test
        void gdalListsTheServiceAndItsCollectionsWithTheirTiles() {
            String base = "OGCAPI:http://127.0.0.1:" + port + "/ogc";
            String listed = Gdal.ogrinfo("-ro", "-so", base);
            assertThat(listed).contains("collections/districts", "collections/incidents", "collections/provinces");
        }

        /**
         * Each collection's tiles also come in WorldCRS84Quad (OGC 17-083r4 annex D.2: two tiles of 180° at 0), limited to
         * the map's area in degrees, each tile matrix drawn as the web map's next zoom: districts from 6.
         */
        @Test
        void aCollectionsTilesetInWorldCrs84QuadIsLimitedToTheMapsAreaInDegrees() {
            JsonNode schemes = http().get("/ogc/tileMatrixSets").json();
            List<String> ids = new ArrayList<>();
            schemes.get("tileMatrixSets").forEach(t -> ids.add(t.get("id").asString()));
            assertThat(ids).containsExactly("WebMercatorQuad", "WorldCRS84Quad");
            JsonNode tms = http().get(path(href(schemes.get("tileMatrixSets").get(1), REL + "tiling-scheme", null)))
                    .json();
            assertThat(tms.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
            JsonNode m0 = tms.get("tileMatrices").get(0);
            assertThat(m0.get("matrixWidth").asInt()).isEqualTo(2);
            assertThat(m0.get("matrixHeight").asInt()).isEqualTo(1);
            assertThat(m0.get("cellSize").asDouble()).isEqualTo(0.703125);
            assertThat(m0.get("scaleDenominator").asDouble())
                    .isCloseTo(279541132.0143589, org.assertj.core.data.Offset.offset(1e-6));
            assertThat(tms.get("tileMatrices").get(17).get("matrixWidth").asLong())
                    .isEqualTo(2L << 17);

            JsonNode meta = http().get("/ogc/collections/districts/tiles/WorldCRS84Quad")
                    .json();
            assertThat(meta.get("crs").asString()).isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
            assertThat(path(href(meta, REL + "tiling-scheme", null))).isEqualTo("/ogc/tileMatrixSets/WorldCRS84Quad");
            assertThat(meta.get("layers").get(0).get("minTileMatrix").asString())
                    .isEqualTo("6");
            assertThat(meta.get("layers").get(0).get("maxTileMatrix").asString())
                    .isEqualTo("13");
            JsonNode limits = meta.get("tileMatrixSetLimits");
            assertThat(limits).hasSize(14);
            // tile matrix 6: tiles of 2.8125°; 60.5–77.9 °E are columns 85–91, 38.5–23.6 °N rows 18–23
            JsonNode l6 = limits.get(6);
            assertThat(List.of(
                            l6.get("minTileCol").asInt(),
                            l6.get("maxTileCol").asInt(),
                            l6.get("minTileRow").asInt(),
                            l6.get("maxTileRow").asInt()))
                    .containsExactly(85, 91, 18, 23);
            String template = path(href(meta, "item", "application/vnd.mapbox-vector-tile"));
            assertThat(template)
                    .isEqualTo("/ogc/collections/districts/tiles/WorldCRS84Quad/{tileMatrix}/{tileRow}/{tileCol}");
            // Chiniot (73.0 °E, 31.7 °N) at tile matrix 6: column 89 (73.125 °E starts 90), row 20 (30.9375–33.75 °N)
            assertThat(http().get("/ogc/collections/districts/tiles/WorldCRS84Quad/6/20/89")
                            .status())
                    .isEqualTo(200);
            assertThat(http().get("/ogc/collections/districts/tiles/WorldCRS84Quad/5/10/44")
                            .status())
                    .as("below 6")
                    .isEqualTo(204);
        }

        /**
         * GDAL 3.7.1 or later (Debian 12's 3.6.2 has its OGCAPI driver built without vector tiles; scripts/setup-tools
         * unpacks 3.10 beside it) opens a collection through its tiles, as its default {@code API=AUTO} does: it picks
         * the WorldCRS84Quad tileset, lists a layer per tile matrix and reads every feature of the area in CRS84: every
         * district (polygons), every incident.
         */
        @Test
        void gdalReadsACollectionThroughItsWorldCrs84QuadVectorTiles() {
            String ogrinfo = Gdal.recent("ogrinfo");
            Assumptions.assumeTrue(
                    ogrinfo != null,
                    "no GDAL 3.7.1 or later here (scripts/setup-tools unpacks "
                            + "3.10 beside Debian 12's 3.6.2): GDAL's reading of the vector tilesets was not checked");
            String base = "OGCAPI:http://127.0.0.1:" + port + "/ogc";
            assertThat(Gdal.run(ogrinfo, "-ro", "-so", base))
                    .contains("=" + base + "/collections/districts\n", "=" + base + "/collections/incidents\n");
            String districts = base + "/collections/districts";
            String layers = Gdal.run(ogrinfo, "-ro", districts);
            assertThat(layers)
                    .contains("1: Zoom level 0", "7: Zoom level 6", "14: Zoom level 13")
                    .doesNotContain("Zoom level 14");

            int inArea = http().get("/ogc/collections/districts/items?limit=1&bbox=60.5,23.6,77.9,38.5")
                    .json()
                    .get("numberMatched")
                    .asInt();
            String read = Gdal.run(ogrinfo, "-ro", "-geom=SUMMARY", districts, "Zoom level 6");
            assertThat(read)
                    .contains("name (String) = Chiniot", "province (String) = Punjab", "kind (String) = district");
            assertThat(Gdal.geometries(read)).as("districts are areas").isSubsetOf(Set.of("POLYGON", "MULTIPOLYGON"));
            assertThat(ids(read))
                    .as("every district of the area, once or cut by tile edges")
                    .hasSize(inArea);
            // in degrees: a box around Chiniot's centre selects it
            String near = Gdal.run(
                    ogrinfo,
                    "-ro",
                    "-geom=SUMMARY",
                    "-spat",
                    "72.95",
                    "31.65",
                    "73.0",
                    "31.7",
                    districts,
                    "Zoom level 6");
            assertThat(near).contains("name (String) = Chiniot").doesNotContain("name (String) = Kabul");

            int matched = http().get("/ogc/collections/incidents/items?limit=1")
                    .json()
                    .get("numberMatched")
                    .asInt();
            String incidents =
                    Gdal.run(ogrinfo, "-ro", "-geom=SUMMARY", base + "/collections/incidents", "Zoom level 3");
            assertThat(ids(incidents)).as("every incident").hasSize(matched);
            assertThat(incidents).contains("type (String) = ", "contested (Integer");
        }

        /** A feature's {@code id} attribute as {@code ogrinfo} prints it. */
        static final Pattern ID = Pattern.compile("(?m)^  id \\(String\\) = (.+)$");

        /** The distinct {@code id}s of the features {@code ogrinfo} printed. */
        static Set<String> ids(String ogrinfo) {
            Set<String> ids = new TreeSet<>();
            Matcher m = ID.matcher(ogrinfo);
            while (m.find()) {
                ids.add(m.group(1));
            }
            return ids;
        }

        @Test
        void badAddressesAreProblemsThatNameWhatIsWrong() {
            record Bad(String path, int status, String says) {}
            for (Bad b : List.of(
                    new Bad("/ogc/tiles/basemap/x/104/180", 400, "tileMatrix"),
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
                    new Bad("/ogc/tileMatrixSets/WorldMercatorWGS84Quad", 404, "WebMercatorQuad"),
                    new Bad("/ogc/tiles?f=html", 400, "f"),
                    new Bad("/ogc/tiles/vector?limit=3", 400, "limit"),
                    new Bad("/ogc/collections/lakes/tiles", 404, "the collections with tiles are"),
                    new Bad("/ogc/collections/districts/tiles/WorldMercatorWGS84Quad", 404, "WebMercatorQuad"),
                    new Bad("/ogc/collections/districts/tiles/WorldCRS84Quad/14/1/1", 404, "0 to 13"),
                    new Bad("/ogc/collections/districts/tiles/WorldCRS84Quad/18/1/1", 400, "tileMatrix"),
                    new Bad(
                            "/ogc/collections/districts/tiles/WorldCRS84Quad/8/0/0",
                            404,
                            "outside this tileset's limits"),
                    new Bad("/ogc/collections/districts/tiles/WebMercatorQuad/8/104/x", 400, "tileCol"))) {
                Http.Response r = http().get(b.path());
                assertThat(r.status()).as(b.path() + " " + r.body()).isEqualTo(b.status());
                assertThat(r.contentType()).as(b.path()).startsWith("application/problem+json");
                assertThat(r.body()).as(b.path()).contains(b.says()).doesNotContain("Exception", "org.conflictmap");
            }
        }
    }
}
