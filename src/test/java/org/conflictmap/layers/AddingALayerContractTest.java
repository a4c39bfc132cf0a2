package org.conflictmap.layers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.conflictmap.Http;
import org.conflictmap.TestStores;
import org.conflictmap.TestStores.OnOwnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;

/**
 * "Adding a layer" (ARCHITECTURE.md), walked once on both stores: one {@link Collection} bean and nothing
 * else — here the air strikes, a fixed condition over the incidents — and the server lists it under
 * /ogc/collections with its own extent, serves its items (exactly the incidents of its condition, with
 * the request's filters on top), its vector tiles (/tiles, TileJSON, OGC API – Tiles), its downloads
 * and names it in the web map's configuration. Each store gets a context of its own with the extra bean
 * (the embedded one in a directory of its own; the PostGIS one on the test database, as a second replica).
 */
class AddingALayerContractTest {

    /** The registration under test: the whole of what adding this layer takes. */
    @TestConfiguration(proxyBeanMethods = false)
    static class AirStrikes {
        @Bean
        @Order(100)
        Collection airStrikes() {
            return new Collection(
                    "air-strikes",
                    "Air strikes",
                    "The incidents of type air_strike, read-only.",
                    GeometryType.ANY,
                    new Source.Incidents("type = 'air_strike'"),
                    List.of(Queryable.text("id")),
                    TileStyle.incidents(),
                    List.of("id", "type"),
                    false);
        }
    }

    /** An embedded store of its own (the shared one's file is open in the other context). */
    @Nested
    @OnOwnH2gis
    @Import(AirStrikes.class)
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    @Import(AirStrikes.class)
    class Postgis extends Contract {}

    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        Layers layers;

        @Autowired
        Extents extents;

        Http http() {
            return new Http(port);
        }

        int matched(String items) {
            JsonNode page = http().get(items).json();
            return page.get("numberMatched").asInt();
        }

        @Test
        void theCollectionIsListedWithItsOwnExtent() {
            List<String> ids = new ArrayList<>();
            http().get("/ogc/collections")
                    .json()
                    .get("collections")
                    .forEach(c -> ids.add(c.get("id").asString()));
            assertThat(ids).endsWith("air-strikes").contains("incidents", "places");
            JsonNode c = http().get("/ogc/collections/air-strikes").json();
            assertThat(c.get("title").asString()).isEqualTo("Air strikes");
            assertThat(c.get("geometry-type").asString()).isEqualTo("any");
            Extent e = extents.of(layers.get("air-strikes"));
            int strikes = matched("/ogc/collections/incidents/items?type=air_strike&limit=1");
            assertThat(strikes).isPositive();
            assertThat(e.count()).isEqualTo(strikes);
            JsonNode all = http().get("/ogc/collections/incidents").json().get("extent");
            JsonNode own = c.get("extent");
            // its interval lies within the incidents' and is its own (the air strikes are not all the incidents)
            assertThat(own.get("temporal").get("interval").get(0).get(0).asString())
                    .isGreaterThanOrEqualTo(
                            all.get("temporal").get("interval").get(0).get(0).asString());
            assertThat(own.get("spatial").get("bbox").get(0).get(0).asDouble())
                    .isGreaterThanOrEqualTo(
                            all.get("spatial").get("bbox").get(0).get(0).asDouble());
            assertThat(http().get("/ogc/collections/air-strikes/queryables")
                            .json()
                            .get("properties")
                            .has("id"))
                    .isTrue();
        }

