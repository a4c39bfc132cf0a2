package org.conflictmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.imageio.ImageIO;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnOwnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.gazetteer.LocalNames;
import org.conflictmap.geo.Wkb;
import org.conflictmap.incidents.DateRange;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.GeometryType;
import org.conflictmap.layers.Label;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Queryable;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.TileStyle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;

/**
 * The tiles of registered layers, on both stores, with registrations of a test's own: a second collection
 * of every incident, one of the air strikes (a fixed condition) and the incidents of each geometry type
 * with a vector tile style. Each vector layer is named as its collection (also in the one tile of every
 * layer); a layer narrowed by a condition has on PostGIS the features the server's own encoder gives it
 * (and the embedded store), those of its items; and a registered incidents layer is a raster overlay of
 * its own, the incidents overlay with its condition as a filter. A registered gazetteer layer with a {@link Label}
 * (the districts' names) is named in the raster labels from its zoom, by its priority among the server's labels.
 */
class RegisteredLayerTilesContractTest {

    @TestConfiguration(proxyBeanMethods = false)
    static class MoreLayers {
        @Bean
        @Order(101)
        Collection everyIncidentAgain() {
            return incidents("all-incidents", GeometryType.ANY, Source.Incidents.all(), TileStyle.incidents());
        }

        @Bean
        @Order(102)
        Collection airStrikes() {
            return incidents(
                    "air-strikes",
                    GeometryType.ANY,
                    new Source.Incidents("type = 'air_strike'"),
                    TileStyle.incidents());
        }

        @Bean
        @Order(103)
        Collection points() {
            return incidents(
                    "tiled-points",
                    GeometryType.POINT,
                    Source.Incidents.ofDimension(0),
                    new TileStyle(0, null, false, List.of()));
        }

        @Bean
        @Order(104)
        Collection lines() {
            return incidents(
                    "tiled-lines",
                    GeometryType.MULTILINESTRING,
                    Source.Incidents.ofDimension(1),
                    new TileStyle(0, null, false, List.of()));
        }

        @Bean
        @Order(105)
        Collection areas() {
            return incidents(
                    "tiled-areas",
                    GeometryType.MULTIPOLYGON,
                    Source.Incidents.ofDimension(2),
                    new TileStyle(0, null, false, List.of()));
        }

        /**
         * A gazetteer layer named in the raster labels: the districts' names from zoom 9, small and grey, centred,
         * between the crossings' names and the towns' (priority 35: the server's are 10 to 40). The whole of what
         * adding a labelled layer takes.
         */
        @Bean
        @Order(106)
        Collection districtNames() {
            return new Collection(
                    "district-names",
                    "District names",
                    "The districts, named in the raster labels from zoom 9.",
                    GeometryType.MULTIPOLYGON,
                    new Source.Places(Set.of("district")),
                    List.of(),
                    new TileStyle(9, null, false, List.of("id", "name"))
                            .labelled(Label.names(35)
                                    .letters("#5b6670", 10, Label.Weight.REGULAR)
                                    .halo(2)
                                    .right(0)),
                    List.of(),
                    false);
        }

        static Collection incidents(String id, GeometryType type, Source.Incidents source, TileStyle style) {
            return new Collection(
                    id,
                    id,
                    "Incidents for a test of the tiles: " + id + ".",
                    type,
                    source,
                    List.of(Queryable.text("id")),
                    style,
                    List.of(),
                    false);
        }
    }

    @Nested
    @OnOwnH2gis
    @Import(MoreLayers.class)
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    @Import(MoreLayers.class)
    class Postgis extends Contract {}

    static final List<String> NARROWED = List.of("air-strikes", "tiled-points", "tiled-lines", "tiled-areas");
    /**
     * Tiles over the data: the whole region at z3, Khost at z5, z6 and z8, Torkham at z10 (with the detail). Not
     * z0, where the server's encoder drops an area that collapses (the Nangarhar and Paktika air strikes) and
     * {@code ST_AsMVT} keeps it, in the incidents layer as in any.
     */
    static final List<int[]> TILES = List.of(
            tile(3, 69, 33),
            tile(5, 69.92, 33.34),
            tile(6, 69.92, 33.34),
            tile(8, 69.92, 33.34),
            tile(10, 71.09, 34.11));

    /** The z/x/y of the tile of zoom z holding lon, lat. */
    static int[] tile(int z, double lon, double lat) {
        org.locationtech.jts.geom.Coordinate m = Mercator.project(lon, lat);
        return new int[] {
            z,
            (int) Math.floor((m.x + Mercator.HALF) / (2 * Mercator.HALF) * (1 << z)),
            (int) Math.floor((Mercator.HALF - m.y) / (2 * Mercator.HALF) * (1 << z))
        };
    }

    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        TileRenderer renderer;

        @Autowired
        Layers layers;

        @Autowired
        Labels labels;

        Http http() {
            return new Http(port);
        }

        static List<String> layerNames(byte[] mvt) throws Exception {
            return VectorTile.Tile.parseFrom(mvt).getLayersList().stream()
                    .map(VectorTile.Tile.Layer::getName)
                    .toList();
        }

