package org.conflictmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.Gdal;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.geotools.geometry.jts.JTS;
import org.geotools.referencing.CRS;
import org.geotools.referencing.crs.DefaultGeographicCRS;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * OGC API – Features Part 2 on both stores: features served in EPSG:4326 (latitude first), 3857 and
 * the UTM zones 42N/43N match GeoTools' own transformation of the CRS84 feature, and PROJ's
 * ({@code gdaltransform}); {@code bbox-crs} selects what the same box in CRS84 selects;
 * {@code Content-Crs} names the CRS; GDAL still reads the service.
 */
class OgcCrsContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    static final String EPSG = "http://www.opengis.net/def/crs/EPSG/0/";
    static final String ITEM = "/ogc/collections/incidents/items/2026-02-21-nangarhar-paktika-air-strikes";

    abstract static class Contract {
        @LocalServerPort
        int port;

        Http http() {
            return new Http(port);
        }

        static Geometry geometry(JsonNode feature) throws Exception {
            return new GeoJsonReader().read(feature.get("geometry").toString());
        }

        @Test
        void collectionsListTheOfferedCrsAndStoreInCrs84() {
            for (String c : List.of("incidents", "places", "provinces")) {
                JsonNode collection = http().get("/ogc/collections/" + c).json();
                List<String> crs = new ArrayList<>();
                collection.get("crs").forEach(x -> crs.add(x.asString()));
                assertThat(crs)
                        .containsExactly(Crs.CRS84, EPSG + "4326", EPSG + "3857", EPSG + "32642", EPSG + "32643");
                assertThat(collection.get("storageCrs").asString()).isEqualTo(Crs.CRS84);
            }
            assertThat(http().get("/ogc/conformance").body()).contains("ogcapi-features-2/1.0/conf/crs");
        }

        @Test
        void aReprojectedFeatureIsGeoToolsOwnAnswer() throws Exception {
            Http.Response plain = http().get(ITEM);
            assertThat(plain.header("Content-Crs")).isEqualTo("<" + Crs.CRS84 + ">");
            Geometry lonLat = geometry(plain.json());
            for (String code : List.of("3857", "32642", "32643")) {
                Http.Response r = http().get(ITEM + "?crs=" + EPSG + code);
                assertThat(r.status()).as(r.body()).isEqualTo(200);
                assertThat(r.header("Content-Crs")).isEqualTo("<" + EPSG + code + ">");
                Geometry served = geometry(r.json());
                Geometry geotools = JTS.transform(
                        lonLat, CRS.findMathTransform(DefaultGeographicCRS.WGS84, CRS.decode("EPSG:" + code), true));
                Coordinate[] a = served.getCoordinates();
                Coordinate[] b = geotools.getCoordinates();
                assertThat(a).hasSameSizeAs(b);
                for (int k = 0; k < a.length; k++) {
                    assertThat(a[k].x).as(code).isCloseTo(b[k].x, within(1e-6));
                    assertThat(a[k].y).as(code).isCloseTo(b[k].y, within(1e-6));
                }
            }
            // EPSG:4326 is latitude first
            Geometry latLon =
                    geometry(http().get(ITEM + "?crs=" + EPSG + "4326").json());
            assertThat(latLon.getCoordinates()[0].x).isCloseTo(lonLat.getCoordinates()[0].y, within(1e-9));
            assertThat(latLon.getCoordinates()[0].y).isCloseTo(lonLat.getCoordinates()[0].x, within(1e-9));
            // and PROJ, through GDAL, agrees on the UTM position to the millimetre
            Geometry utm = geometry(http().get("/ogc/collections/crossings/items?crs=" + EPSG + "32642&limit=1")
                    .json()
                    .get("features")
                    .get(0));
            Geometry crossing = geometry(http().get("/ogc/collections/crossings/items?limit=1")
                    .json()
                    .get("features")
                    .get(0));
            double[] proj = gdaltransform(crossing.getCoordinate(), "EPSG:32642");
            assertThat(utm.getCoordinate().x).isCloseTo(proj[0], within(0.001));
            assertThat(utm.getCoordinate().y).isCloseTo(proj[1], within(0.001));
        }

        @Test
        void bboxCrsSelectsWhatTheSameBoxSelectsInCrs84() {
            Set<String> crs84 = ids("bbox=69,33,71.5,35");
            assertThat(crs84).isNotEmpty();
            assertThat(ids("bbox=33,69,35,71.5&bbox-crs=" + EPSG + "4326")).isEqualTo(crs84);
            double[] sw = mercator(69, 33);
            double[] ne = mercator(71.5, 35);
            assertThat(ids("bbox=" + sw[0] + "," + sw[1] + "," + ne[0] + "," + ne[1] + "&bbox-crs=" + EPSG + "3857"))
                    .isEqualTo(crs84);
            assertThat(ids("bbox=33,69,35,71.5&bbox-crs=" + EPSG + "4326&crs=" + EPSG + "32642"))
                    .isEqualTo(crs84);
            // a filter's geometries in EPSG:4326 are latitude first too
            assertThat(
                            ids(
                                    "filter-crs=" + EPSG
                                            + "4326&filter=S_INTERSECTS(geometry%2C%20POLYGON((33%2069%2C%2033%2071.5%2C%2035%2071.5%2C%2035%2069%2C%2033%2069)))"))
                    .isEqualTo(crs84);
            assertThat(ids("filter=S_INTERSECTS(geometry%2C%20BBOX(69%2C33%2C71.5%2C35))"))
                    .isEqualTo(crs84);
            Http.Response places = http().get(
                            "/ogc/collections/places/items?bbox=33,69,35,71.5&bbox-crs=%5BEPSG:4326%5D&crs=" + EPSG
                                    + "3857");
            assertThat(places.status()).as(places.body()).isEqualTo(200);
            assertThat(places.header("Content-Crs")).isEqualTo("<" + EPSG + "3857>");
            assertThat(places.json()
                            .get("features")
                            .get(0)
                            .get("geometry")
                            .get("coordinates")
                            .get(0)
                            .asDouble())
                    .isGreaterThan(7_000_000);
            // the next page keeps the box as it was given, in its own CRS
            JsonNode page = http().get(
                            "/ogc/collections/incidents/items?limit=1&bbox=33,69,35,71.5&bbox-crs=" + EPSG + "4326")
                    .json();
            String next = null;
            for (JsonNode l : page.get("links")) {
                next = l.get("rel").asString().equals("next") ? l.get("href").asString() : next;
            }
            assertThat(next).contains("bbox=33%2C69%2C35%2C71.5");
            assertThat(http().get(next.substring(next.indexOf("/ogc")))
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(crs84.size());
            for (String bad : List.of(
                    "crs=" + EPSG + "2056",
                    "crs=EPSG:4326",
                    "bbox-crs=" + EPSG + "9999&bbox=1,2,3,4",
                    "bbox-crs=" + EPSG + "3857&bbox=1,2,x,4",
                    "bbox-crs=" + EPSG + "4326&bbox=35,69,33,71",
                    "filter-crs=" + EPSG + "3857&filter=S_INTERSECTS(geometry%2C%20POINT(1%201))")) {
                Http.Response r = http().get("/ogc/collections/incidents/items?" + bad);
                assertThat(r.status()).as(bad + " " + r.body()).isEqualTo(400);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
        }

        @Test
        void gdalReadsTheLayersThatOfferOtherCrs() {
            String summary = Gdal.ogrinfo("-ro", "-so", "OAPIF:http://127.0.0.1:" + port + "/ogc", "incidents");
            assertThat(summary).contains("Feature Count", "Geometry: Unknown (any)");
        }

        /**
         * GDAL 3.7 and later ask the server for the CRS a user names (the OAPIF driver's {@code CRS} open option, Part 2):
         * the layer is in UTM 42N and every position is the server's own answer in it. Skipped, saying so, without GDAL
         * 3.7.1 or later (scripts/setup-tools unpacks 3.10 beside Debian 12's 3.6.2).
         */
        @Test
        void gdal37ReadsACollectionInTheCrsItAsksFor() {
            String ogrinfo = Gdal.recent("ogrinfo");
            Assumptions.assumeTrue(
                    ogrinfo != null,
                    "no GDAL 3.7.1 or later here (scripts/setup-tools unpacks 3.10 beside "
                            + "Debian 12's 3.6.2): GDAL's reading in another CRS was not checked");
            String read = Gdal.run(
                    ogrinfo, "-ro", "-oo", "CRS=EPSG:32642", "OAPIF:http://127.0.0.1:" + port + "/ogc", "crossings");
            assertThat(read).contains("UTM zone 42N");
            JsonNode served = http().get("/ogc/collections/crossings/items?limit=100&crs=" + EPSG + "32642")
                    .json()
                    .get("features");
            Matcher m = POINT.matcher(read);
            int k = 0;
            while (m.find()) {
                JsonNode xy = served.get(k++).get("geometry").get("coordinates");
                assertThat(Double.parseDouble(m.group(1))).isCloseTo(xy.get(0).asDouble(), within(0.001));
                assertThat(Double.parseDouble(m.group(2))).isCloseTo(xy.get(1).asDouble(), within(0.001));
            }
            assertThat(k).as("every crossing").isEqualTo(served.size()).isPositive();
        }

        /** A point as {@code ogrinfo} prints a feature's geometry. */
        static final Pattern POINT = Pattern.compile("(?m)^  POINT \\(([-0-9.e+]+) ([-0-9.e+]+)\\)");

        Set<String> ids(String query) {
            Http.Response r = http().get("/ogc/collections/incidents/items?limit=1000&" + query);
            assertThat(r.status()).as(query + " " + r.body()).isEqualTo(200);
            Set<String> out = new TreeSet<>();
            r.json().get("features").forEach(f -> out.add(f.get("id").asString()));
            return out;
        }

        /** Web mercator by its formula (WGS 84 sphere radius 6378137 m). */
        static double[] mercator(double lon, double lat) {
            double r = 6378137;
            return new double[] {Math.toRadians(lon) * r, Math.log(Math.tan(Math.PI / 4 + Math.toRadians(lat) / 2)) * r
            };
        }

        /** PROJ's answer, through GDAL's gdaltransform, for one CRS84 position. */
        static double[] gdaltransform(Coordinate c, String target) throws IOException, InterruptedException {
            Process p =
                    new ProcessBuilder("gdaltransform", "-s_srs", "OGC:CRS84", "-t_srs", target, "-output_xy").start();
            p.getOutputStream().write((c.x + " " + c.y + "\n").getBytes(StandardCharsets.UTF_8));
            p.getOutputStream().close();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            String[] xy = out.split("\\s+");
            return new double[] {Double.parseDouble(xy[0]), Double.parseDouble(xy[1])};
        }
    }
}
