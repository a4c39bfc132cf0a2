package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

/**
 * A thread interrupted inside the embedded store's file I/O must not close the store for everyone else. A
 * {@link java.nio.channels.FileChannel} closes itself when a thread blocked in it is interrupted; on H2's plain
 * {@code file:} system that left the whole store "closed" (h2database issues 227, 1076) until the server was
 * restarted: one {@code shutdownNow()}, one {@code Future.cancel(true)}, one library interrupting its own worker was
 * enough. Here a writer commits row after row (each commit is a write to the file, {@code WRITE_DELAY=0}) while
 * another thread interrupts it again and again; afterwards a second connection must still read and write, and every
 * row whose commit answered must be there, also after the store was closed and opened again.
 */
class EmbeddedInterruptTest {
    static final int INTERRUPTS = 300;

    /** The embedded store's URL as application.yml has it, under {@code dir}. */
    static String applicationUrl(Path dir) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yml"));
        String url = yaml.getObject().getProperty("spring.datasource.url");
        return url.replace("${conflictmap.store.data-dir}", dir.toAbsolutePath().toString());
    }

    @Test
    void anInterruptedWriterLeavesTheStoreOpenForEveryoneElse(@TempDir Path dir) throws Exception {
        String url = applicationUrl(dir);
        try (Connection other = DriverManager.getConnection(url, "sa", "")) {
            try (Statement s = other.createStatement()) {
                s.execute("CREATE TABLE t (id INT PRIMARY KEY, body VARCHAR(2000))");
            }
            AtomicInteger committed = new AtomicInteger();
            CountDownLatch started = new CountDownLatch(1);
            Thread writer = new Thread(
                    () -> {
                        String body = "x".repeat(1500);
                        int id = 0;
                        try (Connection c = DriverManager.getConnection(url, "sa", "")) {
                            while (!stop) {
                                try (PreparedStatement p = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
                                    p.setInt(1, ++id);
                                    p.setString(2, body);
                                    p.executeUpdate();
                                    committed.incrementAndGet();
                                    started.countDown();
                                } catch (SQLException e) {
                                    Thread.interrupted(); // the interrupted statement failed: go on with the next
                                    if (e.getErrorCode() == org.h2.api.ErrorCode.DATABASE_IS_CLOSED) {
                                        return;
                                    }
                                }
                            }
                        } catch (SQLException e) {
                            // the connection could not be had or closed: what the checks below see
                        }
                    },
                    "interrupted-writer");
            writer.start();
            started.await();
            for (int k = 0; k < INTERRUPTS && writer.isAlive(); k++) {
                writer.interrupt();
                Thread.sleep(1);
            }
            stop = true;
            writer.join();
            int answered = committed.get();
            assertThat(answered).isPositive();
            try (Statement s = other.createStatement()) {
                s.executeUpdate("INSERT INTO t VALUES (-1, 'after')");
                try (ResultSet r = s.executeQuery("SELECT COUNT(*) FROM t WHERE id > 0")) {
                    r.next();
                    assertThat(r.getInt(1))
                            .as("every commit that answered (%d)", answered)
                            .isGreaterThanOrEqualTo(answered);
                }
            }
        }
        try (Connection again = DriverManager.getConnection(url, "sa", "");
                Statement s = again.createStatement();
                ResultSet r = s.executeQuery("SELECT body FROM t WHERE id = -1")) {
            assertThat(r.next()).as("the store reopens with the last write").isTrue();
            assertThat(r.getString(1)).isEqualTo("after");
        }
    }

    private volatile boolean stop;

    /**
     * Nothing of the server interrupts another thread: stopping is orderly ({@code shutdown()} and a bounded
     * {@code awaitTermination}, LiveChanges, MapViews, WebhookDeliveries), since a thread it would interrupt may be
     * inside the store's I/O. (A thread may re-set its own interrupt flag.) The {@code retry:} file system above
     * is the second line, for interrupts from libraries.
     */
    @Test
    void noServerCodeInterruptsAnotherThread() throws IOException {
        Pattern interrupting =
                Pattern.compile("shutdownNow\\(|cancel\\(true\\)|(?<!Thread\\.currentThread\\(\\))\\.interrupt\\(\\)");
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int k = 0; k < lines.size(); k++) {
                    if (interrupting.matcher(lines.get(k)).find()) {
                        found.add(f + ":" + (k + 1) + ": " + lines.get(k).strip());
                    }
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
