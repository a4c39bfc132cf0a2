package org.conflictmap.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Editor accounts on both stores: sign-in with a session cookie and CSRF, rate-limited failures
 * without user enumeration, per-account tokens, disabling that ends sessions and tokens at once,
 * secrets never echoed or logged, and drafts, article texts and editors' names never shown to anonymous readers.
 */
class AccountsContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    static final String JSON = "application/json";

    @ExtendWith(OutputCaptureExtension.class)
    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        Accounts accounts;

        Http http() {
            return new Http(port);
        }

        static String unique(String prefix) {
            return prefix + UUID.randomUUID().toString().substring(0, 8);
        }

        /** A signed-in desk session: its cookie header and CSRF token. */
        record Session(String cookie, String csrf) {}

        Session signIn(String name, String password) {
            Http.Response r = http().send(
                            "POST",
                            "/api/session",
                            "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}",
                            "Content-Type",
                            JSON);
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            String setCookie = r.header("Set-Cookie");
            assertThat(setCookie).contains("HttpOnly").contains("SameSite=Lax");
            return new Session(
                    setCookie.substring(0, setCookie.indexOf(';')),
                    r.json().get("csrf").asString());
        }

        Http.Response post(Session s, String path, String body) {
            return http().send(
                            "POST", path, body, "Content-Type", JSON, "Cookie", s.cookie(), "X-CSRF-Token", s.csrf());
        }

        @Test
        void anAdminAddsAnEditorWhoWritesWithSessionAndCsrfAndIsNamedInHistory(CapturedOutput output) {
            String admin = unique("admin-");
            String adminPassword = "admin-pass-" + UUID.randomUUID();
            accounts.create(admin, Account.ADMIN, adminPassword);
            Session s = signIn(admin, adminPassword);
            assertThat(http().get("/api/session", "Cookie", s.cookie())
                            .json()
                            .get("name")
                            .asString())
                    .isEqualTo(admin);

            String editor = unique("ed-");
            String editorPassword = "editor-pass-" + UUID.randomUUID();
            String body =
                    "{\"name\": \"" + editor + "\", \"role\": \"editor\", \"password\": \"" + editorPassword + "\"}";
            Http.Response noCsrf =
                    http().send("POST", "/api/accounts", body, "Content-Type", JSON, "Cookie", s.cookie());
            assertThat(noCsrf.status()).isEqualTo(403);
            assertThat(noCsrf.contentType()).startsWith("application/problem+json");
            assertThat(noCsrf.body()).contains("CSRF");
            Http.Response wrongCsrf = http().send(
                            "POST",
                            "/api/accounts",
                            body,
                            "Content-Type",
                            JSON,
                            "Cookie",
                            s.cookie(),
                            "X-CSRF-Token",
                            "forged");
            assertThat(wrongCsrf.status()).isEqualTo(403);
            assertThat(accounts.find(editor)).isEmpty();
            Http.Response created = post(s, "/api/accounts", body);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.body()).doesNotContain(editorPassword).doesNotContain("$2a$");

            Session e = signIn(editor, editorPassword);
            Http.Response forbidden =
                    post(e, "/api/accounts", "{\"name\": \"x" + editor + "\", \"password\": \"long enough pass\"}");
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.contentType()).startsWith("application/problem+json");

            String id = unique("desk-2031-");
            Http.Response draft = post(e, "/api/incidents", draft(id, "Desk session draft " + id));
            assertThat(draft.status()).as(draft.body()).isEqualTo(201);
            JsonNode history = http().get("/api/incidents/" + id + "/history", "Cookie", e.cookie())
                    .json();
            assertThat(history.get("history").get(0).get("editor").asString()).isEqualTo(editor);

            Http.Response out = http().send(
                            "DELETE", "/api/session", (String) null, "Cookie", e.cookie(), "X-CSRF-Token", e.csrf());
            assertThat(out.status()).isEqualTo(204);
            assertThat(http().get("/api/session", "Cookie", e.cookie())
                            .json()
                            .get("signed_in")
                            .asBoolean())
                    .isFalse();
            assertThat(output.getAll()).doesNotContain(adminPassword, editorPassword, s.csrf());
        }

        @Test
        void wrongPasswordsAreRateLimitedPerAccountWithoutTellingWhichNamesExist() {
            String name = unique("lim-");
            String password = "right-pass-" + UUID.randomUUID();
            accounts.create(name, Account.EDITOR, password);
            Http.Response unknown = http().send(
                            "POST",
                            "/api/session",
                            "{\"name\": \"" + unique("nobody-") + "\", \"password\": \"whatever-pass\"}",
                            "Content-Type",
                            JSON);
            Http.Response wrong = http().send(
                            "POST",
                            "/api/session",
                            "{\"name\": \"" + name + "\", \"password\": \"whatever-pass\"}",
                            "Content-Type",
                            JSON);
            assertThat(unknown.status()).isEqualTo(401);
            assertThat(wrong.status()).isEqualTo(401);
            assertThat(unknown.json().get("detail")).isEqualTo(wrong.json().get("detail"));
            for (int k = 1; k < 5; k++) {
                assertThat(http().send(
                                        "POST",
                                        "/api/session",
                                        "{\"name\": \"" + name + "\", \"password\": \"guess-" + k + "\"}",
                                        "Content-Type",
                                        JSON)
                                .status())
                        .isEqualTo(401);
            }
            Http.Response limited = http().send(
                            "POST",
                            "/api/session",
                            "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}",
                            "Content-Type",
                            JSON);
            assertThat(limited.status())
                    .as("the right password after 5 wrong ones")
                    .isEqualTo(429);
            assertThat(limited.contentType()).startsWith("application/problem+json");
            assertThat(limited.header("Set-Cookie")).isNull();
        }

        @Test
        void disablingAnEditorEndsTheirSessionAndTokensAtOnce(CapturedOutput output) {
            String name = unique("dis-");
            String password = "dis-pass-" + UUID.randomUUID();
            accounts.create(name, Account.EDITOR, password);
            Session s = signIn(name, password);
            Http.Response t = post(s, "/api/tokens", "{\"label\": \"script\"}");
            assertThat(t.status()).as(t.body()).isEqualTo(201);
            String token = t.json().get("token").asString();
            String bearer = "Bearer " + token;
            assertThat(http().get("/api/tokens", "Authorization", bearer).body())
                    .doesNotContain(token)
                    .contains("script");
            String id = unique("tok-2031-");
            assertThat(http().send(
                                    "POST",
                                    "/api/incidents",
                                    draft(id, "Token draft " + id),
                                    "Content-Type",
                                    JSON,
                                    "Authorization",
                                    bearer)
                            .status())
                    .isEqualTo(201);
            assertThat(http().get("/api/tokens", "Authorization", bearer)
                            .json()
                            .get(0)
                            .get("last_used_at")
                            .isNull())
                    .isFalse();

            accounts.setDisabled(name, true);
            assertThat(http().get("/api/session", "Cookie", s.cookie())
                            .json()
                            .get("signed_in")
                            .asBoolean())
                    .isFalse();
            assertThat(http().send(
                                    "PATCH",
                                    "/api/incidents/" + id,
                                    "{\"title\": \"after disable\"}",
                                    "Content-Type",
                                    JSON,
                                    "Authorization",
                                    bearer)
                            .status())
                    .isEqualTo(401);
            assertThat(http().send(
                                    "POST",
                                    "/api/session",
                                    "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}",
                                    "Content-Type",
                                    JSON)
                            .status())
                    .isEqualTo(401);
            accounts.setDisabled(name, false);
            Session again = signIn(name, password);
            Http.Response revoked = http().send(
                            "DELETE",
                            "/api/tokens/" + t.json().get("id").asString(),
                            (String) null,
                            "Cookie",
                            again.cookie(),
                            "X-CSRF-Token",
                            again.csrf());
            assertThat(revoked.status()).isEqualTo(204);
            assertThat(http().get("/api/tokens", "Authorization", bearer).status())
                    .isEqualTo(401);
            assertThat(output.getAll()).doesNotContain(token, password);
        }

        @Test
        void draftsArticleTextsAndEditorNamesAreNeverShownToAnonymousReaders() {
            String id = unique("anon-2031-");
            String title = "Secret draft " + id;
            assertThat(http().send(
                                    "POST",
                                    "/api/incidents",
                                    draft(id, title),
                                    "Content-Type",
                                    JSON,
                                    "Authorization",
                                    EDITOR_AUTH)
                            .status())
                    .isEqualTo(201);
            Http.Response article = http().send(
                            "POST",
                            "/api/articles",
                            "{\"text\": \"Unpublished article text " + id
                                    + ": shelling in Khost on 3 March 2031 killed two people, police said.\", \"outlet\": \"Test Wire\"}",
                            "Content-Type",
                            JSON,
                            "Authorization",
                            EDITOR_AUTH);
            assertThat(article.status()).as(article.body()).isIn(200, 201);
            String articleId = article.json().get("article").asString();

            assertThat(http().get("/api/incidents/" + id).status()).isEqualTo(404);
            assertThat(http().get("/api/incidents/" + id + "/history").status()).isEqualTo(404);
            assertThat(http().get("/api/incidents?status=draft").status()).isEqualTo(401);
            assertThat(http().get("/api/drafts").status()).isEqualTo(401);
            assertThat(http().get("/api/articles/" + articleId).status()).isEqualTo(401);
            for (String path : new String[] {
                "/api/incidents?limit=100000",
                "/api/incidents?view=map&limit=100000",
                "/ogc/collections/incidents/items?limit=10000",
                "/api/export/incidents.csv",
                "/api/export/incidents.geojson",
                "/api/export/incidents.kml",
                "/tiles/incidents/12/2843/1645.mvt"
            }) {
                Http.Response r = http().get(path);
                assertThat(r.status()).as(path).isIn(200, 204);
                assertThat(new String(r.bytes(), StandardCharsets.ISO_8859_1))
                        .as(path)
                        .doesNotContain(id)
                        .doesNotContain("Unpublished article text");
            }
            Http.Response published = http().send(
                            "PATCH",
                            "/api/incidents/" + id,
                            "{\"status\": \"published\"}",
                            "Content-Type",
                            JSON,
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            "*");
            assertThat(published.status()).isEqualTo(200);
            JsonNode history =
                    http().get("/api/incidents/" + id + "/history").json().get("history");
            assertThat(history).isNotEmpty();
            history.forEach(h -> assertThat(h.has("editor"))
                    .as("editor name shown anonymously")
                    .isFalse());
            assertThat(http().get("/api/incidents/" + id + "/history", "Authorization", EDITOR_AUTH)
                            .json()
                            .get("history")
                            .get(0)
                            .get("editor")
                            .asString())
                    .isEqualTo("test-editor");
        }

        @Test
        void refusalsAreProblemJsonNeverSpringSecurityPages() {
            Http.Response bad = http().send("POST", "/api/session", "{\"name\": \"\"}", "Content-Type", JSON);
            assertThat(bad.status()).isEqualTo(400);
            assertThat(bad.contentType()).startsWith("application/problem+json");
            Http.Response admin = http().get("/api/accounts", "Authorization", EDITOR_AUTH);
            assertThat(admin.status()).isEqualTo(403);
            assertThat(admin.contentType()).startsWith("application/problem+json");
            Http.Response anon = http().get("/api/accounts");
            assertThat(anon.status()).isEqualTo(401);
            assertThat(anon.contentType()).startsWith("application/problem+json");
            assertThat(http().get("/login").status()).isEqualTo(404);
            assertThat(http().get("/api/session").header("Set-Cookie"))
                    .as("no session for anonymous readers")
                    .isNull();
        }

        static String draft(String id, String title) {
            return "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\": [69.92, 33.34]}, \"properties\": {"
                    + "\"id\": \"" + id + "\", \"title\": \"" + title
                    + "\", \"type\": \"shelling\", \"status\": \"draft\", "
                    + "\"occurred\": {\"start\": \"2031-03-03\", \"end\": \"2031-03-03\", \"precision\": \"day\"}, "
                    + "\"geo_precision\": \"exact\", \"claims\": [], \"sources\": []}}";
        }
    }
}
