package org.conflictmap.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.conflictmap.DeskSession;
import org.conflictmap.Editor;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Outgoing webhooks on both stores, with a real HTTP receiver on the loopback interface: an admin registers
 * one; publish, update, unpublish and delete arrive signed (the HMAC verifies), a draft never does; a
 * receiver that fails is tried again with a growing back-off until it answers; and a write answers while
 * the receiver holds a delivery open.
 */
class WebhooksContractTest {

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
        JdbcTemplate jdbc;

        Http http() {
            return new Http(port);
        }

        Editor editor() {
            return new Editor(http());
        }

        /** One request the receiver got: its headers (lower-case names), body and when (System.nanoTime). */
        record Received(Map<String, String> headers, String body, long at) {
            JsonNode json() {
                return new ObjectMapper().readTree(body);
            }
        }

        /** A webhook receiver on 127.0.0.1: records every request; holds it while {@code hold} is set; fails some. */
        static final class Receiver implements AutoCloseable {
            final HttpServer server;
            final BlockingQueue<Received> got = new LinkedBlockingQueue<>();
            final List<Received> all = java.util.Collections.synchronizedList(new ArrayList<>());
            volatile CountDownLatch hold;
            volatile String failFor;
            final AtomicInteger failures = new AtomicInteger();

            Receiver() throws IOException {
                server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
                server.setExecutor(Executors.newFixedThreadPool(8));
                server.createContext("/hook", ex -> {
                    String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
                    Map<String, String> h = new TreeMap<>();
                    ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
                    Received r = new Received(h, body, System.nanoTime());
                    all.add(r);
                    got.add(r);
                    CountDownLatch l = hold;
                    if (l != null) {
                        try {
                            l.await(5, TimeUnit.MINUTES);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                    boolean fail = failFor != null
                            && body.contains("\"incident\":\"" + failFor + "\"")
                            && failures.getAndDecrement() > 0;
                    ex.sendResponseHeaders(fail ? 500 : 204, -1);
                    ex.close();
                });
                server.start();
            }

            String url() {
                return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            }

            /** The next request about incident {@code id}; null after a minute without one. */
            Received next(String id) throws InterruptedException {
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (true) {
                    Received r = got.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    if (r == null || r.body().contains("\"incident\":\"" + id + "\"")) {
                        return r;
                    }
                }
            }

            @Override
            public void close() {
                CountDownLatch l = hold;
                if (l != null) {
                    l.countDown();
                }
                server.stop(0);
            }
        }

        /** Removes the receiver's webhooks however the test ended, so that no other test's writes are sent to a closed port. */
        final class Registered implements AutoCloseable {
            private final Receiver receiver;

            Registered(Receiver receiver) {
                this.receiver = receiver;
            }

            @Override
            public void close() {
                jdbc.update("UPDATE webhooks SET active = FALSE WHERE url = ?", receiver.url());
                jdbc.update(
                        "UPDATE webhook_outbox SET state = 'cancelled' WHERE state = 'pending' AND webhook_id IN "
                                + "(SELECT id FROM webhooks WHERE url = ?)",
                        receiver.url());
            }
        }

        /** A signed-in admin's desk session. */
        DeskSession admin() {
            String name = "hooks-" + UUID.randomUUID().toString().substring(0, 6);
            String password = "admin-" + UUID.randomUUID();
            OffsetDateTime when = OffsetDateTime.now();
            jdbc.update(
                    "INSERT INTO accounts (name, password_hash, role, disabled, generation, created_at, updated_at) "
                            + "VALUES (?, ?, 'admin', FALSE, 1, ?, ?)",
                    name,
                    new BCryptPasswordEncoder().encode(password),
                    when,
                    when);
            return DeskSession.signIn(http(), name, password);
        }

        static Http.Response register(DeskSession s, String url, String secret) {
            return s.send("POST", "/api/webhooks", "{\"url\": \"" + url + "\", \"secret\": \"" + secret + "\"}");
        }

        Http.Response write(String method, String path, String body, Integer version) {
            return version == null
                    ? editor().send(method, path, body)
                    : editor().send(method, path, body, Editor.version(version));
        }

        static String incident(String id, String status) {
            return """
                    {"id": "%s", "title": "Shelling %s", "type": "shelling", "status": "%s",
                     "occurred": {"start": "2034-01-05", "end": "2034-01-05", "precision": "day"}, "places": ["af-province-khost"],
                     "sources": [{"id": "S1", "outlet": "Hook wire", "published": "2034-01-05"}],
                     "claims": [{"claimant": "Police", "party": "local_official", "side": "civilians", "killed": 1, "sources": ["S1"]}]}
                    """.formatted(id, id, status);
        }

        static void verified(Received r, String secret) {
            String timestamp = r.headers().get("x-conflictmap-timestamp");
            assertThat(timestamp).matches("[0-9]{10,}");
            assertThat(r.headers().get("x-conflictmap-signature"))
                    .isEqualTo("sha256=" + WebhookDeliveries.sign(secret, timestamp, r.body()));
            assertThat(r.headers().get("x-conflictmap-signature"))
                    .as("another secret gives another signature")
                    .isNotEqualTo("sha256=" + WebhookDeliveries.sign(secret + "x", timestamp, r.body()));
            assertThat(r.headers().get("x-conflictmap-event-id"))
                    .isEqualTo(r.json().get("id").asString());
            assertThat(r.headers().get("x-conflictmap-delivery"))
                    .as("the delivery id a receiver drops repeats by")
                    .matches("[0-9]+");
            assertThat(r.headers().get("x-conflictmap-event"))
                    .isEqualTo(r.json().get("kind").asString());
            assertThat(r.headers().get("content-type")).startsWith(JSON);
        }

        @Test
        void publishUpdateUnpublishAndDeleteArriveSignedAndDraftsNever() throws Exception {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String secret = "s3cret-" + tag + "-0123456789";
            try (Receiver receiver = new Receiver();
                    Registered cleanup = new Registered(receiver)) {
                DeskSession s = admin();
                assertThat(http().send(
                                        "POST",
                                        "/api/webhooks",
                                        "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret + "\"}",
                                        "Content-Type",
                                        JSON)
                                .status())
                        .as("anonymous")
                        .isEqualTo(401);
                assertThat(editor().send(
                                        "POST",
                                        "/api/webhooks",
                                        "{\"url\": \"" + receiver.url() + "\", \"secret\": \"" + secret + "\"}")
                                .status())
                        .as("an editor, not an admin")
                        .isEqualTo(403);
                assertThat(register(s, "ftp://127.0.0.1/x", secret).status()).isEqualTo(400);
                assertThat(register(s, "http://user:pw@127.0.0.1/x", secret).status())
                        .isEqualTo(400);
                Http.Response shortSecret = register(s, receiver.url(), "short");
                assertThat(shortSecret.status()).isEqualTo(400);
                assertThat(shortSecret.contentType()).startsWith("application/problem+json");
                Http.Response added = register(s, receiver.url(), secret);
                assertThat(added.status()).as(added.body()).isEqualTo(201);
                long hook = added.json().get("id").asLong();
                Http.Response list = s.get("/api/webhooks");
                assertThat(list.body()).contains(receiver.url()).doesNotContain(secret);

                String draft = "hook-draft-" + tag;
                assertThat(write("POST", "/api/incidents", incident(draft, "draft"), null)
                                .status())
                        .isEqualTo(201);
                assertThat(write("PATCH", "/api/incidents/" + draft, "{\"title\": \"Still a draft\"}", 1)
                                .status())
                        .isEqualTo(200);
                String id = "hook-live-" + tag;
                assertThat(write("POST", "/api/incidents", incident(id, "draft"), null)
                                .status())
                        .isEqualTo(201);
                assertThat(write("PATCH", "/api/incidents/" + id, "{\"status\": \"published\"}", 1)
                                .status())
                        .isEqualTo(200);
                assertThat(write("PATCH", "/api/incidents/" + id, "{\"title\": \"Renamed " + tag + "\"}", 2)
                                .status())
                        .isEqualTo(200);
                assertThat(write("PATCH", "/api/incidents/" + id, "{\"status\": \"draft\"}", 3)
                                .status())
                        .isEqualTo(200);
                assertThat(write("PATCH", "/api/incidents/" + id, "{\"status\": \"published\"}", 4)
                                .status())
                        .isEqualTo(200);
                assertThat(write("DELETE", "/api/incidents/" + id, null, 5).status())
                        .isEqualTo(204);

                List<Received> events = new ArrayList<>();
                for (int k = 0; k < 5; k++) {
                    Received r = receiver.next(id);
                    assertThat(r).as("event %d of 5", k + 1).isNotNull();
                    verified(r, secret);
                    events.add(r);
                }
                events.sort(Comparator.comparingLong(
                        r -> Long.parseLong(r.json().get("id").asString())));
                assertThat(events.stream()
                                .map(r -> r.json().get("kind").asString())
                                .toList())
                        .containsExactly("publish", "update", "unpublish", "publish", "delete");
                assertThat(events.get(1)
                                .json()
                                .get("feature")
                                .get("properties")
                                .get("title")
                                .asString())
                        .isEqualTo("Renamed " + tag);
                assertThat(events.get(2).json().get("feature").isNull())
                        .as("an unpublished incident is not sent")
                        .isTrue();

                // the draft's outbox rows are dealt with (dropped unsent), and nothing about it ever arrived
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline && pendingAbout(draft) > 0) {
                    Thread.sleep(100);
                }
                assertThat(pendingAbout(draft)).isZero();
                assertThat(receiver.all.stream()
                                .filter(r -> r.body().contains(draft))
                                .toList())
                        .isEmpty();

                assertThat(s.send("DELETE", "/api/webhooks/" + hook, null).status())
                        .isEqualTo(204);
                assertThat(s.get("/api/webhooks").body()).doesNotContain(receiver.url());
                assertThat(s.send("DELETE", "/api/webhooks/" + hook, null).status())
                        .isEqualTo(404);
            }
        }

