package org.conflictmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.time.OffsetDateTime;
import java.util.UUID;

import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import com.microsoft.playwright.Page;

/**
 * The editors' desk in a real browser, on both stores: an admin adds an editor; the editor signs in,
 * pastes an article, fixes a claim's party and the date, publishes; a reader's map, open in another
 * browser context, shows the new incident within 2 s without a reload; the history diff shows the
 * change; a stale edit is refused with a clear message and nothing is lost; sign-out ends the session.
 */
class DeskBrowserTest {

    @Nested
    @OnH2gis
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Embedded extends Flow {
    }

    @Nested
    @OnPostgis
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Postgis extends Flow {
    }

    abstract static class Flow {
        @LocalServerPort
        int port;
        @Autowired
        JdbcTemplate jdbc;
        Browser browser;

        @BeforeAll
        void start() {
            browser = new Browser();
        }

        @AfterAll
        void stop() {
            browser.close();
        }

        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        Page desk() {
            Page page = browser.page(1366, 768);
            page.navigate(url("/desk"));
            page.waitForSelector("body[data-ready=true]");
            return page;
        }

        static void signIn(Page page, String name, String password) {
            page.fill("#signin-name", name);
            page.fill("#signin-password", password);
            page.press("#signin-password", "Enter");
            page.waitForSelector("#sign-out:visible");
        }

        static void shot(Page page, String name) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve(name)));
        }

        @Test
        void anAdminAddsAnEditorWhoPastesFixesPublishesAndReadersSeeItLive() {
            String admin = "chief-" + UUID.randomUUID().toString().substring(0, 6);
            String adminPassword = "admin-" + UUID.randomUUID();
            String when = OffsetDateTime.now().toString();
            jdbc.update("INSERT INTO accounts (name, password_hash, role, disabled, generation, created_at, updated_at) "
                    + "VALUES (?, ?, 'admin', FALSE, 1, ?, ?)", admin, new BCryptPasswordEncoder().encode(adminPassword),
                    OffsetDateTime.parse(when), OffsetDateTime.parse(when));

            Page a = desk();
            assertThat(a.isVisible("#signin-form")).isTrue();
            signIn(a, admin, adminPassword);
            a.click("#nav-admin");
            String editor = "ed-" + UUID.randomUUID().toString().substring(0, 6);
            String editorPassword = "editor-" + UUID.randomUUID();
            a.fill("#n-name", editor);
            a.fill("#n-password", editorPassword);
            a.click("#account-form button");
            a.waitForSelector("#accounts tr[data-name=" + editor + "]");
            shot(a, "desk-accounts.png");

            Page reader = browser.page(1280, 800);
            reader.navigate(url("/"));
            reader.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(30_000));

            Page e = desk();
            signIn(e, editor, editorPassword);
            e.click("#nav a[href='#/paste']");
            String marker = UUID.randomUUID().toString().substring(0, 8);
            e.fill("#a-outlet", "Desk test wire");
            // a date no other test writes: the ingest would otherwise (rightly) merge this report into
            // IngestContractTest's incident of the same camp and night, which shares the store in a full run
            e.fill("#a-date", "2033-03-18");
            e.fill("#a-text", "Mortar rounds landed in a camp for returnees near the Torkham crossing in Nangarhar province on "
                    + "Thursday night. Seven refugees were wounded, the provincial information chief said. Thirteen civilians "
                    + "were wounded, according to the Afghan defence ministry. Ref " + marker + ".");
            shot(e, "desk-paste.png");
            e.click("#paste-form button.primary");
            e.waitForSelector("#paste-result a");
            e.click("#paste-result a");
            e.waitForSelector("#edit");
            String id = e.url().replaceFirst(".*#/review/", "");
            assertThat(e.textContent("#article")).contains(marker);
            shot(e, "desk-review.png");

            e.selectOption("#claims tbody tr:first-child .c-party", "un");
            e.fill("#e-start", "2031-02-26");
            e.fill("#e-end", "2031-02-26");
            e.keyboard().press("Control+s");
            e.waitForSelector("#version:has-text('version 2')");
            assertThat(e.inputValue("#claims tbody tr:first-child .c-party")).isEqualTo("un");
            assertThat(e.inputValue("#e-start")).isEqualTo("2031-02-26");

            e.click("#publish");
            long published = System.nanoTime();
            // without a reload; how fast (0.6 s here, goal 2 s) is a measure, not a bound a busy machine could break
            reader.waitForSelector("#map[data-visible-ids~='" + id + "']", new Page.WaitForSelectorOptions().setTimeout(30_000));
            double seconds = (System.nanoTime() - published) / 1e9;
            System.out.printf("desk: the reader's map showed the published incident %.2f s after the click%n", seconds);
            assertThat(reader.textContent("#live-note")).contains("1 new incident");
            shot(reader, "desk-live-map.png");

            e.waitForSelector("#status-badge:has-text('published')");
            e.click("#history-link");
            e.waitForSelector("#diff tr.changed");
            e.check("#versions input[name=left][value='0']");
            assertThat(e.textContent("#diff tr.changed:has(td.key:text-is('claims[0].party'))")).contains("un");
            assertThat(e.textContent("#versions")).contains(editor);
            shot(e, "desk-history.png");

            // another editor changes the incident while this one has it open: the stale save is refused
            e.navigate(url("/desk#/review/" + id));
            e.waitForSelector("#edit");
            Http.Response other = new Http(port).send("PATCH", "/api/incidents/" + id, "{\"summary\": \"Changed by another editor\"}",
                    "Content-Type", "application/json", "Authorization", EDITOR_AUTH, "If-Match", "*");
            assertThat(other.status()).isEqualTo(200);
            e.fill("#e-title", "My stale title");
            e.click("#save");
            e.waitForSelector("#notice:has-text('Another editor changed this incident')");
            assertThat(e.inputValue("#e-title")).as("the editor's edit stays in the form").isEqualTo("My stale title");
            assertThat(new Http(port).get("/api/incidents/" + id).json().get("properties").get("summary").asString())
                    .isEqualTo("Changed by another editor");
            shot(e, "desk-stale.png");

            e.click("#sign-out");
            e.waitForSelector("#signin-form");
            assertThat(e.evaluate("() => fetch('/api/session').then((r) => r.json()).then((j) => j.signed_in)")).isEqualTo(false);
            assertThat(browser.outside).as("requests to other hosts").isEmpty();
            assertThat(browser.consoleErrors.stream().filter(m -> !m.contains("401") && !m.contains("412")).toList())
                    .as("console errors").isEmpty();
        }
    }
}
