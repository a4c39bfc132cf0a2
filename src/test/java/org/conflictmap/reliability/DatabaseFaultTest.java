package org.conflictmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.conflictmap.ConflictMapApplication;
import org.conflictmap.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * PostGIS stopped in the middle of a stream of requests: the server answers 503 problem+json (never
 * a 500 or a hang), health says DOWN, and once PostGIS is back it recovers by itself within 5 s.
 * Runs on a private PostgreSQL cluster so stopping it disturbs nothing else.
 */
class DatabaseFaultTest {
    static final String TOKEN = "fault-test-token";

    @Test
    void storeOutageGives503AndTheServerRecoversByItself(@TempDir Path tmp) throws Exception {
        Path cluster = Path.of(System.getProperty("java.io.tmpdir"), "conflictmap-pg-fault-" + ProcessHandle.current().pid());
        try (PrivatePostgres pg = new PrivatePostgres(cluster, 55433);
                ConfigurableApplicationContext app = new SpringApplicationBuilder(ConflictMapApplication.class).run(
                        "--server.port=0", "--spring.datasource.url=" + pg.jdbcUrl(), "--spring.datasource.username=postgres",
                        "--spring.datasource.password=", "--spring.datasource.hikari.connection-timeout=1000",
                        "--spring.datasource.hikari.validation-timeout=500", "--conflictmap.store.data-dir=" + tmp,
                        "--conflictmap.security.editor-tokens=fault:" + TOKEN)) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            Http http = new Http(port);
            assertThat(http.get("/api/places?q=Khost").status()).isEqualTo(200);

            // a stream of reads from 8 clients all through the outage
            ConcurrentHashMap<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService clients = Executors.newFixedThreadPool(9);
            for (int i = 0; i < 8; i++) {
                clients.submit(() -> {
                    while (running.get()) {
                        Http.Response r = http.get("/api/places?q=Kabul&limit=5");
                        statuses.computeIfAbsent(r.status(), s -> new AtomicInteger()).incrementAndGet();
                        if (r.status() != 200) {
                            assertThat(r.status()).isEqualTo(503);
                            assertThat(r.contentType()).startsWith("application/problem+json");
                            assertThat(r.body()).doesNotContain("jdbc:").doesNotContain("Exception");
                        }
                    }
                    return null;
                });
            }
            // and an editor writing all through the outage: each write is either acknowledged or reported failed
            List<String> acknowledged = new CopyOnWriteArrayList<>();
            List<String> refused = new CopyOnWriteArrayList<>();
            java.util.concurrent.Future<?> writer = clients.submit(() -> {
                for (int n = 0; running.get(); n++) {
                    String id = "fault-" + n;
                    Http.Response r = http.send("POST", "/api/incidents", "{\"id\": \"" + id + "\", \"title\": \"Outage write " + n
                            + "\", \"type\": \"shelling\", \"occurred\": {\"start\": \"2031-01-02\"}, \"places\": [\"crossing-torkham\"]}",
                            "Content-Type", "application/json", "Authorization", "Bearer " + TOKEN);
                    if (r.status() == 201) {
                        acknowledged.add(id);
                    } else {
                        assertThat(r.status()).as(r.body()).isEqualTo(503);
                        refused.add(id);
                    }
                    Thread.sleep(50);
                }
                return null;
            });
            Thread.sleep(1000);
            pg.stop();
            Http.Response down = awaitStatus(http, "/api/places?q=Paktia", 503, Duration.ofSeconds(10));
            assertThat(down.header("Retry-After")).isEqualTo("5");
            assertThat(http.get("/actuator/health").body()).contains("\"DOWN\"");
            Thread.sleep(1000);

            pg.start();
            long back = System.nanoTime();
            awaitStatus(http, "/api/places?q=Paktia", 200, Duration.ofSeconds(5));
            long recoveredMs = (System.nanoTime() - back) / 1_000_000;
            assertThat(http.get("/actuator/health").body()).contains("\"status\":\"UP\"");
            running.set(false);
            clients.shutdown();
            assertThat(clients.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            writer.get();
            System.out.printf("store outage: statuses %s, recovered %d ms after PostGIS returned%n", statuses, recoveredMs);
            assertThat(statuses.keySet()).containsOnly(200, 503);
            assertThat(refused).as("writes refused during the outage").isNotEmpty();
            for (String id : acknowledged) {
                assertThat(http.get("/api/incidents/" + id).status()).as("acknowledged " + id).isEqualTo(200);
            }
            for (String id : refused) {
                assertThat(http.get("/api/incidents/" + id).status()).as("refused " + id + " must not exist").isEqualTo(404);
            }
            System.out.printf("writes through the outage: %d acknowledged and present, %d refused with 503 and absent%n",
                    acknowledged.size(), refused.size());
        }
    }

    private static Http.Response awaitStatus(Http http, String path, int status, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        Http.Response r;
        do {
            r = http.get(path);
            if (r.status() == status) {
                return r;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("expected " + status + " within " + within + ", last got " + r.status() + " " + r.body());
    }
}