        /**
         * A layer's features by their {@code id} attribute: the attributes (numbers as longs) and the geometry's
         * dimension; a feature in parts (the server's encoder writes one per part) is one entry.
         */
        static Map<String, String> features(byte[] mvt) throws Exception {
            Map<String, String> out = new TreeMap<>();
            if (mvt.length == 0) {
                return out;
            }
            for (JtsLayer l : MvtReader.loadMvt(
                            new ByteArrayInputStream(mvt), Wkb.FACTORY, new TagKeyValueMapConverter())
                    .getLayers()) {
                for (Geometry g : l.getGeometries()) {
                    Map<String, Object> attributes = new TreeMap<>();
                    ((Map<?, ?>) g.getUserData())
                            .forEach((k, v) -> attributes.put(k.toString(), v instanceof Number n ? n.longValue() : v));
                    String entry = attributes + " dimension " + g.getDimension();
                    String before = out.put(attributes.get("id").toString(), entry);
                    assertThat(before == null || before.equals(entry))
                            .as("every part of %s alike", attributes.get("id"))
                            .isTrue();
                }
            }
            return out;
        }

        static TileFilter filter(String type) {
            return new TileFilter(DateRange.ALL, type == null ? Set.of() : Set.of(type), null);
        }

        @Test
        void everyVectorLayerIsNamedAsItsCollection() throws Exception {
            for (String id : List.of("incidents", "all-incidents", "air-strikes", "tiled-points", "tiled-areas")) {
                Http.Response r = http().get("/tiles/" + id + "/" + TilesContractTest.KHOST_Z6 + ".mvt");
                assertThat(r.status()).as(id).isEqualTo(200);
                assertThat(layerNames(r.bytes())).as(id).containsExactly(id);
            }
            // the one tile of every layer holds each once, in their order
            List<String> all =
                    layerNames(http().get("/ogc/tiles/vector/6/25/44").bytes());
            assertThat(all)
                    .doesNotHaveDuplicates()
                    .containsSubsequence(
                            "incidents",
                            "places",
                            "provinces",
                            "all-incidents",
                            "air-strikes",
                            "tiled-points",
                            "tiled-areas");
            assertThat(features(http().get("/tiles/all-incidents/" + TilesContractTest.KHOST_Z6 + ".mvt")
                            .bytes()))
                    .isEqualTo(features(http().get("/tiles/incidents/" + TilesContractTest.KHOST_Z6 + ".mvt")
                            .bytes()));
        }

        @Test
        void aLayerNarrowedByItsConditionHasTheFeaturesOfTheServersEncoderAndOfItsItems() throws Exception {
            int compared = 0;
            for (String id : NARROWED) {
                Collection c = layers.get(id);
                for (int[] a : TILES) {
                    TileRequest t = new TileRequest(a[0], a[1], a[2], "mvt", 1);
                    for (String type : new String[] {null, "shelling"}) {
                        Map<String, String> served = features(renderer.vector(id, t, filter(type)));
                        assertThat(served)
                                .as("%s %s type %s: the store's tile and the server's encoding", id, t, type)
                                .isEqualTo(features(renderer.encode(c, t, filter(type))));
                        compared += served.size();
                    }
                }
                // the region's tile: every item of the collection, nothing else
                List<String> items = new ArrayList<>();
                http().get("/ogc/collections/" + id + "/items?limit=10000")
                        .json()
                        .get("features")
                        .forEach(f -> items.add(f.get("id").asString()));
                int[] region = TILES.get(0);
                assertThat(features(http().get("/tiles/" + id + "/" + region[0] + "/" + region[1] + "/" + region[2]
                                                + ".mvt")
                                        .bytes())
                                .keySet())
                        .as(id)
                        .containsExactlyInAnyOrderElementsOf(items);
            }
            assertThat(compared).as("features compared").isGreaterThan(50);
            // the air strikes are the incidents of type air_strike, attributes and all; the three types are the
            // incidents
            for (int[] a : TILES) {
                String tile = a[0] + "/" + a[1] + "/" + a[2];
                assertThat(features(http().get("/tiles/air-strikes/" + tile + ".mvt")
                                .bytes()))
                        .isEqualTo(features(http().get("/tiles/incidents/" + tile + ".mvt?type=air_strike")
                                .bytes()));
                Map<String, String> typed = new TreeMap<>();
                for (String id : List.of("tiled-points", "tiled-lines", "tiled-areas")) {
                    features(http().get("/tiles/" + id + "/" + tile + ".mvt").bytes())
                            .forEach((k, v) -> {
                                assertThat(v)
                                        .endsWith("dimension "
                                                + layers.get(id).geometryType().dimension());
                                typed.put(k, v);
                            });
                }
                assertThat(typed.keySet())
                        .as(tile)
                        .isEqualTo(new TreeSet<>(features(http().get("/tiles/incidents/" + tile + ".mvt")
                                        .bytes())
                                .keySet()));
            }
        }

