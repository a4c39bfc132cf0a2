package org.conflictmap.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL cluster of the test's own (initdb into a directory the postgres user can reach, such
 * as one under /tmp — not the checkout, which may sit in a private temp dir —, its own port, trust auth on
 * 127.0.0.1) that a test may stop and start at will without disturbing the shared server. Runs the
 * server binaries as the {@code postgres} user when the test runs as root (initdb refuses root).
 */
final class PrivatePostgres implements AutoCloseable {
    private final Path dir;
    private final int port;
    private final Path bin;

    PrivatePostgres(Path dir, int port) throws IOException, InterruptedException {
        this.dir = dir.toAbsolutePath();
        this.port = port;
        this.bin = findBin();
        Files.createDirectories(this.dir);
        run(List.of("chown", "-R", "postgres:postgres", this.dir.toString()), true);
        asPostgres(
                bin.resolve("initdb") + " -D " + this.dir.resolve("data") + " -U postgres -A trust --no-sync -E UTF8");
        start();
        asPostgres(bin.resolve("psql") + " -h 127.0.0.1 -p " + port
                + " -U postgres -d postgres -q -c 'CREATE EXTENSION postgis'");
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    void start() throws IOException, InterruptedException {
        asPostgres(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -l " + dir.resolve("log")
                + " -w -t 30 -o '-p " + port + " -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off' start");
    }

    void stop() throws IOException, InterruptedException {
        asPostgres(bin.resolve("pg_ctl") + " -D " + dir.resolve("data") + " -w -t 30 -m fast stop");
    }

    @Override
    public void close() throws Exception {
        try {
            stop();
        } catch (Exception ignored) {
            // already stopped
        }
        org.springframework.util.FileSystemUtils.deleteRecursively(dir);
    }

    private static Path findBin() throws IOException {
        try (var versions = Files.list(Path.of("/usr/lib/postgresql"))) {
            return versions.sorted()
                    .reduce((a, b) -> b)
                    .map(v -> v.resolve("bin"))
                    .orElseThrow(() ->
                            new IOException("no PostgreSQL under /usr/lib/postgresql: run scripts/setup-postgis"));
        }
    }

    private static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }

    private void asPostgres(String command) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        if (root()) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--", "sh", "-c", command));
        } else {
            cmd.addAll(List.of("sh", "-c", command));
        }
        run(cmd, false);
    }

    private static void run(List<String> cmd, boolean onlyAsRoot) throws IOException, InterruptedException {
        if (onlyAsRoot && !root()) {
            return;
        }
        // run from /tmp: the postgres user may not enter the checkout (a fresh clone under a 0700 temp dir)
        Process p = new ProcessBuilder(cmd)
                .directory(new java.io.File("/tmp"))
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("command failed: " + String.join(" ", cmd) + "\n" + out);
        }
    }
}
