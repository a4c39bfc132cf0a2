package org.conflictmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import tools.jackson.databind.JsonNode;

/**
 * The editors' desk in a real browser, on both stores: an admin adds an editor; the editor signs in,
 * pastes an article, fixes a claim's party and the date, publishes; a reader's map, open in another
 * browser context, shows the new incident within 2 s without a reload; the history diff shows the
 * change; a stale edit is refused with a clear message and nothing is lost; sign-out ends the session.
 * Two editors on one draft see each other (queue and review); the queue filters by editor; the geometry
 * becomes a border segment, a point drawn with the mouse, an area typed; a claim moves to another incident.
 */
class DeskBrowserTest {

    @Nested
    @OnH2gis
    class Embedded extends Flow {}

    @Nested
    @OnPostgis
    class Postgis extends Flow {}

    abstract static class Flow extends BrowserTest {
        @LocalServerPort
        int port;

        @Autowired
        JdbcTemplate jdbc;

        /** The desk's refused sign-in (401) and stale edit (412) are logged by the browser, on purpose. */
        @Override
        boolean provoked(String consoleError) {
            return consoleError.contains("401") || consoleError.contains("412");
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

        /** Waits until the review map's basemap tiles have all loaded (for the screenshots). */
        static void tilesLoaded(Page page) {
            // polled with evaluate: the desk's Content-Security-Policy refuses waitForFunction's string evaluation
            for (int k = 0; k < 300; k++) {
                if (Boolean.TRUE.equals(
                        page.evaluate(
                                "() => { const t = document.querySelectorAll('#geo-map .leaflet-tile'); "
                                        + "return t.length > 0 && [...t].every((x) => x.classList.contains('leaflet-tile-loaded')); }"))) {
                    return;
                }
                page.waitForTimeout(100);
            }
        }

        static void shot(Page page, String name) {
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve(name)));
        }

        /** The desk with a new editor of that name signed in. */
        Page signedInEditor(String name) {
            account(name, "editor", name + "-password");
            Page page = desk();
            signIn(page, name, name + "-password");
            return page;
        }

        /** An account written straight into the store (the admin flow is the other test's). */
        void account(String name, String role, String password) {
            OffsetDateTime when = OffsetDateTime.now();
            jdbc.update(
                    "INSERT INTO accounts (name, password_hash, role, disabled, generation, created_at, updated_at) "
                            + "VALUES (?, ?, ?, FALSE, 1, ?, ?)",
                    name,
                    new BCryptPasswordEncoder().encode(password),
                    role,
                    when,
                    when);
        }

        String draft(String id, String title, String claims) {
            return incident(id, title, "draft", "[]", claims);
        }

        String incident(String id, String title, String status, String tags, String claims) {
            Http.Response r = new Http(port)
                    .send(
                            "POST",
                            "/api/incidents",
                            """
                    {"id": "%s", "title": "%s", "type": "shelling", "status": "%s", "tags": %s,
                     "occurred": {"start": "2033-05-14", "end": "2033-05-14", "precision": "day"}, "places": ["af-province-khost"],
                     "sources": [{"id": "S1", "outlet": "Desk geometry wire", "published": "2033-05-15"}],
                     "claims": [%s]}
                    """.formatted(id, title, status, tags, claims),
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH);
            assertThat(r.status()).as(r.body()).isEqualTo(201);
            return id;
        }

        JsonNode stored(String id) {
            return new Http(port)
                    .get("/api/incidents/" + id, "Authorization", EDITOR_AUTH)
                    .json();
        }

