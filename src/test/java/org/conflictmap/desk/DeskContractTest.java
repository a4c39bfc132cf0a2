package org.conflictmap.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * What the desk asks of the server beyond incidents: who has which review open (the soft lock), the ingest's
 * provenance on an incident for editors only, who made and who last changed each draft, and moving a claim
 * from one incident to another with its provenance.
 */
class DeskContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    static final String JSON = "application/json";

    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        Presence presence;

        @Autowired
        JdbcTemplate jdbc;

        Http http() {
            return new Http(port);
        }

        static String id(String prefix) {
            return prefix + "-2031-" + UUID.randomUUID().toString().substring(0, 8);
        }

        Http.Response editor(String method, String path, String body, String... more) {
            List<String> h = new ArrayList<>(List.of("Authorization", EDITOR_AUTH));
            if (body != null) {
                h.addAll(List.of("Content-Type", JSON));
            }
            h.addAll(List.of(more));
            return http().send(method, path, body, h.toArray(String[]::new));
        }

        @Test
        void aReviewOpenElsewhereIsShownWithItsEditorAndTimeAndExpiresWithoutAHeartbeat() {
            String incident = id("presence");
            presence.beat(incident, "alice");
            Http.Response mine = editor("PUT", "/api/presence/" + incident, null);
            assertThat(mine.status()).as(mine.body()).isEqualTo(200);
            JsonNode others = mine.json().get("others");
            assertThat(others).hasSize(1);
            assertThat(others.get(0).get("editor").asString()).isEqualTo("alice");
            assertThat(OffsetDateTime.parse(others.get(0).get("since").asString()))
                    .isBefore(OffsetDateTime.now().plusSeconds(1));

            JsonNode all = editor("GET", "/api/presence", null).json().get("presence");
            assertThat(all.toString())
                    .contains("\"id\":\"" + incident + "\",\"editor\":\"alice\"")
                    .contains("\"id\":\"" + incident + "\",\"editor\":\"test-editor\"");
            String since = others.get(0).get("since").asString();
            assertThat(editor("PUT", "/api/presence/" + incident, null)
                            .json()
                            .get("others")
                            .get(0)
                            .get("since")
                            .asString())
                    .as("a heartbeat keeps the time the review was opened")
                    .isEqualTo(since);

            jdbc.update(
                    "UPDATE desk_presence SET seen_at = ? WHERE editor = 'alice' AND incident_id = ?",
                    OffsetDateTime.now(ZoneOffset.UTC).minusMinutes(2),
                    incident);
            assertThat(editor("PUT", "/api/presence/" + incident, null).json().get("others"))
                    .as("alice stopped beating")
                    .isEmpty();
            assertThat(editor("DELETE", "/api/presence/" + incident, null).status())
                    .isEqualTo(204);
            assertThat(editor("GET", "/api/presence", null).body()).doesNotContain(incident);

            assertThat(http().get("/api/presence").status()).as("editors only").isEqualTo(401);
            assertThat(http().send("PUT", "/api/presence/" + incident, (String) null)
                            .status())
                    .isEqualTo(401);
            Http.Response bad = editor("PUT", "/api/presence/NOT%20AN%20ID", null);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
        }

        /** A dispatch written for this test: two claims of wounded, a place, a night. */
        static String dispatch(String marker, String published) {
            return "{\"text\": \"Mortar shells hit a village near the Torkham crossing in Nangarhar province on Tuesday night. "
                    + "Four civilians were wounded, the provincial information chief said. "
                    + "Nine civilians were wounded, according to the Afghan defence ministry. Ref " + marker + ".\", "
                    + "\"outlet\": \"Desk wire\", \"url\": \"https://example.org/desk/" + marker
                    + "\", \"published\": \"" + published + "\"}";
        }

        @Test
        void editorsGetTheProvenanceOfAnIncidentAndWhoWroteEachDraftAndReadersGetNeither() {
            String marker = UUID.randomUUID().toString();
            Http.Response r = editor("POST", "/api/articles", dispatch(marker, "2031-09-18"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String draft = r.json().get("drafts").get(0).asString();
            String article = r.json().get("article").asString();

            Http.Response asEditor = editor("GET", "/api/incidents/" + draft, null);
            JsonNode p = asEditor.json().get("properties");
            assertThat(p.get("articles").toString()).contains(article);
            assertThat(p.get("provenance")).isNotEmpty();
            assertThat(p.get("provenance").toString())
                    .contains("\"field\":\"claims[0]\"", "\"article\":\"" + article + "\"");
            assertThat(asEditor.header("Cache-Control")).contains("private");

            JsonNode listed = null;
            for (JsonNode f : editor("GET", "/api/drafts", null).json().get("features")) {
                if (f.get("id").asString().equals(draft)) {
                    listed = f.get("properties");
                }
            }
            assertThat(listed).isNotNull();
            assertThat(listed.get("created_by").asString()).isEqualTo("test-editor");
            assertThat(listed.get("updated_by").asString()).isEqualTo("test-editor");

            Http.Response publish = editor(
                    "PATCH",
                    "/api/incidents/" + draft,
                    "{\"status\": \"published\"}",
                    "If-Match",
                    "\"" + p.get("version").asInt() + "\"");
            assertThat(publish.status()).isEqualTo(200);
            // published, the draft takes its own id, and its provenance and articles go with it (docs/QA.md D9)
            String id = publish.json().get("id").asString();
            assertThat(id).isNotEqualTo(draft);
            JsonNode moved = editor("GET", "/api/incidents/" + id, null).json().get("properties");
            assertThat(moved.get("articles").toString()).contains(article);
            assertThat(moved.get("provenance").toString()).contains("\"article\":\"" + article + "\"");
            Http.Response asReader = http().get("/api/incidents/" + id);
            assertThat(asReader.status()).isEqualTo(200);
            assertThat(asReader.body()).doesNotContain("provenance", "\"articles\"", "\"article\":");
        }

        @Test
        void aClaimMovesToAnotherIncidentInOneWriteWithItsSourceAndProvenanceAndBothHistoriesSayWho() {
            String marker = UUID.randomUUID().toString();
            Http.Response r = editor("POST", "/api/articles", dispatch(marker, "2031-11-20"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String from = r.json().get("drafts").get(0).asString();
            JsonNode before =
                    editor("GET", "/api/incidents/" + from, null).json().get("properties");
            assertThat(before.get("claims")).hasSize(2);
            JsonNode moving = before.get("claims").get(0);
            JsonNode staying = before.get("claims").get(1);
            List<String> spansOfFirst = spans(before, "claims[0]");
            List<String> spansOfSecond = spans(before, "claims[1]");
            assertThat(spansOfFirst).isNotEmpty();

            String to = id("move-to");
            assertThat(editor("POST", "/api/incidents", """
                    {"id": "%s", "title": "Shelling %s", "type": "shelling", "status": "draft",
                     "occurred": {"start": "2031-11-18", "end": "2031-11-18", "precision": "day"}, "places": ["af-province-nangarhar"],
                     "sources": [{"id": "S1", "outlet": "Other wire", "published": "2031-11-19"}],
                     "claims": [{"claimant": "Police", "party": "local_official", "side": "civilians", "killed": 1, "sources": ["S1"]}]}
                    """.formatted(to, to)).status())
                    .isEqualTo(201);
            int fromVersion = before.get("version").asInt();
            String path = "/api/incidents/" + from + "/claims/0/move";

            assertThat(editor(
                                    "POST",
                                    path,
                                    "{\"to\": \"" + to + "\", \"to_version\": 7}",
                                    "If-Match",
                                    "\"" + fromVersion + "\"")
                            .status())
                    .as("the other incident's version is checked too")
                    .isEqualTo(412);
            assertThat(editor(
                                    "POST",
                                    path,
                                    "{\"to\": \"" + to + "\", \"to_version\": 1}",
                                    "If-Match",
                                    "\"" + (fromVersion + 5) + "\"")
                            .status())
                    .isEqualTo(412);
            assertThat(editor("POST", path, "{\"to\": \"" + to + "\"}", "If-Match", "\"" + fromVersion + "\"")
                            .status())
                    .isEqualTo(400);
            assertThat(editor(
                                    "POST",
                                    path,
                                    "{\"to\": \"" + from + "\", \"to_version\": 1}",
                                    "If-Match",
                                    "\"" + fromVersion + "\"")
                            .status())
                    .isEqualTo(400);
            assertThat(editor(
                                    "POST",
                                    "/api/incidents/" + from + "/claims/9/move",
                                    "{\"to\": \"" + to + "\", \"to_version\": 1}",
                                    "If-Match",
                                    "\"" + fromVersion + "\"")
                            .status())
                    .isEqualTo(400);
            assertThat(editor("POST", path, "{\"to\": \"" + to + "\", \"to_version\": 1}")
                            .status())
                    .as("If-Match required")
                    .isEqualTo(428);
            assertThat(editor("GET", "/api/incidents/" + from, null)
                            .json()
                            .get("properties")
                            .get("version")
                            .asInt())
                    .as("refused moves change nothing")
                    .isEqualTo(fromVersion);

            Http.Response moved = editor(
                    "POST", path, "{\"to\": \"" + to + "\", \"to_version\": 1}", "If-Match", "\"" + fromVersion + "\"");
            assertThat(moved.status()).as(moved.body()).isEqualTo(200);
            JsonNode source =
                    editor("GET", "/api/incidents/" + from, null).json().get("properties");
            JsonNode target = editor("GET", "/api/incidents/" + to, null).json().get("properties");
            assertThat(source.get("version").asInt()).isEqualTo(fromVersion + 1);
            assertThat(source.get("claims")).hasSize(1);
            assertThat(source.get("claims").get(0).get("claimant")).isEqualTo(staying.get("claimant"));
            assertThat(target.get("version").asInt()).isEqualTo(2);
            assertThat(target.get("claims")).hasSize(2);
            JsonNode arrived = target.get("claims").get(1);
            assertThat(arrived.get("claimant")).isEqualTo(moving.get("claimant"));
            assertThat(arrived.get("wounded")).isEqualTo(moving.get("wounded"));
            String citedId = arrived.get("sources").get(0).asString();
            assertThat(citedId)
                    .as("the source S1 of the other incident is a different one: renamed")
                    .isEqualTo("S1-2");
            assertThat(target.get("sources").toString()).contains("Desk wire", "Other wire");
            assertThat(spans(target, "claims[1]"))
                    .as("the claim's sentence went with it")
                    .isEqualTo(spansOfFirst);
            assertThat(spans(source, "claims[0]"))
                    .as("the claim after it moved up")
                    .isEqualTo(spansOfSecond);
            assertThat(target.get("articles").toString())
                    .contains(r.json().get("article").asString());

            for (String id : List.of(from, to)) {
                JsonNode history = editor("GET", "/api/incidents/" + id + "/history", null)
                        .json()
                        .get("history");
                JsonNode last = history.get(history.size() - 1);
                assertThat(last.get("operation").asString()).isEqualTo("update");
                assertThat(last.get("editor").asString()).isEqualTo("test-editor");
            }
        }

        @Test
        void aBorderSegmentIsTheStretchOfTheDurandLineTheChosenProvincesTouch() {
            Http.Response r = http().get("/api/border-segment?provinces=af-province-khost");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            JsonNode f = r.json();
            assertThat(f.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
            assertThat(f.get("properties").get("geo_precision").asString()).isEqualTo("border_segment");
            assertThat(f.get("properties").get("places").toString())
                    .contains("af-province-khost", "border-durand-line");
            double[] box = bounds(f.get("geometry"));
            assertThat(box[2] - box[0])
                    .as("Khost's stretch, not the whole line (~10 degrees of longitude)")
                    .isLessThan(2);
            assertThat(box[1]).isBetween(32.5, 34.0);
            double[] two = bounds(http().get("/api/border-segment?provinces=af-province-khost,af-province-paktika")
                    .json()
                    .get("geometry"));
            assertThat(two[3] - two[1])
                    .as("Khost and Paktika reach further than Khost")
                    .isGreaterThan(box[3] - box[1]);

            for (String bad : List.of("", "af-province-nowhere", "border-durand-line", "af-province-bamyan")) {
                Http.Response refused = http().get("/api/border-segment?provinces=" + bad);
                assertThat(refused.status()).as(bad).isEqualTo(400);
                assertThat(refused.contentType()).startsWith("application/problem+json");
            }
            assertThat(http().get("/api/border-segment?provinces=af-province-khost&x=1")
                            .status())
                    .isEqualTo(400);
        }

        /** min lon, min lat, max lon, max lat of a GeoJSON geometry's positions. */
        static double[] bounds(JsonNode g) {
            double[] b = {180, 90, -180, -90};
            List<JsonNode> todo = new ArrayList<>(List.of(g.get("coordinates")));
            while (!todo.isEmpty()) {
                JsonNode n = todo.remove(todo.size() - 1);
                if (n.get(0).isNumber()) {
                    b[0] = Math.min(b[0], n.get(0).asDouble());
                    b[1] = Math.min(b[1], n.get(1).asDouble());
                    b[2] = Math.max(b[2], n.get(0).asDouble());
                    b[3] = Math.max(b[3], n.get(1).asDouble());
                } else {
                    n.forEach(todo::add);
                }
            }
            return b;
        }

        /** The article offsets of one field's provenance spans. */
        static List<String> spans(JsonNode properties, String field) {
            List<String> out = new ArrayList<>();
            properties.get("provenance").forEach(s -> {
                if (s.get("field").asString().equals(field)) {
                    out.add(s.get("article").asString() + ":" + s.get("start").asInt() + "-"
                            + s.get("end").asInt());
                }
            });
            return out;
        }
    }
}
