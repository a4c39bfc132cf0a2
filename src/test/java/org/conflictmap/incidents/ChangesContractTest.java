package org.conflictmap.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.gazetteer.Gazetteer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.support.TransactionTemplate;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** Merge and split, and publishing as readers see it: the event stream, the change feed with tombstones, Atom. */
class ChangesContractTest {

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
            Http.Response r =
                    http().send("POST", "/api/incidents", body, "Content-Type", JSON, "Authorization", EDITOR_AUTH);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return r;
        }

        Http.Response write(String method, String path, String body, String version) {
            return http().send(
                            method,
                            path,
                            body,
                            "Content-Type",
                            JSON,
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            "\"" + version + "\"");
        }

        @Test
        void mergingTwoDraftsKeepsEveryClaimAndSourceAndSplittingMovesClaimsOut() {
            String a = id("merge-a");
            String b = id("merge-b");
            draft(a, "2031-03-03", "af-province-khost", "Wire A", 2);
            draft(b, "2031-03-05", "af-province-paktika", "Wire B", 3);
            assertThat(write("POST", "/api/incidents/" + a + "/merge", "{\"from\": \"" + b + "\"}", "7")
                            .status())
                    .as("stale If-Match")
                    .isEqualTo(412);
            Http.Response merged = write("POST", "/api/incidents/" + a + "/merge", "{\"from\": \"" + b + "\"}", "1");
            assertThat(merged.status()).as(merged.body()).isEqualTo(200);
            JsonNode p = merged.json().get("properties");
            assertThat(p.get("claims")).hasSize(2);
            assertThat(p.get("sources")).hasSize(2);
            assertThat(p.get("claims").get(1).get("sources").get(0).asString())
                    .isEqualTo(p.get("sources").get(1).get("id").asString())
                    .isNotEqualTo("S1");
            assertThat(p.get("places")).hasSize(2);
            assertThat(p.get("occurred").get("start").asString()).startsWith("2031-03-03");
            assertThat(p.get("occurred").get("end").asString()).startsWith("2031-03-05");
            assertThat(http().get("/api/incidents/" + b, "Authorization", EDITOR_AUTH)
                            .status())
                    .isEqualTo(404);
            assertThat(http().get("/api/incidents/" + b + "/history", "Authorization", EDITOR_AUTH)
                            .json()
                            .get("history")
                            .get(1)
                            .get("operation")
                            .asString())
                    .isEqualTo("delete");

            String c = id("split");
            Http.Response split =
                    write("POST", "/api/incidents/" + a + "/split", "{\"claims\": [1], \"id\": \"" + c + "\"}", "2");
            assertThat(split.status()).as(split.body()).isEqualTo(201);
            assertThat(split.json().get("incident").get("properties").get("claims"))
                    .hasSize(1);
            JsonNode created = split.json().get("created").get("properties");
            assertThat(created.get("status").asString()).isEqualTo("draft");
            assertThat(created.get("claims").get(0).get("killed").asInt()).isEqualTo(3);
            assertThat(created.get("sources")).hasSize(1);
            assertThat(write("POST", "/api/incidents/" + a + "/split", "{\"claims\": [0]}", "3")
                            .status())
                    .as("moving every claim is no split")
                    .isEqualTo(400);
            Http.Response self = write("POST", "/api/incidents/" + a + "/merge", "{\"from\": \"" + a + "\"}", "3");
            assertThat(self.status()).isEqualTo(400);
            assertThat(self.contentType()).startsWith("application/problem+json");
        }

        @Test
        void theChangeFeedAndTheEventStreamAnnouncePublishUpdateAndDeleteButNeverDrafts() throws Exception {
            Instant before = Instant.now().minusSeconds(1);
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<Stream<String>> stream = client.sendAsync(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/incidents/changes"))
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofLines())
                    .get(30, TimeUnit.SECONDS);
            assertThat(stream.headers().firstValue("content-type").orElse("")).startsWith("text/event-stream");
            Iterator<String> lines = stream.body().iterator();
            assertThat(next(lines, "event:ready")).isNotNull();

            String id = id("live");
            draft(id, "2031-04-01", "af-province-khost", "Wire L", 1);
            assertThat(write("PATCH", "/api/incidents/" + id, "{\"status\": \"published\"}", "1")
                            .status())
                    .isEqualTo(200);
            assertThat(write("PATCH", "/api/incidents/" + id, "{\"title\": \"Renamed " + id + "\"}", "2")
                            .status())
                    .isEqualTo(200);
            assertThat(write("DELETE", "/api/incidents/" + id, null, "3").status())
                    .isEqualTo(204);
            String hidden = id("hidden");
            draft(hidden, "2031-04-02", "af-province-khost", "Wire H", 1);

            String publish = next(lines, "\"id\":\"" + id + "\"");
            assertThat(publish).contains("\"kind\":\"publish\"").contains("\"feature\"");
            assertThat(next(lines, "\"id\":\"" + id + "\""))
                    .contains("\"kind\":\"update\"")
                    .contains("Renamed");
            assertThat(next(lines, "\"id\":\"" + id + "\"")).contains("\"kind\":\"delete\"");
            stream.body().close();

            Http.Response feed = http().get("/api/incidents?updated_since=" + before);
            assertThat(feed.status()).as(feed.body()).isEqualTo(200);
            assertThat(feed.body()).doesNotContain(hidden);
            assertThat(feed.json().get("deleted").toString()).contains(id);
            assertThat(feed.json().get("features").toString()).doesNotContain(id);
            assertThat(http().get("/api/incidents?updated_since=yesterday").status())
                    .isEqualTo(400);
            assertThat(http().get("/api/incidents/changes", "Last-Event-ID", "x")
                            .status())
                    .isEqualTo(400);
        }

        @Autowired
        IncidentRepository incidents;

        @Autowired
        TransactionTemplate tx;

        @Autowired
        Gazetteer gazetteer;

        @Autowired
        ObjectMapper json;

        String publishedBody(String id, String date) {
            return """
                    {"id": "%s", "title": "Shelling %s", "type": "shelling", "status": "published",
                     "occurred": {"start": "%s", "end": "%s", "precision": "day"}, "places": ["af-province-khost"],
                     "sources": [{"id": "S1", "outlet": "Wire O", "published": "%s"}],
                     "claims": [{"claimant": "Police", "party": "local_official", "side": "civilians", "killed": 1, "sources": ["S1"]}]}
                    """.formatted(id, id, date, date, date);
        }

        /** An event stream read on a thread of its own, so that a missing event fails the test after a minute instead of hanging it. */
        static final class Events {
            final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

            Events(Stream<String> body) {
                Thread t = new Thread(
                        () -> {
                            try {
                                body.forEach(lines::add);
                            } catch (RuntimeException e) {
                                // the stream was closed
                            }
                        },
                        "test-event-stream");
                t.setDaemon(true);
                t.start();
            }

            /** The next event whose data contains {@code text}, as {id, data}; null after a minute without it. */
            String[] next(String text) throws InterruptedException {
                String id = null;
                long deadline =
                        System.nanoTime() + TimeUnit.SECONDS.toNanos(60); // keep-alive comments do not extend it
                while (true) {
                    String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (line == null) {
                        return null;
                    }
                    if (line.startsWith("id:")) {
                        id = line.substring(3).strip();
                    } else if (line.startsWith("data:") && line.contains(text)) {
                        return new String[] {id, line};
                    }
                }
            }
        }

        /** A new event stream (resumed after {@code lastEventId} if given); the replayed events come before its ready event. */
        Events open(HttpClient client, String lastEventId) throws Exception {
            HttpRequest.Builder r = HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + "/api/incidents/changes"))
                    .header("Accept", "text/event-stream");
            if (lastEventId != null) {
                r.header("Last-Event-ID", lastEventId);
            }
            HttpResponse<Stream<String>> stream = client.sendAsync(r.build(), HttpResponse.BodyHandlers.ofLines())
                    .get(30, TimeUnit.SECONDS);
            assertThat(stream.statusCode()).isEqualTo(200);
            return new Events(stream.body());
        }

        /**
         * An import's transaction writes its history row first and commits last (its data version is bumped once, at
         * its end); an editor's publish in between takes a later history seq but commits first. The stream announces
         * both, in commit order, and resuming from either event's id gives exactly what came after it.
         */
        @Test
        void aWriteThatCommitsAfterALaterNumberedOneIsStillAnnouncedAndResumingIsExact() throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            Events lines = open(client, null);
            String early = id("commits-late");
            String late = id("commits-first");
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService importer = Executors.newSingleThreadExecutor();
            try {
                Future<?> slow = importer.submit(() -> tx.executeWithoutResult(s -> {
                    incidents.upsertInTransaction(
                            List.of(new IncidentJson(gazetteer)
                                    .read(json.readTree(publishedBody(early, "2031-06-01")), null, 0, null, null)),
                            "import:test");
                    written.countDown();
                    await(go);
                    incidents.bumpVersion();
                }));
                assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
                Http.Response r = http().send(
                                "POST",
                                "/api/incidents",
                                publishedBody(late, "2031-06-02"),
                                "Content-Type",
                                JSON,
                                "Authorization",
                                EDITOR_AUTH);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                String[] first = lines.next(late);
                assertThat(first[1]).contains("\"kind\":\"publish\"");
                go.countDown();
                slow.get(60, TimeUnit.SECONDS);
                String[] second = lines.next(early);
                assertThat(second).as("the write that committed last").isNotNull();
                assertThat(second[1]).contains("\"kind\":\"publish\"");
                assertThat(Long.parseLong(second[0]))
                        .as("its history seq is the lower one")
                        .isLessThan(Long.parseLong(first[0]));

                Events resumed = open(client, first[0]);
                String ours = resumed.next("commits-")[1];
                assertThat(ours)
                        .as("resumed after the first event: only the second")
                        .contains(early);
                Events after = open(client, second[0]);
                String marker = id("marker");
                assertThat(http().send(
                                        "POST",
                                        "/api/incidents",
                                        publishedBody(marker, "2031-06-03"),
                                        "Content-Type",
                                        JSON,
                                        "Authorization",
                                        EDITOR_AUTH)
                                .status())
                        .isEqualTo(201);
                String line = after.next("2031-")[1];
                assertThat(line)
                        .as("resumed after the second event: neither again, the next write")
                        .contains(marker);
            } finally {
                go.countDown();
                importer.shutdownNow();
            }
        }

        /** One reader of the change feed: pages by cursor (the loss-free way) or, as before it, by timeStamp. */
        @Autowired
        IncidentChanges changes;

        /**
         * Two bulk writers (imports, whose history rows are written at the commit's data version since 2026-12-07) commit in the
         * opposite order of their first statements, and the feed is read between the commits: the writer that wrote
         * first and committed last comes after the other, so a reader who has seen the other misses nothing. A design
         * that placed a write in the feed when it wrote (by its seq, or by a data version taken without holding
         * data_version's lock to the commit) puts it before the reader's position, and the reader never sees it.
         */
        @Test
        void twoImportsCommittingInTheOppositeOrderOfTheirWritesAreBothRead() throws Exception {
            String first = id("writes-first");
            String second = id("writes-second");
            IncidentChanges.Position start = changes.last();
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService importer = Executors.newSingleThreadExecutor();
            try {
                Future<?> slow = importer.submit(() -> tx.executeWithoutResult(s -> {
                    incidents.upsertInTransaction(List.of(published(first, "2031-09-01")), "import:first");
                    written.countDown();
                    await(go);
                    incidents.bumpVersion();
                }));
                assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
                tx.executeWithoutResult(s -> {
                    incidents.upsertInTransaction(List.of(published(second, "2031-09-02")), "import:second");
                    incidents.bumpVersion();
                });
                IncidentChanges.Page between = changes.page(start, 10_000);
                assertThat(between.changes().stream().map(IncidentChanges.Change::id))
                        .as("read between the commits")
                        .contains(second)
                        .doesNotContain(first);
                go.countDown();
                slow.get(60, TimeUnit.SECONDS);
                IncidentChanges.Page after = changes.page(between.upTo(), 10_000);
                assertThat(after.changes().stream().map(IncidentChanges.Change::id))
                        .as("read after the reader's position once the first writer committed")
                        .contains(first)
                        .doesNotContain(second);
                long firstSeq = changes.page(start, 10_000).changes().stream()
                        .filter(c -> c.id().equals(first))
                        .findFirst()
                        .orElseThrow()
                        .seq();
                long secondSeq = between.changes().stream()
                        .filter(c -> c.id().equals(second))
                        .findFirst()
                        .orElseThrow()
                        .seq();
                assertThat(firstSeq)
                        .as("the first writer's row is numbered first: by seq alone the reader would have skipped it")
                        .isLessThan(secondSeq);
            } finally {
                go.countDown();
                importer.shutdownNow();
            }
        }

        Incident published(String id, String date) {
            return new IncidentJson(gazetteer).read(json.readTree(publishedBody(id, date)), null, 0, null, null);
        }

        final class FeedReader {
            final Set<String> features = ConcurrentHashMap.newKeySet();
            final Set<String> deleted = ConcurrentHashMap.newKeySet();
            final AtomicInteger pages = new AtomicInteger();
            volatile String failure;
            private final boolean byCursor;
            private final int limit;
            private String next;

            FeedReader(Instant since, boolean byCursor, int limit) {
                this.byCursor = byCursor;
                this.limit = limit;
                this.next = "/api/incidents?limit=" + limit + "&updated_since=" + since;
            }

            /** Reads pages until one says it is complete (at most 100 a round). */
            void readToTheEnd() {
                for (int k = 0; k < 100; k++) {
                    Http.Response r = http().get(next);
                    if (r.status() != 200) {
                        failure = r.status() + " " + r.body();
                        return;
                    }
                    JsonNode page = r.json();
                    pages.incrementAndGet();
                    page.get("features")
                            .forEach(f ->
                                    features.add(f.get("properties").get("id").asString()));
                    page.get("deleted").forEach(d -> deleted.add(d.get("id").asString()));
                    next = byCursor
                            ? "/api/incidents?limit=" + limit + "&cursor="
                                    + page.get("cursor").asString()
                            : "/api/incidents?limit=" + limit + "&updated_since="
                                    + page.get("timeStamp").asString();
                    if (page.get("complete").asBoolean()) {
                        return;
                    }
                }
            }
        }

        /**
         * The change feed pages by commit order: a writer holds its transaction open after writing a publish and a
         * take-back-to-draft (a tombstone) while two others publish six incidents and a reader pages through all of
         * them two rows a page, past the held writes' place in time. When the held writer commits, the reader's next
         * pages bring both. (A reader following timeStamp, as the feed was read before the cursor, may not.)
         */
        @Test
        void theChangeFeedsCursorMissesNoWriteThatCommitsLateTombstonesIncluded() throws Exception {
            String run = id("feed");
            String gone = run + "-gone";
            assertThat(http().send(
                                    "POST",
                                    "/api/incidents",
                                    publishedBody(gone, "2031-08-01"),
                                    "Content-Type",
                                    JSON,
                                    "Authorization",
                                    EDITOR_AUTH)
                            .status())
                    .isEqualTo(201);
            Instant since = Instant.now().minusSeconds(1);
            String early = run + "-late-commit";
            CountDownLatch written = new CountDownLatch(1);
            CountDownLatch go = new CountDownLatch(1);
            AtomicBoolean stop = new AtomicBoolean();
            FeedReader reader = new FeedReader(since, true, 2);
            FeedReader old = new FeedReader(since, false, 1000);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Future<?> slow = pool.submit(() -> tx.executeWithoutResult(s -> {
                    ObjectNode back = (ObjectNode) json.readTree(publishedBody(gone, "2031-08-01"));
                    back.put("status", "draft");
                    incidents.upsertInTransaction(
                            List.of(
                                    new IncidentJson(gazetteer)
                                            .read(
                                                    json.readTree(publishedBody(early, "2031-08-02")),
                                                    null,
                                                    0,
                                                    null,
                                                    null),
                                    new IncidentJson(gazetteer).read(back, null, 0, null, null)),
                            "import:test");
                    written.countDown();
                    await(go);
                    incidents.bumpVersion();
                }));
                Future<?> reading = pool.submit(() -> {
                    while (!stop.get() && reader.failure == null && old.failure == null) {
                        reader.readToTheEnd();
                        old.readToTheEnd();
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                });
                assertThat(written.await(60, TimeUnit.SECONDS)).isTrue();
                List<String> fast = new ArrayList<>();
                List<Future<Integer>> writers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    List<String> mine = new ArrayList<>();
                    for (int k = 0; k < 3; k++) {
                        mine.add(run + "-" + w + "-" + k);
                    }
                    fast.addAll(mine);
                    writers.add(pool.submit(() -> {
                        for (String one : mine) {
                            Http.Response r = http().send(
                                            "POST",
                                            "/api/incidents",
                                            publishedBody(one, "2031-08-03"),
                                            "Content-Type",
                                            JSON,
                                            "Authorization",
                                            EDITOR_AUTH);
                            if (r.status() != 201) {
                                return r.status();
                            }
                        }
                        return 201;
                    }));
                }
                for (Future<Integer> f : writers) {
                    assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(201);
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!reader.features.containsAll(fast) && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                assertThat(reader.failure).isNull();
                assertThat(reader.features)
                        .as("the reader paged past the six publishes")
                        .containsAll(fast)
                        .doesNotContain(early);
                assertThat(reader.deleted).doesNotContain(gone);
                int pagesBefore = reader.pages.get();

                go.countDown();
                slow.get(60, TimeUnit.SECONDS);
                deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (!(reader.features.contains(early) && reader.deleted.contains(gone))
                        && System.nanoTime() < deadline) {
                    Thread.sleep(50);
                }
                stop.set(true);
                reading.get(60, TimeUnit.SECONDS);
                assertThat(reader.failure).isNull();
                assertThat(reader.pages.get()).as("pages read").isGreaterThan(pagesBefore);
                assertThat(reader.features)
                        .as("the publish that committed last")
                        .contains(early);
                assertThat(reader.deleted)
                        .as("the tombstone that committed last")
                        .contains(gone);
                JsonNode history = http().get("/api/incidents/" + early + "/history", "Authorization", EDITOR_AUTH)
                        .json()
                        .get("history");
                JsonNode lastFast = http().get(
                                "/api/incidents/" + fast.get(5) + "/history", "Authorization", EDITOR_AUTH)
                        .json()
                        .get("history");
                assertThat(Instant.parse(history.get(0).get("recorded_at").asString()))
                        .as("the held write was recorded before the others")
                        .isBefore(
                                Instant.parse(lastFast.get(0).get("recorded_at").asString()));
                System.out.printf(
                        "change feed race: the cursor reader saw the late commit and its tombstone after %d pages; "
                                + "the timeStamp reader saw the publish %s, the tombstone %s%n",
                        reader.pages.get(), old.features.contains(early), old.deleted.contains(gone));
            } finally {
                go.countDown();
                stop.set(true);
                pool.shutdownNow();
            }
            assertThat(http().get("/api/incidents?cursor=bm90LWEtY3Vyc29y").status())
                    .isEqualTo(400);
            assertThat(http().get("/api/incidents?cursor=x&updated_since=" + since)
                            .status())
                    .isEqualTo(400);
        }

        /** Writers on several threads at once: every publish is announced exactly once, and a resume mid-way gives the rest. */
        @Test
        void concurrentWritersAreEachAnnouncedOnceAndAResumeGivesExactlyTheRest() throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            Events lines = open(client, null);
            String run = id("burst");
            int writers = 4;
            int each = 6;
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            List<Future<Integer>> done = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    for (int k = 0; k < each; k++) {
                        String one = run + "-" + writer + "-" + k;
                        Http.Response r = http().send(
                                        "POST",
                                        "/api/incidents",
                                        publishedBody(one, "2031-07-0" + (1 + k % 9)),
                                        "Content-Type",
                                        JSON,
                                        "Authorization",
                                        EDITOR_AUTH);
                        if (r.status() != 201) {
                            return r.status();
                        }
                    }
                    return 201;
                }));
            }
            for (Future<Integer> f : done) {
                assertThat(f.get(120, TimeUnit.SECONDS)).isEqualTo(201);
            }
            pool.shutdown();
            List<String[]> seen = new ArrayList<>();
            while (seen.size() < writers * each) {
                String[] e = lines.next(run);
                assertThat(e)
                        .as("event %d of %d", seen.size() + 1, writers * each)
                        .isNotNull();
                seen.add(e);
            }
            List<String> ids = seen.stream()
                    .map(e -> e[1].replaceFirst(".*\"id\":\"(" + run + "[^\"]*)\".*", "$1"))
                    .toList();
            assertThat(new HashSet<>(ids)).hasSize(writers * each);
            String middle = seen.get(9)[0];
            Events resumed = open(client, middle);
            List<String> rest = new ArrayList<>();
            while (rest.size() < writers * each - 10) {
                String[] e = resumed.next(run);
                assertThat(e).isNotNull();
                rest.add(e[1].replaceFirst(".*\"id\":\"(" + run + "[^\"]*)\".*", "$1"));
            }
            assertThat(rest).containsExactlyElementsOf(ids.subList(10, ids.size()));
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
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
            assertThat(write("PATCH", "/api/incidents/" + id, "{\"status\": \"published\"}", "1")
                            .status())
                    .isEqualTo(200);
            Http.Response r = http().get("/feed.atom");
            assertThat(r.contentType()).startsWith("application/atom+xml");
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            Document d = f.newDocumentBuilder().parse(new ByteArrayInputStream(r.bytes()));
            Element feed = d.getDocumentElement();
            assertThat(feed.getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
            assertThat(feed.getLocalName()).isEqualTo("feed");
            for (String required : new String[] {"id", "title", "updated", "author"}) {
                assertThat(feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", required)
                                .getLength())
                        .as(required)
                        .isPositive();
            }
            Element first = (Element) feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry")
                    .item(0);
            assertThat(first.getElementsByTagName("id").item(0).getTextContent())
                    .endsWith("/?i=" + id);
            assertThat(first.getElementsByTagName("summary").item(0).getTextContent())
                    .contains("Police (local_official): 4 killed");
            Instant.parse(first.getElementsByTagName("updated").item(0).getTextContent());
        }
    }
}
