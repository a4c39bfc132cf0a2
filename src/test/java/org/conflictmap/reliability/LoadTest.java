package org.conflictmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * 200 concurrent clients for 60 s ({@code -Dload.seconds=} to change) on a mixed workload — raster
 * and vector tiles, OGC items by bbox, incidents, geocoding, places — while an editor writes: not one
 * error. Latency percentiles go to {@code target/bench/load.json} and the output (reported, not
 * asserted: speed belongs to the benchmark).
 */
@OnPostgis
class LoadTest {
    static final int CLIENTS = 200;

    @LocalServerPort
    int port;

    @Test
    void twoHundredClientsForAMinuteWithoutOneError() throws Exception {
        int seconds = Integer.getInteger("load.seconds", 60);
        Http http = new Http(port);
        Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS + 1);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            Random random = new Random(c);
            running.add(pool.submit(() -> {
                while (System.nanoTime() < end) {
                    long t0 = System.nanoTime();
                    MixedWorkload.Request r = MixedWorkload.next(http, random);
                    latencies.add(System.nanoTime() - t0);
                    if (r.response().status() >= 500) {
                        failures.computeIfAbsent(r.response().status() + " " + r.path(), k -> new AtomicInteger())
                                .incrementAndGet();
                    }
                }
                return null;
            }));
        }
        List<String> written = Collections.synchronizedList(new ArrayList<>());
        running.add(pool.submit(() -> {
            for (int n = 0; System.nanoTime() < end; n++) {
                String id = "load-" + ProcessHandle.current().pid() + "-" + n;
                Http.Response r = http.send(
                        "POST",
                        "/api/incidents",
                        MixedWorkload.incident(id),
                        "Content-Type",
                        "application/json",
                        "Authorization",
                        EDITOR_AUTH);
                if (r.status() == 201) {
                    written.add(id);
                } else {
                    failures.computeIfAbsent("write " + r.status(), k -> new AtomicInteger())
                            .incrementAndGet();
                }
                Thread.sleep(250);
            }
            return null;
        }));
        for (Future<?> f : running) {
            f.get(seconds + 120L, TimeUnit.SECONDS);
        }
        pool.shutdown();
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        double p50 = sorted.get(sorted.size() / 2) / 1e6;
        double p99 = sorted.get((int) (sorted.size() * 0.99)) / 1e6;
        double rps = sorted.size() / (double) seconds;
        String report = String.format(
                java.util.Locale.ROOT,
                "{\"clients\": %d, \"seconds\": %d, \"requests\": %d, \"requests_per_s\": %.0f, \"p50_ms\": %.1f, \"p99_ms\": %.1f,"
                        + " \"writes\": %d, \"errors\": %d}%n",
                CLIENTS,
                seconds,
                sorted.size(),
                rps,
                p50,
                p99,
                written.size(),
                failures.values().stream().mapToInt(AtomicInteger::get).sum());
        Files.createDirectories(Path.of("target", "bench"));
        Files.writeString(Path.of("target", "bench", "load.json"), report);
        System.out.print("LOAD " + report);
        assertThat(failures).as("errors under load").isEmpty();
        assertThat(written).isNotEmpty();
        for (String id : written) {
            assertThat(http.get("/api/incidents/" + id).status()).isEqualTo(200);
        }
    }
}
