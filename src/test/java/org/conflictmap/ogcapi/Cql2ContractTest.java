package org.conflictmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.incidents.Cql2;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * CQL2 complete, on both stores: the standard's examples (OGC 21-065r2, Annex B) rewritten onto the
 * incidents' queryables, and every temporal, spatial and array operator against several arguments.
 * Each filter is sent as cql2-text and as cql2-json on GET, and as JSON in a POST search; all three
 * must give the same rows, and those rows must be the ones {@link Cql2Oracle} picks from the served
 * features in memory.
 */
class Cql2ContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    /** A filter: its name, its cql2-text and its cql2-json. */
    record Case(String name, String text, String json) {}

    /** The standard's examples (file names of its examples folder) with this server's queryables. */
    static final List<Case> STANDARD = List.of(
            new Case(
                    "clause6_03",
                    "geometry IS NOT NULL",
                    "{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"geometry\"}]}]}"),
            new Case(
                    "clause7_03a",
                    "type IN ('air_strike','shelling','suicide_bomb')",
                    "{\"op\":\"in\",\"args\":[{\"property\":\"type\"},[\"air_strike\",\"shelling\",\"suicide_bomb\"]]}"),
            new Case(
                    "clause7_03b",
                    "killed_max NOT IN (1,2,3,4,70)",
                    "{\"op\":\"not\",\"args\":[{\"op\":\"in\",\"args\":[{\"property\":\"killed_max\"},[1,2,3,4,70]]}]}"),
            new Case(
                    "clause7_04",
                    "CASEI(type) IN (CASEI('AIR_STRIKE'),CASEI('Shelling'))",
                    "{\"op\":\"in\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"type\"}]},"
                            + "[{\"op\":\"casei\",\"args\":[\"AIR_STRIKE\"]},{\"op\":\"casei\",\"args\":[\"Shelling\"]}]]}"),
            new Case(
                    "clause7_05",
                    "ACCENTI(CASEI(operation)) = ACCENTI(CASEI('Ghážab LIL-Häq'))",
                    "{\"op\":\"=\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"operation\"}]}]},"
                            + "{\"op\":\"accenti\",\"args\":[{\"op\":\"casei\",\"args\":[\"Ghážab LIL-Häq\"]}]}]}"),
            new Case(
                    "clause7_07",
                    "S_INTERSECTS(geometry,POINT(69.17 34.53))",
                    "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[69.17,34.53]}]}"),
            new Case(
                    "clause7_10",
                    "S_CROSSES(geometry,LINESTRING(69 33, 71.5 35))",
                    "{\"op\":\"s_crosses\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"LineString\",\"coordinates\":[[69,33],[71.5,35]]}]}"),
            new Case(
                    "clause7_12",
                    "T_INTERSECTS(INTERVAL(start,end), INTERVAL('2026-02-26T00:00:00Z', '2026-02-26T23:59:59Z'))",
                    "{\"op\":\"t_intersects\",\"args\":[{\"interval\":[{\"property\":\"start\"},{\"property\":\"end\"}]},"
                            + "{\"interval\":[\"2026-02-26T00:00:00Z\",\"2026-02-26T23:59:59Z\"]}]}"),
            new Case(
                    "clause7_13",
                    "T_DURING(INTERVAL(start, end), INTERVAL('2026-02-20T00:00:00Z', '2026-02-28T00:00:00Z'))",
                    "{\"op\":\"t_during\",\"args\":[{\"interval\":[{\"property\":\"start\"},{\"property\":\"end\"}]},"
                            + "{\"interval\":[\"2026-02-20T00:00:00Z\",\"2026-02-28T00:00:00Z\"]}]}"),
            new Case(
                    "clause7_15",
                    "A_CONTAINS(parties, ('af_government','pk_government'))",
                    "{\"op\":\"a_contains\",\"args\":[{\"property\":\"parties\"},[\"af_government\",\"pk_government\"]]}"),
            new Case(
                    "clause7_17",
                    "T_DURING(INTERVAL('1969-07-20T20:17:40Z', '1969-07-21T17:54:00Z'), INTERVAL('1969-07-16T13:32:00Z', '1969-07-24T16:50:35Z'))",
                    "{\"op\":\"t_during\",\"args\":[{\"interval\":[\"1969-07-20T20:17:40Z\",\"1969-07-21T17:54:00Z\"]},"
                            + "{\"interval\":[\"1969-07-16T13:32:00Z\",\"1969-07-24T16:50:35Z\"]}]}"),
            new Case(
                    "example43",
                    "(NOT \"title\" LIKE 'Pak%' AND \"killed_max\" > 10)",
                    "{\"op\":\"and\",\"args\":[{\"op\":\"not\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"title\"},\"Pak%\"]}]},"
                            + "{\"op\":\">\",\"args\":[{\"property\":\"killed_max\"},10]}]}"),
            new Case(
                    "example53",
                    "T_AFTER(\"start\", DATE('2026-02-25'))",
                    "{\"op\":\"t_after\",\"args\":[{\"property\":\"start\"},{\"date\":\"2026-02-25\"}]}"),
            new Case(
                    "example55",
                    "T_CONTAINS(INTERVAL('2026-02-01T00:00:00.000000Z', '2026-02-27T05:00:00.000000Z'), INTERVAL(start, end))",
                    "{\"op\":\"t_contains\",\"args\":[{\"interval\":[\"2026-02-01T00:00:00.000000Z\",\"2026-02-27T05:00:00.000000Z\"]},"
                            + "{\"interval\":[{\"property\":\"start\"},{\"property\":\"end\"}]}]}"),
            new Case(
                    "basic",
                    "\"title\" LIKE '%Kabul%' AND killed_max BETWEEN 1 AND 500 OR operation IS NOT NULL",
                    "{\"op\":\"or\",\"args\":[{\"op\":\"and\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"title\"},\"%Kabul%\"]},"
                            + "{\"op\":\"between\",\"args\":[{\"property\":\"killed_max\"},1,500]}]},"
                            + "{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"operation\"}]}]}]}"),
            new Case(
                    "bbox",
                    "S_INTERSECTS(geometry, BBOX(69, 33, 71.5, 35)) AND start >= TIMESTAMP('2026-02-01T00:00:00Z')",
                    "{\"op\":\"and\",\"args\":[{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[69,33,71.5,35]}]},"
                            + "{\"op\":\">=\",\"args\":[{\"property\":\"start\"},{\"timestamp\":\"2026-02-01T00:00:00Z\"}]}]}"));

    /** Second arguments of the temporal operators: ends that meet stored ones exactly, a day, an instant, open ends. */
    static final List<String[]> TIMES = List.of(
            new String[] {
                "INTERVAL('2026-02-21T13:30:00Z', '2026-02-27T19:29:59Z')",
                "{\"interval\":[\"2026-02-21T13:30:00Z\",\"2026-02-27T19:29:59Z\"]}"
            },
            new String[] {"DATE('2026-02-26')", "{\"date\":\"2026-02-26\"}"},
            new String[] {"TIMESTAMP('2026-02-26T12:00:00Z')", "{\"timestamp\":\"2026-02-26T12:00:00Z\"}"},
            new String[] {"INTERVAL('2026-02-22T01:30:00Z', '..')", "{\"interval\":[\"2026-02-22T01:30:00Z\",\"..\"]}"},
            new String[] {"INTERVAL('..', '2026-02-21T13:30:00Z')", "{\"interval\":[\"..\",\"2026-02-21T13:30:00Z\"]}"},
            new String[] {
                "INTERVAL('2026-02-21T13:30:00Z', '2026-02-22T01:30:00Z')",
                "{\"interval\":[\"2026-02-21T13:30:00Z\",\"2026-02-22T01:30:00Z\"]}"
            });

    static final List<String> PARTY_LISTS = List.of(
            "'af_government','pk_government'",
            "'media'",
            "'af_government','pk_government','un','local_official','media','armed_group'",
            "'armed_group','media'",
            "");

    static final String AREA = "POLYGON((69 33, 71.5 33, 71.5 35, 69 35, 69 33))";
    static final String AREA_JSON =
            "{\"type\":\"Polygon\",\"coordinates\":[[[69,33],[71.5,33],[71.5,35],[69,35],[69,33]]]}";

    static List<Case> cases() {
        List<Case> all = new ArrayList<>(STANDARD);
        for (String op : Cql2.TEMPORAL) {
            for (String[] t : TIMES) {
                all.add(new Case(
                        op,
                        op.toUpperCase() + "(INTERVAL(start, end), " + t[0] + ")",
                        "{\"op\":\"" + op
                                + "\",\"args\":[{\"interval\":[{\"property\":\"start\"},{\"property\":\"end\"}]},"
                                + t[1] + "]}"));
            }
        }
        for (String op : Cql2.SPATIAL) {
            all.add(new Case(
                    op,
                    op.toUpperCase() + "(geometry, " + AREA + ")",
                    "{\"op\":\"" + op + "\",\"args\":[{\"property\":\"geometry\"}," + AREA_JSON + "]}"));
        }
        for (int metres : new int[] {0, 20_000, 150_000}) {
            // Torkham crossing: inside some areas, 20 km from others, 150 km from Kabul
            all.add(new Case(
                    "s_dwithin " + metres,
                    "S_DWITHIN(geometry, POINT(71.09 34.11), " + metres + ")",
                    "{\"op\":\"s_dwithin\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[71.09,34.11]},"
                            + metres + "]}"));
        }
        for (String op : Cql2.ARRAY) {
            for (String list : PARTY_LISTS) {
                all.add(new Case(
                        op,
                        op.toUpperCase() + "(parties, (" + list + "))",
                        "{\"op\":\"" + op + "\",\"args\":[{\"property\":\"parties\"},[" + list.replace('\'', '"')
                                + "]]}"));
            }
        }
        return all;
    }

    abstract static class Contract {
        @LocalServerPort
        int port;

        Http http() {
            return new Http(port);
        }

        Set<String> ids(Http.Response r, String what) {
            assertThat(r.status()).as(what + " " + r.body()).isEqualTo(200);
            Set<String> ids = new TreeSet<>();
            r.json().get("features").forEach(f -> ids.add(f.get("id").asString()));
            return ids;
        }

        Set<String> get(String filter, String lang) {
            return ids(
                    http().get("/ogc/collections/incidents/items?limit=1000&filter-lang=" + lang + "&filter="
                            + URLEncoder.encode(filter, StandardCharsets.UTF_8).replace("+", "%20")),
                    filter);
        }

        @Test
        void textAndJsonOnGetAndPostGiveTheOraclesRows() {
            JsonNode all = http().get("/ogc/collections/incidents/items?limit=1000")
                    .json()
                    .get("features");
            int selective = 0;
            for (Case c : cases()) {
                Cql2 tree = Cql2Text.parse(c.text());
                assertThat(tree).as(c.name() + ": text and JSON read alike").isEqualTo(Cql2Json.parse(c.json()));
                Set<String> want = new TreeSet<>();
                all.forEach(f -> {
                    if (Cql2Oracle.test(tree, f)) {
                        want.add(f.get("id").asString());
                    }
                });
                assertThat(get(c.text(), "cql2-text"))
                        .as(c.name() + " text: " + c.text())
                        .isEqualTo(want);
                assertThat(get(c.json(), "cql2-json"))
                        .as(c.name() + " json: " + c.json())
                        .isEqualTo(want);
                Http.Response posted = http().send(
                                "POST",
                                "/ogc/collections/incidents/search",
                                "{\"limit\": 1000, \"filter\": " + c.json() + "}",
                                "Content-Type",
                                "application/json");
                assertThat(ids(posted, c.name())).as(c.name() + " POST search").isEqualTo(want);
                selective += want.isEmpty() || want.size() == all.size() ? 0 : 1;
            }
            assertThat(selective)
                    .as("cases that select some incidents but not all")
                    .isGreaterThanOrEqualTo(60);
        }

        @Test
        void searchTakesTextFiltersAndItemParametersAndLinksToGets() {
            Http.Response r = http().send(
                            "POST",
                            "/ogc/collections/incidents/search",
                            "{\"filter\": \"type = 'air_strike'\", \"limit\": 1, \"bbox\": [60, 20, 80, 40]}",
                            "Content-Type",
                            "application/json");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode page = r.json();
            assertThat(page.get("numberReturned").asInt()).isEqualTo(1);
            assertThat(page.get("numberMatched").asInt()).isGreaterThanOrEqualTo(2);
            String next = null;
            for (JsonNode l : page.get("links")) {
                next = l.get("rel").asString().equals("next") ? l.get("href").asString() : next;
            }
            assertThat(next).contains("/ogc/collections/incidents/items?", "offset=1");
            assertThat(ids(http().get(next.substring(next.indexOf("/ogc"))), next))
                    .hasSize(1)
                    .doesNotContain(page.get("features").get(0).get("id").asString());
            // a CQL2 JSON filter alone is a body too
            assertThat(ids(
                            http().send(
                                            "POST",
                                            "/ogc/collections/incidents/search",
                                            "{\"op\":\"=\",\"args\":[{\"property\":\"type\"},\"shelling\"]}",
                                            "Content-Type",
                                            "application/json"),
                            "alone"))
                    .contains("2026-02-26-torkham-shelling");
        }

        @Test
        void filtersThatCannotBeAnsweredAre400s() {
            for (String[] bad : new String[][] {
                {"T_AFTER(title, DATE('2026-01-01'))", "cql2-text"},
                {"A_CONTAINS(title, ('a'))", "cql2-text"},
                {"A_CONTAINS(parties, parties)", "cql2-text"},
                {"S_DWITHIN(geometry, POINT(70 34), 2000000)", "cql2-text"},
                {"S_DWITHIN(geometry, POINT(70 34), -1)", "cql2-text"},
                {"CASEI(killed_max) = 5", "cql2-text"},
                {"T_AFTER(INTERVAL(start, title), DATE('2026-01-01'))", "cql2-text"},
                {"{\"op\":\"=\",\"args\":[{\"property\":\"colour\"},\"red\"]}", "cql2-json"},
                {"{\"op\":\"like\",\"args\":[{\"property\":\"killed_max\"},\"5%\"]}", "cql2-json"},
                {"type = 'x'", "cql2-yaml"},
                {"not json", "cql2-json"}
            }) {
                Http.Response r = http().get("/ogc/collections/incidents/items?filter-lang=" + bad[1] + "&filter="
                        + URLEncoder.encode(bad[0], StandardCharsets.UTF_8).replace("+", "%20"));
                assertThat(r.status()).as(bad[0] + " " + r.body()).isEqualTo(400);
                assertThat(r.contentType()).startsWith("application/problem+json");
                assertThat(r.body()).doesNotContain("Exception", "SQL", "jdbc");
            }
            for (String body : List.of(
                    "", "[1]", "{\"filter\": {\"op\": \"frob\", \"args\": []}}", "{\"colour\": \"red\"}", "{")) {
                Http.Response r = http().send(
                                "POST", "/ogc/collections/incidents/search", body, "Content-Type", "application/json");
                assertThat(r.status()).as(body + " " + r.body()).isEqualTo(400);
                assertThat(r.contentType()).startsWith("application/problem+json");
            }
            // LIKE patterns with a lone backslash are literal, never an SQL error
            assertThat(get("title LIKE '%\\'", "cql2-text")).isEmpty();
        }
    }
}
