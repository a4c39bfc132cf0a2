package org.conflictmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Font;
import java.awt.Rectangle;
import java.util.List;
import org.conflictmap.layers.Marks;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The static map's legend stands where it hides the fewest incidents: its own corner (bottom right; bottom left
 * right to left) unless marks are there, then a top corner below the title band.
 */
class StaticMapLegendTest {
    private static final GeometryFactory F = new GeometryFactory();
    private static final int W = 800;
    private static final int H = 700;
    /** A window of 800 × 700 metres: one metre a pixel, y up. */
    private static final Envelope WINDOW = new Envelope(0, W, 0, H);

    private static StaticMap.Legend legend(String lang) {
        List<Marks.Mark> types = List.of(
                new Marks.Mark("air_strike", "Air/drone strike", "#d55e00", "triangle"),
                new Marks.Mark("armed_clash", "Armed clash", "#0072b2", "square"));
        return StaticMap.Legend.of(MapText.of(lang), types, new Font(Painter.FONT, Font.PLAIN, 11), 1);
    }

    /** A point at pixel (x, y) from the top left. */
    private static Geometry at(int x, int y) {
        return F.createPoint(new Coordinate(x, H - y));
    }

    private static Rectangle corner(String lang, List<Geometry> marks) {
        return legend(lang).corner(MapText.of(lang).rtl(), W, H, 60, 1, WINDOW, marks);
    }

    @Test
    void anEmptyCornerKeepsItsPlaceLeftToRightAndRightToLeft() {
        Rectangle en = corner("en", List.of(at(100, 100)));
        assertThat(en.x + en.width).isEqualTo(W - 10);
        assertThat(en.y + en.height).isEqualTo(H - 32);
        Rectangle ur = corner("ur", List.of(at(700, 100)));
        assertThat(ur.x).isEqualTo(10);
        assertThat(ur.y + ur.height).isEqualTo(H - 32);
    }

    @Test
    void marksUnderItsCornerMoveItToTheTopCornerOnItsSideThenTheOther() {
        Rectangle bottomRight = corner("en", List.of());
        Geometry under = at(bottomRight.x + 20, bottomRight.y + 20);
        Rectangle moved = corner("en", List.of(under));
        assertThat(moved.x).isEqualTo(bottomRight.x);
        assertThat(moved.y).isEqualTo(60);
        Rectangle other = corner("en", List.of(under, at(W - 30, 80)));
        assertThat(other.x).isEqualTo(10);
        assertThat(other.y).isEqualTo(60);
        // right to left the same, mirrored
        Rectangle bottomLeft = corner("ur", List.of());
        assertThat(corner("ur", List.of(at(bottomLeft.x + 20, bottomLeft.y + 20))).y)
                .isEqualTo(60);
    }

    @Test
    void anAreaCountsByTheShareOfItUnderTheLegendAndAPointCountsWhole() {
        Rectangle bottomRight = corner("en", List.of());
        // an area reaching under both corners, a larger share of it under the bottom one: the top one is taken
        Geometry area = F.toGeometry(new Envelope(bottomRight.x, W, 0, H - 120));
        assertThat(corner("en", List.of(area)).y).isEqualTo(60);
        // a point in each top corner and a whole area below: one point outweighs the area's share
        Rectangle withPoints = corner("en", List.of(area, at(W - 30, 80), at(30, 80)));
        assertThat(withPoints.y + withPoints.height).isEqualTo(H - 32);
    }

    @Test
    void aMapTooShortForATopCornerKeepsTheBottomOne() {
        Rectangle r = legend("en").corner(false, 400, 160, 60, 1, new Envelope(0, 400, 0, 160), List.of(at(380, 100)));
        assertThat(r.y + r.height).isEqualTo(160 - 32);
    }
}
