package org.conflictmap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.io.StringWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.conflictmap.Csv;
import org.conflictmap.Editor;
import org.conflictmap.Gdal;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.geo.Wkb;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The CSV's ACLED columns as ACLED's codebook has them, on both stores: a district-precise incident is
 * {@code geo_precision} 2 with its district as {@code admin2} (it was 3, "province", with no admin2), a point's
 * {@code admin1} and {@code admin2} are the gazetteer's polygons that cover it, the written point lies in its
 * admin2, and a file passed on through ACLED's columns alone is imported back at the same precision and area.
 */
class AcledColumnsContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    /** Zurmat, a district of Paktia. */
    static final String ZURMAT = "district-af-adm2-17698898b98040886120926";

    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        Gazetteer gazetteer;

        @TempDir
        Path dir;

        Http http() {
            return new Http(port);
        }

        Editor editor() {
            return new Editor(http());
        }

        static String incident(String id, String where) {
            return """
                    {"id": "%s", "title": "Shelling %s", "type": "shelling", "occurred": {"start": "2031-04-09", "precision": "day"},
                     %s, "sources": [{"id": "S1", "outlet": "Test wire", "published": "2031-04-09"}],
                     "claims": [{"claimant": "Police", "party": "local_official", "side": "civilians", "killed": 1, "sources": ["S1"]}]}
                    """.formatted(id, id, where);
        }

        /** The gazetteer's place of this kind covering {@code p}, found by walking every place (the oracle). */
        Place covering(String kind, Point p) {
            return gazetteer.all().stream()
                    .filter(x -> x.kind().equals(kind) && x.geometry().covers(p))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no " + kind + " covers " + p));
        }

        Place province(Place district) {
            return gazetteer.all().stream()
                    .filter(x -> x.kind().equals("province") && x.admin1().equals(district.admin1()))
                    .findFirst()
                    .orElseThrow();
        }

        static Point point(CSVRecord r) {
            return Wkb.FACTORY.createPoint(
                    new Coordinate(Double.parseDouble(r.get("longitude")), Double.parseDouble(r.get("latitude"))));
        }

        Map<String, CSVRecord> export(String prefix, Path file) throws Exception {
            String filter = URLEncoder.encode("id LIKE '" + prefix + "%'", StandardCharsets.UTF_8)
                    .replace("+", "%20");
            Http.Response r = http().get("/api/export/incidents.csv?datetime=2031-04-09&filter=" + filter);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            Files.write(file, r.bytes());
            Map<String, CSVRecord> rows = new HashMap<>();
            try (CSVParser p = Csv.parser(r.body())) {
                assertThat(p.getHeaderNames())
                        .containsSubsequence("country", "admin1", "admin2", "location", "latitude", "longitude");
                p.forEach(row -> rows.put(row.get("event_id_cnty"), row));
            }
            return rows;
        }

        /** The rows with only ACLED's columns (what an ACLED tool passes on), each under an event id of its own. */
        static String acledOnly(List<CSVRecord> rows, String prefix) throws Exception {
            StringWriter out = new StringWriter();
            try (CSVPrinter csv = new CSVPrinter(
                    out,
                    CSVFormat.RFC4180
                            .builder()
                            .setHeader(FlatRows.ACLED_COLUMNS.toArray(String[]::new))
                            .get())) {
                for (CSVRecord r : rows) {
                    List<String> cells = new ArrayList<>();
                    for (String c : FlatRows.ACLED_COLUMNS) {
                        cells.add(c.equals("event_id_cnty") ? prefix + r.get(c) : c.equals("area_wkt") ? "" : r.get(c));
                    }
                    csv.printRecord(cells);
                }
            }
            return out.toString();
        }

        JsonNode imported(String csv, String id) {
            Http.Response r =
                    http().send("POST", "/api/import", csv, "Content-Type", "text/csv", "Authorization", EDITOR_AUTH);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            Http.Response got = http().get("/api/incidents/" + id);
            assertThat(got.status()).as(id + " " + r.body()).isEqualTo(200);
            return got.json();
        }

        static Geometry geometry(JsonNode feature) throws Exception {
            return new GeoJsonReader(Wkb.FACTORY).read(feature.get("geometry").toString());
        }

        @Test
        void aDistrictIsAcledsTwoWithItsAdmin2AndAPointHasTheDistrictAndProvinceCoveringIt() throws Exception {
            String tag = "acled-cols-" + UUID.randomUUID().toString().substring(0, 8);
            editor().created(incident(tag + "-district", "\"places\": [\"" + ZURMAT + "\"]"));
            editor().created(
                            incident(
                                    tag + "-exact",
                                    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [69.92, 33.34]}, \"geo_precision\": \"exact\""));
            editor().created(
                            incident(
                                    tag + "-near",
                                    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [70.45, 34.43]}, \"geo_precision\": \"near\""));
            editor().created(incident(tag + "-province", "\"places\": [\"af-province-khost\"]"));
            Path file = dir.resolve("incidents.csv");
            Map<String, CSVRecord> rows = export(tag, file);
            assertThat(rows).hasSize(4);

            Place zurmat = gazetteer.get(ZURMAT).orElseThrow();
            CSVRecord district = rows.get(tag + "-district");
            assertThat(district.get("geo_precision"))
                    .as("ACLED's 2: a small part of a region (was 3, read as the province)")
                    .isEqualTo("2");
            assertThat(district.get("geo_precision_name")).isEqualTo("district");
            assertThat(district.get("admin2")).isEqualTo(zurmat.name());
            assertThat(district.get("admin1"))
                    .isEqualTo(province(zurmat).name())
                    .isEqualTo("Paktia");
            assertThat(district.get("country")).isEqualTo("Afghanistan");
            assertThat(zurmat.geometry().covers(point(district)))
                    .as("the written point lies in its admin2")
                    .isTrue();

            for (String n : new String[] {"-exact", "-near"}) {
                CSVRecord r = rows.get(tag + n);
                Place d = covering("district", point(r));
                assertThat(r.get("admin2")).as(n).isEqualTo(d.name());
                assertThat(r.get("admin1")).as(n).isEqualTo(province(d).name());
                assertThat(covering("province", point(r)).admin1())
                        .as(n + ": the district's province covers the point too")
                        .isEqualTo(d.admin1());
                assertThat(r.get("geo_precision")).as(n).isEqualTo(n.equals("-exact") ? "1" : "2");
            }
            CSVRecord province = rows.get(tag + "-province");
            assertThat(province.get("geo_precision")).isEqualTo("3");
            assertThat(province.get("admin1")).isEqualTo("Khost");
            assertThat(province.get("admin2"))
                    .as("a province-level report is not narrowed to the district of its drawn point")
                    .isEmpty();

            // GDAL still reads the file, with the new columns
            String info = Gdal.ogrinfo(
                    "-ro",
                    "-al",
                    "-so",
                    "-oo",
                    "X_POSSIBLE_NAMES=longitude",
                    "-oo",
                    "Y_POSSIBLE_NAMES=latitude",
                    file.toString());
            assertThat(info)
                    .contains("Feature Count: 4")
                    .contains("admin2: String")
                    .contains("Point");
        }

        @Test
        void anExportPassedOnThroughAcledsColumnsComesBackAtTheSamePrecisionAndArea() throws Exception {
            String tag = "acled-trip-" + UUID.randomUUID().toString().substring(0, 8);
            JsonNode stored = editor().created(incident(tag + "-district", "\"places\": [\"" + ZURMAT + "\"]"))
                    .json();
            JsonNode storedExact = editor().created(
                            incident(
                                    tag + "-exact",
                                    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [69.92, 33.34]}, \"geo_precision\": \"exact\""))
                    .json();
            editor().created(
                            incident(
                                    tag + "-near",
                                    "\"geometry\": {\"type\": \"Point\", \"coordinates\": [70.45, 34.43]}, \"geo_precision\": \"near\""));
            Map<String, CSVRecord> rows = export(tag, dir.resolve("trip.csv"));

            String other = "RT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            String acled = acledOnly(List.of(rows.get(tag + "-district"), rows.get(tag + "-exact")), other);
            String id = "acled-" + other.toLowerCase() + tag;
            JsonNode back = imported(acled, id + "-district");
            assertThat(back.get("properties").get("geo_precision").asString()).isEqualTo("district");
            Geometry before = geometry(stored);
            Geometry after = geometry(back);
            assertThat(after.getArea())
                    .isCloseTo(before.getArea(), org.assertj.core.data.Percentage.withPercentage(1e-6));
            assertThat(after.symDifference(before).getArea())
                    .as("the same area: the district's")
                    .isLessThan(before.getArea() * 1e-9);

            JsonNode exact = http().get("/api/incidents/" + id + "-exact").json();
            assertThat(exact.get("properties").get("geo_precision").asString()).isEqualTo("exact");
            assertThat(geometry(exact).distance(geometry(storedExact))).isLessThan(1e-5);

            // this server's whole CSV says a point near a town is one (geo_precision_name): under another id it stays
            String whole = Files.readString(dir.resolve("trip.csv"))
                    .lines()
                    .filter(l -> l.startsWith("event_id_cnty") || l.startsWith(tag + "-near"))
                    .map(l -> l.replace(tag, "n" + tag))
                    .collect(java.util.stream.Collectors.joining("\n"));
            JsonNode near = imported(whole, "acled-n" + tag + "-near");
            assertThat(near.get("properties").get("geo_precision").asString()).isEqualTo("near");
            assertThat(near.get("geometry").get("type").asString()).isEqualTo("Point");
        }
    }
}
