package org.conflictmap.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.conflictmap.ConflictMapApplication;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.store.DataVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * ACLED-style CSV import over HTTP on both stores, and the import command line. Imported rows are
 * dated 2031, outside the bundled dataset's period, so tests that count the dataset stay exact.
 */
class ImportContractTest {
    static final String HEADER = "event_id_cnty,event_date,year,time_precision,event_type,sub_event_type,actor1,actor2,"
            + "country,admin1,admin2,location,latitude,longitude,geo_precision,source,notes,fatalities\n";

    static String row(
            String id,
            String date,
            String sub,
            String admin1,
            String lat,
            String lon,
            int geoPrecision,
            String fatalities) {
        return id + "," + date + ",2026,1,Explosions/Remote violence," + sub + ",Military Forces of Pakistan,Taliban,"
                + (admin1.equals("Khyber Pakhtunkhwa") ? "Pakistan" : "Afghanistan") + "," + admin1 + ",,Somewhere,"
                + lat
                + "," + lon + "," + geoPrecision + ",Pajhwok,\"Notes, with a comma\"," + fatalities + "\n";
    }

    /**
     * {@code rows} good rows (more than a batch: the first 2,000 were once committed on their own), then one
     * that cannot be parsed (a character after a closing quote), then more good rows.
     */
    static String brokenAfter(String prefix, int rows) {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int k = 1; k <= rows + 50; k++) {
            csv.append(
                    k == rows + 1
                            ? prefix + k + ",2031-03-01,2026,1,Battles,\"Armed clash\"x,,,,,,,34.9,71.1,1,,,1\n"
                            : row(prefix + k, "2031-03-01", "Armed clash", "Kunar", "34.9", "71.1", 1, "1"));
        }
        return csv.toString();
    }

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        DataVersion version;

        Http http() {
            return new Http(port);
        }

        Http.Response post(String csv, String query) {
            return http().send(
                            "POST",
                            "/api/import" + query,
                            csv,
                            "Content-Type",
                            "text/csv",
                            "Authorization",
                            EDITOR_AUTH);
        }

        @Test
        void rowsBecomeIncidentsWithTheirPrecisionAndOneAttributedClaim() {
            String p = "T" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            String csv = HEADER
                    + row(p + "1", "2031-02-27", "Air/drone strike", "Khost", "33.34", "69.92", 1, "4")
                    + row(p + "2", "27 February 2031", "Armed clash", "Paktika", "32.5", "68.8", 3, "")
                    + row(
                            p + "3",
                            "2031-02-26",
                            "Shelling/artillery/missile attack",
                            "Khyber Pakhtunkhwa",
                            "34.0",
                            "71.5",
                            2,
                            "0");
            Http.Response r = post(csv, "");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("created").asInt()).isEqualTo(3);
            assertThat(r.json().get("rejected").asInt()).isZero();

            String id = "acled-" + p.toLowerCase();
            JsonNode strike = http().get("/api/incidents/" + id + "1").json();
            assertThat(strike.get("geometry").get("type").asString()).isEqualTo("Point");
            JsonNode props = strike.get("properties");
            assertThat(props.get("type").asString()).isEqualTo("air_strike");
            assertThat(props.get("geo_precision").asString()).isEqualTo("exact");
            assertThat(props.get("places").get(0).get("id").asString()).isEqualTo("af-province-khost");
            assertThat(props.get("claims").get(0).get("killed").asInt()).isEqualTo(4);
            assertThat(props.get("claims").get(0).get("claimant").asString()).contains("ACLED", "Pajhwok");
            assertThat(props.get("summary").asString()).isEqualTo("Notes, with a comma");

            JsonNode provinceLevel = http().get("/api/incidents/" + id + "2").json();
            assertThat(provinceLevel.get("geometry").get("type").asString())
                    .as("a province-level row keeps the area")
                    .isIn("Polygon", "MultiPolygon");
            assertThat(provinceLevel
                            .get("properties")
                            .get("places")
                            .get(0)
                            .get("id")
                            .asString())
                    .isEqualTo("af-province-paktika");
            assertThat(provinceLevel
                            .get("properties")
                            .get("claims")
                            .get(0)
                            .get("killed")
                            .isNull())
                    .isTrue();

            Http.Response again = post(csv, "");
            assertThat(again.json().get("updated").asInt())
                    .as("re-importing replaces, never duplicates")
                    .isEqualTo(3);
            assertThat(http().get("/api/incidents/" + id + "1")
                            .json()
                            .get("properties")
                            .get("version")
                            .asInt())
                    .isEqualTo(2);
        }

        /**
         * ACLED's admin2 (issue 24): a row coded 2 ("a small part of a region", "near a town") whose admin2 is a
         * district of its province takes the district's area at precision {@code district}, its name matched without
         * accents or case or by a gazetteer alias; a precise point (1) and a province-level row (3) keep today's
         * geometry; an admin2 that is no district of the row's province keeps the point and is counted. The
         * district-precise incident exported as CSV and imported again changes nothing.
         */
        @Test
        void anAdmin2DistrictMakesARowCodedTwoDistrictPreciseAndUnknownOnesAreCounted() {
            String p = "D" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            String id = "acled-" + p.toLowerCase();
            java.util.function.BiFunction<String, String, String> line = (n, place) -> p + n
                    + ",2031-03-05,2031,1,Battles,Armed clash,Taliban,Military Forces of Pakistan," + place
                    + ",Pajhwok,,1\n";
            String csv = HEADER
                    + line.apply("1", "Afghanistan,Paktia,ZŪRMAT,Zurmat,33.44,69.03,2")
                    + line.apply("2", "Afghanistan,Nangarhar,khugyani,Kaga,34.20,70.25,2")
                    + line.apply("3", "Pakistan,Khyber Pakhtunkhwa,Bajaur,Khar,34.73,71.52,1")
                    + line.apply("4", "Afghanistan,Paktia,Zurmat,Gardez,33.60,69.22,3")
                    + line.apply("5", "Afghanistan,Kunar,Bajaur,Asadabad,34.87,71.15,2")
                    + line.apply("6", "Afghanistan,Paktia,Nowhere Tehsil,Somewhere,33.50,69.10,2");
            Http.Response r = post(csv, "");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("created").asInt()).as(r.body()).isEqualTo(6);
            assertThat(r.json().get("unknownAdmin2").asInt())
                    .as("Bajaur is no district of Kunar; Nowhere Tehsil none at all")
                    .isEqualTo(2);

            for (String n : new String[] {"1", "2"}) {
                JsonNode d = http().get("/api/incidents/" + id + n).json();
                assertThat(d.get("geometry").get("type").asString()).as(n).isIn("Polygon", "MultiPolygon");
                assertThat(d.get("properties").get("geo_precision").asString()).isEqualTo("district");
                assertThat(d.get("properties").get("places").get(0).get("id").asString())
                        .as("the province stays the first place")
                        .startsWith("af-province-");
                assertThat(d.get("properties").get("places").get(1).get("id").asString())
                        .isEqualTo(
                                n.equals("1")
                                        ? "district-af-adm2-17698898b98040886120926"
                                        : "district-af-adm2-17698898b58246966451205");
            }
            JsonNode exact = http().get("/api/incidents/" + id + "3").json();
            assertThat(exact.get("geometry").get("type").asString()).isEqualTo("Point");
            assertThat(exact.get("properties").get("geo_precision").asString()).isEqualTo("exact");
            assertThat(exact.get("properties").get("places")).hasSize(1);
            JsonNode province = http().get("/api/incidents/" + id + "4").json();
            assertThat(province.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
            assertThat(province.get("properties").get("geo_precision").asString())
                    .isEqualTo("province");
            for (String n : new String[] {"5", "6"}) {
                JsonNode near = http().get("/api/incidents/" + id + n).json();
                assertThat(near.get("geometry").get("type").asString()).as(n).isEqualTo("Point");
                assertThat(near.get("properties").get("geo_precision").asString())
                        .isEqualTo("near");
            }

            String filter = java.net.URLEncoder.encode("id = '" + id + "1'", StandardCharsets.UTF_8)
                    .replace("+", "%20");
            byte[] own = http().get("/api/export/incidents.csv?datetime=2031-03-05&filter=" + filter)
                    .bytes();
            Http.Response again =
                    http().send("POST", "/api/import", own, "Content-Type", "text/csv", "Authorization", EDITOR_AUTH);
            assertThat(again.status()).as(again.body()).isEqualTo(200);
            assertThat(again.json().get("unchanged").asInt())
                    .as("the district-precise row round-trips: " + again.body())
                    .isEqualTo(1);
            JsonNode after = http().get("/api/incidents/" + id + "1").json();
            assertThat(after.get("properties").get("geo_precision").asString()).isEqualTo("district");
            assertThat(after.get("properties").get("version").asInt()).isEqualTo(1);
        }

        @Test
        void badRowsAreReportedWithLineNumbersAndSkipped() {
            String p = "B" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            String csv = HEADER
                    + row(p + "1", "2031-02-27", "Armed clash", "Kunar", "34.9", "71.1", 1, "2")
                    + row(p + "2", "yesterday", "Armed clash", "Kunar", "34.9", "71.1", 1, "2")
                    + row(p + "3", "2031-02-27", "Armed clash", "Kunar", "134.9", "71.1", 1, "2")
                    + row(p + "4", "2031-02-27", "Armed clash", "Kunar", "34.9", "71.1", 1, "-3")
                    + row(p + "1", "2031-02-27", "Armed clash", "Kunar", "34.9", "71.1", 1, "2");
            Http.Response r = post(csv, "");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.json().get("created").asInt()).isEqualTo(1);
            assertThat(r.json().get("rejected").asInt()).isEqualTo(4);
            JsonNode errors = r.json().get("errors");
            assertThat(errors.get(0).get("line").asInt()).isEqualTo(3);
            assertThat(errors.get(0).get("field").asString()).isEqualTo("event_date");
            assertThat(errors.get(1).get("field").asString()).isEqualTo("latitude");
            assertThat(errors.get(2).get("field").asString()).isEqualTo("fatalities");
            assertThat(errors.get(3).get("message").asString()).contains("line 2");
        }

        @Test
        void anAtomicImportWithOneBadRowChangesNothing() {
            long before = version.current().version();
            String p = "A" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            String csv = HEADER
                    + row(p + "1", "2031-02-27", "Armed clash", "Kunar", "34.9", "71.1", 1, "2")
                    + row(p + "2", "2031-02-30", "Armed clash", "Kunar", "34.9", "71.1", 1, "2");
            Http.Response r = post(csv, "?atomic=true");
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.body()).contains("line 3");
            assertThat(http().get("/api/incidents/acled-" + p.toLowerCase() + "1")
                            .status())
                    .isEqualTo(404);
            assertThat(version.current().version()).isEqualTo(before);
            assertThat(post(csv.replace("2031-02-30", "2031-02-28"), "?atomic=true")
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void aFileThatBreaksAfter2100RowsChangesNothing() {
            long before = version.current().version();
            String p = "K" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
            Http.Response r = post(brokenAfter(p, 2100), "");
            assertThat(r.status()).as(r.body()).isEqualTo(400);
            assertThat(r.contentType()).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asString())
                    .contains("after 2100 rows", "nothing was imported")
                    .doesNotContain("org.apache", "Exception");
            for (int k : new int[] {1, 2000, 2100}) {
                assertThat(http().get("/api/incidents/acled-" + p.toLowerCase() + k)
                                .status())
                        .as("row %d", k)
                        .isEqualTo(404);
            }
            assertThat(version.current().version()).as("data unchanged").isEqualTo(before);
        }

        @Test
        void unusableUploadsAreRefusedAndChangeNothing() {
            long before = version.current().version();
            assertThat(post("id,date\n1,2\n", "").status()).isEqualTo(400);
            assertThat(post("id,date\n1,2\n", "").body()).contains("event_id_cnty");
            assertThat(post("", "").status()).isEqualTo(400);
            assertThat(http().send("POST", "/api/import", HEADER, "Content-Type", "text/csv")
                            .status())
                    .isEqualTo(401);
            assertThat(http().send(
                                    "POST",
                                    "/api/import",
                                    HEADER,
                                    "Content-Type",
                                    "application/json",
                                    "Authorization",
                                    EDITOR_AUTH)
                            .status())
                    .isEqualTo(415);
            assertThat(post(HEADER, "?atomic=maybe").status()).isEqualTo(400);
            assertThat(version.current().version()).isEqualTo(before);
        }
    }

    @Test
    void theImportCommandWritesToTheStoreWithoutAWebServer(@TempDir Path dir) throws Exception {
        Path csv = dir.resolve("acled.csv");
        Files.writeString(
                csv,
                HEADER
                        + row("CLI1", "2031-02-27", "Suicide bomb", "Kabul", "34.53", "69.17", 1, "5")
                        + row("CLI2", "not a date", "Suicide bomb", "Kabul", "34.53", "69.17", 1, "5"));
        String[] common = {"--conflictmap.store.data-dir=" + dir.resolve("store"), "--logging.level.root=warn"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int atomic = ImportCommand.run(
                ConflictMapApplication.class,
                new String[] {"import", csv.toString(), "--atomic", common[0], common[1]},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(atomic).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("nothing imported", "line 3");
        out.reset();
        int partial = ImportCommand.run(
                ConflictMapApplication.class,
                new String[] {"import", csv.toString(), common[0], common[1]},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(partial).isEqualTo(3);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("2 rows read, 1 created", "1 rejected", "line 3, event_date");
        Path broken = dir.resolve("broken.csv");
        Files.writeString(broken, brokenAfter("BRK", 2100));
        out.reset();
        assertThat(ImportCommand.run(
                        ConflictMapApplication.class,
                        new String[] {"import", broken.toString(), common[0], common[1]},
                        new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .contains("nothing imported", "after 2100 rows")
                .doesNotContain("org.apache", "Exception");
        try (var c = java.sql.DriverManager.getConnection(
                        "jdbc:h2:file:" + dir.resolve("store/conflictmap"), "sa", "");
                var rs =
                        c.createStatement().executeQuery("SELECT COUNT(*) FROM incidents WHERE id LIKE 'acled-brk%'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1)).as("the broken file changed nothing").isZero();
        }
        out.reset();
        assertThat(ImportCommand.run(
                        ConflictMapApplication.class,
                        new String[] {"import"},
                        new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage");
    }
}