        /**
         * D7 (docs/QA.md): the desk shows an incident's days in its own zone. A Pakistani October (from
         * 00:00+05:00 on 1 October, 19:00Z on 30 September) showed "2025-09-30" in the queue and the form,
         * its Afghan-time day; a day picked for it is a Pakistani day.
         */
        @Test
        void theDeskShowsAPakistaniIncidentInPakistaniDays() {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            account("pk-" + tag, "editor", "pk-" + tag + "-password");
            String id = "desk-pk-month-" + tag;
            Http.Response r = new Http(port)
                    .send(
                            "POST",
                            "/api/incidents",
                            """
                    {"id": "%s", "title": "Shelling in Khyber Pakhtunkhwa %s", "type": "shelling", "status": "draft",
                     "occurred": {"start": "2025-10-01T00:00:00+05:00", "end": "2025-10-31T23:59:59+05:00", "precision": "month"},
                     "places": ["pk-province-khyber-pakhtunkhwa"],
                     "sources": [{"id": "S1", "outlet": "Desk zone wire", "published": "2025-11-02"}], "claims": []}
                    """.formatted(id, tag),
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH);
            assertThat(r.status()).as(r.body()).isEqualTo(201);

            Page e = desk();
            signIn(e, "pk-" + tag, "pk-" + tag + "-password");
            e.navigate(url("/desk#/queue"));
            String row = "#queue tr[data-id='" + id + "']";
            e.waitForSelector(row);
            assertThat(e.textContent(row + " td:nth-child(4)")).isEqualTo("2025-10-01 – 2025-10-31");
            e.fill("#f-from", "2025-10-01");
            e.waitForSelector(row);
            e.fill("#f-from", "");

            e.navigate(url("/desk#/review/" + id));
            e.waitForSelector("#edit");
            assertThat(e.inputValue("#e-start")).isEqualTo("2025-10-01");
            assertThat(e.inputValue("#e-end")).isEqualTo("2025-10-31");
            assertThat(e.textContent("label[for=e-start]")).contains("Pakistan time");
            e.fill("#e-end", "2025-10-30");
            e.keyboard().press("Control+s");
            e.waitForSelector("#version:has-text('version 2')");
            JsonNode occurred = stored(id).get("properties").get("occurred");
            assertThat(Instant.parse(occurred.get("start").asString()))
                    .isEqualTo(Instant.parse("2025-09-30T19:00:00Z"));
            assertThat(Instant.parse(occurred.get("end").asString()))
                    .as("the last day picked, to its end in Pakistan time")
                    .isEqualTo(Instant.parse("2025-10-30T18:59:59Z"));
            assertThat(e.inputValue("#e-end")).isEqualTo("2025-10-30");
        }

        /**
         * Issue 19: the desk shows each claim's statement and saves the editor's edit of it, and names the places of
         * the Places field (name, kind and province, as the reader's map names them) while the field keeps their ids.
         */
        @Test
        void theDeskShowsAndEditsAClaimsStatementAndNamesThePlaces() {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            String id = draft(
                    "desk-statement-" + tag,
                    "Statement draft " + tag,
                    "{\"claimant\": \"Police\", \"party\": \"local_official\", \"side\": \"civilians\", \"killed\": 2, "
                            + "\"statement\": \"Two civilians were killed, police said.\", \"sources\": [\"S1\"]}");
            Page e = signedInEditor("st-" + tag);
            e.navigate(url("/desk#/review/" + id));
            e.waitForSelector("#edit");
            String statement = "#claims tbody tr:nth-child(1) .c-statement";
            assertThat(e.inputValue(statement)).isEqualTo("Two civilians were killed, police said.");
            e.waitForSelector("#e-place-names li[data-id='af-province-khost']:has-text('Khost'):has-text('province')");

            String zurmat = "district-af-adm2-17698898b98040886120926";
            e.fill("#e-places", "af-province-khost, " + zurmat);
            e.dispatchEvent("#e-places", "change");
            e.waitForSelector("#e-place-names li[data-id='" + zurmat + "']:has-text('Zurmat'):has-text('district')");
            assertThat(e.textContent("#e-place-names li[data-id='" + zurmat + "']"))
                    .contains("Pakti")
                    .contains(zurmat);
            assertThat(e.inputValue("#e-places")).isEqualTo("af-province-khost, " + zurmat);

            e.fill(statement, "Two civilians were killed in the shelling, the district police chief said.");
            e.keyboard().press("Control+s");
            e.waitForSelector("#version:has-text('version 2')");
            // "Saved." stands above the review: the Save/Publish bar stays on the 768-px screen with it
            e.waitForSelector("#notice.ok:has-text('Saved.')");
            for (String button : List.of("#save", "#publish")) {
                var box = e.locator(button).boundingBox();
                assertThat(box.y + box.height)
                        .as(button + "'s bottom on a 768-px screen")
                        .isLessThanOrEqualTo(768);
            }
            JsonNode saved = stored(id).get("properties");
            assertThat(saved.get("claims").get(0).get("statement").asString())
                    .isEqualTo("Two civilians were killed in the shelling, the district police chief said.");
            assertThat(saved.get("places").toString()).contains(zurmat);
        }

