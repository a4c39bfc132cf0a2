package org.conflictmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.conflictmap.Editor;
import org.conflictmap.Gdal;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Raster and vector tiles, TileJSON and static maps on both stores; MVT read back by GDAL. */
class TilesContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    /** z6 tile holding Khost, Paktia, Kabul and the Torkham crossing (lon 67.5–73.1, lat 31.95–36.6). */
    static final String KHOST_Z6 = "6/44/25";

    abstract static class Contract {
        @LocalServerPort
        int port;

        @TempDir
        Path dir;

        @org.springframework.beans.factory.annotation.Autowired
        org.springframework.boot.web.server.context.WebServerApplicationContext context;

        @org.springframework.beans.factory.annotation.Autowired
        CachedTileFilter cachedTiles;

        @org.springframework.beans.factory.annotation.Autowired
        RenderedTileFilter renderedTiles;

        @org.springframework.beans.factory.annotation.Autowired
        Labels labels;

        Http http() {
            return new Http(port);
        }

        Editor editor() {
            return new Editor(http());
        }

        static BufferedImage png(Http.Response r) throws Exception {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("image/png");
            return ImageIO.read(new ByteArrayInputStream(r.bytes()));
        }

        static int distinctColours(BufferedImage img) {
            java.util.Set<Integer> colours = new java.util.HashSet<>();
            for (int y = 0; y < img.getHeight(); y += 4) {
                for (int x = 0; x < img.getWidth(); x += 4) {
                    colours.add(img.getRGB(x, y));
                }
            }
            return colours.size();
        }

        /** How many pixels of two pictures of the same size differ. */
        static long differingPixels(BufferedImage a, BufferedImage b) {
            long n = 0;
            for (int y = 0; y < a.getHeight(); y++) {
                for (int x = 0; x < a.getWidth(); x++) {
                    n += a.getRGB(x, y) != b.getRGB(x, y) ? 1 : 0;
                }
            }
            return n;
        }

        static long opaque(BufferedImage img) {
            long n = 0;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    n += (img.getRGB(x, y) >>> 24) > 0 ? 1 : 0;
                }
            }
            return n;
        }

        @Test
        void rasterTilesHaveTheirSizeAndDrawTheRegion() throws Exception {
            BufferedImage base = png(http().get("/tiles/basemap/" + KHOST_Z6 + ".png"));
            assertThat(base.getWidth()).isEqualTo(256);
            assertThat(distinctColours(base)).as("not a blank tile").isGreaterThan(8);
            BufferedImage retina = png(http().get("/tiles/combined/" + KHOST_Z6 + "@2x.png"));
            assertThat(retina.getWidth()).isEqualTo(512);
            assertThat(retina.getHeight()).isEqualTo(512);
            BufferedImage overlay = png(http().get("/tiles/incidents/" + KHOST_Z6 + ".png"));
            assertThat(opaque(overlay)).as("incident areas and points drawn").isGreaterThan(1000);
            assertThat(opaque(overlay))
                    .as("an overlay stays mostly transparent")
                    .isLessThan(256L * 256);
            BufferedImage filtered =
                    png(http().get("/tiles/incidents/" + KHOST_Z6 + ".png?datetime=2020-01-01/2020-12-31"));
            assertThat(opaque(filtered))
                    .as("no incident in 2020: a transparent tile")
                    .isZero();
        }

        @Test
        void vectorTilesCarryTheClaimsSummaryAndGdalReadsThem() throws Exception {
            Http.Response r = http().get("/tiles/incidents/" + KHOST_Z6 + ".mvt");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("application/vnd.mapbox-vector-tile");
            Path tile = dir.resolve("25.mvt");
            Files.write(tile, r.bytes());
            String info = Gdal.ogrinfo("-ro", "-al", "-q", "-oo", "X=44", "-oo", "Y=25", "-oo", "Z=6", tile.toString());
            assertThat(info)
                    .contains(
                            "2026-02-26-durand-line-post-attacks",
                            "2026-01-kabul-restaurant-bombing",
                            "2026-02-27-kabul-kandahar-paktia-air-strikes",
                            "killed_max",
                            "contested",
                            "claims_count")
                    .contains("2026-02-26-torkham-shelling", "2026-02-islamabad-mosque-bombing");
            Files.write(
                    dir.resolve("border.mvt"),
                    http().get("/tiles/border/" + KHOST_Z6 + ".mvt").bytes());
            assertThat(Gdal.ogrinfo(
                            "-ro", "-al", "-q", dir.resolve("border.mvt").toString()))
                    .contains("border-durand-line");
            Files.write(
                    dir.resolve("provinces.mvt"),
                    http().get("/tiles/provinces/" + KHOST_Z6 + ".mvt").bytes());
            assertThat(Gdal.ogrinfo(
                            "-ro", "-al", "-q", dir.resolve("provinces.mvt").toString()))
                    .contains("af-province-khost", "af-province-paktia", "af-province-paktika");
            assertThat(http().get("/tiles/incidents/6/10/10.mvt").status())
                    .as("empty vector tile")
                    .isEqualTo(204);
        }

        @Test
        void placeLabelsComeInTheReadersScript() throws Exception {
            // the z6 labels tile around Khost in Pashto: other pixels than the English tile of the same address
            BufferedImage english = png(http().get("/tiles/labels/" + KHOST_Z6 + ".png"));
            Http.Response pashtoTile = http().get("/tiles/labels/" + KHOST_Z6 + ".png?lang=ps");
            BufferedImage pashto = png(pashtoTile);
            assertThat(differingPixels(english, pashto))
                    .as("pixels the Pashto labels change")
                    .isGreaterThan(500);
            assertThat(opaque(pashto)).as("Pashto labels drawn").isGreaterThan(500);
            // its own cache entry and entity tag; fa-AF and prs are Dari's fa
            assertThat(pashtoTile.header("ETag"))
                    .isNotEqualTo(
                            http().get("/tiles/labels/" + KHOST_Z6 + ".png").header("ETag"));
            assertThat(http().get("/tiles/labels/" + KHOST_Z6 + ".png?lang=fa-AF")
                            .bytes())
                    .isEqualTo(http().get("/tiles/labels/" + KHOST_Z6 + ".png?lang=prs")
                            .bytes());
            assertThat(http().get("/tiles/base/" + KHOST_Z6 + ".png?lang=ps").bytes())
                    .as("no labels, no language")
                    .isEqualTo(http().get("/tiles/base/" + KHOST_Z6 + ".png").bytes());
            org.locationtech.jts.geom.Envelope world = new org.locationtech.jts.geom.Envelope(
                    -Mercator.HALF, Mercator.HALF, -Mercator.HALF, Mercator.HALF);
            assertThat(labels.within(6, "ps", world).stream().map(Labels.Placed::text))
                    .contains("کابل", "خوست", "پېښور");
            assertThat(labels.within(6, "ur", world).stream().map(Labels.Placed::text))
                    .contains("پشاور");
            // the static map too
            BufferedImage map =
                    png(http().get("/map.png?center=70.5,34&zoom=7&width=400&height=300&style=basemap&lang=ur"));
            BufferedImage mapEn = png(http().get("/map.png?center=70.5,34&zoom=7&width=400&height=300&style=basemap"));
            assertThat(differingPixels(map, mapEn))
                    .as("pixels the Urdu labels change on /map.png")
                    .isGreaterThan(500);
            // vector tiles carry every script, for a style to choose
            Files.write(
                    dir.resolve("places.mvt"),
                    http().get("/tiles/places/" + KHOST_Z6 + ".mvt").bytes());
            assertThat(Gdal.ogrinfo(
                            "-ro", "-al", "-q", dir.resolve("places.mvt").toString()))
                    .contains(
                            "name:en (String) = Kabul",
                            "name:ps (String) = کابل",
                            "name:fa (String) = کابل",
                            "name:ur (String) = کابل",
                            "name:ps (String) = پېښور");
            Files.write(
                    dir.resolve("provinces-names.mvt"),
                    http().get("/tiles/provinces/" + KHOST_Z6 + ".mvt").bytes());
            assertThat(Gdal.ogrinfo(
                            "-ro",
                            "-al",
                            "-q",
                            dir.resolve("provinces-names.mvt").toString()))
                    .contains("name:fa (String) = خوست");
            assertThat(http().get("/tiles/places-mvt.json").body()).contains("name:ps", "name:fa", "name:ur");
            Http.Response bad = http().get("/tiles/labels/" + KHOST_Z6 + ".png?lang=xx");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.body()).contains("lang");
            assertThat(http().get("/map.png?lang=klingon").status()).isEqualTo(400);
        }

        @Test
        void vectorTilesGoOutGzippedToClientsThatTakeIt() throws Exception {
            String path = "/tiles/incidents/" + KHOST_Z6 + ".mvt";
            Http.Response plain = http().get(path);
            Http.Response gz = http().get(path, "Accept-Encoding", "gzip, deflate");
            assertThat(gz.status()).isEqualTo(200);
            assertThat(gz.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(String.join(",", gz.headers().allValues("Vary"))).contains("Accept-Encoding");
            assertThat(plain.header("Content-Encoding")).isNull();
            assertThat(gz.header("ETag")).isNotEqualTo(plain.header("ETag"));
            try (java.util.zip.GZIPInputStream in =
                    new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(gz.bytes()))) {
                assertThat(in.readAllBytes()).isEqualTo(plain.bytes());
            }
            assertThat(http().get(path, "Accept-Encoding", "gzip;q=0, identity").header("Content-Encoding"))
                    .isNull();
            assertThat(http().get(path, "Accept-Encoding", "gzip", "If-None-Match", gz.header("ETag"))
                            .status())
                    .isEqualTo(304);
            assertThat(http().get("/tiles/incidents/6/10/10.mvt", "Accept-Encoding", "gzip")
                            .status())
                    .as("empty")
                    .isEqualTo(204);
        }

        @Test
        void tileJsonDescribesEachTileset() {
            JsonNode raster = http().get("/tiles/combined.json").json();
            assertThat(raster.get("tilejson").asString()).isEqualTo("3.0.0");
            assertThat(raster.get("tiles").get(0).asString()).endsWith("/tiles/combined/{z}/{x}/{y}.png");
            assertThat(raster.get("attribution").asString()).contains("Natural Earth");
            JsonNode vector = http().get("/tiles/incidents-mvt.json").json();
            assertThat(vector.get("vector_layers").get(0).get("fields").has("killed_max"))
                    .isTrue();
            assertThat(vector.get("bounds")).hasSize(4);
        }

        @Test
        void anEditIsVisibleInTheNextTileAtOnce() throws Exception {
            String path = "/tiles/incidents/9/369/206.png";
            Http.Response before = http().get(path);
            long opaqueBefore = opaque(png(before));
            assertThat(http().get(path, "If-None-Match", before.header("ETag")).status())
                    .isEqualTo(304);
            String id = "tile-test-" + UUID.randomUUID().toString().substring(0, 8);
            Http.Response created = editor().created("""
                    {"id": "%s", "title": "Tile test strike", "type": "air_strike",
                     "occurred": {"start": "2026-03-03", "precision": "day"},
                     "geometry": {"type": "Point", "coordinates": [79.6, 31.6]}, "geo_precision": "exact"}
                    """.formatted(id).replace("79.6, 31.6", "79.6, 31.6"));
            String at = "/tiles/incidents/9/369/206.png";
            Http.Response after = http().get(at, "If-None-Match", before.header("ETag"));
            assertThat(after.status()).as("the old ETag no longer matches").isEqualTo(200);
            assertThat(after.header("ETag")).isNotEqualTo(before.header("ETag"));
            assertThat(opaqueBefore).isGreaterThanOrEqualTo(0);
            Http.Response moved = editor().send(
                            "PATCH",
                            "/api/incidents/" + id,
                            "{\"geometry\": {\"type\": \"Point\", \"coordinates\": [79.6, 31.6]}}",
                            created.header("ETag"));
            assertThat(moved.status()).isEqualTo(200);
            String tile = tileOf(79.6, 31.6, 9);
            long drawn = opaque(png(http().get("/tiles/incidents/" + tile + ".png")));
            assertThat(drawn).as("the new point is drawn").isGreaterThan(50);
            editor().send("DELETE", "/api/incidents/" + id, null, moved.header("ETag"));
            assertThat(opaque(png(http().get("/tiles/incidents/" + tile + ".png"))))
                    .as("deleted: gone at once")
                    .isLessThan(drawn);
        }

        @Test
        void writesAnnounceTheTilesOfTheOldAndTheNewGeometryForPurgeHooks() throws Exception {
            // the current version: /tiles/changes answers at most MAX_CHANGES a page, its version the page's end, so
            // follow the pages (the store is shared: other classes' writes come before this one's)
            long start = 0;
            for (JsonNode page = http().get("/tiles/changes?since=0").json();
                    page.get("version").asLong() > start;
                    page = http().get("/tiles/changes?since=" + start).json()) {
                start = page.get("version").asLong();
            }
            String id = "tile-change-" + UUID.randomUUID().toString().substring(0, 8);
            String body = """
                    {"id": "%s", "title": "Tile change test", "type": "air_strike", "occurred": {"start": "2031-03-03", "precision": "day"},
                     "geometry": {"type": "Point", "coordinates": [79.6, 31.6]}, "geo_precision": "exact"%s}""";
            assertThat(editor().send("POST", "/api/incidents", body.formatted(id, ""))
                            .status())
                    .isEqualTo(201);
            Http.Response moved = editor().mergePatch(
                            "/api/incidents/" + id,
                            "{\"geometry\": {\"type\": \"Point\", \"coordinates\": [70.5, 33.25]}}",
                            "\"1\"");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);

            JsonNode answer = http().get("/tiles/changes?since=" + start).json();
            assertThat(answer.get("complete").asBoolean()).isTrue();
            JsonNode changes = answer.get("changes");
            assertThat(changes).hasSize(3); // created at A; moved: from A, to B
            long created = changes.get(0).get("version").asLong();
            assertThat(changes.get(1).get("version").asLong())
                    .isEqualTo(changes.get(2).get("version").asLong())
                    .isGreaterThan(created);
            assertThat(answer.get("version").asLong())
                    .isGreaterThanOrEqualTo(changes.get(2).get("version").asLong());
            assertThat(announced(changes.get(0), 79.6, 31.6)).isTrue();
            java.util.Set<Boolean> movedFromA = new java.util.HashSet<>();
            java.util.Set<Boolean> movedToB = new java.util.HashSet<>();
            for (int k = 1; k <= 2; k++) {
                movedFromA.add(announced(changes.get(k), 79.6, 31.6));
                movedToB.add(announced(changes.get(k), 70.5, 33.25));
            }
            assertThat(movedFromA).contains(true);
            assertThat(movedToB).contains(true);
            assertThat(announced(changes.get(0), 70.5, 33.25))
                    .as("a tile far away is not purged")
                    .isFalse();

            // a draft changes no tile; asking again from the answer's version gives only what came after
            long next = answer.get("version").asLong();
            assertThat(editor().send("POST", "/api/incidents", body.formatted(id + "-draft", ", \"status\": \"draft\""))
                            .status())
                    .isEqualTo(201);
            JsonNode quiet = http().get("/tiles/changes?since=" + next).json();
            assertThat(quiet.get("changes")).isEmpty();
            assertThat(quiet.get("version").asLong()).isGreaterThan(next);
            assertThat(editor().send("DELETE", "/api/incidents/" + id, null, "\"2\"")
                            .status())
                    .isEqualTo(204);
            JsonNode deleted = http().get(
                            "/tiles/changes?since=" + quiet.get("version").asLong())
                    .json()
                    .get("changes");
            assertThat(deleted).hasSize(1);
            assertThat(announced(deleted.get(0), 70.5, 33.25)).isTrue();

            for (String bad : List.of("", "-1", "abc", "1e3")) {
                Http.Response refused = http().get("/tiles/changes?since=" + bad);
                assertThat(refused.status()).as(bad).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            assertThat(http().get("/tiles/changes?since=1&z=3").status()).isEqualTo(400);
        }

        /** Whether a change's tile ranges hold, at every zoom, the tile of lon/lat. */
        static boolean announced(JsonNode change, double lon, double lat) {
            JsonNode tiles = change.get("tiles");
            assertThat(tiles).hasSize(15); // zooms 0 to max-zoom 14
            for (JsonNode range : tiles) {
                String[] zxy = tileOf(lon, lat, range.get("z").asInt()).split("/");
                int x = Integer.parseInt(zxy[1]);
                int y = Integer.parseInt(zxy[2]);
                if (x < range.get("x").get(0).asInt()
                        || x > range.get("x").get(1).asInt()
                        || y < range.get("y").get(0).asInt()
                        || y > range.get("y").get(1).asInt()) {
                    return false;
                }
            }
            return true;
        }

        /** What ogrinfo reads from the incidents vector tile at z/x/y ("" for an empty tile, 204). */
        String mvt(String zxy) throws Exception {
            Http.Response r = http().get("/tiles/incidents/" + zxy + ".mvt");
            if (r.status() == 204) {
                return "";
            }
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            String[] t = zxy.split("/");
            Path file = dir.resolve("t" + UUID.randomUUID() + ".mvt");
            Files.write(file, r.bytes());
            return Gdal.ogrinfo(
                    "-ro", "-al", "-oo", "Z=" + t[0], "-oo", "X=" + t[1], "-oo", "Y=" + t[2], file.toString());
        }

        @Test
        void vectorTilesFollowEveryWriteAndCarryTheDetailFromTheDetailZoom() throws Exception {
            String id = "mvt-test-" + UUID.randomUUID().toString().substring(0, 8);
            String near = tileOf(76.9, 37.3, 10);
            String wide = tileOf(76.9, 37.3, 6);
            Http.Response created = editor().created("""
                    {"id": "%s", "title": "Vector tile test strike", "type": "air_strike", "status": "draft",
                     "occurred": {"start": "2031-05-04", "precision": "day"},
                     "geometry": {"type": "Point", "coordinates": [76.9, 37.3]}, "geo_precision": "exact",
                     "sources": [{"id": "S1", "outlet": "Test wire", "published": "2031-05-04"}],
                     "claims": [{"claimant": "Test ministry", "party": "pk_government", "side": "civilians", "killed": 7, "sources": ["S1"]},
                                {"claimant": "Test spokesman", "party": "af_government", "side": "civilians", "killed": 2, "sources": ["S1"]}]}
                    """.formatted(id));
            assertThat(mvt(near)).as("a draft is in no tile").doesNotContain(id);

            assertThat(editor().send("PATCH", "/api/incidents/" + id, "{\"status\": \"published\"}", "\"1\"")
                            .status())
                    .isEqualTo(200);
            String detailed = mvt(near);
            assertThat(detailed)
                    .as("published: in the next tile")
                    .contains(
                            id,
                            "Vector tile test strike",
                            "killed_min (Integer) = 2",
                            "killed_max (Integer) = 7",
                            "contested (Integer(Boolean)) = 1",
                            "start (String) = 2031-05-04T00:00:00Z",
                            "parties (String)");
            assertThat(detailed)
                    .as("parties by name, not the store's search key")
                    .doesNotContain("|pk_government|");
            String summary = mvt(wide);
            assertThat(summary)
                    .as("below the detail zoom: id and claims summary")
                    .contains(id, "killed_max (Integer) = 7")
                    .doesNotContain("Vector tile test strike", "title (String)");

            assertThat(editor().send(
                                    "PATCH",
                                    "/api/incidents/" + id,
                                    "{\"geometry\": {\"type\": \"Point\", \"coordinates\": [76.2, 36.6]}}",
                                    "\"2\"")
                            .status())
                    .isEqualTo(200);
            assertThat(mvt(near)).as("moved away").doesNotContain(id);
            assertThat(mvt(tileOf(76.2, 36.6, 10))).as("moved here").contains(id);

            assertThat(editor().send("DELETE", "/api/incidents/" + id, null, "\"3\"")
                            .status())
                    .isEqualTo(204);
            assertThat(mvt(tileOf(76.2, 36.6, 10))).as("deleted: in no tile").doesNotContain(id);
        }

        @Test
        void staticMapsHaveTheAskedSizeAndScale() throws Exception {
            BufferedImage img =
                    png(http().get("/map.png?bbox=69,33,72,35&width=600&height=400&title=Khost%20and%20Kunar"));
            assertThat(img.getWidth()).isEqualTo(600);
            assertThat(img.getHeight()).isEqualTo(400);
            BufferedImage print = png(http().get("/map.png?center=71.1,34.1&zoom=8&width=300&height=200&scale=2"));
            assertThat(print.getWidth()).isEqualTo(600);
            assertThat(distinctColours(print)).isGreaterThan(8);
            assertThat(http().get("/map.png?center=34.1,71.1&zoom=8&width=300&height=200")
                            .bytes())
                    .as(
                            "center is lon,lat as everywhere; the old lat,lon order is still read where only it fits the map")
                    .isEqualTo(http().get("/map.png?center=71.1,34.1&zoom=8&width=300&height=200")
                            .bytes());
        }

        /**
         * D12 (docs/QA.md): a box smaller than a pixel at the tiles' deepest zoom is drawn as that zoom's window
         * around its centre (it was drawn at a scale no tile has: one fill colour, a scale bar out of its box);
         * a box without width or height is a 400 that says so.
         */
        @Test
        void aTinyBoxIsDrawnAtTheDeepestZoomAndABoxWithoutAreaIsRefused() throws Exception {
            String size = "&width=400&height=300&style=basemap";
            BufferedImage tiny =
                    png(http().get("/map.png?bbox=71.08471995,34.11471995,71.08472005,34.11472005" + size));
            BufferedImage deepest = png(http().get("/map.png?center=71.08472,34.11472&zoom=14" + size));
            // at Torkham: the crossing, its name, the Durand Line and the roads at zoom 14 (the two were the same
            // bytes here); drawn at the box's own scale the line and the roads were gone and the scale bar ran out
            assertThat(differingPixels(tiny, deepest))
                    .as("the tiny box's picture is zoom 14's around the same centre")
                    .isLessThan(400 * 300 / 1000);
            for (String box : List.of("69,33,69,34", "69,33,70,33", "69,86,70,89")) {
                Http.Response r = http().get("/map.png?bbox=" + box);
                assertThat(r.status()).as(box).isEqualTo(400);
                assertThat(r.contentType()).as(box).startsWith("application/problem+json");
                assertThat(r.body()).as(box).contains("the box has no", "center and zoom");
            }
        }

        @Test
        void staticMapsSpeakTheReadersLanguageInTitleLegendAndScaleBar() throws Exception {
            String at =
                    "/map.png?bbox=69,33,72,35&width=600&height=400&datetime=2026-02-01T00:00:00Z/2026-02-28T23:59:59Z";
            BufferedImage en = png(http().get(at));
            BufferedImage ps = png(http().get(at + "&lang=ps"));
            // the legend box stands bottom right in English and bottom left in Pashto (right to left), the
            // scale bar the other way round: both corners change, as does the title band
            assertThat(differingPixels(en.getSubimage(340, 180, 260, 220), ps.getSubimage(340, 180, 260, 220)))
                    .as("pixels of the English legend's corner the Pashto map changes")
                    .isGreaterThan(2000);
            assertThat(differingPixels(en.getSubimage(0, 180, 260, 220), ps.getSubimage(0, 180, 260, 220)))
                    .as("pixels of the Pashto legend's corner")
                    .isGreaterThan(2000);
            assertThat(differingPixels(en.getSubimage(0, 0, 600, 50), ps.getSubimage(0, 0, 600, 50)))
                    .as("the title band")
                    .isGreaterThan(1000);
            // Dari is one file (fa-AF.json) however it is asked for; Urdu and Dari are not Pashto
            assertThat(http().get(at + "&lang=fa-AF").bytes())
                    .isEqualTo(http().get(at + "&lang=fa").bytes());
            assertThat(differingPixels(png(http().get(at + "&lang=ur")), ps)).isGreaterThan(1000);
            // a title in another script keeps its own order inside the right-to-left line
            assertThat(http().get(at + "&lang=ur&title=Khost%20%D8%AE%D9%88%D8%B3%D8%AA")
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void responsesLargerThanTheSocketWriteBufferArriveWhole() throws Exception {
            // the wider buffer (TileWrites) is Tomcat's: check it is the connector's, then send a body of several
            // buffers
            org.apache.catalina.connector.Connector connector = ((org.springframework.boot.tomcat.TomcatWebServer)
                            context.getWebServer())
                    .getTomcat()
                    .getConnector();
            assertThat(String.valueOf(connector.getProperty("socket.appWriteBufSize")))
                    .isEqualTo("131072");
            Http.Response r = http().get("/map.png?bbox=60.5,29,75,38.5&width=2400&height=2400&style=combined");
            assertThat(r.bytes().length).isGreaterThan(3 * 131072);
            assertThat(r.header("Content-Length")).isEqualTo(Integer.toString(r.bytes().length));
            BufferedImage img = png(r);
            assertThat(img.getWidth()).isEqualTo(2400);
            assertThat(img.getRGB(2399, 2399) >>> 24).as("the last row decoded").isEqualTo(255);
        }

        /**
         * A response's headers by lower-case name, without Date and the hop-by-hop ones about the connection
         * (Tomcat closes a kept-alive connection after 100 requests, whichever answers the last one).
         */
        static java.util.Map<String, List<String>> headers(Http.Response r) {
            java.util.Map<String, List<String>> h = new java.util.TreeMap<>();
            r.headers().map().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v));
            h.keySet().removeAll(List.of("date", "connection", "keep-alive"));
            return h;
        }

        @Test
        void cachedTilesAreAnsweredBeforeDispatchAsTheControllerAnswersThem() {
            String fresh = "datetime=../2100-01-01T00:00:00."
                    + (100_000_000 + new java.util.Random().nextInt(800_000_000)) + "Z";
            List<List<String>> cases = List.of(
                    List.of("/tiles/incidents/" + KHOST_Z6 + ".png?" + fresh),
                    List.of("/tiles/combined/" + KHOST_Z6 + "@2x.png?" + fresh),
                    List.of("/tiles/basemap/" + KHOST_Z6 + ".png"),
                    List.of("/tiles/incidents/" + KHOST_Z6 + ".mvt?" + fresh),
                    List.of("/tiles/incidents/" + KHOST_Z6 + ".mvt?" + fresh, "Accept-Encoding", "gzip"),
                    List.of("/tiles/places/" + KHOST_Z6 + ".mvt", "Accept-Encoding", "gzip, deflate"));
            for (List<String> c : cases) {
                String path = c.get(0);
                String[] extra = c.subList(1, c.size()).toArray(String[]::new);
                long before = cachedTiles.answered();
                // If-None-Match (with a tag that matches nothing) always goes to the controller: its 200 answer
                String[] conditional = java.util.stream.Stream.concat(
                                java.util.Arrays.stream(extra), java.util.stream.Stream.of("If-None-Match", "\"none\""))
                        .toArray(String[]::new);
                Http.Response controller = http().get(path, conditional);
                assertThat(cachedTiles.answered())
                        .as(path + ": conditional, to the controller")
                        .isEqualTo(before);
                Http.Response filter = http().get(path, extra);
                assertThat(cachedTiles.answered())
                        .as(path + ": cached now, answered by the filter")
                        .isEqualTo(before + 1);
                assertThat(controller.status()).as(path).isEqualTo(200);
                assertThat(filter.status()).as(path).isEqualTo(200);
                assertThat(filter.bytes()).as(path).isEqualTo(controller.bytes());
                assertThat(headers(filter)).as(path).isEqualTo(headers(controller));
                Http.Response cors = http().get(
                                path,
                                java.util.stream.Stream.concat(
                                                java.util.Arrays.stream(extra),
                                                java.util.stream.Stream.of("Origin", "https://news.example"))
                                        .toArray(String[]::new));
                assertThat(cachedTiles.answered())
                        .as(path + ": cross-origin, to the controller")
                        .isEqualTo(before + 1);
                assertThat(cors.header("Access-Control-Allow-Origin")).isEqualTo("*");
                assertThat(cors.bytes()).isEqualTo(controller.bytes());
            }
            for (String refused : List.of(
                    "/tiles/incidents/" + KHOST_Z6 + ".png?colour=red",
                    "/tiles/incidents/15/1/1.png",
                    "/tiles/satellite/" + KHOST_Z6 + ".png")) {
                long before = cachedTiles.answered();
                assertThat(http().get(refused).contentType()).as(refused).startsWith("application/problem+json");
                assertThat(cachedTiles.answered()).as(refused).isEqualTo(before);
            }
        }

        @Test
        void renderedTilesAreAnsweredBeforeDispatchAsTheControllerAnswersThem() {
            String fresh = "datetime=../2100-01-01T00:00:00."
                    + (100_000_000 + new java.util.Random().nextInt(800_000_000)) + "Z";
            List<List<String>> cases = List.of(
                    List.of("/tiles/incidents/" + KHOST_Z6 + ".png?" + fresh),
                    List.of("/tiles/combined/" + KHOST_Z6 + "@2x.png?" + fresh + "&lang=fa"),
                    List.of("/tiles/incidents/" + KHOST_Z6 + ".mvt?" + fresh),
                    List.of(
                            "/tiles/incidents/" + KHOST_Z6 + ".mvt?" + fresh + "&type=air_strike",
                            "Accept-Encoding",
                            "gzip"));
            for (List<String> c : cases) {
                String path = c.get(0);
                String[] extra = c.subList(1, c.size()).toArray(String[]::new);
                long rendered = renderedTiles.answered();
                long cached = cachedTiles.answered();
                Http.Response filter = http().get(path, extra);
                assertThat(renderedTiles.answered())
                        .as(path + ": not cached yet, rendered by the filter")
                        .isEqualTo(rendered + 1);
                assertThat(cachedTiles.answered()).as(path).isEqualTo(cached);
                // If-None-Match (with a tag that matches nothing) goes to the controller: its 200 answer, from the
                // cache the filter's render filled
                Http.Response controller = http().get(
                                path,
                                java.util.stream.Stream.concat(
                                                java.util.Arrays.stream(extra),
                                                java.util.stream.Stream.of("If-None-Match", "\"none\""))
                                        .toArray(String[]::new));
                assertThat(renderedTiles.answered())
                        .as(path + ": conditional, to the controller")
                        .isEqualTo(rendered + 1);
                assertThat(filter.status()).as(path).isEqualTo(200);
                assertThat(controller.status()).as(path).isEqualTo(200);
                assertThat(filter.bytes()).as(path).isEqualTo(controller.bytes());
                assertThat(headers(filter)).as(path).isEqualTo(headers(controller));
            }
            // an empty vector tile (204), a request the controller refuses and a precondition go to the controller
            long rendered = renderedTiles.answered();
            assertThat(http().get("/tiles/incidents/6/0/0.mvt?" + fresh).status())
                    .isEqualTo(204);
            assertThat(http().get("/tiles/incidents/6/0/0.mvt?" + fresh).status())
                    .isEqualTo(204);
            assertThat(http().get("/tiles/incidents/" + KHOST_Z6 + ".png?colour=red")
                            .contentType())
                    .startsWith("application/problem+json");
            assertThat(http().get("/tiles/incidents/5/22/12.mvt?" + fresh, "If-Match", "\"none\"")
                            .status())
                    .as("If-Match on a GET: the controller's answer (Spring MVC evaluates it; it answers 200 here)")
                    .isEqualTo(200);
            assertThat(renderedTiles.answered()).isEqualTo(rendered);
        }

        @Test
        void aCachedTileIsNotAnsweredOnceAnEditHasCommitted() {
            String tile = tileOf(70.3, 34.2, 7);
            String path = "/tiles/incidents/" + tile + ".mvt?datetime=../2100-01-01T00:00:00."
                    + (100_000_000 + new java.util.Random().nextInt(800_000_000)) + "Z";
            http().get(path);
            long before = cachedTiles.answered();
            byte[] cached = http().get(path).bytes();
            assertThat(cachedTiles.answered()).isEqualTo(before + 1);
            String id = "fast-path-" + UUID.randomUUID().toString().substring(0, 8);
            Http.Response created = editor().created("""
                    {"id": "%s", "title": "Cache test strike", "type": "air_strike",
                     "occurred": {"start": "2026-03-04", "precision": "day"},
                     "geometry": {"type": "Point", "coordinates": [70.3, 34.2]}, "geo_precision": "exact"}
                    """.formatted(id));
            try {
                Http.Response after = http().get(path);
                assertThat(cachedTiles.answered())
                        .as("the edit made the cached tile unreachable")
                        .isEqualTo(before + 1);
                assertThat(new String(after.bytes(), java.nio.charset.StandardCharsets.ISO_8859_1))
                        .contains(id);
                assertThat(new String(cached, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .doesNotContain(id);
            } finally {
                editor().send("DELETE", "/api/incidents/" + id, null, "\"1\"");
            }
        }

        @Test
        void badTileRequestsAreProblems() {
            for (String path : List.of(
                    "/tiles/basemap/3/8/1.png",
                    "/tiles/basemap/15/1/1.png",
                    "/tiles/basemap/-1/0/0.png",
                    "/tiles/basemap/a/0/0.png",
                    "/tiles/incidents/6/43/26.png?datetime=soon",
                    "/tiles/incidents/6/43/26.png?colour=red",
                    "/map.png?width=5000",
                    "/map.png?bbox=1,2,3",
                    "/map.png?center=0,91",
                    "/map.png?scale=3",
                    "/map.png?width=4000&scale=2")) {
                Http.Response r = http().get(path);
                assertThat(r.status()).as(path).isEqualTo(400);
                assertThat(r.contentType()).as(path).startsWith("application/problem+json");
            }
            for (String path : List.of(
                    "/tiles/satellite/1/0/0.png",
                    "/tiles/basemap/1/0/0.jpg",
                    "/tiles/roads/1/0/0.mvt",
                    "/tiles/nope.json",
                    "/tiles/basemap/1/0/0@2x.mvt")) {
                assertThat(http().get(path).status()).as(path).isEqualTo(404);
            }
        }

        static String tileOf(double lon, double lat, int z) {
            int n = 1 << z;
            int x = (int) Math.floor((lon + 180) / 360 * n);
            double r = Math.toRadians(lat);
            int y = (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n);
            return z + "/" + x + "/" + y;
        }
    }
}