        static BufferedImage png(Http.Response r) throws Exception {
            assertThat(r.status()).as(r.body()).isEqualTo(200);
            assertThat(r.contentType()).isEqualTo("image/png");
            return ImageIO.read(new ByteArrayInputStream(r.bytes()));
        }

        @Test
        void aRegisteredLabelNamesItsPlacesFromItsZoomByItsPriority() throws Exception {
            Envelope world = new Envelope(-Mercator.HALF, Mercator.HALF, -Mercator.HALF, Mercator.HALF);
            Label districts = layers.get("district-names").tiles().labels().get(0);
            assertThat(labels.within(8, "en", world))
                    .as("not before its zoom")
                    .noneMatch(p -> p.label().equals(districts));
            List<Labels.Placed> z9 = labels.within(9, "en", world);
            List<Labels.Placed> named =
                    z9.stream().filter(p -> p.label().equals(districts)).toList();
            assertThat(named)
                    .hasSizeGreaterThan(30)
                    .allMatch(p -> p.feature().place().kind().equals("district"));
            // placed and drawn by priority among the server's: capitals, provinces, crossings, these, towns
            assertThat(z9.stream().map(p -> p.label().priority()).toList()).isSorted();
            assertThat(z9.stream().map(p -> p.label().priority())).contains(10, 20, 30, 35, 40);
            for (int i = 0; i < z9.size(); i++) {
                for (int j = i + 1; j < z9.size(); j++) {
                    assertThat(z9.get(i).box().intersects(z9.get(j).box()))
                            .as("%s and %s collide", z9.get(i).text(), z9.get(j).text())
                            .isFalse();
                }
            }
            // drawn in the label tiles: ink in one district's box, and in the tile of its point
            Labels.Placed one = named.get(named.size() / 2);
            double mpp = 2 * Mercator.HALF / 256 / (1 << 9);
            Envelope box = one.box();
            BufferedImage own = renderer.image(
                    box,
                    (int) Math.round(box.getWidth() / mpp),
                    (int) Math.round(box.getHeight() / mpp),
                    9,
                    1,
                    "labels",
                    null,
                    "en");
            assertThat(TilesContractTest.Contract.opaque(own))
                    .as("%s drawn", one.text())
                    .isGreaterThan(30);
            int[] t = tile(
                    9,
                    Mercator.lon(one.feature().label().x),
                    Mercator.lat(one.feature().label().y));
            assertThat(TilesContractTest.Contract.opaque(
                            png(http().get("/tiles/labels/" + t[0] + "/" + t[1] + "/" + t[2] + ".png"))))
                    .isGreaterThan(30);
            // in the reader's script where the gazetteer has the name, else in English (the districts have few)
            assertThat(labels.within(9, "ps", world).stream()
                            .filter(p -> p.label().equals(districts))
                            .toList())
                    .hasSizeGreaterThan(30)
                    .allMatch(p -> p.text()
                            .equals(Objects.requireNonNullElse(
                                    LocalNames.of(p.feature().place(), "ps"),
                                    p.feature().place().name())));
        }

        @Test
        void aRegisteredIncidentsLayerIsARasterOverlayOfItsOwn() throws Exception {
            assertThat(renderer.styles())
                    .containsExactly(
                            "basemap", "incidents", "all-incidents", "air-strikes", "combined", "base", "labels");
            int[] z8 = TILES.get(3);
            for (String tile : List.of(TilesContractTest.KHOST_Z6, z8[0] + "/" + z8[1] + "/" + z8[2])) {
                BufferedImage strikes = png(http().get("/tiles/air-strikes/" + tile + ".png"));
                assertThat(TilesContractTest.Contract.opaque(strikes))
                        .as("air strikes drawn at %s", tile)
                        .isPositive();
                assertThat(TilesContractTest.Contract.differingPixels(
                                strikes, png(http().get("/tiles/incidents/" + tile + ".png?type=air_strike"))))
                        .as("the incidents overlay of type air_strike")
                        .isZero();
                assertThat(TilesContractTest.Contract.differingPixels(
                                png(http().get("/tiles/all-incidents/" + tile + ".png")),
                                png(http().get("/tiles/incidents/" + tile + ".png"))))
                        .isZero();
            }
            assertThat(TilesContractTest.Contract.opaque(
                            png(http().get("/tiles/air-strikes/" + TilesContractTest.KHOST_Z6 + ".png?type=shelling"))))
                    .as("no shelling among the air strikes")
                    .isZero();
            assertThat(http().get("/tiles/air-strikes.json")
                            .json()
                            .get("tiles")
                            .get(0)
                            .asString())
                    .endsWith("/tiles/air-strikes/{z}/{x}/{y}.png");
            assertThat(http().get("/ogc/tiles").body()).contains("/ogc/tiles/air-strikes\"");
            assertThat(http().get("/tiles/tiled-points/6/44/25.png").status())
                    .as("no raster paint, no raster style")
                    .isEqualTo(404);
            assertThat(http().get("/map.png?style=air-strikes&center=70,33.5&zoom=6")
                            .status())
                    .isEqualTo(200);
        }
    }
}
