package org.conflictmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.conflictmap.Csv;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.incidents.IncidentType;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * One vocabulary of incident types (issue 23), walked for every {@link IncidentType} as "adding a type" would
 * need: {@code /webmap/config.json} serves it (value, English name, colour, shape, in order); the page's legend,
 * type filters and symbols show it in its words, colour and shape; {@code /map.png}'s legend paints its colour
 * (the page's: one palette) in its shape (all but {@code other}); the CSV export writes its ACLED names. A constant added to the enum is found
 * in each of those places, with nothing else edited ({@link OneVocabularyTest}: no other copy exists).
 */
class OneVocabularyContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    abstract static class Contract extends BrowserTest {
        @LocalServerPort
        int port;

        @Test
        void theConfigurationServesEveryTypeInItsOrder() {
            JsonNode marks = new Http(port).get("/webmap/config.json").json().path("marks");
            assertThat(marks.path("attribute").asString()).isEqualTo("type");
            List<String> served = new ArrayList<>();
            for (JsonNode m : marks.path("classes")) {
                IncidentType t = IncidentType.of(m.path("value").asString());
                assertThat(t.id()).isEqualTo(m.path("value").asString());
                assertThat(m.path("label").asString()).isEqualTo(t.label());
                assertThat(m.path("colour").asString()).isEqualTo(t.colour());
                assertThat(m.path("shape").asString()).isEqualTo(t.shape());
                served.add(t.id());
            }
            assertThat(served)
                    .containsExactlyElementsOf(List.of(IncidentType.values()).stream()
                            .map(IncidentType::id)
                            .toList());
        }

        @Test
        void thePagesLegendFiltersAndSymbolsShowEveryType() {
            Page page = browser.page(1280, 1000);
            page.navigate("http://127.0.0.1:" + port + "/?lang=en");
            page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            @SuppressWarnings("unchecked")
            List<String> filters = (List<String>) page.evaluate(
                    "[...document.querySelectorAll('#type-filters input[name=type]')].map((i) => i.value)");
            assertThat(filters)
                    .containsExactlyElementsOf(List.of(IncidentType.values()).stream()
                            .map(IncidentType::id)
                            .toList());
            @SuppressWarnings("unchecked")
            List<String> legend = (List<String>)
                    page.evaluate("[...document.querySelectorAll('.legend li')].map((li) => li.textContent.trim())");
            @SuppressWarnings("unchecked")
            List<String> fills = (List<String>)
                    page.evaluate(
                            "[...document.querySelectorAll('.legend li')].map((li) => li.querySelector('path')?.getAttribute('fill') || '')");
            @SuppressWarnings("unchecked")
            List<String> paths = (List<String>)
                    page.evaluate(
                            "[...document.querySelectorAll('.legend li')].map((li) => li.querySelector('path')?.getAttribute('d') || '')");
            IncidentType[] types = IncidentType.values();
            Set<String> shapes = new HashSet<>();
            for (int k = 0; k < types.length; k++) {
                assertThat(legend.get(k)).isEqualTo(types[k].label());
                assertThat(fills.get(k)).isEqualTo(types[k].colour());
                shapes.add(paths.get(k));
            }
            assertThat(shapes).as("each type its own shape").hasSize(types.length);
        }

        @Test
        void theStaticMapsLegendPaintsEveryNamedTypeInItsShape() throws Exception {
            // a window without incidents: only the legend's swatches can hold the raster colours
            Http.Response r =
                    new Http(port).get("/map.png?bbox=61,36,62,37&width=600&height=400&datetime=2031-12-30/2031-12-31");
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(r.bytes()));
            Set<Integer> colours = new HashSet<>();
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    colours.add(img.getRGB(x, y) & 0xffffff);
                }
            }
            Set<Set<Long>> swatches = new HashSet<>();
            for (IncidentType t : IncidentType.values()) {
                if (t != IncidentType.OTHER) {
                    int rgb = Integer.parseInt(t.colour().substring(1), 16);
                    assertThat(colours).as(t.id() + "'s swatch").contains(rgb);
                    if (rgb != 0) { // black is also the text's: only the coloured swatches' shapes are compared
                        assertThat(swatches.add(swatch(img, rgb)))
                                .as(t.id() + "'s swatch has its own shape")
                                .isTrue();
                    }
                }
            }
        }

        /** The pixels of exactly this colour, from their top left corner: a legend swatch's shape. */
        private static Set<Long> swatch(BufferedImage img, int rgb) {
            Set<Long> at = new HashSet<>();
            int minX = Integer.MAX_VALUE;
            int minY = Integer.MAX_VALUE;
            for (int y = 0; y < img.getHeight(); y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                        minX = Math.min(minX, x);
                        minY = Math.min(minY, y);
                    }
                }
            }
            for (int y = minY; y < img.getHeight(); y++) {
                for (int x = minX; x < img.getWidth(); x++) {
                    if ((img.getRGB(x, y) & 0xffffff) == rgb) {
                        at.add((long) (y - minY) << 32 | (x - minX));
                    }
                }
            }
            return at;
        }

        @Test
        void theExportWritesEveryTypesAcledNames() throws Exception {
            Http.Response r = new Http(port).get("/api/export/incidents.csv?datetime=2025-10-01/2026-02-28");
            assertThat(r.status()).isEqualTo(200);
            int rows = 0;
            try (CSVParser csv = Csv.parser(r.body())) {
                for (CSVRecord row : csv) {
                    IncidentType t = IncidentType.of(row.get("type"));
                    assertThat(t.id()).isEqualTo(row.get("type"));
                    assertThat(row.get("event_type")).isEqualTo(t.acledEvent());
                    assertThat(row.get("sub_event_type")).isEqualTo(t.acledSubEvent());
                    rows++;
                }
            }
            assertThat(rows).isEqualTo(9);
        }
    }
}
