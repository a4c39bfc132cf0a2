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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started as a plain {@code java -jar} (without {@code -XX:+ExitOnOutOfMemoryError}) that runs
 * out of memory ends itself with status 3, so that a supervisor starts it again, instead of lingering
 * half-dead (issue 18: the poller and the pool's housekeeper died, the process stayed up and never
 * answered again). Four 4096² static maps at once, allowed by settings, cannot fit a 160 MB heap.
 */
class OutOfMemoryExitTest {
    @Test
    void aServerOutOfMemoryEndsWithStatus3(@TempDir Path dir) throws Exception {
        Path log = Files.createDirectories(Path.of("target")).resolve("out-of-memory-exit-test.log");
        Files.deleteIfExists(log);
        try (ChildServer server = ChildServer.start(
                List.of("-Xmx160m"),
                dir.resolve("store"),
                log,
                "--conflictmap.tiles.max-static-pixels=16777216",
                "--conflictmap.overload.static-map-permits=4",
                "--spring.datasource.hikari.maximum-pool-size=13")) {
            HttpClient client = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            for (int i = 0; i < 4; i++) {
                client.sendAsync(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port
                                        + "/map.png?bbox=60.5,29,75,38.5&width=4096&height=4096&title=" + i))
                                .timeout(Duration.ofMinutes(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
            }
            Integer status = server.awaitExit(Duration.ofMinutes(2));
            assertThat(status).as("the exit status (log: " + log + ")").isEqualTo(3);
        }
        assertThat(Files.readString(log)).contains("OutOfMemoryError: the server stops (status 3)");
    }
}
