package org.conflictmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.conflictmap.errors.Invalid;
import org.conflictmap.incidents.Cql2;
import org.conflictmap.ogcapi.Cql2ContractTest.Case;
import org.conflictmap.web.ApiProblem;
import org.junit.jupiter.api.Test;

/**
 * cql2-text and cql2-json read into the same tree: the standard's own examples (OGC 21-065r2, Annex
 * B, files {@code cql2/standard/schema/examples/{text,json}/} of opengeospatial/ogcapi-features),
 * each text beside its JSON. These are parsed only: their properties are not this server's.
 */
class Cql2ParserTest {
    static final List<Case> STANDARD = List.of(
            new Case(
                    "clause6_03",
                    "geometry IS NOT NULL",
                    "{\"op\":\"not\",\"args\":[{\"op\":\"isNull\",\"args\":[{\"property\":\"geometry\"}]}]}"),
            new Case(
                    "clause7_03a",
                    "cityName IN ('Toronto','Frankfurt','Tokyo','New York')",
                    "{\"op\":\"in\",\"args\":[{\"property\":\"cityName\"},[\"Toronto\",\"Frankfurt\",\"Tokyo\",\"New York\"]]}"),
            new Case(
                    "clause7_03b",
                    "category NOT IN (1,2,3,4)",
                    "{\"op\":\"not\",\"args\":[{\"op\":\"in\",\"args\":[{\"property\":\"category\"},[1,2,3,4]]}]}"),
            new Case(
                    "clause7_04",
                    "CASEI(road_class) IN (CASEI('Οδος'),CASEI('Straße'))",
                    "{\"op\":\"in\",\"args\":[{\"op\":\"casei\",\"args\":[{\"property\":\"road_class\"}]},"
                            + "[{\"op\":\"casei\",\"args\":[\"Οδος\"]},{\"op\":\"casei\",\"args\":[\"Straße\"]}]]}"),
            new Case(
                    "clause7_05",
                    "ACCENTI(etat_vol) = ACCENTI('débárquér')",
                    "{\"op\":\"=\",\"args\":[{\"op\":\"accenti\",\"args\":[{\"property\":\"etat_vol\"}]},"
                            + "{\"op\":\"accenti\",\"args\":[\"débárquér\"]}]}"),
            new Case(
                    "clause7_07",
                    "S_INTERSECTS(geometry,POINT(36.319836 32.288087))",
                    "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"type\":\"Point\",\"coordinates\":[36.319836,32.288087]}]}"),
            new Case(
                    "clause7_12",
                    "T_INTERSECTS(event_time, INTERVAL('1969-07-16T05:32:00Z', '1969-07-24T16:50:35Z'))",
                    "{\"op\":\"t_intersects\",\"args\":[{\"property\":\"event_time\"},"
                            + "{\"interval\":[\"1969-07-16T05:32:00Z\",\"1969-07-24T16:50:35Z\"]}]}"),
            new Case(
                    "clause7_13",
                    "T_DURING(INTERVAL(touchdown, liftOff), INTERVAL('1969-07-16T13:32:00Z', '1969-07-24T16:50:35Z'))",
                    "{\"op\":\"t_during\",\"args\":[{\"interval\":[{\"property\":\"touchdown\"},{\"property\":\"liftOff\"}]},"
                            + "{\"interval\":[\"1969-07-16T13:32:00Z\",\"1969-07-24T16:50:35Z\"]}]}"),
            new Case(
                    "clause7_15",
                    "A_CONTAINS(layer:ids, ('layers-ca','layers-us'))",
                    "{\"op\":\"a_contains\",\"args\":[{\"property\":\"layer:ids\"},[\"layers-ca\",\"layers-us\"]]}"),
            new Case(
                    "clause7_17",
                    "T_DURING(INTERVAL('1969-07-20T20:17:40Z', '1969-07-21T17:54:00Z'), INTERVAL('1969-07-16T13:32:00Z', '1969-07-24T16:50:35Z'))",
                    "{\"op\":\"t_during\",\"args\":[{\"interval\":[\"1969-07-20T20:17:40Z\",\"1969-07-21T17:54:00Z\"]},"
                            + "{\"interval\":[\"1969-07-16T13:32:00Z\",\"1969-07-24T16:50:35Z\"]}]}"),
            new Case(
                    "example43",
                    "(NOT \"name\" LIKE 'foo%' AND \"value\" > 10)",
                    "{\"op\":\"and\",\"args\":[{\"op\":\"not\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"foo%\"]}]},"
                            + "{\"op\":\">\",\"args\":[{\"property\":\"value\"},10]}]}"),
            new Case(
                    "example53",
                    "T_AFTER(\"updated_at\", DATE('2010-02-10'))",
                    "{\"op\":\"t_after\",\"args\":[{\"property\":\"updated_at\"},{\"date\":\"2010-02-10\"}]}"),
            new Case(
                    "example55",
                    "T_CONTAINS(INTERVAL('2000-01-01T00:00:00.000000Z', '2005-01-10T01:01:01.393216Z'), INTERVAL(starts_at, ends_at))",
                    "{\"op\":\"t_contains\",\"args\":[{\"interval\":[\"2000-01-01T00:00:00.000000Z\",\"2005-01-10T01:01:01.393216Z\"]},"
                            + "{\"interval\":[{\"property\":\"starts_at\"},{\"property\":\"ends_at\"}]}]}"),
            new Case(
                    "basic: comparisons",
                    "\"name\" LIKE 'Smith%' AND depth BETWEEN 100.0 AND 150.0 OR \"value\" IS NULL",
                    "{\"op\":\"or\",\"args\":[{\"op\":\"and\",\"args\":[{\"op\":\"like\",\"args\":[{\"property\":\"name\"},\"Smith%\"]},"
                            + "{\"op\":\"between\",\"args\":[{\"property\":\"depth\"},100.0,150.0]}]},"
                            + "{\"op\":\"isNull\",\"args\":[{\"property\":\"value\"}]}]}"),
            new Case(
                    "basic: bbox and timestamp",
                    "S_INTERSECTS(geometry, BBOX(-128.1, 51.0, -117.9, 62.3)) AND updated >= TIMESTAMP('1970-01-01T00:00:00Z')",
                    "{\"op\":\"and\",\"args\":[{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},{\"bbox\":[-128.1,51.0,-117.9,62.3]}]},"
                            + "{\"op\":\">=\",\"args\":[{\"property\":\"updated\"},{\"timestamp\":\"1970-01-01T00:00:00Z\"}]}]}"));