        /**
         * A merge keeps the draft made first, whichever row is higher in the queue (newest first: a draft split
         * off a minute ago used to swallow the one it came from, and the edits lived on under the new id), and
         * the button says which goes into which; the merge's and the split's notices outlive the view they open
         * (they were cleared by the hashchange they caused, so the editor never saw what happened).
         */
        @Test
        void aMergeKeepsTheOlderDraftAndTheDeskSaysWhatAMergeAndASplitDid() {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            String older = draft(
                    "desk-older-" + tag,
                    "Older draft " + tag,
                    "{\"claimant\": \"Police\", \"party\": \"local_official\", \"side\": \"civilians\", \"killed\": 2, \"sources\": [\"S1\"]}");
            String newer = draft(
                    "desk-newer-" + tag,
                    "Newer draft " + tag,
                    "{\"claimant\": \"Army\", \"party\": \"pk_government\", \"side\": \"af_forces\", \"killed\": 5, \"sources\": [\"S1\"]}");
            Page e = signedInEditor("mg-" + tag);
            e.navigate(url("/desk#/queue"));
            e.waitForSelector("#queue tr[data-id='" + older + "']");
            e.check("#queue tr[data-id='" + newer + "'] .pick");
            e.check("#queue tr[data-id='" + older + "'] .pick");
            assertThat(e.textContent("#merge-selected"))
                    .isEqualTo("Merge “Newer draft " + tag + "” into “Older draft " + tag + "”");
            e.click("#merge-selected");
            e.waitForSelector("#notice:has-text('Merged')");
            e.waitForSelector("#edit");
            assertThat(e.url()).endsWith("#/review/" + older);
            assertThat(e.textContent("#notice")).contains("into “Older draft " + tag + "”");
            assertThat(stored(older).get("properties").get("claims")).hasSize(2);
            assertThat(new Http(port)
                            .get("/api/incidents/" + newer, "Authorization", EDITOR_AUTH)
                            .status())
                    .isEqualTo(404);

            e.check("#claims tbody tr:nth-child(2) .split-pick");
            e.click("#split");
            e.waitForSelector("#notice:has-text('Split: 1 claim')");
            e.waitForSelector("#edit");
            assertThat(e.url()).doesNotEndWith("#/review/" + older);
            assertThat(e.textContent("#notice")).contains("“Older draft " + tag + "” keeps the others");
            assertThat(stored(older).get("properties").get("claims")).hasSize(1);
        }

