package org.conflictmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;
import static org.conflictmap.TestStores.EDITOR_TOKEN;

import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Editor tokens never reach logs or answers; other origins may read but never write. */
@OnH2gis
@ExtendWith(OutputCaptureExtension.class)
class SecretsAndCorsTest {
    @LocalServerPort
    int port;

    @Test
    void tokensAreNeverLoggedNorEchoed(CapturedOutput output) {
        Http http = new Http(port);
        String forged = "Bearer forged-secret-" + EDITOR_TOKEN.substring(5, 15);
        Http.Response refused =
                http.send("POST", "/api/incidents", "{}", "Content-Type", "application/json", "Authorization", forged);
        Http.Response accepted = http.send(
                "POST",
                "/api/incidents",
                "{\"title\": \"",
                "Content-Type",
                "application/json",
                "Authorization",
                EDITOR_AUTH);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(accepted.status()).isEqualTo(400);
        for (Http.Response r : new Http.Response[] {refused, accepted}) {
            assertThat(r.body()).doesNotContain(EDITOR_TOKEN, "forged-secret");
            r.headers().map().values().forEach(v -> assertThat(v.toString()).doesNotContain(EDITOR_TOKEN));
        }
        assertThat(output.getAll()).doesNotContain(EDITOR_TOKEN, "forged-secret");
    }

    @Test
    void anyOriginReadsNoOriginWrites() {
        Http http = new Http(port);
        Http.Response read = http.get("/api/incidents?limit=1", "Origin", "https://news.example.org");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo("*");
        Http.Response preflight = http.send(
                "OPTIONS",
                "/api/incidents",
                (String) null,
                "Origin",
                "https://evil.example",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization,content-type");
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.contentType()).startsWith("application/problem+json");
        Http.Response write = http.send(
                "POST",
                "/api/incidents",
                "{}",
                "Origin",
                "https://evil.example",
                "Content-Type",
                "application/json",
                "Authorization",
                EDITOR_AUTH);
        assertThat(write.status()).isEqualTo(403);
        assertThat(write.contentType()).startsWith("application/problem+json");
        assertThat(write.body()).contains("\"status\":403").doesNotContain("Invalid CORS request");
        Http.Response tiles = http.send(
                "OPTIONS",
                "/tiles/basemap/5/21/12.png",
                (String) null,
                "Origin",
                "https://news.example.org",
                "Access-Control-Request-Method",
                "GET");
        assertThat(tiles.header("Access-Control-Allow-Origin")).isEqualTo("*");
    }
}
