package org.conflictmap.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The server as a separate JVM on the test's own classpath, so a test can kill it for real
 * ({@code kill -9}) and start it again on the same store.
 */
final class ChildServer implements AutoCloseable {
    final int port;
    private final Process process;

    private ChildServer(int port, Process process) {
        this.port = port;
        this.process = process;
    }

    static ChildServer start(Path dataDir, Path log, String... args) throws Exception {
        return start("512m", dataDir, log, args);
    }

    /**
     * As {@link #start(Path, Path, String...)} with a maximum heap of {@code heap} ({@code -Xmx}), started as
     * the project starts the server: with {@code -XX:+ExitOnOutOfMemoryError}.
     */
    static ChildServer start(String heap, Path dataDir, Path log, String... args) throws Exception {
        return start(List.of("-Xmx" + heap, "-XX:+ExitOnOutOfMemoryError"), dataDir, log, args);
    }

    /** As {@link #start(Path, Path, String...)} with these JVM options (the heap among them) and no others. */
    static ChildServer start(List<String> jvm, Path dataDir, Path log, String... args) throws Exception {
        int port = freePort();
        List<String> cmd = new ArrayList<>(
                List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvm);
        cmd.addAll(List.of(
                "-cp",
                System.getProperty("java.class.path"),
                "org.conflictmap.ConflictMapApplication",
                "--server.port=" + port,
                "--conflictmap.store.data-dir=" + dataDir,
                "--logging.level.root=warn"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        ChildServer server = new ChildServer(port, p);
        try {
            // a bound against a hang, not a speed target: at load average ~56 (a CPU hog and other builds) a start took
            // over 90 s
            server.awaitHealthy(Duration.ofMinutes(5));
        } catch (Exception | AssertionError e) {
            p.destroyForcibly();
            throw e;
        }
        return server;
    }

    private void awaitHealthy(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the server exited with " + process.exitValue());
            }
            try {
                HttpResponse<String> r = client.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health"))
                                .timeout(Duration.ofSeconds(10))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the server did not become healthy in " + timeout);
    }

    /** The exit status once the process ended by itself within {@code timeout}, or null while it still runs. */
    Integer awaitExit(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
                ? process.exitValue()
                : null;
    }

    /** SIGKILL: no shutdown hook, no flush, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }

    /** A loopback port nobody listens on now (a child server's, or a private PostgreSQL's). */
    static int freePort() throws java.io.IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
