package org.conflictmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.conflictmap.TestStores;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.GeometryType;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.TileStyle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.test.context.ContextConfiguration;

/**
 * "Adding a layer" (ARCHITECTURE.md) reaches the readers' map: one more {@link Collection} bean with a tile
 * style and nothing else — here the gazetteer's rivers, which the default registrations serve without tiles —
 * and the map's layer switcher (built from /webmap/config.json, frontend/overlays.js) lists it, off; switched
 * on, the page draws the layer's vector tiles; switched off, they are gone; the permalink's {@code layers} may
 * name it. The switches of what the page draws itself stay. Both stores, each in a context of its own with the
 * extra bean (the embedded one in a directory of its own; the PostGIS one on the test database, a second replica).
 */
class AddingALayerToTheMapTest {

    /** The registration under test: the whole of what adding this layer takes. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Waterways {
        @Bean
        @Order(100)
        Collection waterways() {
            return new Collection(
                    "waterways",
                    "Waterways",
                    "The gazetteer's rivers, in the vector tiles.",
                    GeometryType.MULTILINESTRING,
                    new Source.Places(Set.of("river")),
                    List.of(), // the gazetteer takes no CQL2 filter: no queryables
                    new TileStyle(0, null, false, List.of("id", "name")),
                    List.of(),
                    false);
        }
    }

    /** An embedded store of its own: the shared one's file is open in the other context. */
    static final class OwnH2gis implements ApplicationContextInitializer<ConfigurableApplicationContext> {
        static final Path DIR = Path.of("target", "test-stores", "h2gis-map-layer-" + UUID.randomUUID())
                .toAbsolutePath();

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            TestPropertyValues.of("conflictmap.store.data-dir=" + DIR).applyTo(context);
        }
    }

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ContextConfiguration(initializers = OwnH2gis.class)
    @Import(Waterways.class)
    class Embedded extends Contract {}

    @Nested
    @SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
    @ContextConfiguration(initializers = TestStores.Postgis.class)
    @Import(Waterways.class)
    class Postgis extends Contract {}

    abstract static class Contract extends BrowserTest {
        @LocalServerPort
        int port;

        static final String DRAWN =
                "[...document.querySelectorAll('.leaflet-layer[data-collection=waterways] canvas[data-features]')]"
                        + ".reduce((n, c) => n + Number(c.dataset.features), 0)";

        Page open(String query) {
            Page page = browser.page(1280, 800);
            page.navigate("http://127.0.0.1:" + port + query);
            page.waitForSelector("body[data-ready=true]", new Page.WaitForSelectorOptions().setTimeout(60_000));
            return page;
        }

        @Test
        void aRegisteredLayerWithATileStyleIsInTheSwitcherAndDrawnFromItsTiles() {
            Page page = open("/?c=69.5,34.0&z=7");
            page.hover(".leaflet-control-layers");
            String switches = page.textContent(".leaflet-control-layers-overlays");
            assertThat(switches)
                    .contains(
                            "Waterways",
                            "Incidents",
                            "Durand Line",
                            "Border crossings",
                            "Labels",
                            "District boundaries");
            Locator box = page.locator(".leaflet-control-layers-overlays label")
                    .filter(new Locator.FilterOptions().setHasText("Waterways"))
                    .locator("input");
            assertThat(box.isChecked())
                    .as("a layer drawn from its tiles starts off")
                    .isFalse();
            assertThat(page.locator(".leaflet-layer[data-collection=waterways]").count())
                    .isZero();
            box.check();
            Browser.until(page.mainFrame(), DRAWN + " > 0");
            page.screenshot(new Page.ScreenshotOptions().setPath(Browser.SCREENSHOTS.resolve("layer-waterways.png")));
            box.uncheck();
            Browser.until(
                    page.mainFrame(),
                    "document.querySelectorAll('.leaflet-layer[data-collection=waterways]').length === 0");

            Page named = open("/?c=69.5,34.0&z=7&layers=incidents,waterways");
            Browser.until(named.mainFrame(), DRAWN + " > 0");
            assertThat(named.locator(".label-border").count())
                    .as("the layers the permalink does not name are off")
                    .isZero();
        }
    }
}
