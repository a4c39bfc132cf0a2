package org.conflictmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;
import static org.conflictmap.TestStores.EDITOR_TOKEN;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.store.DataVersion;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Malformed and hostile requests across every endpoint, from {@code reliability/hostile.tsv} (one
 * request a line; add lines as endpoints appear). Each must get its 4xx as
 * {@code application/problem+json} — no 5xx, no stack trace, no SQL, no connection string, no token —
 * and leave the data exactly as it was (the data version does not move).
 */
class HostileInputContractTest {
    static final Pattern BIG = Pattern.compile("\\{BIG:(\\d+)}");
    /** {@code {REP:n:text}}: {@code text} n times over, in a path or a body (a filter nested 1,000 deep). */
    static final Pattern REP = Pattern.compile("\\{REP:(\\d+):([^}]*)}");

    record Case(String method, String path, String contentType, String auth, String body, int expected) {
        @Override
        public String toString() {
            return method + " " + (path.length() > 90 ? path.substring(0, 90) + "…" : path) + " → " + expected;
        }
    }

    static List<Case> cases() throws Exception {
        List<Case> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                HostileInputContractTest.class.getResourceAsStream("/reliability/hostile.tsv"),
                StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t", -1);
                String body = repeated(BIG.matcher(f[4].replace("\\n", "\n"))
                        .replaceAll(m -> "x".repeat(Integer.parseInt(m.group(1)))));
                out.add(new Case(f[0], repeated(f[1]), f[2], f[3], body, Integer.parseInt(f[5])));
            }
        }
        return out;
    }

    private static String repeated(String s) {
        return REP.matcher(s)
                .replaceAll(
                        m -> java.util.regex.Matcher.quoteReplacement(m.group(2).repeat(Integer.parseInt(m.group(1)))));
    }

    @Nested
    @OnH2gis
    class Embedded extends Battery {}

    @Nested
    @OnPostgis
    class Postgis extends Battery {}

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Battery {
        @LocalServerPort
        int port;

        @Autowired
        DataVersion version;

        Stream<Case> battery() throws Exception {
            return cases().stream();
        }

        @Test
        void theBatteryHasAtLeastFiftyHostileRequests() throws Exception {
            assertThat(cases().stream().filter(c -> c.expected() >= 400)).hasSizeGreaterThanOrEqualTo(50);
        }

        /** A forged Host header (or X-Forwarded-Host) never reaches a link: a shared cache would serve it to everyone. */
        @Test
        void linksNeverFollowTheHostHeader() throws Exception {
            for (String path : List.of("/ogc", "/ogc/collections/incidents/items?limit=1", "/tiles/basemap.json")) {
                String answer =
                        raw("GET " + path + " HTTP/1.1\r\nHost: evil.example\r\nX-Forwarded-Host: evil2.example\r\n"
                                + "Connection: close\r\n\r\n");
                assertThat(answer)
                        .as(path)
                        .startsWith("HTTP/1.1 200")
                        .contains("http://127.0.0.1:" + port + "/")
                        .doesNotContain("evil.example", "evil2.example");
            }
        }

        /** Health says UP or DOWN to anyone; the data path, disk sizes and errors are for operators. */
        @Test
        void healthShowsNoDetailsToAnonymousCallers() {
            Http.Response health = new Http(port).get("/actuator/health");
            assertThat(health.body())
                    .contains("\"status\":\"UP\"")
                    .doesNotContain("details", "path", "total", "free", "database", "Exception");
        }

        private String raw(String request) throws Exception {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                socket.setSoTimeout(60_000);
                socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            }
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("battery")
        void isRefusedCleanlyAndChangesNothing(Case c) {
            long before = version.current().version();
            List<String> headers = new ArrayList<>();
            if (!c.contentType().isEmpty()) {
                headers.addAll(List.of("Content-Type", c.contentType()));
            }
            if (c.auth().equals("good")) {
                // an editor's change carries If-Match (428 without it): * so that the row tests the body
                headers.addAll(List.of("Authorization", EDITOR_AUTH, "If-Match", "*"));
            } else if (c.auth().equals("good-without-if-match")) {
                headers.addAll(List.of("Authorization", EDITOR_AUTH));
            } else if (c.auth().equals("bad")) {
                headers.addAll(List.of("Authorization", "Bearer forged-" + EDITOR_TOKEN.substring(0, 8)));
            }
            Http.Response r = new Http(port)
                    .send(
                            c.method(),
                            c.path(),
                            c.body().isEmpty() && c.method().equals("GET") ? null : c.body(),
                            headers.toArray(String[]::new));
            assertThat(r.status()).as(c + " " + r.body()).isEqualTo(c.expected());
            if (c.expected() >= 400) {
                assertThat(r.contentType()).as(c.toString()).startsWith("application/problem+json");
            }
            assertThat(r.body())
                    .as(c.toString())
                    .doesNotContain(
                            "Exception",
                            "\tat ",
                            "jdbc:",
                            "SELECT ",
                            "org.h2",
                            "org.postgresql",
                            "org.geotools",
                            "org.apache",
                            "java.lang",
                            "java.time",
                            EDITOR_TOKEN);
            assertThat(version.current().version()).as("data unchanged by " + c).isEqualTo(before);
        }
    }
}