        /**
         * The ingest's draft of a published incident's event (tag {@code amends:<id>}) is accepted at the desk: its
         * review names the published incident and adds the draft to it (a merge into it; the desk had no way but
         * the API), the published incident gains the claim and loses no tag but the link, and the draft is gone.
         */
        @Test
        void anAmendmentIsAddedToThePublishedIncident() {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            String published = incident(
                    "desk-published-" + tag,
                    "Published shelling " + tag,
                    "published",
                    "[\"border\"]",
                    "{\"claimant\": \"Police\", \"party\": \"local_official\", \"side\": \"civilians\", \"killed\": 2, \"sources\": [\"S1\"]}");
            String amendment = incident(
                    "desk-amendment-" + tag,
                    "Amendment to " + published + ": Shelling " + tag,
                    "draft",
                    "[\"ingest\", \"amends:" + published + "\"]",
                    "{\"claimant\": \"Army\", \"party\": \"pk_government\", \"side\": \"af_forces\", \"killed\": 5, \"sources\": [\"S1\"]}");
            Page e = signedInEditor("am-" + tag);
            e.navigate(url("/desk#/review/" + amendment));
            e.waitForSelector("#amends:has-text('" + published + "')");
            e.click("#accept-amendment");
            e.waitForSelector("#notice:has-text('Added to the published incident')");
            e.waitForSelector("#edit:has(#status-badge:has-text('published'))");
            assertThat(e.url()).endsWith("#/review/" + published);
            assertThat(e.locator("#amends").count()).isZero();
            JsonNode p =
                    new Http(port).get("/api/incidents/" + published).json().get("properties");
            assertThat(p.get("claims")).hasSize(2);
            assertThat(p.get("status").asString()).isEqualTo("published");
            assertThat(p.get("tags").toString()).contains("border").doesNotContain("amends:");
            assertThat(new Http(port)
                            .get("/api/incidents/" + amendment, "Authorization", EDITOR_AUTH)
                            .status())
                    .isEqualTo(404);
        }

        /**
         * Two editors on one draft: each sees the other (queue and review), one filters the queue by editor, sets
         * the geometry to a border segment, then to a point drawn on the map, types a point, and moves a claim to
         * another incident found by search.
         */
        @Test
        void editorsSeeEachOtherEditTheGeometryAndMoveAClaim() {
            String tag = UUID.randomUUID().toString().substring(0, 6);
            String first = "ada-" + tag;
            String second = "bo-" + tag;
            account(first, "editor", "first-" + tag + "-password");
            account(second, "editor", "second-" + tag + "-password");
            String id = draft(
                    "desk-geo-" + tag,
                    "Shelling along the Khost border " + tag,
                    "{\"claimant\": \"Police\", \"party\": \"local_official\", \"side\": \"civilians\", \"killed\": 2, \"sources\": [\"S1\"]},"
                            + "{\"claimant\": \"Army\", \"party\": \"pk_government\", \"side\": \"af_forces\", \"killed\": 5, \"sources\": [\"S1\"]}");
            String target = draft(
                    "desk-target-" + tag,
                    "Target incident " + tag,
                    "{\"claimant\": \"Elders\", \"party\": \"local_official\", \"side\": \"civilians\", \"wounded\": 3, \"sources\": [\"S1\"]}");

            Page a = desk();
            signIn(a, first, "first-" + tag + "-password");
            a.navigate(url("/desk#/review/" + id));
            a.waitForSelector("#edit");
            // a one-day incident given as plain dates (a UTC day) shows that day at both ends, not "To 05/15/2033"
            assertThat(a.inputValue("#e-start")).isEqualTo("2033-05-14");
            assertThat(a.inputValue("#e-end")).isEqualTo("2033-05-14");
            Page b = desk();
            signIn(b, second, "second-" + tag + "-password");
            b.waitForSelector("#queue tr[data-id='" + id + "'] .open-by:has-text('" + first + " since')");
            b.selectOption("#f-editor", "test-editor");
            b.waitForSelector("#queue tr[data-id='" + id + "']");
            b.selectOption("#f-editor", "");
            b.fill("#f-outlet", "Desk geometry wire");
            b.waitForSelector("#queue tr[data-id='" + target + "']");
            shot(b, "desk-queue.png");
            b.click("#queue tr[data-id='" + id + "'] a");
            b.waitForSelector("#presence:visible");
            assertThat(b.textContent("#presence")).contains(first + " is editing this since");
            shot(b, "desk-softlock.png");
            a.waitForSelector(
                    "#presence:has-text('" + second + " is editing this since')",
                    new Page.WaitForSelectorOptions().setTimeout(60_000));
            b.click("#nav a[href='#/queue']");
            b.waitForSelector("#queue");

            // a border segment of the province in Places, saved with If-Match
            a.focus("#g-border");
            a.keyboard().press("Enter");
            a.waitForSelector("#g-status:has-text('Durand Line')");
            tilesLoaded(a);
            assertThat(a.inputValue("#e-geo")).isEqualTo("border_segment");
            shot(a, "desk-geometry.png");
            a.keyboard().press("Control+s");
            a.waitForSelector("#version:has-text('version 2')");
            JsonNode segment = stored(id);
            assertThat(segment.get("geometry").get("type").asString()).isIn("Polygon", "MultiPolygon");
            assertThat(segment.get("properties").get("geo_precision").asString())
                    .isEqualTo("border_segment");
            assertThat(segment.get("properties").get("places").toString()).contains("border-durand-line");

            // a point drawn with the mouse
            a.waitForSelector("#geo-map.leaflet-container");
            a.click("#g-point");
            a.click("#geo-map", new Page.ClickOptions().setPosition(120, 100));
            a.waitForSelector("#g-status:has-text('a point drawn')");
            a.click("#save");
            a.waitForSelector("#version:has-text('version 3')");
            JsonNode point = stored(id);
            assertThat(point.get("geometry").get("type").asString()).isEqualTo("Point");
            assertThat(point.get("properties").get("geo_precision").asString()).isEqualTo("exact");

            // an area typed with the keyboard
            a.focus("#g-latlon");
            a.keyboard().type("33.30, 69.90; 33.40, 70.00; 33.30, 70.10");
            a.keyboard().press("Enter");
            a.waitForSelector("#g-status:has-text('an area of 3 corners')");
            a.keyboard().press("Control+s");
            a.waitForSelector("#version:has-text('version 4')");
            assertThat(stored(id).get("geometry").get("type").asString()).isEqualTo("Polygon");

            // the queue by editor: the draft the first editor changed, not the one only test-editor wrote
            b.navigate(url("/desk#/paste"));
            b.click("#nav a[href='#/queue']");
            b.waitForSelector(
                    "#f-editor option[value='" + first + "']",
                    new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED));
            b.selectOption("#f-editor", first);
            b.waitForSelector("#queue tr[data-id='" + id + "']");
            assertThat(b.locator("#queue tr[data-id='" + target + "']").count()).isZero();
            assertThat(b.textContent("#queue tr[data-id='" + id + "']")).contains(first + " (made by test-editor)");

