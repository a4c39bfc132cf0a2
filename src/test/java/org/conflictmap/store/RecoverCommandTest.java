package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.mock.env.MockEnvironment;

/**
 * A store damaged the way kill -9 damaged it (H2 2.4.240 cannot replay an undo log that touches an
 * R-tree), the start-up message it gets, and the {@code recover} command that rebuilds it.
 */
class RecoverCommandTest {
    static final int ROWS = 100;

    @Test
    void aDamagedStoreIsNamedWithItsRecoveryAndRebuiltWithEveryCommittedRow(@TempDir Path dir) throws Exception {
        Process crasher = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Crasher.class.getName(),
                        dir.toString())
                .inheritIO()
                .start();
        assertThat(crasher.waitFor(300, TimeUnit.SECONDS)).isTrue();
        assertThat(crasher.exitValue()).as("the crasher halted itself").isEqualTo(7);

        FailureAnalysis analysis = analysisOfOpening(dir, "the damaged store does not open");
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription())
                .contains(dir.resolve("conflictmap.mv.db").toString())
                .contains("damaged")
                .doesNotContain("\n\tat ")
                .doesNotContain("ClassCastException");
        assertThat(analysis.getAction()).contains("java -jar conflict-map-server.jar recover --data-dir " + dir);

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = RecoverCommand.run(
                new String[] {"recover", "--data-dir", dir.toString()},
                new PrintStream(out, true, StandardCharsets.UTF_8));
        String said = out.toString(StandardCharsets.UTF_8);
        assertThat(code).as(said).isZero();
        assertThat(said)
                .contains("does not open")
                .contains("moved the damaged file to")
                .contains(ROWS + " incidents");
        try (Connection c = DriverManager.getConnection(url(dir), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM incidents")) {
            rs.next();
            assertThat(rs.getInt(1)).as("every committed row").isEqualTo(ROWS);
        }
        try (var kept = Files.list(dir)) {
            assertThat(kept.filter(p -> p.getFileName().toString().startsWith("damaged-"))
                            .anyMatch(p -> Files.isRegularFile(p.resolve("conflictmap.mv.db"))))
                    .as("the damaged file is kept")
                    .isTrue();
        }

        out.reset();
        assertThat(RecoverCommand.run(
                        new String[] {"recover", "--data-dir=" + dir},
                        new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("opens normally; nothing to do");
    }

    /**
     * A store another process holds open (a second server started on the same directory) is not damaged: before,
     * the start-up message called it damaged and told the operator to run {@code recover}, which moved the file
     * away from under the running server.
     */
    @Test
    void aStoreInUseByAnotherProcessIsSaidSoAndRecoverLeavesItAlone(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("conflictmap"), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE incidents (id INT PRIMARY KEY)");
            s.execute("INSERT INTO incidents VALUES (1)");
        }
        Process holder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        System.getProperty("java.class.path"),
                        Holder.class.getName(),
                        dir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            java.io.BufferedReader said = new java.io.BufferedReader(
                    new java.io.InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).as("the holder opened the store").isEqualTo("open");

            FailureAnalysis analysis = analysisOfOpening(dir, "a store in use does not open");
            assertThat(analysis).isNotNull();
            assertThat(analysis.getDescription())
                    .contains(dir.resolve("conflictmap.mv.db").toString())
                    .contains("in use by another process")
                    .doesNotContain("damaged");
            assertThat(analysis.getAction())
                    .doesNotContain("recover --data-dir")
                    .contains("data-dir");

            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int code = RecoverCommand.run(
                    new String[] {"recover", "--data-dir", dir.toString(), "--force"},
                    new PrintStream(out, true, StandardCharsets.UTF_8));
            assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isEqualTo(1);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("in use by another process");
            assertThat(dir.resolve("conflictmap.mv.db")).as("left where it was").isRegularFile();
            try (var kept = Files.list(dir)) {
                assertThat(kept.filter(p -> p.getFileName().toString().startsWith("damaged-")))
                        .as("nothing moved aside")
                        .isEmpty();
            }
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        try (Connection c = DriverManager.getConnection(url(dir), "sa", "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM incidents")) {
            rs.next();
            assertThat(rs.getInt(1)).as("the store once its holder is gone").isEqualTo(1);
        }
    }

    /** A store file cut short (a half-copied file) is named damaged, with the recovery, and never "in use". */
    @Test
    void aTruncatedStoreIsNamedDamaged(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("conflictmap"), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE incidents (id INT PRIMARY KEY)");
        }
        Path file = dir.resolve("conflictmap.mv.db");
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, 100));
        FailureAnalysis analysis = analysisOfOpening(dir, "a truncated store does not open");
        assertThat(analysis).isNotNull();
        assertThat(analysis.getDescription()).contains("damaged").doesNotContain("in use");
        assertThat(analysis.getAction()).contains("recover --data-dir " + dir);
    }

    @Test
    void aStoreThatIsNotThereIsSaidSo(@TempDir Path dir) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertThat(RecoverCommand.run(
                        new String[] {"recover", "--data-dir", dir.toString()},
                        new PrintStream(out, true, StandardCharsets.UTF_8)))
                .isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("there is no embedded store at");
    }

    @Test
    void otherStartFailuresAreLeftToTheOtherAnalyzers() {
        assertThat(new DamagedStoreFailureAnalyzer(new MockEnvironment())
                        .analyze(new IllegalStateException("port in use")))
                .isNull();
    }

    /** Opens the store, which must fail (said as {@code why}), and has the analyzer say what it would say at start-up. */
    private static FailureAnalysis analysisOfOpening(Path dir, String why) {
        Throwable failure = catchThrowable(
                () -> DriverManager.getConnection(url(dir), "sa", "").close());
        assertThat(failure).as(why).isNotNull();
        return new DamagedStoreFailureAnalyzer(
                        new MockEnvironment().withProperty("conflictmap.store.data-dir", dir.toString()))
                .analyze(new IllegalStateException("wrapped", failure));
    }

    private static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("conflictmap") + ";IFEXISTS=TRUE";
    }

    /** Holds the store open (as a running server does) until it is killed; says "open" once it does. */
    static final class Holder {
        public static void main(String[] args) throws Exception {
            try (Connection c = DriverManager.getConnection(
                    "jdbc:h2:file:" + Path.of(args[0]).resolve("conflictmap"), "sa", "")) {
                System.out.println("open");
                System.out.flush();
                Thread.sleep(600_000);
            }
        }
    }

    /**
     * Commits {@value #ROWS} incidents into a table with an R-tree index, leaves one insert uncommitted, lets
     * another connection's commit write that insert's undo log to the file, and halts like kill -9.
     */
    static final class Crasher {
        public static void main(String[] args) throws Exception {
            String url = "jdbc:h2:file:" + Path.of(args[0]).resolve("conflictmap") + ";WRITE_DELAY=0";
            Connection a = DriverManager.getConnection(url, "sa", "");
            try (Statement s = a.createStatement()) {
                s.execute("CREATE TABLE incidents (id INT PRIMARY KEY, geom GEOMETRY(GEOMETRY, 4326) NOT NULL)");
                s.execute("CREATE SPATIAL INDEX incidents_geom_idx ON incidents (geom)");
                s.execute("CREATE TABLE other (id INT PRIMARY KEY)");
                for (int i = 0; i < ROWS; i++) {
                    s.execute("INSERT INTO incidents VALUES (" + i + ", 'SRID=4326;POINT(" + (60 + i * 0.1) + " 33)')");
                }
                a.setAutoCommit(false);
                s.execute("INSERT INTO incidents VALUES (" + ROWS + ", 'SRID=4326;POINT(70 34)')");
            }
            try (Connection b = DriverManager.getConnection(url, "sa", "");
                    Statement s = b.createStatement()) {
                s.execute("INSERT INTO other VALUES (1)");
            }
            Runtime.getRuntime().halt(7);
        }
    }
}
