package org.conflictmap.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.store.DataVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The geocoding endpoints, the same on both stores. */
class GeocodeContractTest {

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

        @Test
        void searchRanksExactAlternateAndFuzzyMatches() {
            JsonNode paktya = http().get("/api/geocode?q=Paktya&country=AF&kind=province&limit=5")
                    .json();
            JsonNode first = paktya.get("features").get(0).get("properties");
            assertThat(first.get("id").asString()).isEqualTo("af-province-paktia");
            assertThat(first.get("match").asString()).isEqualTo("alternate");
            assertThat(first.get("score").asDouble()).isBetween(0.0, 1.0);
            JsonNode typo = http().get("/api/geocode?q=Nangarhr")
                    .json()
                    .get("features")
                    .get(0)
                    .get("properties");
            assertThat(typo.get("id").asString()).isEqualTo("af-province-nangarhar");
            assertThat(typo.get("match").asString()).isEqualTo("fuzzy");
            assertThat(http().get("/api/geocode?q=Torkham")
                            .json()
                            .get("features")
                            .get(0)
                            .get("id")
                            .asString())
                    .isEqualTo("crossing-torkham");
        }

        /** A district (issue 24's ADM2 boundaries) is found by its name, typed and placed in its province. */
        @Test
        void aDistrictIsFoundByName() {
            JsonNode zurmat = http().get("/api/geocode?q=Zurmat&kind=district&limit=3")
                    .json()
                    .get("features")
                    .get(0);
            assertThat(zurmat.get("properties").get("kind").asString()).isEqualTo("district");
            assertThat(zurmat.get("properties").get("name").asString()).isEqualTo("Zurmat");
            assertThat(zurmat.get("properties").get("country").asString()).isEqualTo("AF");
            assertThat(zurmat.get("geometry").get("type").asString()).endsWith("Polygon");
        }

        @Test
        void textGivesMentionsWithOffsetsPlacesAndRelativeDates() {
            String text =
                    "Afghan forces hit posts along the Durand Line on Thursday night, Kunar’s governor said, while "
                            + "Islamabad accuses Kabul of sheltering militants in Paktia.";
            Http.Response r = http().send(
                            "POST",
                            "/api/geocode/text",
                            "{\"text\": \"" + text + "\", \"published\": \"2026-02-27\"}",
                            "Content-Type",
                            "application/json");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode body = r.json();
            List<String> ids = new ArrayList<>();
            for (JsonNode m : body.get("mentions")) {
                ids.add(m.get("place").get("id").asString()
                        + (m.get("metonymic").asBoolean() ? "(metonymic)" : ""));
                assertThat(text.substring(m.get("start").asInt(), m.get("end").asInt()))
                        .isEqualTo(m.get("text").asString());
            }
            assertThat(ids)
                    .containsExactly(
                            "border-durand-line",
                            "af-province-kunar",
                            "geonames-1176615(metonymic)",
                            "geonames-1138958(metonymic)",
                            "af-province-paktia");
            assertThat(body.get("places").get("features")).hasSize(3);
            JsonNode date = body.get("dates").get(0);
            assertThat(date.get("date").asString()).isEqualTo("2026-02-26");
            assertThat(date.get("precision").asString()).isEqualTo("part_of_day");
            Http.Response plain = http().send(
                            "POST",
                            "/api/geocode/text",
                            "Strikes hit Khost province.",
                            "Content-Type",
                            "text/plain; charset=utf-8");
            assertThat(plain.json().get("mentions").get(0).get("precision").asString())
                    .isEqualTo("province");
        }

        @Test
        void badInputIsRefusedAndNothingIsWritten() {
            long before = version.current().version();
            assertThat(http().get("/api/geocode").status()).isEqualTo(400);
            assertThat(http().get("/api/geocode?q=Khost&kind=planet").status()).isEqualTo(400);
            assertThat(http().get("/api/geocode?q=Khost&limit=0").status()).isEqualTo(400);
            assertThat(http().get("/api/geocode?q=Khost&country=Afghanistan").status())
                    .isEqualTo(400);
            assertThat(http().send("POST", "/api/geocode/text", "   ", "Content-Type", "text/plain")
                            .status())
                    .isEqualTo(400);
            assertThat(http().send("POST", "/api/geocode/text", "x".repeat(1_100_000), "Content-Type", "text/plain")
                            .status())
                    .isEqualTo(413);
            assertThat(http().send(
                                    "POST",
                                    "/api/geocode/text",
                                    new byte[] {1, 2, (byte) 0xff},
                                    "Content-Type",
                                    "application/octet-stream")
                            .status())
                    .isEqualTo(415);
            assertThat(http().send(
                                    "POST",
                                    "/api/geocode/text",
                                    new byte[] {(byte) 0xc3, (byte) 0x28},
                                    "Content-Type",
                                    "text/plain")
                            .status())
                    .isEqualTo(400);
            Http.Response bad =
                    http().send("POST", "/api/geocode/text", "{\"text\": 3}", "Content-Type", "application/json");
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            assertThat(version.current().version()).isEqualTo(before);
        }
    }
}