            // the second claim moves to the other incident, found by search
            a.click("#claims tbody tr:nth-child(2) .c-move");
            a.waitForSelector("#move-panel:visible");
            a.keyboard().type("Target incident " + tag);
            a.waitForSelector("#move-hits .move-to");
            shot(a, "desk-move.png");
            a.focus("#move-hits .move-to");
            a.keyboard().press("Enter");
            a.waitForSelector("#version:has-text('version 5')");
            assertThat(a.locator("#claims tbody tr").count()).isEqualTo(1);
            JsonNode moved = stored(target);
            assertThat(moved.get("properties").get("claims")).hasSize(2);
            assertThat(moved.get("properties")
                            .get("claims")
                            .get(1)
                            .get("claimant")
                            .asString())
                    .isEqualTo("Army");
            JsonNode history = new Http(port)
                    .get("/api/incidents/" + target + "/history", "Authorization", EDITOR_AUTH)
                    .json()
                    .get("history");
            assertThat(history.get(history.size() - 1).get("editor").asString()).isEqualTo(first);
            assertThat(history.get(history.size() - 1).get("change").get("from").asString())
                    .isEqualTo(id);
            assertThat(stored(id).get("properties").get("occurred").get("end").asString())
                    .as("saving the geometry left the period as it was")
                    .startsWith("2033-05-14T23:59:59");

