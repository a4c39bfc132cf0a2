package org.conflictmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import com.microsoft.playwright.Page;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 21's "honest aggregation", in a real browser on both stores: a cluster of points is a disc within
 * the clustering radius (60 px) that names its type mix and its claimed range and rings each type in its
 * colour; twelve province-level reports in one province are one hatched outline with "12" on it, not twelve
 * stacked fills (each type's own shape and colour: {@code OneVocabularyContractTest}). The incidents are
 * imported in March 2037, a month no other test uses.
 */
class AggregationContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    static final int CLUSTER_RADIUS = 60;

    abstract static class Contract extends BrowserTest {
        @LocalServerPort
        int port;

        /** 40 points of three types near Quetta and 12 province-level reports in Khost. */
        void importIncidents() {
            StringBuilder csv = new StringBuilder(
                    "event_id_cnty,event_date,event_type,sub_event_type,latitude,longitude,fatalities,geo_precision,country,admin1\n");
            String[] subs = {"Air/drone strike", "Armed clash", "Shelling/artillery/missile attack"};
            for (int i = 0; i < 40; i++) {
                csv.append(String.format(
                        Locale.ROOT,
                        "AGG-P%d,2037-03-%02d,Battles,%s,%.4f,%.4f,%d,1,Pakistan,Balochistan%n",
                        i,
                        1 + i % 20,
                        subs[i % 3],
                        30.15 + (i % 7) * 0.02,
                        66.95 + (i / 7) * 0.02,
                        1 + i % 9));
            }
            for (int i = 0; i < 12; i++) {
                csv.append(String.format(
                        Locale.ROOT,
                        "AGG-K%d,2037-03-%02d,Battles,Armed clash,33.33,69.92,%d,3,Afghanistan,Khost%n",
                        i,
                        2 + i,
                        i));
            }
            Http.Response imported = new Http(port)
                    .send(
                            "POST",
                            "/api/import",
                            csv.toString(),
                            "Content-Type",
                            "text/csv",
                            "Authorization",
                            EDITOR_AUTH);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
        }

        @Test
        void clustersStayWithinTheirRadiusAndAreaReportsAreOneHatchedShapeWithACount() {
            importIncidents();
            Page page = browser.page(1280, 800);
            page.navigate("http://127.0.0.1:" + port + "/?t=2037-03-01..2037-03-31&c=68.5,31.8&z=6");
            page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            Browser.until(page.mainFrame(), "document.querySelectorAll('.leaflet-marker-icon.cluster').length > 0");

            @SuppressWarnings("unchecked")
            List<Map<String, Object>> clusters = (List<Map<String, Object>>)
                    page.evaluate("() => [...document.querySelectorAll('.leaflet-marker-icon.cluster')].map((el) => {"
                            + " const r = el.getBoundingClientRect();"
                            + " const colours = new Set([...el.querySelectorAll('svg [stroke]')].map((s) => s.getAttribute('stroke')));"
                            + " return {w: r.width, h: r.height, title: el.title || el.getAttribute('aria-label') || '',"
                            + " colours: colours.size, n: Number(el.querySelector('svg text').textContent)}; })");
            assertThat(clusters).isNotEmpty();
            int clustered = 0;
            for (Map<String, Object> c : clusters) {
                assertThat(((Number) c.get("w")).doubleValue())
                        .as("a cluster's disc within the clustering radius: %s", c)
                        .isLessThanOrEqualTo(CLUSTER_RADIUS);
                assertThat(((Number) c.get("h")).doubleValue()).as("%s", c).isLessThanOrEqualTo(CLUSTER_RADIUS);
                clustered += ((Number) c.get("n")).intValue();
            }
            // the 40 points near Quetta: at zoom 6 most of them in clusters, each of the three types in the mix
            Map<String, Object> biggest = clusters.stream()
                    .max((a, b) -> Integer.compare(((Number) a.get("n")).intValue(), ((Number) b.get("n")).intValue()))
                    .orElseThrow();
            assertThat(clustered).as("points in clusters").isGreaterThanOrEqualTo(20);
            assertThat((String) biggest.get("title"))
                    .as("the cluster names its mix and its claimed range")
                    .contains("Air/drone strike", "Armed clash", "Shelling")
                    .contains("killed");
            assertThat(((Number) biggest.get("colours")).intValue())
                    .as("the ring shows the type mix, one colour per type")
                    .isGreaterThanOrEqualTo(3);

            // the 12 reports in Khost: one outline, hatched, with a count; no shape of its own for any of them
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> khost =
                    (List<Map<String, Object>>) page.evaluate("() => [...document.querySelectorAll('path[data-ids]')]"
                            + ".filter((p) => p.dataset.ids.split(' ').some((id) => id.includes('acled-agg-k')))"
                            + ".map((p) => ({ids: p.dataset.ids, fill: p.getAttribute('fill') || '',"
                            + " fillOpacity: p.getAttribute('fill-opacity') || ''}))");
            assertThat(khost).as("one shape for the province's reports").hasSize(1);
            assertThat(((String) khost.get(0).get("ids")).split(" "))
                    .filteredOn(id -> id.contains("acled-agg-k"))
                    .hasSize(12);
            assertThat((String) khost.get(0).get("fill"))
                    .as("hatched by its precision, not a translucent fill")
                    .startsWith("url(#hatch-");
            @SuppressWarnings("unchecked")
            List<String> counts = (List<String>)
                    page.evaluate("() => [...document.querySelectorAll('.area-count')].map((b) => b.textContent)");
            assertThat(counts).as("the count on the province").contains("12");
        }
    }
}
