package org.conflictmap.tiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import org.conflictmap.layers.Marks;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A print- and social-ready picture: the map of a window with its title, legend, scale bar, date
 * range and attribution drawn in. {@code scale} multiplies every pixel (2 for print).
 */
final class StaticMap {
    /**
     * The types the legend shows, in its order: the registered marks but the catch-all {@code other}, by value.
     */
    static List<Marks.Mark> legendTypes(Marks marks) {
        return marks.classes().stream()
                .filter(m -> !m.value().equals("other"))
                .sorted(Comparator.comparing(Marks.Mark::value))
                .toList();
    }

    private static final Color INK = new Color(0x1d2329);
    /** How text is measured and drawn here: antialiased, whole pixels (the image's own context). */
    private static final FontRenderContext TEXT = new FontRenderContext(null, true, false);

    private static final GeometryFactory GEOMETRIES = new GeometryFactory();

    private StaticMap() {}

    /** The zoom at which the window's width fits {@code width} CSS pixels. */
    static int zoomFor(Envelope window, int width, int maxZoom) {
        double metresPerPixel = window.getWidth() / width;
        int z = (int) Math.floor(Math.log(2 * Mercator.HALF / 256 / metresPerPixel) / Math.log(2) + 1e-9);
        return Math.max(0, Math.min(maxZoom, z));
    }

    /**
     * The map with its words in {@code lang} (en, ps, fa, ur; {@link MapText}): in Pashto, Dari and Urdu
     * the title reads from the right edge and the legend, scale bar and attribution swap sides, as the page does.
     */
    static BufferedImage draw(
            TileRenderer renderer,
            Envelope window,
            int width,
            int height,
            int scale,
            String style,
            TileFilter filter,
            String title,
            String lang,
            int maxZoom) {
        int w = width * scale;
        int h = height * scale;
        MapText text = MapText.of(lang);
        Font small = new Font(Painter.FONT, Font.PLAIN, 11 * scale);
        int pad = 10 * scale;
        String period = filter.period().isAll()
                ? text.t("allDates")
                : (filter.period().start() == null
                                ? "…"
                                : text.day(filter.period().start())) + " – "
                        + (filter.period().end() == null
                                ? "…"
                                : text.day(filter.period().end()));
        // laid out before the map is drawn: the legend's top corners start under the title band it makes
        TextLayout head = text.layout(
                title == null || title.isBlank() ? text.t("pageTitle") : title,
                new Font(Painter.FONT, Font.BOLD, 18 * scale),
                TEXT);
        TextLayout sub = text.layout(period + " · " + text.t("mapClaimsNote"), small, TEXT);
        int headH = lineHeight(head);
        int band = headH + lineHeight(sub) + pad + pad / 2;
        Legend legend = renderer.drawsIncidents(style) && height >= 200 && width >= 300
                ? Legend.of(text, legendTypes(renderer.marks()), small, scale)
                : null;
        LegendPlacement placement =
                legend == null ? null : new LegendPlacement(legend, text.rtl(), w, h, band + pad / 2, scale, window);
        BufferedImage img =
                renderer.image(window, w, h, zoomFor(window, width, maxZoom), scale, style, filter, lang, placement);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        try {
            g.setColor(new Color(255, 255, 255, 225));
            g.fillRect(0, 0, w, band);
            g.setColor(INK);
            draw(g, head, text.rtl() ? w - pad : pad, pad + head.getAscent(), text.rtl());
            g.setColor(new Color(0x5b6670));
            draw(g, sub, text.rtl() ? w - pad : pad, pad + headH + sub.getAscent(), text.rtl());
            if (placement != null && placement.at() != null) {
                legend.draw(g, text.rtl(), placement.at(), scale);
            }
            TextLayout attribution = text.layout(
                    "Conflict Map Server · " + text.t("attribution") + " Natural Earth, GeoNames (CC BY 4.0)",
                    small,
                    TEXT);
            int aw = (int) Math.ceil(attribution.getAdvance());
            int ah = lineHeight(attribution);
            // the scale bar beside the attribution, or above it where a narrow map has no room for both
            scaleBar(g, text, window, w, h, scale, small, w - aw - 2 * pad, ah + pad);
            g.setColor(new Color(255, 255, 255, 210));
            g.fillRect(text.rtl() ? 0 : w - aw - 2 * pad, h - ah - pad / 2, aw + 2 * pad, ah + pad / 2);
            g.setColor(new Color(0x333333));
            // right to left the line starts at its right end: a map too narrow for it cuts its left end, not its start
            draw(
                    g,
                    attribution,
                    text.rtl() ? Math.min(w - pad, aw + pad) : w - aw - pad,
                    h - pad / 2 - attribution.getDescent(),
                    text.rtl());
        } finally {
            g.dispose();
        }
        return img;
    }