        @Autowired
        WebhookDeliveries deliveries;

        @Autowired
        WebhooksProperties properties;

        @Autowired
        Webhooks webhooks;

        @Test
        void deliveredRowsArePrunedAfterTheRetentionAndOthersKept() {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            OffsetDateTime old = now.minus(properties.retention()).minusHours(1);
            OffsetDateTime recent = now.minus(properties.retention()).plusHours(1);
            jdbc.update(
                    "INSERT INTO webhooks (url, secret, created_by, created_at, active) VALUES (?, ?, ?, ?, FALSE)",
                    "http://127.0.0.1:9/pruned",
                    "pruned-secret-0123456789",
                    "test",
                    old);
            long hook = jdbc.queryForObject(
                    "SELECT MAX(id) FROM webhooks WHERE url = ?", Long.class, "http://127.0.0.1:9/pruned");
            String insert =
                    "INSERT INTO webhook_outbox (webhook_id, history_seq, change_version, state, attempts, next_attempt_at, "
                            + "delivered_at) VALUES (?, ?, ?, ?, 1, ?, ?)";
            jdbc.update(insert, hook, 1, 1, "delivered", old, old); // past the retention: deleted
            jdbc.update(insert, hook, 2, 1, "delivered", recent, recent); // within it: kept
            SqlParameterValue never = new SqlParameterValue(Types.TIMESTAMP_WITH_TIMEZONE, null);
            jdbc.update(insert, hook, 3, 1, "failed", old, never); // never delivered: kept, whatever its age
            jdbc.update(insert, hook, 4, 1, "cancelled", old, never);
            deliveries.prune(); // (the worker prunes too, once a minute)
            assertThat(jdbc.queryForList(
                            "SELECT history_seq FROM webhook_outbox WHERE webhook_id = ? ORDER BY history_seq",
                            Long.class,
                            hook))
                    .containsExactly(2L, 3L, 4L);
            assertThat(deliveries.prune()).as("nothing left to prune").isZero();

            // in batches: one statement deletes at most its batch, and the prune goes on until none is left
            int many = 5;
            for (int k = 0; k < many; k++) {
                jdbc.update(insert, hook, 10 + k, 1, "delivered", old, old);
            }
            assertThat(webhooks.prune(now.minus(properties.retention()).toInstant(), 2))
                    .as("one batch of 2")
                    .isEqualTo(2);
            assertThat(deliveries.prune()).as("the rest").isEqualTo(many - 2);
            assertThat(jdbc.queryForList(
                            "SELECT history_seq FROM webhook_outbox WHERE webhook_id = ? ORDER BY history_seq",
                            Long.class,
                            hook))
                    .as("never a row not delivered, nor one within the retention")
                    .containsExactly(2L, 3L, 4L);
            Duration s = Duration.ofSeconds(1);
            assertThat(new WebhooksProperties(
                                    s,
                                    s.multipliedBy(10),
                                    s,
                                    s.multipliedBy(60),
                                    15,
                                    s.multipliedBy(120),
                                    4,
                                    Duration.ofMinutes(1))
                            .retention())
                    .isEqualTo(Duration.ofMinutes(1));
            assertThatThrownBy(() -> new WebhooksProperties(
                            s,
                            s.multipliedBy(10),
                            s,
                            s.multipliedBy(60),
                            15,
                            s.multipliedBy(120),
                            4,
                            s.multipliedBy(59)))
                    .hasMessageContaining("retention");
        }

