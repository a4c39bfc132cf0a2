package org.conflictmap.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.xml.parsers.DocumentBuilderFactory;

import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

import tools.jackson.databind.JsonNode;

/** Merge and split, and publishing as readers see it: the event stream, the change feed with tombstones, Atom. */
class ChangesContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {
    }

    @Nested
    @OnPostgis
    class Postgis extends Contract {
    }

    static final String JSON = "application/json";

    abstract static class Contract {
        @LocalServerPort
        int port;

        Http http() {
            return new Http(port);
        }

        static String id(String prefix) {
            return prefix + "-2031-" + UUID.randomUUID().toString().substring(0, 8);
        }

        Http.Response draft(String id, String date, String place, String outlet, int killed) {
            String body = """
                    {"id": "%s", "title": "Shelling %s", "type": "shelling", "status": "draft",
                     "occurred": {"start": "%s", "end": "%s", "precision": "day"}, "places": ["%s"],
                     "sources": [{"id": "S1", "outlet": "%s", "published": "%s"}],
                     "claims": [{"claimant": "Police", "party": "local_official", "side": "civilians", "killed": %d, "sources": ["S1"]}]}
                    """.formatted(id, id, date, date, place, outlet, date, killed);
            Http.Response r = http().send("POST", "/api/incidents", body, "Content-Type", JSON, "Authorization", EDITOR_AUTH);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r;
        }

        Http.Response write(String method, String path, String body, String version) {
            return http().send(method, path, body, "Content-Type", JSON, "Authorization", EDITOR_AUTH, "If-Match", "\"" + version + "\"");
        }

        @Test
        void mergingTwoDraftsKeepsEveryClaimAndSourceAndSplittingMovesClaimsOut() {
            String a = id("merge-a");
            String b = id("merge-b");
            draft(a, "2031-03-03", "af-province-khost", "Wire A", 2);
            draft(b, "2031-03-05", "af-province-paktika", "Wire B", 3);
            assertThat(write("POST", "/api/incidents/" + a + "/merge", "{\"from\": \"" + b + "\"}", "7").status())
                    .as("stale If-Match").isEqualTo(412);
            Http.Response merged = write("POST", "/api/incidents/" + a + "/merge", "{\"from\": \"" + b + "\"}", "1");
            assertThat(merged.status()).as(merged.body()).isEqualTo(200);
            JsonNode p = merged.json().get("properties");
            assertThat(p.get("claims")).hasSize(2);
            assertThat(p.get("sources")).hasSize(2);
            assertThat(p.get("claims").get(1).get("sources").get(0).asString()).isEqualTo(p.get("sources").get(1).get("id").asString())
                    .isNotEqualTo("S1");
            assertThat(p.get("places")).hasSize(2);
            assertThat(p.get("occurred").get("start").asString()).startsWith("2031-03-03");
            assertThat(p.get("occurred").get("end").asString()).startsWith("2031-03-05");
            assertThat(http().get("/api/incidents/" + b, "Authorization", EDITOR_AUTH).status()).isEqualTo(404);
            assertThat(http().get("/api/incidents/" + b + "/history", "Authorization", EDITOR_AUTH).json().get("history")
                    .get(1).get("operation").asString()).isEqualTo("delete");

            String c = id("split");
            Http.Response split = write("POST", "/api/incidents/" + a + "/split", "{\"claims\": [1], \"id\": \"" + c + "\"}", "2");
            assertThat(split.status()).as(split.body()).isEqualTo(201);
            assertThat(split.json().get("incident").get("properties").get("claims")).hasSize(1);
            JsonNode created = split.json().get("created").get("properties");
            assertThat(created.get("status").asString()).isEqualTo("draft");
            assertThat(created.get("claims").get(0).get("killed").asInt()).isEqualTo(3);
            assertThat(created.get("sources")).hasSize(1);
            assertThat(write("POST", "/api/incidents/" + a + "/split", "{\"claims\": [0]}", "3").status())
                    .as("moving every claim is no split").isEqualTo(400);
            Http.Response self = write("POST", "/api/incidents/" + a + "/merge", "{\"from\": \"" + a + "\"}", "3");
            assertThat(self.status()).isEqualTo(400);
            assertThat(self.contentType()).startsWith("application/problem+json");
        }

        @Test
        void theChangeFeedAndTheEventStreamAnnouncePublishUpdateAndDeleteButNeverDrafts() throws Exception {
            Instant before = Instant.now().minusSeconds(1);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<Stream<String>> stream = client.sendAsync(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/api/incidents/changes")).header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofLines())
                    .get(30, TimeUnit.SECONDS);
            assertThat(stream.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            Iterator<String> lines = stream.body().iterator();
            assertThat(next(lines, "event:ready")).isNotNull();

            String id = id("live");
            draft(id, "2031-04-01", "af-province-khost", "Wire L", 1);
            assertThat(write("PATCH", "/api/incidents/" + id, "{\"status\": \"published\"}", "1").status()).isEqualTo(200);
            assertThat(write("PATCH", "/api/incidents/" + id, "{\"title\": \"Renamed " + id + "\"}", "2").status()).isEqualTo(200);
            assertThat(write("DELETE", "/api/incidents/" + id, null, "3").status()).isEqualTo(204);
            String hidden = id("hidden");
            draft(hidden, "2031-04-02", "af-province-khost", "Wire H", 1);

            String publish = next(lines, "\"id\":\"" + id + "\"");
            assertThat(publish).contains("\"kind\":\"publish\"").contains("\"feature\"");
            assertThat(next(lines, "\"id\":\"" + id + "\"")).contains("\"kind\":\"update\"").contains("Renamed");
            assertThat(next(lines, "\"id\":\"" + id + "\"")).contains("\"kind\":\"delete\"");
            stream.body().close();

            Http.Response feed = http().get("/api/incidents?updated_since=" + before);
            assertThat(feed.status()).as(feed.body()).isEqualTo(200);
            assertThat(feed.body()).doesNotContain(hidden);
            assertThat(feed.json().get("deleted").toString()).contains(id);
            assertThat(feed.json().get("features").toString()).doesNotContain(id);
            assertThat(http().get("/api/incidents?updated_since=yesterday").status()).isEqualTo(400);
            assertThat(http().get("/api/incidents/changes", "Last-Event-ID", "x").status()).isEqualTo(400);
        }

        /** The next data line containing {@code text}, reading at most 2,000 lines (the stream blocks until the server sends). */
        static String next(Iterator<String> lines, String text) {
            for (int k = 0; k < 2000 && lines.hasNext(); k++) {
                String line = lines.next();
                if (line.contains(text)) {
                    return line;
                }
            }
            return null;
        }

        @Test
        void theAtomFeedIsValidAtomOfPublishedIncidentsWithClaimsAndPermalinks() throws Exception {
            String id = id("atom");
            draft(id, "2031-05-01", "af-province-khost", "Wire F", 4);
            assertThat(http().get("/feed.atom").body()).doesNotContain(id);
            assertThat(write("PATCH", "/api/incidents/" + id, "{\"status\": \"published\"}", "1").status()).isEqualTo(200);
            Http.Response r = http().get("/feed.atom");
            assertThat(r.contentType()).startsWith("application/atom+xml");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.bytes()));
            Element feed = d.getDocumentElement();
            assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
            assertThat(feed.getLocalName()).isEqualTo("feed");
            for (String required : new String[] {"id", "title", "updated", "author"}) {
                assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", required).getLength()).as(required).isPositive();
            }
            Element first = (Element) feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").item(0);
            assertThat(first.getElementsByTagName("id").item(0).getTextContent()).endsWith("/?i=" + id);
            assertThat(first.getElementsByTagName("summary").item(0).getTextContent()).contains("Police (local_official): 4 killed");
            Instant.parse(first.getElementsByTagName("updated").item(0).getTextContent());
        }
    }
}
