package org.conflictmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import org.conflictmap.incidents.IncidentType;
import org.conflictmap.layers.Marks;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * Issue 21: the raster marks tell types apart by shape as well as colour. A point incident of each type,
 * painted by {@link Painter} (as the tiles and {@code /map.png} paint them) alone at a known point of a
 * 64 px window, is a marker in its type's colour (the page's: one palette) whose drawn pixels differ from
 * every other type's; the contested ring widens each.
 */
class MarkerShapeTest {
    static final Marks MARKS = new Marks(
            "type",
            Arrays.stream(IncidentType.values())
                    .map(t -> new Marks.Mark(t.id(), t.label(), t.colour(), t.shape()))
                    .toList());
    static final int SIZE = 64;

    @Test
    void eachTypesMarkerHasItsOwnShapeInItsOwnColour() {
        List<BitSet> masks = new ArrayList<>();
        for (IncidentType t : IncidentType.values()) {
            BufferedImage img = paint(t, false);
            assertThat(img.getRGB(SIZE / 2, SIZE / 2) & 0xffffff)
                    .as(t.id() + "'s marker at its point is its colour")
                    .isEqualTo(Integer.parseInt(t.colour().substring(1), 16));
            BitSet mask = mask(img);
            int drawn = mask.cardinality();
            // about the old disc's size (radius 7 plus the outline: ~190 px), so labels and collisions stay sane
            assertThat(drawn).as(t.id() + "'s marker's pixels").isBetween(120, 400);
            for (int k = 0; k < masks.size(); k++) {
                assertThat(masks.get(k))
                        .as(t.id() + "'s marker has the shape of " + IncidentType.values()[k].id() + "'s")
                        .isNotEqualTo(mask);
                BitSet diff = (BitSet) masks.get(k).clone();
                diff.xor(mask);
                assertThat(diff.cardinality())
                        .as(t.id() + " and " + IncidentType.values()[k].id() + " differ by more than anti-aliasing")
                        .isGreaterThan(12);
            }
            masks.add(mask);
        }
    }

    @Test
    void aContestedMarkerIsRingedAroundItsShape() {
        for (IncidentType t : IncidentType.values()) {
            BitSet plain = mask(paint(t, false));
            BitSet contested = mask(paint(t, true));
            BitSet outside = (BitSet) contested.clone();
            outside.andNot(plain);
            assertThat(outside.cardinality()).as(t.id() + "'s ring").isGreaterThan(20);
            BufferedImage img = paint(t, true);
            assertThat(img.getRGB(SIZE / 2, SIZE / 2) & 0xffffff)
                    .isEqualTo(Integer.parseInt(t.colour().substring(1), 16));
        }
    }

    /** One point incident of this type at the window's centre, on a transparent image. */
    private static BufferedImage paint(IncidentType type, boolean contested) {
        BufferedImage img = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
        Coordinate centre = Mercator.project(69.2, 34.5);
        double half = 2_000; // metres: 64 px over 4 km
        Graphics2D g = img.createGraphics();
        try {
            Painter p = new Painter(
                    g,
                    new Envelope(centre.x - half, centre.x + half, centre.y - half, centre.y + half),
                    SIZE,
                    SIZE,
                    12,
                    1,
                    MARKS);
            p.incidents(List.of(new Painter.Mark(
                    new GeometryFactory().createPoint(new Coordinate(69.2, 34.5)), type.id(), contested, "exact")));
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The pixels the marker covers at least half. */
    private static BitSet mask(BufferedImage img) {
        BitSet m = new BitSet(SIZE * SIZE);
        for (int y = 0; y < SIZE; y++) {
            for (int x = 0; x < SIZE; x++) {
                if ((img.getRGB(x, y) >>> 24) >= 128) {
                    m.set(y * SIZE + x);
                }
            }
        }
        return m;
    }
}
