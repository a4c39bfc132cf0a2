package org.conflictmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.incidents.IncidentType;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.GeometryType;
import org.conflictmap.layers.Label;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.TileStyle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The raster labels on both stores: placed once per zoom from the registered {@link Label}s, none colliding,
 * the higher priority keeping the room; whole across tile edges; and drawn over the incidents' marks, so
 * that no symbol hides a place's name (the capital's, under a cluster of marks).
 */
class LabelsContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    static final Envelope WORLD = new Envelope(-Mercator.HALF, Mercator.HALF, -Mercator.HALF, Mercator.HALF);

    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        Labels labels;

        @Autowired
        Basemap basemap;

        @Autowired
        TileRenderer renderer;

        Http http() {
            return new Http(port);
        }

        @Test
        void labelsArePlacedOnceWithoutCollisionsCapitalsFirst() {
            Envelope world = new Envelope(-Mercator.HALF, Mercator.HALF, -Mercator.HALF, Mercator.HALF);
            for (int z = 4; z <= 12; z++) {
                List<Labels.Placed> placed = labels.within(z, "en", world);
                assertThat(placed).as("labels at z%s", z).isNotEmpty();
                assertThat(placed.stream()
                                .map(p -> p.feature().place().id())
                                .distinct()
                                .count())
                        .as("each label once at z%s", z)
                        .isEqualTo(placed.size());
                for (int i = 0; i < placed.size(); i++) {
                    for (int j = i + 1; j < placed.size(); j++) {
                        assertThat(placed.get(i).box().intersects(placed.get(j).box()))
                                .as(
                                        "z%s: %s and %s collide",
                                        z, placed.get(i).text(), placed.get(j).text())
                                .isFalse();
                    }
                }
            }
            // the capital wins over the city beside it and the territory around it
            for (int z : new int[] {5, 6, 7}) {
                assertThat(labels.within(z, "en", world).stream().map(Labels.Placed::text))
                        .as("z%s", z)
                        .contains("Islamabad");
            }
        }

        @Test
        void tilesDrawEveryLabelWholeAcrossTheirEdges() throws Exception {
            // the four z8 tiles around Torkham, stitched, are the picture of their window drawn at once
            int z = 8;
            Coordinate torkham = Mercator.project(71.09, 34.11);
            int x0 = (int) Math.floor((torkham.x + Mercator.HALF) / (2 * Mercator.HALF) * (1 << z) - 0.5);
            int y0 = (int) Math.floor((Mercator.HALF - torkham.y) / (2 * Mercator.HALF) * (1 << z) - 0.5);
            BufferedImage stitched = new BufferedImage(512, 512, BufferedImage.TYPE_INT_ARGB);
            for (int dx = 0; dx < 2; dx++) {
                for (int dy = 0; dy < 2; dy++) {
                    BufferedImage tile = TilesContractTest.Contract.png(
                            http().get("/tiles/labels/" + z + "/" + (x0 + dx) + "/" + (y0 + dy) + ".png"));
                    stitched.getGraphics().drawImage(tile, dx * 256, dy * 256, null);
                }
            }
            Envelope window = Mercator.tile(z, x0, y0);
            window.expandToInclude(Mercator.tile(z, x0 + 1, y0 + 1));
            BufferedImage whole = renderer.image(window, 512, 512, z, 1, "labels", null, "en");
            long differ = 0;
            long inked = 0;
            for (int y = 0; y < 512; y++) {
                for (int x = 0; x < 512; x++) {
                    boolean a = (stitched.getRGB(x, y) >>> 24) > 64;
                    boolean b = (whole.getRGB(x, y) >>> 24) > 64;
                    inked += b ? 1 : 0;
                    differ += a != b ? 1 : 0;
                }
            }
            assertThat(inked).as("labels drawn here").isGreaterThan(200);
            assertThat(differ)
                    .as("pixels where the tiles and the whole picture disagree")
                    .isLessThan(inked / 50);
        }

        /** A gazetteer layer of {@code kinds} whose one raster label is {@code label}. */
        static Collection named(String id, Set<String> kinds, Label label) {
            return new Collection(
                    id,
                    id,
                    "Places named for a test of the labels: " + id + ".",
                    GeometryType.POINT,
                    new Source.Places(kinds),
                    List.of(),
                    new TileStyle(0, null, false, List.of("id")).labelled(label),
                    List.of(),
                    false);
        }

        static long count(List<Labels.Placed> placed, String kind) {
            return placed.stream()
                    .filter(p -> p.feature().place().kind().equals(kind))
                    .count();
        }

        /** Every town's name at priority 2 (no population asked: they crowd), and the provinces' at {@code provinces}. */
        Labels townsAndProvinces(int provinces) {
            return new Labels(
                    basemap,
                    new Layers(List.of(
                            named(
                                    "t-towns",
                                    Set.of("city", "town"),
                                    Label.names(2, "city", "town").dotted()),
                            named(
                                    "t-provinces",
                                    Set.of("province"),
                                    Label.names(provinces).right(0)))));
        }

        @Test
        void aLabelOfHigherPriorityKeepsTheRoomWhereTwoWouldCollide() {
            // the provinces' and the towns' names, one way round, then the other
            Labels provincesFirst = townsAndProvinces(1);
            Labels townsFirst = townsAndProvinces(3);
            int z = 6;
            List<Labels.Placed> a = provincesFirst.within(z, "en", WORLD);
            List<Labels.Placed> b = townsFirst.within(z, "en", WORLD);
            for (List<Labels.Placed> placed : List.of(a, b)) {
                for (int i = 0; i < placed.size(); i++) {
                    for (int j = i + 1; j < placed.size(); j++) {
                        assertThat(placed.get(i).box().intersects(placed.get(j).box()))
                                .as(
                                        "%s and %s collide",
                                        placed.get(i).text(), placed.get(j).text())
                                .isFalse();
                    }
                }
            }
            assertThat(count(a, "province")).as("provinces first").isGreaterThan(count(b, "province"));
            assertThat(count(b, "city") + count(b, "town"))
                    .as("towns first")
                    .isGreaterThan(count(a, "city") + count(a, "town"));
            // a province named first and not second lost its room to a label placed before it (a town, or a province
            // a town freed the room for): none is left out but for a collision
            List<Labels.Placed> lost = a.stream()
                    .filter(p -> p.feature().place().kind().equals("province"))
                    .filter(p -> b.stream()
                            .noneMatch(q -> q.feature()
                                    .place()
                                    .id()
                                    .equals(p.feature().place().id())))
                    .toList();
            assertThat(lost).isNotEmpty();
            for (Labels.Placed p : lost) {
                assertThat(b.stream().anyMatch(q -> q.box().intersects(p.box())))
                        .as("%s gave way", p.text())
                        .isTrue();
            }
            assertThat(lost.stream()
                            .anyMatch(p -> b.stream()
                                    .filter(q -> !q.feature().place().kind().equals("province"))
                                    .anyMatch(q -> q.box().intersects(p.box()))))
                    .as("a province gave way to a town")
                    .isTrue();
        }

        @Test
        void aCapitalsNameIsDrawnOverTheIncidentsMarksWithItsHalo() {
            int z = 8;
            double mpp = 2 * Mercator.HALF / 256 / (1 << z);
            Labels.Placed islamabad = labels.within(z, "en", WORLD).stream()
                    .filter(p -> p.text().equals("Islamabad"))
                    .findFirst()
                    .orElseThrow();
            Coordinate at = islamabad.feature().label();
            Envelope box = islamabad.box();
            // marks of every type in two rows along the name, 12 px apart: the name lies under a row of symbols
            String run = UUID.randomUUID().toString().substring(0, 8);
            List<String> ids = new ArrayList<>();
            IncidentType[] types = IncidentType.values();
            try {
                for (double x = box.getMinX(); x <= box.getMaxX(); x += 12 * mpp) {
                    for (double dy : new double[] {-4, 4}) {
                        String id = "label-cover-" + run + "-" + ids.size();
                        Http.Response created = http().send(
                                        "POST",
                                        "/api/incidents",
                                        """
                                {"id": "%s", "title": "Label cover test", "type": "%s",
                                 "occurred": {"start": "2031-06-06", "precision": "day"},
                                 "geometry": {"type": "Point", "coordinates": [%s, %s]}, "geo_precision": "exact"}""".formatted(
                                                        id,
                                                        types[ids.size() % types.length].id(),
                                                        Mercator.lon(x),
                                                        Mercator.lat(at.y + dy * mpp)),
                                        "Content-Type",
                                        "application/json",
                                        "Authorization",
                                        EDITOR_AUTH);
                        assertThat(created.status()).as(created.body()).isEqualTo(201);
                        ids.add(id);
                    }
                }
                Envelope window = new Envelope(box);
                window.expandBy(20 * mpp);
                int w = (int) Math.round(window.getWidth() / mpp);
                int h = (int) Math.round(window.getHeight() / mpp);
                TileFilter day = TileFilter.parse(Map.of("datetime", "2031-06-06/2031-06-07")::get);
                BufferedImage marked = renderer.image(window, w, h, z, 1, "combined", day, "en");
                BufferedImage bare = renderer.image(window, w, h, z, 1, "basemap", day, "en");
                BufferedImage names = renderer.image(window, w, h, z, 1, "labels", day, "en");
                assertThat(TilesContractTest.Contract.differingPixels(marked, bare))
                        .as("pixels the marks change around the name")
                        .isGreaterThan(w * h / 8);
                double[] point = {(at.x - window.getMinX()) / mpp, (window.getMaxY() - at.y) / mpp};
                long ink = 0;
                long covered = 0;
                long halo = 0;
                long darkHalo = 0;
                int letters =
                        0xff000000 | Integer.parseInt(islamabad.label().colour().substring(1), 16);
                for (int y = 0; y < h; y++) {
                    for (int x = 0; x < w; x++) {
                        int n = names.getRGB(x, y);
                        int m = marked.getRGB(x, y);
                        if (n == letters) {
                            // a pixel the letters cover whole: the same on the map with the marks
                            ink++;
                            covered += m != n ? 1 : 0;
                        } else if ((n >>> 24) >= 215
                                && (n & 0xffffff) == 0xffffff
                                && Math.hypot(x - point[0], y - point[1]) > 5) {
                            // the halo (not the city's dot, which the marks may cover): light over any mark
                            halo++;
                            int least = Math.min(m >> 16 & 0xff, Math.min(m >> 8 & 0xff, m & 0xff));
                            darkHalo += least < 190 ? 1 : 0;
                        }
                    }
                }
                assertThat(ink).as("pixels of the letters").isGreaterThan(60);
                assertThat(covered).as("pixels of the letters a mark covers").isZero();
                assertThat(halo).as("pixels of the halo").isGreaterThan(60);
                assertThat(darkHalo).as("pixels of the halo a mark darkens").isZero();
            } finally {
                for (String id : ids) {
                    http().send(
                                    "DELETE",
                                    "/api/incidents/" + id,
                                    (String) null,
                                    "Authorization",
                                    EDITOR_AUTH,
                                    "If-Match",
                                    "\"1\"");
                }
            }
        }
    }
}
