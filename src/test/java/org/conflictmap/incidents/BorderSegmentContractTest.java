package org.conflictmap.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.util.UUID;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geo.GeoJson;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Fighting "along the Durand Line" in named provinces is the stretch of the line along them, a band a
 * few km wide: the bundled 26 February attacks in Kunar and Khost were the whole of Khyber
 * Pakhtunkhwa (issue 21). The same on both stores, in the full Feature and the map's lean view.
 */
class BorderSegmentContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    static final String ATTACKS = "2026-02-26-durand-line-post-attacks";
    /** The band reaches 0.045° either side of the line; a little more for the stores' rounding. */
    static final double BAND = 0.05;

    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        Gazetteer gazetteer;

        Geometry place(String id) {
            return gazetteer.get(id).orElseThrow().geometry();
        }

        /** A point of the Durand Line where it runs along this province. */
        Geometry lineAlong(String province) {
            return place("border-durand-line")
                    .intersection(place(province).buffer(0.01))
                    .getInteriorPoint();
        }

        static Geometry geometry(JsonNode feature) {
            return GeoJson.parseGeometry(feature.get("geometry"), "geometry");
        }

        @Test
        void theBundledBorderAttacksAreTheStretchesAlongKunarAndKhostNotKhyberPakhtunkhwa() {
            JsonNode f = new Http(port).get("/api/incidents/" + ATTACKS).json();
            assertThat(f.get("properties").get("geo_precision").asString()).isEqualTo("border_segment");
            Geometry g = geometry(f);
            Geometry line = place("border-durand-line");
            assertThat(g.getDimension()).as("a band either side of the line").isEqualTo(2);
            assertThat(g.covers(lineAlong("af-province-kunar")))
                    .as("the line along Kunar")
                    .isTrue();
            assertThat(g.covers(lineAlong("af-province-khost")))
                    .as("the line along Khost")
                    .isTrue();
            assertThat(line.buffer(BAND).covers(g))
                    .as("never more than a few km from the line")
                    .isTrue();
            // not Khyber Pakhtunkhwa: neither Peshawar nor the line where it runs along Balochistan
            assertThat(g.covers(g.getFactory().createPoint(new Coordinate(71.57, 34.01))))
                    .isFalse();
            assertThat(g.intersects(lineAlong("pk-province-balochistan"))).isFalse();
            assertThat(g.getArea())
                    .as("a band, not a province")
                    .isLessThan(place("pk-province-khyber-pakhtunkhwa").getArea() / 20);

            // the map's lean view draws the same band
            JsonNode view =
                    new Http(port).get("/api/incidents?limit=100000&view=map").json();
            JsonNode lean = null;
            for (JsonNode x : view.get("features")) {
                if (x.get("id").asString().equals(ATTACKS)) {
                    lean = x;
                }
            }
            assertThat(lean).isNotNull();
            assertThat(lean.get("properties").get("geo_precision").asString()).isEqualTo("border_segment");
            assertThat(geometry(lean).covers(lineAlong("af-province-kunar"))).isTrue();
            assertThat(line.buffer(BAND + 0.01).covers(geometry(lean)))
                    .as("simplified by at most 0.01°")
                    .isTrue();
        }

        @Test
        void anEditorsBorderLineWithAProvinceIsItsStretchUnlessThePrecisionSaysOtherwise() {
            Http http = new Http(port);
            String id = "test-segment-" + UUID.randomUUID().toString().substring(0, 8);
            Http.Response created = http.send(
                    "POST",
                    "/api/incidents",
                    incident(id, ""),
                    "Content-Type",
                    "application/json",
                    "Authorization",
                    EDITOR_AUTH);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode f = created.json();
            assertThat(f.get("properties").get("geo_precision").asString()).isEqualTo("border_segment");
            Geometry g = geometry(f);
            assertThat(g.covers(lineAlong("af-province-kunar"))).isTrue();
            assertThat(g.intersects(lineAlong("af-province-khost")))
                    .as("only Kunar's stretch")
                    .isFalse();
            assertThat(place("border-durand-line").buffer(BAND).covers(g)).isTrue();
            assertThat(http.send(
                                    "DELETE",
                                    "/api/incidents/" + id,
                                    (String) null,
                                    "Authorization",
                                    EDITOR_AUTH,
                                    "If-Match",
                                    created.header("ETag"))
                            .status())
                    .isEqualTo(204);

            // "several areas" asked for: the provinces themselves, as before
            Http.Response areas = http.send(
                    "POST",
                    "/api/incidents",
                    incident(id, ", \"geo_precision\": \"multiple\""),
                    "Content-Type",
                    "application/json",
                    "Authorization",
                    EDITOR_AUTH);
            assertThat(areas.status()).as(areas.body()).isEqualTo(201);
            assertThat(geometry(areas.json()).covers(place("af-province-kunar").getInteriorPoint()))
                    .isTrue();
            assertThat(http.send(
                                    "DELETE",
                                    "/api/incidents/" + id,
                                    (String) null,
                                    "Authorization",
                                    EDITOR_AUTH,
                                    "If-Match",
                                    areas.header("ETag"))
                            .status())
                    .isEqualTo(204);
        }

        static String incident(String id, String extra) {
            return """
                    {"id": "%s", "title": "Test cross-border fire along the Durand Line in Kunar", "type": "cross_border_fire",
                     "occurred": {"start": "2026-03-05T20:00:00+04:30", "end": "2026-03-05T23:00:00+04:30", "precision": "hour"},
                     "places": ["border-durand-line", "af-province-kunar"],
                     "sources": [{"id": "S1", "outlet": "Test wire", "published": "2026-03-06"}],
                     "claims": [{"claimant": "Kunar police", "party": "local_official", "side": "civilians", "wounded": 1, "sources": ["S1"]}]%s}
                    """.formatted(id, extra);
        }
    }
}