        long pendingAbout(String id) {
            return jdbc.queryForObject(
                    "SELECT COUNT(*) FROM webhook_outbox o JOIN incident_history h ON h.seq = o.history_seq "
                            + "WHERE h.incident_id = ? AND o.state = 'pending'",
                    Long.class,
                    id);
        }

        @Test
        void aFailingReceiverIsRetriedWithBackOffAndWritesNeverWaitForIt() throws Exception {
            String tag = UUID.randomUUID().toString().substring(0, 8);
            String secret = "another-secret-" + tag;
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try (Receiver receiver = new Receiver();
                    Registered cleanup = new Registered(receiver)) {
                DeskSession s = admin();
                Http.Response added = register(s, receiver.url(), secret);
                assertThat(added.status()).as(added.body()).isEqualTo(201);
                long hook = added.json().get("id").asLong();

                // the receiver holds the first delivery open; a write meanwhile answers all the same
                receiver.hold = new CountDownLatch(1);
                String first = "hook-held-" + tag;
                assertThat(write("POST", "/api/incidents", incident(first, "published"), null)
                                .status())
                        .isEqualTo(201);
                assertThat(receiver.next(first))
                        .as("the held delivery reached the receiver")
                        .isNotNull();
                String failing = "hook-retried-" + tag;
                receiver.failFor = failing;
                receiver.failures.set(2);
                Future<Integer> w =
                        pool.submit(() -> write("POST", "/api/incidents", incident(failing, "published"), null)
                                .status());
                assertThat(w.get(120, TimeUnit.SECONDS))
                        .as("the write answered while the receiver held a delivery")
                        .isEqualTo(201);
                assertThat(receiver.hold.getCount()).as("still held").isEqualTo(1);
                receiver.hold.countDown();
                receiver.hold = null;

                List<Received> attempts = new ArrayList<>();
                for (int k = 0; k < 3; k++) {
                    Received r = receiver.next(failing);
                    assertThat(r).as("attempt %d of 3", k + 1).isNotNull();
                    verified(r, secret);
                    attempts.add(r);
                }
                assertThat(attempts.stream()
                                .map(r -> r.headers().get("x-conflictmap-event-id"))
                                .distinct()
                                .toList())
                        .as("one event, tried three times")
                        .hasSize(1);
                assertThat(attempts.stream()
                                .map(r -> r.headers().get("x-conflictmap-delivery"))
                                .distinct()
                                .toList())
                        .as("one delivery id on every attempt")
                        .hasSize(1);
                long firstWait = attempts.get(1).at() - attempts.get(0).at();
                long secondWait = attempts.get(2).at() - attempts.get(1).at();
                System.out.printf(
                        "webhooks: retried after %d ms, then %d ms%n", firstWait / 1_000_000, secondWait / 1_000_000);
                assertThat(firstWait)
                        .as("the first back-off (1 s)")
                        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(900));
                assertThat(secondWait)
                        .as("the second back-off (2 s)")
                        .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(1900));
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (System.nanoTime() < deadline && pendingAbout(failing) > 0) {
                    Thread.sleep(100);
                }
                Map<String, Object> row = jdbc.queryForMap(
                        "SELECT o.state, o.attempts, o.last_status FROM webhook_outbox o "
                                + "JOIN incident_history h ON h.seq = o.history_seq WHERE h.incident_id = ? AND o.webhook_id = ?",
                        failing,
                        hook);
                assertThat(row.get("state")).isEqualTo("delivered");
                assertThat(((Number) row.get("attempts")).intValue()).isEqualTo(3);
                assertThat(((Number) row.get("last_status")).intValue()).isEqualTo(204);
                assertThat(s.send("DELETE", "/api/webhooks/" + hook, null).status())
                        .isEqualTo(204);
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