    private static int lineHeight(TextLayout l) {
        return (int) Math.ceil(l.getAscent() + l.getDescent() + l.getLeading());
    }

    /** Draws a line starting at x (its left end, or its right end when {@code fromRight}) on the baseline y. */
    private static void draw(Graphics2D g, TextLayout l, float x, float y, boolean fromRight) {
        l.draw(g, fromRight ? x - l.getAdvance() : x, y);
    }

    /** The pixels of a box as EPSG:3857 metres of the window. */
    private static Envelope envelope(Rectangle r, Envelope window, int w, int h) {
        double sx = window.getWidth() / w;
        double sy = window.getHeight() / h;
        return new Envelope(
                window.getMinX() + r.x * sx,
                window.getMinX() + (r.x + r.width) * sx,
                window.getMaxY() - (r.y + r.height) * sy,
                window.getMaxY() - r.y * sy);
    }

    /**
     * Where the legend goes, decided when the renderer knows the incidents' marks (it then keeps place names
     * out of the box it is given): {@link Legend#corner}, remembered for drawing the legend over the map.
     */
    static final class LegendPlacement implements Function<List<Geometry>, Envelope> {
        private final Legend legend;
        private final boolean rtl;
        private final int w;
        private final int h;
        private final int top;
        private final int scale;
        private final Envelope window;
        private Rectangle at;

        LegendPlacement(Legend legend, boolean rtl, int w, int h, int top, int scale, Envelope window) {
            this.legend = legend;
            this.rtl = rtl;
            this.w = w;
            this.h = h;
            this.top = top;
            this.scale = scale;
            this.window = window;
        }

        @Override
        public Envelope apply(List<Geometry> marks) {
            at = legend.corner(rtl, w, h, top, scale, window, marks);
            return envelope(at, window, w, h);
        }

        /** The legend's box in pixels, or null before the map was drawn. */
        Rectangle at() {
            return at;
        }
    }

    /** The legend's rows (each type, then an area, a stretch of the border, the Durand Line) and its size. */
    record Legend(List<Marks.Mark> types, List<TextLayout> rows, int line, int width, int height) {
        static Legend of(MapText text, List<Marks.Mark> types, Font font, int scale) {
            FontRenderContext frc = TEXT;
            List<TextLayout> rows = new ArrayList<>();
            for (Marks.Mark type : types) {
                rows.add(text.layout(text.tOr("type." + type.value(), type.label()), font, frc));
            }
            rows.add(text.layout(text.t("mapArea"), font, frc));
            rows.add(text.layout(text.t("legendSegment"), font, frc));
            rows.add(text.layout(text.t("legendBorder"), font, frc));
            int line = rows.stream().mapToInt(StaticMap::lineHeight).max().orElse(0);
            int boxW = (int) Math.ceil(rows.stream()
                            .mapToDouble(TextLayout::getAdvance)
                            .max()
                            .orElse(0))
                    + 30 * scale;
            return new Legend(types, rows, line, boxW, rows.size() * line + 8 * scale);
        }

        /**
         * Where the legend covers the fewest incidents: its own corner (bottom right, bottom left right to left,
         * above the attribution), else the top corner on that side, else the other top corner, below the title
         * band; a tie keeps the earlier. A point's mark counts one, a line or an area the share of it covered.
         */
        Rectangle corner(boolean rtl, int w, int h, int titleBand, int scale, Envelope window, List<Geometry> marks) {
            int leading = rtl ? 10 * scale : w - width - 10 * scale;
            int other = rtl ? w - width - 10 * scale : 10 * scale;
            int bottom = h - height - 32 * scale;
            List<Rectangle> corners = new ArrayList<>(List.of(new Rectangle(leading, bottom, width, height)));
            if (titleBand + height + 32 * scale <= h) {
                corners.add(new Rectangle(leading, titleBand, width, height));
                corners.add(new Rectangle(other, titleBand, width, height));
            }
            double reach = Painter.MARKER_REACH * scale * window.getWidth() / w;
            Rectangle best = corners.get(0);
            double fewest = Double.MAX_VALUE;
            for (Rectangle c : corners) {
                Envelope box = envelope(c, window, w, h);
                Geometry area = GEOMETRIES.toGeometry(box);
                double covered = 0;
                for (Geometry m : marks) {
                    if (m.getDimension() == 0) {
                        covered += m.getEnvelopeInternal().distance(box) <= reach ? 1 : 0;
                    } else if (m.getEnvelopeInternal().intersects(box)) {
                        covered += covered(m, area);
                    }
                }
                if (covered < fewest) {
                    fewest = covered;
                    best = c;
                }
            }
            return best;
        }

