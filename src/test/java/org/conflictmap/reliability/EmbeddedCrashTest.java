package org.conflictmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded store survives {@code kill -9} in the middle of a stream of writes: after a restart on
 * the same directory every write that was acknowledged (201) is there, and the store answers normally.
 */
class EmbeddedCrashTest {
    static final String TOKEN = "crash-test-token";

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("store");
        Path log = Files.createDirectories(Path.of("target")).resolve("embedded-crash-test.log");
        List<String> acknowledged = new CopyOnWriteArrayList<>();
        AtomicBoolean stop = new AtomicBoolean();
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try (ChildServer first = ChildServer.start(data, log, "--conflictmap.security.editor-tokens=crash:" + TOKEN)) {
            Thread writer = new Thread(() -> {
                for (int n = 0; !stop.get(); n++) {
                    String id = "crash-" + n;
                    String body = "{\"id\": \"" + id + "\", \"title\": \"Crash test " + n + "\", \"type\": \"shelling\","
                            + " \"occurred\": {\"start\": \"2031-01-01\", \"precision\": \"day\"}, \"places\": [\"crossing-torkham\"]}";
                    try {
                        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + first.port
                                + "/api/incidents")).timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                                .header("Authorization", "Bearer " + TOKEN).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() == 201) {
                            acknowledged.add(id);
                        }
                    } catch (Exception e) {
                        // the server is gone: this write was not acknowledged
                    }
                }
            });
            writer.start();
            long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (acknowledged.size() < 40 && System.nanoTime() < until) {
                Thread.sleep(20);
            }
            first.kill();
            stop.set(true);
            writer.join();
        }
        assertThat(acknowledged).as("writes acknowledged before the kill").hasSizeGreaterThanOrEqualTo(40);
        try (ChildServer second = ChildServer.start(data, log, "--conflictmap.security.editor-tokens=crash:" + TOKEN)) {
            for (String id : acknowledged) {
                HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port
                        + "/api/incidents/" + id)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(r.statusCode()).as("acknowledged write " + id + " after kill -9").isEqualTo(200);
            }
            HttpResponse<String> all = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + second.port
                    + "/api/incidents?datetime=2031-01-01&limit=100000")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(all.statusCode()).isEqualTo(200);
            System.out.printf("kill -9 after %d acknowledged writes: all present after restart%n", acknowledged.size());
        }
    }
}
