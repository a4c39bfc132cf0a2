package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.store.DataVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** Article ingest on both stores, with reports the team wrote for the purpose (dated 2031, away from the bundled dataset). */
class IngestContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {
    }

    @Nested
    @OnPostgis
    class Postgis extends Contract {
    }

    /** A made-up dispatch in the project's own words (a unique marker keeps each run's text new). */
    static String report(String marker) {
        return "Mortar rounds landed in a camp for returnees near the Torkham crossing in Nangarhar province on Thursday night. "
                + "Seven refugees were wounded, the provincial information chief said. "
                + "Thirteen civilians were wounded, according to the Afghan defence ministry. "
                + "Islamabad said its forces only returned fire. Ref " + marker + ".";
    }

    abstract static class Contract {
        @LocalServerPort
        int port;
        @Autowired
        DataVersion version;

        Http http() {
            return new Http(port);
        }

        Http.Response submit(String body) {
            return http().send("POST", "/api/articles", body, "Content-Type", "application/json", "Authorization", EDITOR_AUTH);
        }

        static String article(String text, String url) {
            return "{\"text\": \"" + text + "\", \"outlet\": \"Test wire\", \"url\": \"" + url + "\", \"published\": \"2031-02-28\"}";
        }

        @Test
        void anArticleBecomesADraftWithPlacesTimeAndAttributedClaims() {
            String marker = UUID.randomUUID().toString();
            Http.Response r = submit(article(report(marker), "https://example.org/" + marker));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String draftId = r.json().get("drafts").get(0).asString();
            JsonNode draft = r.json().get("incidents").get(0).get("properties");
            assertThat(draft.get("status").asString()).isEqualTo("draft");
            assertThat(draft.get("type").asString()).isEqualTo("shelling");
            assertThat(draft.get("places").toString()).contains("crossing-torkham", "af-province-nangarhar");
            assertThat(draft.get("places").toString()).as("Islamabad stood for its government").doesNotContain("geonames-1176615");
            assertThat(draft.get("occurred").get("start").asString()).as("Thursday night before Friday 28 Feb 2031").startsWith("2031-02-27");
            assertThat(draft.get("occurred").get("precision").asString()).isEqualTo("part_of_day");
            List<String> claims = new ArrayList<>();
            draft.get("claims").forEach(c -> claims.add(c.get("party").asString() + ":" + c.get("side").asString() + ":"
                    + c.get("wounded").asInt()));
            assertThat(claims).containsExactlyInAnyOrder("local_official:civilians:7", "af_government:civilians:13");
            assertThat(draft.get("summary").isNull()).as("no article sentence is copied into the draft").isTrue();

            assertThat(http().get("/api/incidents/" + draftId).status()).as("drafts are not public").isEqualTo(404);
            JsonNode drafts = http().get("/api/drafts", "Authorization", EDITOR_AUTH).json();
            String linked = null;
            for (JsonNode f : drafts.get("features")) {
                if (f.get("id").asString().equals(draftId)) {
                    linked = f.get("properties").get("articles").get(0).asString();
                }
            }
            assertThat(linked).isEqualTo(r.json().get("article").asString());
            JsonNode stored = http().get("/api/articles/" + linked, "Authorization", EDITOR_AUTH).json();
            assertThat(stored.toString()).contains(marker);
            assertThat(http().get("/api/articles/" + linked).status()).as("article text is never public").isEqualTo(401);

            Http.Response published = http().send("PATCH", "/api/incidents/" + draftId, "{\"status\": \"published\"}",
                    "Content-Type", "application/json", "Authorization", EDITOR_AUTH);
            assertThat(published.status()).isEqualTo(200);
            assertThat(http().get("/api/incidents/" + draftId).status()).isEqualTo(200);
        }

        @Test
        void theSameArticleTwiceCreatesNothingNew() {
            String marker = UUID.randomUUID().toString();
            Http.Response first = submit(article(report(marker), "https://example.org/a/" + marker));
            long after = version.current().version();
            Http.Response sameUrl = submit(article(report(marker) + " Updated.", "https://example.org/a/" + marker));
            Http.Response sameText = submit(article("  " + report(marker).toUpperCase() + " ", "https://example.org/b/" + marker));
            for (Http.Response again : List.of(sameUrl, sameText)) {
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.json().get("created").asBoolean()).isFalse();
                assertThat(again.json().get("drafts")).isEqualTo(first.json().get("drafts"));
            }
            assertThat(version.current().version()).isEqualTo(after);
        }

        @Test
        void badSubmissionsAreRefusedAndChangeNothing() {
            long before = version.current().version();
            assertThat(http().send("POST", "/api/articles", article("Strikes in Khost.", "https://x.org/1"), "Content-Type",
                    "application/json").status()).isEqualTo(401);
            assertThat(submit("{\"outlet\": \"Wire\"}").status()).isEqualTo(400);
            assertThat(submit("{\"text\": \"Strikes in Khost.\"}").status()).isEqualTo(400);
            assertThat(submit("{\"text\": \"x\", \"outlet\": \"W\", \"url\": \"ftp://nope\"}").status()).isEqualTo(400);
            assertThat(submit("{\"text\": \"x\", \"outlet\": \"W\", \"published\": \"yesterday\"}").status()).isEqualTo(400);
            assertThat(submit("not json").status()).isEqualTo(400);
            assertThat(http().send("POST", "/api/articles", "text", "Content-Type", "text/plain", "Authorization", EDITOR_AUTH)
                    .status()).isEqualTo(415);
            assertThat(http().get("/api/drafts").status()).isEqualTo(401);
            assertThat(version.current().version()).isEqualTo(before);
        }
    }
}
