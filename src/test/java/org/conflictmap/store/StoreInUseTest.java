package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server started on a store another process holds open (a second server on the same directory): a real JVM
 * holds the store ({@link RecoverCommandTest.Holder}), the server is started as {@code java … ConflictMapApplication}
 * on the same directory. It must say, in one message, that the store is in use and must not be recovered, print
 * nothing else (no banner, no Tomcat or bean-creation errors, no stack trace), end with {@link StoreInUse#EXIT_CODE},
 * and leave the store as it was.
 */
class StoreInUseTest {
    @Test
    void aServerOnAStoreAnotherProcessHoldsSaysSoCleanlyAndExits75(@TempDir Path dir) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("conflictmap"), "sa", "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE incidents (id INT PRIMARY KEY)");
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("java.class.path");
        Process holder = new ProcessBuilder(java, "-cp", cp, RecoverCommandTest.Holder.class.getName(), dir.toString())
                .redirectErrorStream(true)
                .start();
        try {
            BufferedReader said =
                    new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertThat(said.readLine()).as("the holder opened the store").isEqualTo("open");

            Path log = dir.resolve("second-server.log");
            Process server = new ProcessBuilder(
                            java,
                            "-cp",
                            cp,
                            "org.conflictmap.ConflictMapApplication",
                            "--server.port=0",
                            "--conflictmap.store.data-dir=" + dir)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            boolean ended = server.waitFor(5, TimeUnit.MINUTES);
            if (!ended) {
                server.destroyForcibly();
            }
            String output = Files.readString(log);
            assertThat(ended)
                    .as("the second server ended by itself: %s", output)
                    .isTrue();
            assertThat(server.exitValue()).as(output).isEqualTo(StoreInUse.EXIT_CODE);
            assertThat(output)
                    .contains(dir.resolve("conflictmap.mv.db").toString())
                    .contains("in use by another process")
                    .contains("do not run recover")
                    .doesNotContain("is damaged")
                    .doesNotContain("\tat ")
                    .doesNotContain("Spring Boot ::")
                    .doesNotContain("Tomcat")
                    .doesNotContain("Exception")
                    .doesNotContain("Error starting");
            List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
            assertThat(lines).as("one message, nothing else: %s", output).hasSizeLessThanOrEqualTo(12);
        } finally {
            holder.destroyForcibly();
            holder.waitFor();
        }
        assertThat(dir.resolve("conflictmap.mv.db")).as("left where it was").isRegularFile();
    }
}
