package org.conflictmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.conflictmap.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server stopped the ordinary way (SIGTERM) ends its open event streams cleanly, and first sends them every
 * change whose write had answered: a child server, a client on {@code /api/incidents/changes}, a burst of writes,
 * and the stop sent the moment the last write has answered (before the stream's 300 ms poll would find it).
 * The stream must end as a complete response (no broken chunked body) after an event for every write.
 */
class LiveChangesShutdownTest {
    static final String TOKEN = "live-shutdown-token";
    static final int WRITES = 5;

    @Test
    void aStoppingServerSendsEveryAnsweredWriteAndEndsItsStreamsCleanly(@TempDir Path tmp) throws Exception {
        Path log = Files.createDirectories(Path.of("target")).resolve("live-changes-shutdown-test.log");
        ChildServer server = ChildServer.start(
                tmp.resolve("store"),
                log,
                "--conflictmap.security.editor-tokens=live:" + TOKEN,
                "--conflictmap.incidents.load-on-startup=false");
        List<String> lines = new CopyOnWriteArrayList<>();
        CompletableFuture<String> ended = new CompletableFuture<>();
        try {
            HttpResponse<InputStream> stream = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://127.0.0.1:" + server.port + "/api/incidents/changes"))
                                    .header("Accept", "text/event-stream")
                                    .build(),
                            HttpResponse.BodyHandlers.ofInputStream());
            assertThat(stream.statusCode()).isEqualTo(200);
            Thread reader = new Thread(
                    () -> {
                        try (BufferedReader in =
                                new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
                            for (String line = in.readLine(); line != null; line = in.readLine()) {
                                lines.add(line);
                            }
                            ended.complete("clean");
                        } catch (IOException e) {
                            ended.complete("broken: " + e);
                        }
                    },
                    "sse-reader");
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (lines.stream().noneMatch(l -> l.startsWith("event:ready")) && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(lines).as("the stream's ready event").anyMatch(l -> l.startsWith("event:ready"));

            Http http = new Http(server.port);
            List<String> ids = new ArrayList<>();
            for (int k = 0; k < WRITES; k++) {
                String id = "live-shutdown-" + k;
                Http.Response r = http.send(
                        "POST",
                        "/api/incidents",
                        EmbeddedCrashTest.incident(id, "Live " + id),
                        "Content-Type",
                        "application/json",
                        "Authorization",
                        "Bearer " + TOKEN);
                assertThat(r.status()).as(r.body()).isEqualTo(201);
                ids.add(id);
            }
            server.close(); // SIGTERM, and waits for the process to end

            assertThat(ended.get(2, TimeUnit.MINUTES))
                    .as("how the stream ended")
                    .isEqualTo("clean");
            List<String> data =
                    lines.stream().filter(l -> l.startsWith("data:")).toList();
            for (String id : ids) {
                assertThat(data)
                        .as("an event for %s, written before the stop", id)
                        .anyMatch(l -> l.contains("\"id\":\"" + id + "\""));
            }
        } finally {
            server.close();
        }
    }
}
