package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
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

/** Article ingest on both stores, with reports the team wrote for the purpose (dated 2031, away from the bundled dataset). */
class IngestContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    @Test
    void theIngestCommandReadsAFolderAndSaysWhatItDid(@TempDir Path dir) throws Exception {
        Path articles = Files.createDirectory(dir.resolve("articles"));
        Files.writeString(
                articles.resolve("a-wire.txt"),
                "Outlet: Test wire\nPublished: 2031-03-08\n\n"
                        + "Pakistani jets struck homes in Khost province overnight into Saturday, killing six civilians, the Taliban spokesman "
                        + "said. Separately, a roadside bomb killed three policemen in Bannu on Thursday, police said.");
        Files.writeString(
                articles.resolve("b-french.txt"),
                "Published: 2031-03-08\n\nDes frappes aériennes "
                        + "pakistanaises ont visé la province de Khost dans la nuit de vendredi à samedi, tuant six civils selon un porte-parole "
                        + "des talibans qui a dénoncé une violation de la souveraineté afghane et promis une réponse.");
        String[] common = {"--conflictmap.store.data-dir=" + dir.resolve("store"), "--logging.level.root=warn"};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = IngestCommand.run(
                ConflictMapApplication.class,
                new String[] {"ingest", articles.toString(), common[0], common[1]},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(said).isEqualTo(3);
        assertThat(said)
                .contains(
                        "2/2 articles",
                        "a-wire.txt: 2 events, 2 claims; drafts 2 new",
                        "b-french.txt: refused:",
                        "1 articles read, 1 refused");
        out.reset();
        int again = IngestCommand.run(
                ConflictMapApplication.class,
                new String[] {"ingest", articles.resolve("a-wire.txt").toString(), common[0], common[1]},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        assertThat(again).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("submitted before");
        out.reset();
        assertThat(IngestCommand.run(
                        ConflictMapApplication.class,
                        new String[] {"ingest"},
                        new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("usage:");
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
            return http().send(
                            "POST",
                            "/api/articles",
                            body,
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH);
        }

        static String article(String text, String url) {
            return "{\"text\": \"" + text + "\", \"outlet\": \"Test wire\", \"url\": \"" + url
                    + "\", \"published\": \"2031-02-28\"}";
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
            assertThat(draft.get("places").toString())
                    .as("Islamabad stood for its government")
                    .doesNotContain("geonames-1176615");
            assertThat(draft.get("occurred").get("start").asString())
                    .as("Thursday night before Friday 28 Feb 2031")
                    .startsWith("2031-02-27");
            assertThat(draft.get("occurred").get("precision").asString()).isEqualTo("part_of_day");
            List<String> claims = new ArrayList<>();
            draft.get("claims")
                    .forEach(c -> claims.add(c.get("party").asString() + ":"
                            + c.get("side").asString() + ":" + c.get("wounded").asInt()));
            assertThat(claims).containsExactlyInAnyOrder("local_official:civilians:7", "af_government:civilians:13");
            // issue 19: the statement is what the claimant stated (its source sentence), never the ingest's own note
            Map<String, String> statements = new TreeMap<>();
            draft.get("claims")
                    .forEach(c -> statements.put(
                            c.get("party").asString(), c.get("statement").asString()));
            assertThat(statements)
                    .containsEntry(
                            "local_official", "Seven refugees were wounded, the provincial information chief said.")
                    .containsEntry(
                            "af_government",
                            "Thirteen civilians were wounded, according to the Afghan defence ministry.");
            assertThat(draft.get("summary").isNull())
                    .as("no article sentence is copied into the draft")
                    .isTrue();

            assertThat(http().get("/api/incidents/" + draftId).status())
                    .as("drafts are not public")
                    .isEqualTo(404);
            JsonNode drafts =
                    http().get("/api/drafts", "Authorization", EDITOR_AUTH).json();
            String linked = null;
            for (JsonNode f : drafts.get("features")) {
                if (f.get("id").asString().equals(draftId)) {
                    linked = f.get("properties").get("articles").get(0).asString();
                }
            }
            assertThat(linked).isEqualTo(r.json().get("article").asString());
            JsonNode stored = http().get("/api/articles/" + linked, "Authorization", EDITOR_AUTH)
                    .json();
            assertThat(stored.toString()).contains(marker);
            assertThat(http().get("/api/articles/" + linked).status())
                    .as("article text is never public")
                    .isEqualTo(401);

            Http.Response published = http().send(
                            "PATCH",
                            "/api/incidents/" + draftId,
                            "{\"status\": \"published\"}",
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            "\"1\"");
            assertThat(published.status()).isEqualTo(200);
            // published, the draft takes its own id (docs/QA.md D9); the draft id redirects to it
            String publishedId = published.json().get("id").asString();
            assertThat(publishedId).doesNotStartWith("draft-");
            assertThat(http().get("/api/incidents/" + publishedId).status()).isEqualTo(200);
            assertThat(http().get("/api/incidents/" + draftId).status()).isEqualTo(301);
        }

        @Test
        void theSameArticleTwiceCreatesNothingNew() {
            String marker = UUID.randomUUID().toString();
            Http.Response first = submit(article(report(marker), "https://example.org/a/" + marker));
            long after = version.current().version();
            Http.Response sameUrl = submit(article(report(marker) + " Updated.", "https://example.org/a/" + marker));
            Http.Response sameText =
                    submit(article("  " + report(marker).toUpperCase() + " ", "https://example.org/b/" + marker));
            for (Http.Response again : List.of(sameUrl, sameText)) {
                assertThat(again.status()).isEqualTo(200);
                assertThat(again.json().get("created").asBoolean()).isFalse();
                assertThat(again.json().get("drafts")).isEqualTo(first.json().get("drafts"));
            }
            // the same URL with another text is not silently "the same article": the answer says the text differed
            assertThat(sameUrl.json().get("matched").asString()).isEqualTo("url");
            assertThat(sameUrl.json().get("note").asString())
                    .contains("different text", first.json().get("article").asString());
            assertThat(sameText.json().get("matched").asString()).isEqualTo("text");
            assertThat(sameText.json().get("note").asString()).doesNotContain("different text");
            assertThat(first.json().has("matched")).isFalse();
            assertThat(version.current().version()).isEqualTo(after);
        }

        static String article(String text, String url, String outlet, String published) {
            return "{\"text\": \"" + text + "\", \"outlet\": \"" + outlet + "\", \"url\": \"" + url
                    + "\", \"published\": \"" + published + "\"}";
        }

        @Test
        void eachEventOfAnArticleBecomesItsOwnDraftWithProvenance() {
            String marker = UUID.randomUUID().toString();
            String text =
                    "KABUL (AP) - Pakistani jets struck homes in Khost province overnight into Friday, killing six civilians, "
                            + "the Taliban spokesman said. Separately, a roadside bomb killed three policemen in Bannu on Wednesday, police said. "
                            + "Talks between the two governments are due in Doha next week. Ref " + marker + ".";
            Http.Response r = submit(article(text, "https://example.org/two/" + marker, "Wire two", "2034-05-06"));
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            JsonNode events = r.json().get("events");
            assertThat(events).as(r.body()).hasSize(2);
            assertThat(events.get(0).get("type").asString()).isEqualTo("air_strike");
            assertThat(events.get(0).get("occurred").get("precision").asString())
                    .isEqualTo("part_of_day");
            assertThat(events.get(0).get("occurred").get("start").asString())
                    .as("the night of 4-5 May, Afghan time")
                    .isEqualTo("2034-05-04T13:30:00Z");
            assertThat(events.get(1).get("type").asString()).isEqualTo("remote_explosive");
            assertThat(r.json().get("drafts")).hasSize(2);
            JsonNode strike = null;
            for (JsonNode f : r.json().get("incidents")) {
                if (f.get("properties").get("type").asString().equals("air_strike")) {
                    strike = f.get("properties");
                }
            }
            assertThat(strike.get("places").toString())
                    .contains("af-province-khost")
                    .doesNotContain("geonames-1138958");
            assertThat(strike.get("places").toString())
                    .as("the dateline is not where it happened")
                    .doesNotContain("Kabul");
            assertThat(strike.get("claims").get(0).get("party").asString()).isEqualTo("af_government");
            assertThat(strike.get("claims").get(0).get("side").asString()).isEqualTo("civilians");
            assertThat(strike.get("claims").get(0).get("killed").asInt()).isEqualTo(6);
            String stored = http().get(
                            "/api/articles/" + r.json().get("article").asString(), "Authorization", EDITOR_AUTH)
                    .json()
                    .get("text")
                    .asString();
            List<String> fields = new ArrayList<>();
            for (JsonNode p : strike.get("provenance")) {
                fields.add(p.get("field").asString());
                assertThat(p.get("article").asString())
                        .isEqualTo(r.json().get("article").asString());
                String said =
                        stored.substring(p.get("start").asInt(), p.get("end").asInt());
                if (p.get("field").asString().equals("claims[0]")
                        || p.get("field").asString().equals("type")) {
                    assertThat(said).startsWith("Pakistani jets struck").contains("six civilians");
                }
            }
            assertThat(fields).contains("type", "title", "occurred", "places", "geometry", "claims[0]");
            JsonNode listed =
                    http().get("/api/drafts", "Authorization", EDITOR_AUTH).json();
            assertThat(listed.toString()).contains("\"provenance\"");
        }

        @Test
        void aSecondOutletsReportOfTheSameEventAddsToTheFirstDraft() {
            String marker = UUID.randomUUID().toString();
            String first =
                    "Pakistani artillery shells hit villages near Asadabad in Kunar province on Friday, killing five civilians, "
                            + "the UN mission in Afghanistan said. Ref " + marker + ".";
            String second =
                    "ASADABAD - Shells fired from Pakistan struck three villages outside Asadabad on Friday morning. Seven "
                            + "civilians were killed, provincial spokesman Najibullah Hanif said. Five civilians were killed, according to the "
                            + "UN mission in Afghanistan. Ref " + marker + ".";
            Http.Response a = submit(article(first, "https://example.org/one/" + marker, "Wire one", "2032-03-13"));
            long before = version.current().version();
            Http.Response b =
                    submit(article(second, "https://example.org/other/" + marker, "Wire other", "2032-03-13"));
            assertThat(b.status()).as(b.body()).isEqualTo(201);
            assertThat(b.json().get("drafts")).as(b.body()).isEqualTo(a.json().get("drafts"));
            assertThat(b.json().get("events").get(0).get("action").asString()).isEqualTo("added");
            assertThat(version.current().version()).isGreaterThan(before);
            JsonNode draft = b.json().get("incidents").get(0).get("properties");
            assertThat(draft.get("sources")).hasSize(2);
            List<String> claims = new ArrayList<>();
            draft.get("claims")
                    .forEach(c -> claims.add(c.get("party").asString() + ":"
                            + c.get("killed").asInt() + ":" + c.get("sources").toString()));
            assertThat(claims)
                    .as("the UN's same figure from two outlets is one claim with two sources")
                    .containsExactlyInAnyOrder("un:5:[\"S1\",\"S2\"]", "local_official:7:[\"S2\"]");
            List<String> provenanceArticles = new ArrayList<>();
            draft.get("provenance")
                    .forEach(p -> provenanceArticles.add(p.get("article").asString()));
            assertThat(provenanceArticles)
                    .contains(
                            a.json().get("article").asString(),
                            b.json().get("article").asString());
        }

        /**
         * Outlets disagree on the kind (shelling, a clash) and, dating it only to a day, on the day; a figure both state
         * at one place makes them one draft, while the same place's shelling of the next morning, told to the hour and
         * with other figures, stays a draft of its own (2038, a date no other test writes).
         */
        @Test
        void aSecondOutletsOtherKindOrDayOffWithTheSameFigureAddsButTheNextMorningStaysApart() {
            List<Http.Response> r = outlets(
                    "2038-06-19",
                    "Pakistani artillery shells hit villages near Asadabad in Kunar province early Thursday, killing five "
                            + "civilians, the UN mission in Afghanistan said.",
                    "Afghan and Pakistani forces clashed near Asadabad in Kunar province on Friday. Five civilians were "
                            + "killed, according to the UN mission in Afghanistan.",
                    "Pakistani artillery shells hit villages near Asadabad in Kunar province early Friday, wounding three "
                            + "civilians, the provincial spokesman said.");
            JsonNode second = r.get(1).json();
            assertThat(second.get("events").get(0).get("type").asString()).isEqualTo("armed_clash");
            assertThat(second.get("events").get(0).get("action").asString())
                    .as("a clash a day off with the UN's five: added")
                    .isEqualTo("added");
            assertThat(second.get("drafts")).isEqualTo(r.get(0).json().get("drafts"));
            JsonNode draft = second.get("incidents").get(0).get("properties");
            assertThat(draft.get("type").asString())
                    .as("the first report's kind is kept")
                    .isEqualTo("shelling");
            assertThat(draft.get("sources")).hasSize(2);
            JsonNode next = r.get(2).json();
            assertThat(next.get("events").get(0).get("action").asString())
                    .as("the next morning's shelling, with other figures")
                    .isEqualTo("created");
            assertThat(next.get("drafts")).isNotEqualTo(r.get(0).json().get("drafts"));
        }

        /** Each text as another outlet's article of one day (a unique marker keeps each run's texts new), all 201. */
        List<Http.Response> outlets(String published, String... texts) {
            String marker = UUID.randomUUID().toString();
            List<Http.Response> out = new ArrayList<>();
            for (int k = 0; k < texts.length; k++) {
                Http.Response r = submit(article(
                        texts[k] + " Ref " + marker + ".",
                        "https://example.org/" + k + "/" + marker,
                        "Wire " + k,
                        published));
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                out.add(r);
            }
            return out;
        }

        /** Each provenance field of an incident (as editors read it) with the article text its spans cover. */
        Map<String, List<String>> spans(String incident) {
            JsonNode p = http().get("/api/incidents/" + incident, "Authorization", EDITOR_AUTH)
                    .json()
                    .get("properties");
            Map<String, List<String>> out = new TreeMap<>();
            for (JsonNode s : p.get("provenance")) {
                String text = http().get("/api/articles/" + s.get("article").asString(), "Authorization", EDITOR_AUTH)
                        .json()
                        .get("text")
                        .asString();
                out.computeIfAbsent(s.get("field").asString(), k -> new ArrayList<>())
                        .add(text.substring(s.get("start").asInt(), s.get("end").asInt()));
            }
            return out;
        }

        String etag(String incident) {
            return http().get("/api/incidents/" + incident, "Authorization", EDITOR_AUTH)
                    .header("ETag");
        }

        @Test
        void splittingAndMergingDraftsMoveTheirProvenanceWithTheClaims() {
            String marker = UUID.randomUUID().toString();
            String text =
                    "Pakistani shells hit homes near Asadabad in Kunar province on Tuesday night. Four civilians were killed, the "
                            + "district governor said. Nine civilians were wounded, according to the UN mission in Afghanistan. Ref "
                            + marker + ".";
            Http.Response r = submit(
                    "{\"text\": \"" + text + "\", \"outlet\": \"Test wire\", \"url\": \"https://example.org/split/"
                            + marker + "\", \"published\": \"2034-06-14\"}");
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            String id = r.json().get("drafts").get(0).asString();
            JsonNode claims = r.json().get("incidents").get(0).get("properties").get("claims");
            assertThat(claims).as(r.body()).hasSize(2);
            int un = claims.get(0).get("party").asString().equals("un") ? 0 : 1;
            assertThat(spans(id).get("claims[" + un + "]")).allMatch(s -> s.contains("Nine civilians"));

            String newId = "split-" + marker.substring(0, 8);
            Http.Response split = http().send(
                            "POST",
                            "/api/incidents/" + id + "/split",
                            "{\"claims\": [" + un + "], \"id\": \"" + newId + "\"}",
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            etag(id));
            assertThat(split.status()).as(split.body()).isEqualTo(201);
            Map<String, List<String>> taken = spans(newId);
            assertThat(taken.get("claims[0]"))
                    .as("the UN's claim took its sentence along")
                    .isNotEmpty()
                    .allMatch(s -> s.contains("Nine civilians"));
            assertThat(taken).containsKeys("type", "occurred", "places").doesNotContainKey("claims[1]");
            Map<String, List<String>> left = spans(id);
            assertThat(left.get("claims[0]"))
                    .as("the claim that stayed is claim 0 now")
                    .isNotEmpty()
                    .allMatch(s -> s.contains("Four civilians"));
            assertThat(left).containsKeys("type", "occurred").doesNotContainKey("claims[1]");

            String fromVersion = etag(newId).replace("\"", "");
            Http.Response merge = http().send(
                            "POST",
                            "/api/incidents/" + id + "/merge",
                            "{\"from\": \"" + newId + "\", \"from_version\": " + fromVersion + "}",
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            etag(id));
            assertThat(merge.status()).as(merge.body()).isEqualTo(200);
            JsonNode merged = merge.json().get("properties").get("claims");
            Map<String, List<String>> back = spans(id);
            for (int k = 0; k < merged.size(); k++) {
                String said = merged.get(k).get("party").asString().equals("un") ? "Nine civilians" : "Four civilians";
                assertThat(back.get("claims[" + k + "]"))
                        .as("claim " + k + " after the merge")
                        .isNotEmpty()
                        .allMatch(s -> s.contains(said));
            }
            assertThat(merged).hasSize(2);
            assertThat(back.get("type"))
                    .as("a span merged in twice is kept once")
                    .doesNotHaveDuplicates();
        }

        @Test
        void aReportOfAPublishedIncidentMakesALinkedDraftAndChangesNothingPublished() {
            String marker = UUID.randomUUID().toString();
            String first =
                    "A suicide bomber struck a checkpoint in Bannu on Saturday morning, killing nine soldiers, police said. Ref "
                            + marker + ".";
            Http.Response a = submit(article(first, "https://example.org/pub/" + marker, "Wire one", "2033-04-10"));
            String draftId = a.json().get("drafts").get(0).asString();
            Http.Response publish = http().send(
                            "PATCH",
                            "/api/incidents/" + draftId,
                            "{\"status\": \"published\"}",
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            http().get("/api/incidents/" + draftId, "Authorization", EDITOR_AUTH)
                                    .header("ETag"));
            assertThat(publish.status()).isEqualTo(200);
            String id = publish.json().get("id").asString(); // its own id, published (docs/QA.md D9)
            String publishedBefore = http().get("/api/incidents/" + id).body();
            String second =
                    "BANNU - Eleven soldiers were killed when a suicide car bomber hit an army checkpoint in Bannu on Saturday, "
                            + "the military said. Ref " + marker + ".";
            Http.Response b = submit(article(second, "https://example.org/pub2/" + marker, "Wire two", "2033-04-10"));
            assertThat(b.status()).as(b.body()).isEqualTo(201);
            String linked = b.json().get("drafts").get(0).asString();
            assertThat(linked).isNotEqualTo(id);
            JsonNode draft = b.json().get("incidents").get(0).get("properties");
            assertThat(draft.get("status").asString()).isEqualTo("draft");
            assertThat(draft.get("tags").toString()).contains("amends:" + id);
            assertThat(http().get("/api/incidents/" + id).body())
                    .as("the published incident is not changed")
                    .isEqualTo(publishedBefore);
        }

        @Test
        void overSizeAndForeignArticlesAreRefusedWithAReason() {
            long before = version.current().version();
            Http.Response big =
                    submit(article("Strikes in Khost. ".repeat(6000), "https://x.org/big", "W", "2031-01-01"));
            assertThat(big.status()).isEqualTo(413);
            assertThat(big.header("Content-Type")).contains("application/problem+json");
            String french =
                    "Des frappes aériennes pakistanaises ont visé la province de Khost dans la nuit de jeudi à vendredi, "
                            + "tuant six civils selon un porte-parole des talibans qui a dénoncé une violation de la souveraineté afghane.";
            Http.Response foreign = submit(article(french, "https://x.org/fr", "W", "2031-01-01"));
            assertThat(foreign.status()).as(foreign.body()).isEqualTo(422);
            assertThat(foreign.header("Content-Type")).contains("application/problem+json");
            assertThat(foreign.json().get("detail").asString()).contains("English");
            Http.Response pashto = submit(article(
                    "د پاکستان الوتکو د خوست ولایت په کورونو بمبارۍ وکړې او شپږ ملکیان یې ووژل",
                    "https://x.org/ps",
                    "W",
                    "2031-01-01"));
            assertThat(pashto.status()).isEqualTo(422);
            assertThat(pashto.json().get("detail").asString()).contains("arabic script");
            assertThat(submit(article("   ", "https://x.org/empty", "W", "2031-01-01"))
                            .status())
                    .isEqualTo(400);
            assertThat(version.current().version()).isEqualTo(before);
        }

        @Test
        void badSubmissionsAreRefusedAndChangeNothing() {
            long before = version.current().version();
            assertThat(http().send(
                                    "POST",
                                    "/api/articles",
                                    article("Strikes in Khost.", "https://x.org/1"),
                                    "Content-Type",
                                    "application/json")
                            .status())
                    .isEqualTo(401);
            assertThat(submit("{\"outlet\": \"Wire\"}").status()).isEqualTo(400);
            assertThat(submit("{\"text\": \"Strikes in Khost.\"}").status()).isEqualTo(400);
            assertThat(submit("{\"text\": \"x\", \"outlet\": \"W\", \"url\": \"ftp://nope\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(submit("{\"text\": \"x\", \"outlet\": \"W\", \"published\": \"yesterday\"}")
                            .status())
                    .isEqualTo(400);
            assertThat(submit("not json").status()).isEqualTo(400);
            assertThat(http().send(
                                    "POST",
                                    "/api/articles",
                                    "text",
                                    "Content-Type",
                                    "text/plain",
                                    "Authorization",
                                    EDITOR_AUTH)
                            .status())
                    .isEqualTo(415);
            assertThat(http().get("/api/drafts").status()).isEqualTo(401);
            assertThat(version.current().version()).isEqualTo(before);
        }
    }
}
