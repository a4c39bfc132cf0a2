package org.conflictmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.conflictmap.DeskSession;
import org.conflictmap.Http;
import org.conflictmap.TestStores;
import org.conflictmap.reliability.WebhookReceiver.Received;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Webhooks lose nothing under {@code kill -9}: a child server with a webhook to a receiver the test serves; the
 * receiver holds two deliveries open and fails the others, so deliveries are pending and under way; editors write;
 * the server is killed mid-delivery and started again on the same store; the receiver recovers. Every change
 * arrives at least once, every attempt of a delivery carries the same {@code X-Conflictmap-Delivery} id and body
 * (dropping repeats by it leaves each change exactly once), every signature verifies, and the delivery held open
 * at the kill arrives again.
 *
 * <p>On PostGIS two replicas share the store: first without faults, where no delivery reaches the receiver more
 * often than the store counts attempts (two servers never send one row at once: each claim is a conditional
 * update of the row, which PostgreSQL re-checks after the other server's update committed), then replica A is
 * killed mid-delivery and B, then A again, deliver everything. Bounds are against hangs only (a loaded machine).
 */
class WebhookCrashTest {
    static final String TOKEN = "webhook-crash-token";
    static final String AUTH = "Bearer " + TOKEN;
    static final String ADMIN = "hook-admin";
    static final String PASSWORD = "hook-admin-password-0123";
    static final String SECRET = "crash-test-secret-0123456789";
    static final String DB = TestStores.Postgis.DB + "_hooks";
    static final int CHANGES = 24;
    /** Long enough that a held delivery is still under way when the test kills; the lease a little longer. */
    static final String[] SETTINGS = {
        "--conflictmap.security.editor-tokens=crash:" + TOKEN,
        "--conflictmap.security.admin-name=" + ADMIN,
        "--conflictmap.security.admin-password=" + PASSWORD,
        "--conflictmap.webhooks.poll=100ms",
        "--conflictmap.webhooks.timeout=30s",
        "--conflictmap.webhooks.lease=40s",
        "--conflictmap.webhooks.first-retry=200ms",
        "--conflictmap.webhooks.max-retry-delay=2s",
        "--conflictmap.webhooks.max-attempts=100",
        "--conflictmap.incidents.load-on-startup=false"
    };

    @Test
    void embeddedStoreDeliversEveryChangeAfterKillMinus9(@TempDir Path tmp) throws Exception {
        Path log = Files.createDirectories(Path.of("target")).resolve("webhook-crash-test.log");
        Path data = tmp.resolve("store");
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            ChildServer server = ChildServer.start(data, log, SETTINGS);
            try {
                register(new Http(server.port), receiver.url());
                Set<String> changes = new LinkedHashSet<>();
                crashMidDelivery(receiver, List.of(server), "emb", changes);
                server.kill();
                recover(receiver);
                server = ChildServer.start(data, log, SETTINGS);
                awaitDelivered(receiver, changes, new Http(server.port));
                check(receiver.all(), changes, true);
            } finally {
                server.close();
            }
        }
    }

    @Test
    void twoReplicasOnPostgisNeverSendOneDeliveryTwiceAtOnceAndLoseNothingWhenOneIsKilled(@TempDir Path tmp)
            throws Exception {
        ReplicasTest.recreateDatabase(DB);
        List<String> args = new ArrayList<>(List.of(SETTINGS));
        args.addAll(List.of(
                "--spring.datasource.url=" + TestStores.Postgis.SERVER + DB,
                "--spring.datasource.username=" + TestStores.Postgis.USER,
                "--spring.datasource.password="));
        String[] store = args.toArray(String[]::new);
        try (WebhookReceiver receiver = new WebhookReceiver(SECRET)) {
            ChildServer a = ChildServer.start(tmp.resolve("a"), tmp.resolve("a.log"), store);
            try (ChildServer b = ChildServer.start(tmp.resolve("b"), tmp.resolve("b.log"), store)) {
                register(new Http(a.port), receiver.url());

                // no faults: both replicas poll the same due rows; each row reaches the receiver once per attempt the
                // store counts
                Set<String> changes = new LinkedHashSet<>();
                write(List.of(a, b), "calm", CHANGES, changes);
                awaitDelivered(receiver, changes, new Http(b.port));
                Map<String, Integer> attempts = attempts();
                Map<String, List<Received>> byDelivery =
                        receiver.all().stream().collect(Collectors.groupingBy(Received::delivery));
                List<String> beyond = new ArrayList<>();
                byDelivery.forEach((id, got) -> {
                    if (got.size() > attempts.getOrDefault(id, 0)) {
                        beyond.add("delivery " + id + ": received " + got.size() + " times, " + attempts.get(id)
                                + " attempts counted");
                    }
                    if (overlapping(got)) {
                        beyond.add("delivery " + id + ": two requests under way at once");
                    }
                });
                long repeats = receiver.all().size() - byDelivery.size();
                System.out.printf(
                        "webhooks on two replicas: %d deliveries, %d requests (%d repeats)%n",
                        byDelivery.size(), receiver.all().size(), repeats);
                assertThat(beyond).isEmpty();
                check(receiver.all(), changes, false);

                // replica A killed mid-delivery: B delivers what A had claimed once its lease ends, then A again. The
                // receiver holds its requests until B has given up on its own held ones (timeout), so that every held
                // request ends unseen by its sender and must come again
                crashMidDelivery(receiver, List.of(a, b), "storm", changes);
                a.kill();
                receiver.hang.set(0);
                Thread.sleep(Math.max(0, receiver.lastHold + 35_000_000_000L - System.nanoTime()) / 1_000_000);
                recover(receiver);
                awaitDelivered(receiver, changes, new Http(b.port));
                a = ChildServer.start(tmp.resolve("a"), tmp.resolve("a.log"), store);
                String more = "after-" + changes.size();
                write(List.of(a), more, 4, changes);
                awaitDelivered(receiver, changes, new Http(a.port));
                check(receiver.all(), changes, true);
            } finally {
                a.close();
            }
        }
    }

    /**
     * Makes the receiver hold two deliveries and fail the rest, writes through the servers, and returns once a
     * delivery is held open (the caller then kills).
     */
    static void crashMidDelivery(WebhookReceiver receiver, List<ChildServer> servers, String tag, Set<String> changes)
            throws Exception {
        receiver.failing = true;
        receiver.hang.set(2);
        int holdingBefore = receiver.holding.get();
        write(servers, tag, CHANGES, changes);
        long deadline = System.nanoTime() + 300_000_000_000L;
        while (receiver.holding.get() == holdingBefore && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(receiver.holding.get())
                .as("a delivery held open by the receiver")
                .isGreaterThan(holdingBefore);
    }

    /** After the kill: held requests end (their sender is gone), the receiver answers 204 from now on. */
    static void recover(WebhookReceiver receiver) {
        receiver.hang.set(0);
        receiver.failing = false;
        receiver.release();
    }

    /**
     * {@code count} changes through the servers in turn, two writers at once: each incident created published,
     * every third also renamed, every fourth deleted. Adds each acknowledged change ({@link Received#change()}).
     */
    static void write(List<ChildServer> servers, String tag, int count, Set<String> changes) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<String>>> done = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                done.add(pool.submit(() -> {
                    List<String> mine = new ArrayList<>();
                    for (int k = writer; k < count; k += 2) {
                        Http http = new Http(servers.get(k % servers.size()).port);
                        String id = "hook-crash-" + tag + "-" + k;
                        Http.Response r = http.send(
                                "POST",
                                "/api/incidents",
                                EmbeddedCrashTest.incident(id, "Hook crash " + id),
                                "Content-Type",
                                "application/json",
                                "Authorization",
                                AUTH);
                        assertThat(r.status()).as(r.body()).isEqualTo(201);
                        mine.add(id + " v1 publish");
                        if (k % 3 == 0) {
                            r = http.send(
                                    "PATCH",
                                    "/api/incidents/" + id,
                                    "{\"title\": \"Renamed " + id + "\"}",
                                    "Content-Type",
                                    "application/merge-patch+json",
                                    "Authorization",
                                    AUTH,
                                    "If-Match",
                                    "\"1\"");
                            assertThat(r.status()).as(r.body()).isEqualTo(200);
                            mine.add(id + " v2 update");
                        }
                        if (k % 4 == 0) {
                            int v = k % 3 == 0 ? 2 : 1;
                            r = http.send(
                                    "DELETE",
                                    "/api/incidents/" + id,
                                    (String) null,
                                    "Authorization",
                                    AUTH,
                                    "If-Match",
                                    "\"" + v + "\"");
                            assertThat(r.status()).as(r.body()).isEqualTo(204);
                            mine.add(id + " v" + (v + 1) + " delete");
                        }
                    }
                    return mine;
                }));
            }
            for (Future<List<String>> f : done) {
                changes.addAll(f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits (against a hang only) until every change has been answered 2xx once and the server has nothing pending. */
    static void awaitDelivered(WebhookReceiver receiver, Set<String> changes, Http server) throws Exception {
        DeskSession admin = DeskSession.signIn(server, ADMIN, PASSWORD);
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (System.nanoTime() < deadline) {
            Set<String> got = receiver.all().stream()
                    .filter(Received::delivered)
                    .map(Received::change)
                    .collect(Collectors.toSet());
            JsonNode hooks = admin.get("/api/webhooks").json();
            if (got.containsAll(changes) && hooks.get(0).get("pending").asLong() == 0) {
                return;
            }
            Thread.sleep(200);
        }
        Set<String> missing = new LinkedHashSet<>(changes);
        receiver.all().stream()
                .filter(Received::delivered)
                .map(Received::change)
                .forEach(missing::remove);
        assertThat(missing).as("changes never delivered").isEmpty();
    }

    /**
     * What the receiver got: every request signed and carrying a delivery id; all attempts of one delivery the same
     * event and body, one of them answered 2xx; one delivery per change, and every change delivered. After a kill
     * ({@code crashed}), every request held open across it (its sender gone, or given up) came again.
     */
    static void check(List<Received> all, Set<String> changes, boolean crashed) {
        List<String> wrong = new ArrayList<>();
        Map<String, List<Received>> byDelivery = new TreeMap<>();
        for (Received r : all) {
            if (!r.signed()) {
                wrong.add("signature or event id does not verify: " + r.delivery() + " " + r.change());
            }
            if (r.delivery() == null || !r.delivery().matches("[0-9]+")) {
                wrong.add("no delivery id: " + r.change());
                continue;
            }
            byDelivery.computeIfAbsent(r.delivery(), k -> new ArrayList<>()).add(r);
        }
        Map<String, String> deliveryOfChange = new HashMap<>();
        byDelivery.forEach((id, attempts) -> {
            if (attempts.stream().map(Received::body).distinct().count() != 1) {
                wrong.add("delivery " + id + " carried different events: "
                        + attempts.stream().map(Received::change).distinct().toList());
            }
            if (attempts.stream().noneMatch(Received::delivered)) {
                wrong.add("delivery " + id + " (" + attempts.get(0).change() + ") never answered 2xx");
            }
            String before = deliveryOfChange.put(attempts.get(0).change(), id);
            if (before != null) {
                wrong.add(attempts.get(0).change() + " came as two deliveries: " + before + " and " + id);
            }
        });
        List<Received> held = all.stream().filter(Received::held).toList();
        for (Received h : held) {
            if (byDelivery.getOrDefault(h.delivery(), List.of()).stream().noneMatch(r -> r.began() > h.began())) {
                wrong.add(
                        "delivery " + h.delivery() + " (" + h.change() + "), under way at the kill, never came again");
            }
        }
        System.out.printf(
                "webhook crash: %d changes, %d requests, %d repeats, %d held across the kill%n",
                changes.size(), all.size(), all.size() - byDelivery.size(), held.size());
        assertThat(wrong).isEmpty();
        assertThat(deliveryOfChange.keySet())
                .as("each change once after dropping repeats by delivery id")
                .containsExactlyInAnyOrderElementsOf(changes);
        assertThat(held.isEmpty()).as("requests held open across a kill").isEqualTo(!crashed);
    }

    /** Whether two requests of one delivery were under way at the same time. */
    static boolean overlapping(List<Received> got) {
        List<Received> sorted = new ArrayList<>(got);
        sorted.sort((x, y) -> Long.compare(x.began(), y.began()));
        for (int k = 1; k < sorted.size(); k++) {
            if (sorted.get(k).began() < sorted.get(k - 1).ended()) {
                return true;
            }
        }
        return false;
    }

    /** Attempts the store counted per outbox row (delivery id). */
    static Map<String, Integer> attempts() throws Exception {
        Map<String, Integer> out = new HashMap<>();
        try (Connection c = DriverManager.getConnection(TestStores.Postgis.SERVER + DB, TestStores.Postgis.USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, attempts FROM webhook_outbox")) {
            while (rs.next()) {
                out.put(String.valueOf(rs.getLong(1)), rs.getInt(2));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static void register(Http server, String url) {
        Http.Response r = DeskSession.signIn(server, ADMIN, PASSWORD)
                .send("POST", "/api/webhooks", "{\"url\": \"" + url + "\", \"secret\": \"" + SECRET + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
    }
}