        @Test
        void itsItemsAreTheIncidentsOfItsConditionWithTheRequestsFiltersOnTop() {
            int strikes = matched("/ogc/collections/incidents/items?type=air_strike&limit=1");
            assertThat(matched("/ogc/collections/air-strikes/items?limit=1")).isEqualTo(strikes);
            JsonNode page =
                    http().get("/ogc/collections/air-strikes/items?limit=1000").json();
            assertThat(page.get("features")).hasSize(strikes);
            page.get("features")
                    .forEach(f -> assertThat(f.get("properties").get("type").asString())
                            .isEqualTo("air_strike"));
            assertThat(matched("/ogc/collections/air-strikes/items?type=shelling"))
                    .isZero();
            assertThat(matched("/ogc/collections/air-strikes/items?filter="
                            + java.net.URLEncoder.encode(
                                    "type <> 'air_strike'", java.nio.charset.StandardCharsets.UTF_8)))
                    .isZero();
            String one = page.get("features").get(0).get("id").asString();
            assertThat(http().get("/ogc/collections/air-strikes/items/" + one).status())
                    .isEqualTo(200);
            String shelling = http().get("/ogc/collections/incidents/items?type=shelling&limit=1")
                    .json()
                    .get("features")
                    .get(0)
                    .get("id")
                    .asString();
            assertThat(http().get("/ogc/collections/air-strikes/items/" + shelling)
                            .status())
                    .isEqualTo(404);
            assertThat(http().send(
                                    "POST",
                                    "/ogc/collections/air-strikes/items",
                                    "{}",
                                    "Content-Type",
                                    "application/geo+json",
                                    "Authorization",
                                    TestStores.EDITOR_AUTH)
                            .status())
                    .isEqualTo(405);
        }

        @Test
        void itHasVectorTilesWhereverTheTilesListTheirLayers() {
            assertThat(http().get("/tiles/air-strikes/0/0/0.mvt").status()).isEqualTo(200);
            assertThat(http().get("/tiles/air-strikes/0/0/0.mvt?type=shelling").status())
                    .as("no shelling among the air strikes")
                    .isEqualTo(204);
            JsonNode tilejson = http().get("/tiles/air-strikes-mvt.json").json();
            assertThat(tilejson.get("vector_layers").get(0).get("id").asString())
                    .isEqualTo("air-strikes");
            assertThat(tilejson.get("vector_layers").get(0).get("fields").has("killed_max"))
                    .isTrue();
            assertThat(http().get("/ogc/collections/air-strikes/tiles").status())
                    .isEqualTo(200);
            assertThat(http().get("/ogc/collections/air-strikes/tiles/WebMercatorQuad/0/0/0")
                            .status())
                    .isEqualTo(200);
            assertThat(http().get("/ogc/tiles/vector").json().get("layers").toString())
                    .contains("\"air-strikes\"");
        }

        @Test
        void itHasDownloadsLinkedFromTheCollection() {
            int strikes = matched("/ogc/collections/air-strikes/items?limit=1");
            JsonNode c = http().get("/ogc/collections/air-strikes").json();
            assertThat(c.get("links").toString())
                    .contains("/api/export/air-strikes.gpkg", "/api/export/air-strikes.csv");
            Http.Response geojson = http().get("/api/export/air-strikes.geojson");
            assertThat(geojson.status()).isEqualTo(200);
            assertThat(geojson.header("Content-Disposition")).contains("air-strikes-");
            assertThat(geojson.json().get("features")).hasSize(strikes);
            String csv = http().get("/api/export/air-strikes.csv").body();
            assertThat(csv.lines().findFirst().orElseThrow()).contains("id", "type");
            assertThat(http().get("/api/export/places.csv").status()).isEqualTo(404);
            assertThat(http().get("/api/export/places.csv").body())
                    .contains("the collections with downloads are", "air-strikes");
        }

        @Test
        void theWebMapsConfigurationNamesIt() {
            JsonNode layers = http().get("/webmap/config.json").json().get("layers");
            JsonNode mine = null;
            for (JsonNode l : layers) {
                mine = l.get("id").asString().equals("air-strikes") ? l : mine;
            }
            assertThat(mine).isNotNull();
            assertThat(mine.get("tiles").asString()).isEqualTo("/tiles/air-strikes/{z}/{x}/{y}.mvt");
            assertThat(mine.get("items").asString()).isEqualTo("/ogc/collections/air-strikes/items");
        }
    }
}