            // both histories say the claim moved, and from or to which incident
            a.navigate(url("/desk#/history/" + target));
            a.waitForSelector("#versions td.change:has-text('moved here from " + id + "')");
            a.waitForSelector("#diff-change:visible");
            assertThat(a.textContent("#diff-change")).contains("claim (Army) moved here from " + id);
            shot(a, "desk-history-move.png");
            a.navigate(url("/desk#/history/" + id));
            a.waitForSelector("#versions td.change:has-text('claim 2 (Army) moved to " + target + "')");
            assertThat(a.textContent("#diff-change")).contains("moved to " + target);

            assertThat(browser.outside).as("requests to other hosts").isEmpty();
            assertThat(browser.consoleErrors.stream()
                            .filter(m -> !m.contains("401") && !m.contains("412"))
                            .toList())
                    .as("console errors")
                    .isEmpty();
        }

        @Test
        void anAdminAddsAnEditorWhoPastesFixesPublishesAndReadersSeeItLive() {
            String admin = "chief-" + UUID.randomUUID().toString().substring(0, 6);
            String adminPassword = "admin-" + UUID.randomUUID();
            account(admin, "admin", adminPassword);

            Page a = desk();
            assertThat(a.isVisible("#signin-form")).isTrue();
            // the desk names its icon (without it a browser asked for /favicon.ico: a 404 in the console)
            assertThat(a.evaluate("() => fetch(document.querySelector('link[rel=icon]').href).then((r) => r.status)"))
                    .isEqualTo(200);
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
            e.fill("#a-url", "https://example.org/desk/" + marker);
            e.fill(
                    "#a-text",
                    "Mortar rounds landed in a camp for returnees near the Torkham crossing in Nangarhar province on "
                            + "Thursday night. Seven refugees were wounded, the provincial information chief said. Thirteen civilians "
                            + "were wounded, according to the Afghan defence ministry. Ref " + marker + ".");
            shot(e, "desk-paste.png");
            e.click("#paste-form button.primary");
            e.waitForSelector("#paste-result a");
            // each draft says what the ingest did with it (events[].action), in words
            assertThat(e.textContent("#paste-result li .action"))
                    .matches(
                            "(New draft|Added to an existing draft .*|Another report of the published incident .*)\\.");
            // the same URL again with another text is not silently "pasted before": the desk says the text differed
            String firstDraft = e.getAttribute("#paste-result a", "href");
            e.fill("#a-text", e.inputValue("#a-text") + " Updated.");
            e.click("#paste-form button.primary");
            e.waitForSelector("#paste-result h3:has-text('with a different text')");
            assertThat(e.textContent("#paste-result")).contains("the new text was not read");
            assertThat(e.getAttribute("#paste-result a", "href")).isEqualTo(firstDraft);
            e.click("#paste-result a");
            e.waitForSelector("#edit");
            String id = e.url().replaceFirst(".*#/review/", "");
            assertThat(e.textContent("#article")).contains(marker);
            assertThat(e.locator("#article mark").count())
                    .as("the incident's own provenance is highlighted")
                    .isPositive();
            tilesLoaded(e);
            shot(e, "desk-review.png");

            e.selectOption("#claims tbody tr:first-child .c-party", "un");
            e.fill("#e-start", "2031-02-26");
            e.fill("#e-end", "2031-02-26");
            // the ingest's title keeps its day until the editor asks for one from the corrected fields
            String ingestTitle = e.inputValue("#e-title");
            assertThat(ingestTitle).matches(".+ — .+ \\(2033-03-1[78]\\)");
            e.click("#e-retitle");
            e.waitForFunction("() => document.querySelector('#e-title').value.endsWith(' (2031-02-26)')");
            assertThat(e.inputValue("#e-title"))
                    .as("the kind and places stay, the day is the corrected one")
                    .startsWith(ingestTitle.substring(0, ingestTitle.indexOf(" — ") + 3))
                    .doesNotContain("2033");
            e.keyboard().press("Control+s");
            e.waitForSelector("#version:has-text('version 2')");
            assertThat(e.inputValue("#claims tbody tr:first-child .c-party")).isEqualTo("un");
            assertThat(e.inputValue("#e-start")).isEqualTo("2031-02-26");

            // an edit not yet saved goes out with the publish (it was dropped: the form reloaded the stored version)
            e.fill("#e-summary", "Edited just before publishing " + marker);
            e.click("#publish");
            long published = System.nanoTime();
            // D9 (docs/QA.md): the ingest's draft id gives way to the incident's own (its day, place and type),
            // and the desk shows it; the draft id answers with a redirect to it
            e.waitForSelector("#status-badge:has-text('published')");
            String draftId = id;
            id = e.url().replaceFirst(".*#/review/", "");
            assertThat(draftId).startsWith("draft-");
            assertThat(id)
                    .as("the published incident's id")
                    .startsWith("2031-02-26-")
                    .doesNotContain("draft");
            assertThat(e.textContent("#notice")).contains("Its id is now " + id, "it was " + draftId);
            Http.Response moved = new Http(port).get("/api/incidents/" + draftId);
            assertThat(moved.status()).isEqualTo(301);
            assertThat(moved.headers().firstValue("Location")).hasValue("/api/incidents/" + id);
            // without a reload; how fast (0.6 s here, goal 2 s) is a measure, not a bound a busy machine could break
            reader.waitForSelector(
                    "#map[data-visible-ids~='" + id + "']", new Page.WaitForSelectorOptions().setTimeout(30_000));
            double seconds = (System.nanoTime() - published) / 1e9;
            System.out.printf("desk: the reader's map showed the published incident %.2f s after the click%n", seconds);
            assertThat(reader.textContent("#live-note")).contains("1 new incident");
            shot(reader, "desk-live-map.png");

            e.waitForSelector("#status-badge:has-text('published')");
            assertThat(e.inputValue("#e-summary")).isEqualTo("Edited just before publishing " + marker);
            JsonNode after = new Http(port).get("/api/incidents/" + id).json().get("properties");
            assertThat(after.get("summary").asString()).isEqualTo("Edited just before publishing " + marker);
            assertThat(after.get("status").asString()).isEqualTo("published");
            assertThat(after.get("claims").get(0).get("party").asString()).isEqualTo("un");
            e.click("#history-link");
            e.waitForSelector("#diff tr.changed");
            e.check("#versions input[name=left][value='0']");
            assertThat(e.textContent("#diff tr.changed:has(td.key:text-is('claims[0].party'))"))
                    .contains("un");
            assertThat(e.textContent("#versions")).contains(editor);
            shot(e, "desk-history.png");

            // another editor changes the incident while this one has it open: the stale save is refused
            e.navigate(url("/desk#/review/" + id));
            e.waitForSelector("#edit");
            Http.Response other = new Http(port)
                    .send(
                            "PATCH",
                            "/api/incidents/" + id,
                            "{\"summary\": \"Changed by another editor\"}",
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            "*");
            assertThat(other.status()).isEqualTo(200);
            e.fill("#e-title", "My stale title");
            e.click("#save");
            e.waitForSelector("#notice:has-text('Another editor changed this incident')");
            assertThat(e.inputValue("#e-title"))
                    .as("the editor's edit stays in the form")
                    .isEqualTo("My stale title");
            assertThat(new Http(port)
                            .get("/api/incidents/" + id)
                            .json()
                            .get("properties")
                            .get("summary")
                            .asString())
                    .isEqualTo("Changed by another editor");
            shot(e, "desk-stale.png");

            e.click("#sign-out");
            e.waitForSelector("#signin-form");
            assertThat(e.evaluate("() => fetch('/api/session').then((r) => r.json()).then((j) => j.signed_in)"))
                    .isEqualTo(false);
            assertThat(browser.outside).as("requests to other hosts").isEmpty();
            assertThat(browser.consoleErrors.stream()
                            .filter(m -> !m.contains("401") && !m.contains("412"))
                            .toList())
                    .as("console errors")
                    .isEmpty();
        }
    }
}
