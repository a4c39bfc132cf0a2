package org.conflictmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.util.Arrays;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The viewer's map in a real browser against the real server and its real dataset: incidents load,
 * the time window filters them, the panel shows every claim, the permalink round-trips, the embed and
 * the phone layout work, and nothing is requested from any other host.
 */
@OnH2gis
class WebMapBrowserTest extends BrowserTest {
    static final String ATTACKS = "2026-02-26-durand-line-post-attacks";

    @LocalServerPort
    int port;

    Page open(String query) {
        return open(query, 1280, 800);
    }

    Page open(String query, int width, int height) {
        Page page = browser.page(width, height);
        page.navigate("http://127.0.0.1:" + port + query);
        page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(30_000));
        return page;
    }

    static void until(Page page, String expression) {
        Browser.until(page.mainFrame(), expression);
    }

    static List<String> visible(Page page) {
        String ids = page.getAttribute("#map", "data-visible-ids");
        return ids == null || ids.isBlank() ? List.of() : Arrays.asList(ids.split(" "));
    }

    @Test
    void theMapLoadsEveryIncidentWithItsOwnBasemap() {
        Page page = open("/");
        assertThat(visible(page))
                .contains(
                        ATTACKS,
                        "2026-02-26-torkham-shelling",
                        "2025-10-border-clashes",
                        "2026-02-21-nangarhar-paktika-air-strikes")
                .hasSizeGreaterThanOrEqualTo(9);
        assertThat(page.locator(".leaflet-marker-icon.incident").count())
                .as("point incidents as symbols")
                .isPositive();
        assertThat(page.locator("path.leaflet-interactive").count())
                .as("province-level incidents drawn as areas")
                .isGreaterThanOrEqualTo(4);
        assertThat(page.textContent(".leaflet-control-attribution")).contains("Natural Earth", "GeoNames");
        assertThat(page.textContent(".legend"))
                .contains("Area report", "Durand Line", "Border crossing", "Air/drone strike");
        assertThat(page.textContent(".data-as-of"))
                .matches("Data as of \\d{1,2} [A-Z][a-z]{2} 20\\d\\d \\d\\d:\\d\\d UTC");
        assertThat(page.locator(".leaflet-control-scale").count()).isEqualTo(1);
        assertThat(page.locator(".label-border").first().textContent()).contains("Durand Line");
        assertThat(page.locator(".crossing-icon").count()).isGreaterThanOrEqualTo(3);
        assertThat(page.textContent("#window-label")).contains("incidents shown");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("map.png")));
    }

    @Test
    void movingTheTimeWindowChangesWhichIncidentsShow() {
        Page page = open("/?t=2026-02-26..2026-02-26");
        assertThat(visible(page))
                .contains(ATTACKS, "2026-02-26-torkham-shelling")
                .doesNotContain("2025-10-border-clashes", "2026-02-24-cross-border-fire");
        page.focus("#histogram");
        page.keyboard().press("ArrowLeft");
        page.keyboard().press("ArrowLeft");
        until(page, "document.querySelector('#map').dataset.visibleIds.includes('2026-02-24-cross-border-fire')");
        assertThat(visible(page)).doesNotContain(ATTACKS);
        assertThat(page.textContent("#window-label")).contains("24 Feb 2026");
        until(page, "location.search.includes('t=2026-02-24..2026-02-24')");
        page.click("#window-all");
        assertThat(visible(page)).contains("2025-10-border-clashes", ATTACKS);
        until(page, "!location.search.includes('t=')");
        page.click("#play");
        until(page, "location.search.includes('t=2025-10-0')");
        assertThat(visible(page)).containsExactly("2025-10-border-clashes");
        page.click("#play");
    }

    @Test
    void thePanelOfThe26FebruaryAttackListsEveryConflictingClaim() {
        Page page = open("/?i=" + ATTACKS);
        page.waitForSelector("#panel:not([hidden]) #panel-title");
        assertThat(page.textContent("#panel-title")).contains("Durand Line");
        assertThat(page.locator("#panel tr.claim").count()).isEqualTo(8);
        String panel = page.textContent("#panel");
        assertThat(panel)
                .contains(
                        "contested",
                        "Afghan Ministry of National Defence",
                        "Pakistan Information Minister",
                        "Spokesperson for Pakistan's Prime Minister",
                        "55",
                        "133",
                        "Claims about Pakistani forces",
                        "Claims about Afghan forces")
                .doesNotContain("pakistani forces");
        assertThat(page.locator("#panel table.claims[data-side=pk_forces] tr.claim[data-party=pk_government]")
                        .count())
                .isEqualTo(2);
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("panel.png")));
        page.keyboard().press("Escape");
        assertThat(page.isHidden("#panel")).isTrue();
        until(page, "!location.search.includes('i=')");
    }

    @Test
    void clickingAPointOpensItsPanel() {
        // the old lat,lon order of the first permalinks still opens where it did
        Page page = open("/?c=33.7,73.05&z=9");
        Object xy = page.evaluate(
                "() => { const f = window.conflictMap.incident('2026-02-islamabad-mosque-bombing');"
                        + " const p = window.conflictMap.map.latLngToContainerPoint([f.geometry.coordinates[1], f.geometry.coordinates[0]]);"
                        + " const r = document.querySelector('#map').getBoundingClientRect(); return [p.x + r.left, p.y + r.top]; }");
        List<?> point = (List<?>) xy;
        until(page, "window.conflictMap.map.getPane('labels').querySelectorAll('img.leaflet-tile-loaded').length > 1");
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("islamabad-z9.png")));
        page.mouse().click(((Number) point.get(0)).doubleValue(), ((Number) point.get(1)).doubleValue());
        page.waitForSelector("#panel:not([hidden]) #panel-title");
        assertThat(page.textContent("#panel-title")).contains("Islamabad");
        assertThat(page.locator("#panel tr.claim").count()).isEqualTo(2);
    }

    @Test
    void thePermalinkRoundTrips() {
        Page page = open("/");
        page.click("#filters summary");
        page.check("#type-filters input[value=air_strike]");
        page.selectOption("#party-filter", "un");
        page.evaluate("() => { window.conflictMap.map.setView([34.2, 70.5], 8); }");
        page.click("#embed-button");
        String snippet = page.inputValue("#embed-code");
        page.keyboard().press("Escape");
        until(page, "location.search.includes('z=8')");
        String url = page.url();
        assertThat(java.net.URLDecoder.decode(url, java.nio.charset.StandardCharsets.UTF_8))
                .contains("type=air_strike", "party=un", "z=8", "c=70.5000,34.2000");
        List<String> shown = visible(page);
        assertThat(shown).containsExactly("2026-02-21-nangarhar-paktika-air-strikes");

        Page again = open(url.substring(url.indexOf('/', 8)));
        assertThat(visible(again)).isEqualTo(shown);
        assertThat(again.isChecked("#type-filters input[value=air_strike]")).isTrue();
        assertThat(again.inputValue("#party-filter")).isEqualTo("un");
        assertThat(((Number) again.evaluate("() => window.conflictMap.map.getZoom()")).intValue())
                .isEqualTo(8);

        assertThat(snippet)
                .startsWith("<iframe src=\"http://127.0.0.1:" + port + "/embed?")
                .contains("type=air_strike");
        String embedUrl = snippet.substring(
                        snippet.indexOf("/embed?"), snippet.indexOf('"', snippet.indexOf("/embed?")))
                .replace("&amp;", "&"); // the src attribute is HTML
        Page embed = open(embedUrl);
        assertThat(embed.evaluate("() => document.body.classList.contains('embed')"))
                .isEqualTo(true);
        assertThat(embed.isHidden("#bar")).isTrue();
        assertThat(visible(embed)).isEqualTo(shown);
        embed.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("embed.png")));
    }

    @Test
    void searchFliesToAPlace() {
        Page page = open("/");
        page.fill("#search-input", "Torkham");
        page.press("#search-input", "Enter");
        until(
                page,
                "window.conflictMap.map.getZoom() >= 9 && Math.abs(window.conflictMap.map.getCenter().lng - 71.08) < 0.3");
        assertThat(page.textContent("#search-status")).contains("Torkham");
    }

    @Test
    void aPhoneScreenGetsAUsableLayout() {
        Page page = open("/?i=2026-02-21-nangarhar-paktika-air-strikes", 360, 740);
        page.waitForSelector(
                "#panel:not([hidden])", new Page.WaitForSelectorOptions().setState(WaitForSelectorState.VISIBLE));
        Number scrollWidth = (Number) page.evaluate("() => document.scrollingElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("no sideways scrolling").isLessThanOrEqualTo(360);
        assertThat(page.locator("#panel tr.claim").count()).isEqualTo(5);
        assertThat(page.isVisible("#timeline")).isTrue();
        page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("phone.png")));
    }
}
