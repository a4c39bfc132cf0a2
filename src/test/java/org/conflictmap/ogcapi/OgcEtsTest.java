package org.conflictmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The official OGC API – Features Part 1 conformance suite (ETS 1.9) against the running test server,
 * on both stores: any failed test fails this one. The suite ships beside the project, in
 * {@code ../shared/tools/ogc-ets/} ({@code run-ets} starts its jar with an offline schema mirror);
 * without the jar the test is skipped and says so.
 */
class OgcEtsTest {
    static final Path ETS =
            Path.of("..", "shared", "tools", "ogc-ets").toAbsolutePath().normalize();

    @Nested
    @OnH2gis
    class Embedded extends Suite {}

    @Nested
    @OnPostgis
    class Postgis extends Suite {}

    abstract static class Suite {
        @LocalServerPort
        int port;

        @Test
        void theOfficialSuitePassesWithoutAFailure(@TempDir Path out) throws Exception {
            Assumptions.assumeTrue(
                    Files.isRegularFile(ETS.resolve("ets-ogcapi-features10-1.9-aio.jar")),
                    "OGC ETS not found at " + ETS
                            + " (ets-ogcapi-features10-1.9-aio.jar): the conformance suite was not run");
            Process p = new ProcessBuilder(
                            ETS.resolve("run-ets").toString(), "http://127.0.0.1:" + port + "/ogc", out.toString())
                    .redirectErrorStream(true)
                    .start();
            byte[] printed = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(20, TimeUnit.MINUTES)).as("the suite finished").isTrue();
            String report = new String(printed, StandardCharsets.UTF_8);
            assertThat(p.exitValue())
                    .as("run-ets exit (0: no failure, 1: failures, 2: could not run)\n" + report)
                    .isZero();
            assertThat(report).as(report).contains("'failed': '0'");
        }
    }
}