        /** The share of a line's length or an area's surface inside the box, up to one point's worth. */
        private static double covered(Geometry m, Geometry box) {
            try {
                Geometry inside = m.intersection(box);
                return m.getDimension() == 1
                        ? inside.getLength() / Math.max(m.getLength(), 1e-9)
                        : inside.getArea() / Math.max(m.getArea(), 1e-9);
            } catch (RuntimeException e) {
                // an invalid geometry (JTS's TopologyException): counted as touching
                return 0.2;
            }
        }

        void draw(Graphics2D g, boolean rtl, Rectangle at, int scale) {
            int x = at.x;
            int y = at.y;
            g.setColor(new Color(255, 255, 255, 225));
            g.fillRoundRect(x, y, width, height, 6 * scale, 6 * scale);
            // the swatch 6-18 px from the box's leading edge (its right edge in right-to-left), the words after it
            int swatch = rtl ? x + width - 18 * scale : x + 6 * scale;
            int words = rtl ? x + width - 22 * scale : x + 22 * scale;
            for (int k = 0; k < rows.size(); k++) {
                int cy = y + 4 * scale + k * line;
                if (k < types.size()) {
                    // the type's shape in its colour, as the map draws its marks (the circle 10 px wide)
                    g.setColor(Painter.colour(types.get(k).colour()));
                    g.fill(Painter.symbol(types.get(k).shape(), swatch + 6 * scale, cy + line / 2.0, 5 / 8.0 * scale));
                } else if (k == types.size()) {
                    g.setColor(new Color(217, 130, 43, 60));
                    g.fillRect(swatch, cy + 2 * scale, 12 * scale, line - 6 * scale);
                } else if (k == types.size() + 1) {
                    // a report along a stretch of the border: the band Painter draws in the type's colour
                    g.setColor(new Color(0x3b, 0x3b, 0x3b, 115));
                    g.fillRect(swatch, cy + line / 2 - 3 * scale, 12 * scale, 6 * scale);
                } else {
                    g.setColor(Painter.BORDER);
                    g.setStroke(new BasicStroke(
                            2f * scale,
                            BasicStroke.CAP_BUTT,
                            BasicStroke.JOIN_ROUND,
                            10f,
                            new float[] {6f * scale, 4f * scale},
                            0));
                    g.drawLine(swatch, cy + line / 2, swatch + 12 * scale, cy + line / 2);
                }
                g.setColor(INK);
                StaticMap.draw(
                        g,
                        rows.get(k),
                        words,
                        cy + (line - lineHeight(rows.get(k))) / 2f + rows.get(k).getAscent(),
                        rtl);
            }
        }
    }

    /**
     * A bar of a round number of kilometres, at the bottom left (bottom right in right-to-left), raised
     * by {@code lift} pixels when it would not fit in the {@code room} pixels the attribution leaves.
     */
    private static void scaleBar(
            Graphics2D g, MapText text, Envelope window, int w, int h, int scale, Font font, int room, int lift) {
        double midLat = Mercator.lat((window.getMinY() + window.getMaxY()) / 2);
        double metresPerPixel = window.getWidth() / w * Math.cos(Math.toRadians(midLat));
        double target = metresPerPixel * 120 * scale;
        double[] nice = {1, 2, 5};
        double km = 1;
        for (double p = 1; p < 1e5; p *= 10) {
            for (double n : nice) {
                if (n * p * 1000 <= target) {
                    km = n * p;
                }
            }
        }
        int len = (int) Math.round(km * 1000 / metresPerPixel);
        TextLayout label = text.layout(text.t("km", "n", km), font, g.getFontRenderContext());
        int labelW = (int) Math.ceil(label.getAdvance());
        int boxW = len + labelW + 14 * scale;
        int left = text.rtl() ? w - 6 * scale - boxW : 6 * scale;
        // the bar at the box's leading side, its length in words after it
        int x = text.rtl() ? left + boxW - 4 * scale - len : left + 4 * scale;
        int y = h - 14 * scale - (boxW + 12 * scale > room ? lift : 0);
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(left, y - 16 * scale, boxW, 24 * scale);
        g.setColor(INK);
        g.setStroke(new BasicStroke(2f * scale));
        g.drawLine(x, y, x + len, y);
        g.drawLine(x, y - 5 * scale, x, y);
        g.drawLine(x + len, y - 5 * scale, x + len, y);
        draw(g, label, text.rtl() ? x - 6 * scale : x + len + 6 * scale, y, text.rtl());
    }
}