    @Test
    void theStandardsCasesReadAlikeInTextAndJson() {
        for (Case e : STANDARD) {
            Cql2 text = Cql2Text.parse(e.text());
            assertThat(text).as(e.name()).isEqualTo(Cql2Json.parse(e.json()));
        }
        assertThat(Cql2Text.parse("category NOT IN (1,2,3,4)"))
                .isEqualTo(new Cql2.Not(new Cql2.In(
                        new Cql2.Property("category"),
                        List.of(new Cql2.Num(1), new Cql2.Num(2), new Cql2.Num(3), new Cql2.Num(4)))));
        assertThat(Cql2Text.parse("a = 1 OR b = 2 AND NOT c = 3")).isInstanceOf(Cql2.Or.class);
        assertThat(Cql2Text.parse("s_dwithin(geometry, POINT(70 34), 5000)"))
                .isEqualTo(Cql2Json.parse("{\"op\":\"s_dwithin\",\"args\":[{\"property\":\"geometry\"},"
                        + "{\"type\":\"Point\",\"coordinates\":[70,34]},5000]}"));
    }

    @Test
    void whatIsNotCql2IsA400NamingTheFilter() {
        for (String bad : List.of(
                "",
                "a =",
                "a = 'open",
                "(a = 1",
                "a = 1)",
                "S_INTERSECTS(geometry)",
                "T_AFTER(start)",
                "start > TIMESTAMP('yesterday')",
                "start > DATE('2026-02-30')",
                "INTERVAL(start)",
                "a LIKE",
                "a BETWEEN 1",
                "a IS 5",
                "frob(a) = 1",
                "POLYGON((0 0, 1 1) = a",
                "a = 1 +",
                "a NOT = 1",
                "BBOX(1, 2)",
                "S_INTERSECTS(geometry, BBOX(10, 0, 0, 10))",
                "(".repeat(40) + "a = 1" + ")".repeat(40))) {
            assertThatThrownBy(() -> Cql2Text.parse(bad))
                    .as(bad)
                    .isInstanceOfAny(
                            ApiProblem.class, Invalid.class) // the parser's own 400, or its time's and geometry's
                    .hasMessageContaining("filter");
        }
        for (String bad : List.of(
                "",
                "[",
                "{}",
                "{\"op\":\"and\",\"args\":[true]}",
                "{\"op\":\"frob\",\"args\":[]}",
                "{\"op\":\"=\",\"args\":[{\"property\":5},1]}",
                "{\"op\":\"in\",\"args\":[{\"property\":\"a\"},1]}",
                "{\"op\":\"=\",\"args\":[{\"timestamp\":\"soon\"},1]}",
                "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geometry\"},"
                        + "{\"type\":\"Point\",\"coordinates\":[270,0]}]}",
                "{\"op\":\"not\",\"args\":[".repeat(40) + "true" + "]}".repeat(40))) {
            assertThatThrownBy(() -> Cql2Json.parse(bad))
                    .as(bad)
                    .isInstanceOfAny(
                            ApiProblem.class, Invalid.class) // the parser's own 400, or its time's and geometry's
                    .hasMessageContaining("filter");
        }
    }
}
