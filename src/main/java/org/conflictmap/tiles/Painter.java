package org.conflictmap.tiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.conflictmap.layers.Label;
import org.conflictmap.layers.Marks;
import org.conflictmap.layers.Paint;
import org.locationtech.jts.awt.ShapeWriter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * Draws the basemap (the paints of the collections' tile styles), the labels and the incidents with Java2D
 * (JTS's ShapeWriter turns geometries into shapes) for any EPSG:3857 window and pixel size: tiles and
 * static maps share it. Labels are placed
 * deterministically from the features themselves, so neighbouring tiles agree on them.
 */
final class Painter {
    static final Color SEA = new Color(0xdfe8ee);
    /** The Durand Line's colour (its registration's paint), for the crossings' labels and the static maps' legend. */
    static final Color BORDER = new Color(0x8b2e16);

    static final String FONT = "DejaVu Sans";
    /**
     * How far (pixels at ratio 1) a point incident's marker reaches from its point: its shape at most 8.75
     * (the diamond's and the star's tips; the circle's radius is 7), the contested outline 1.5 beyond.
     */
    static final double MARKER_REACH = 12;
    /** The size of a marker's shape: {@code frontend/symbols.js}'s 24-unit box (the circle's radius 8) to pixels. */
    static final double MARKER_SCALE = 7 / 8.0;

    private final Graphics2D g;
    private final Envelope window;
    private final int zoom;
    private final double ratio;
    private final ShapeWriter shapes;
    private final int width;
    private final int height;
    private final Marks marks;

    /**
     * Paints into {@code g} the 3857 {@code window} at {@code width}×{@code height} device pixels, the incidents
     * in the colours and shapes of their registered {@code marks}.
     */
    Painter(Graphics2D g, Envelope window, int width, int height, int zoom, double ratio, Marks marks) {
        this.g = g;
        this.marks = marks;
        this.window = window;
        this.zoom = zoom;
        this.ratio = ratio;
        this.width = width;
        this.height = height;
        AffineTransform t = new AffineTransform();
        t.scale(width / window.getWidth(), -height / window.getHeight());
        t.translate(-window.getMinX(), -window.getMaxY());
        this.shapes = new ShapeWriter((src, dest) -> {
            dest.setLocation(src.x, src.y);
            t.transform(dest, dest);
        });
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
    }

    /** The sea, under the basemap's paints. */
    void sea() {
        g.setColor(SEA);
        g.fillRect(0, 0, width, height);
    }

    /**
     * One paint of a collection's tile style ({@link Paint}): of the features (in their order) those of
     * {@code kinds}, filled, stroked or marked with a diamond; nothing below its first zoom {@code from}.
     */
    void paint(Paint paint, int from, Set<String> kinds, List<Basemap.Feature> features) {
        if (zoom < from) {
            return;
        }
        float[] dash = paint.dash().isEmpty() ? null : new float[paint.dash().size()];
        for (int k = 0; dash != null && k < dash.length; k++) {
            dash[k] = paint.dash().get(k);
        }
        for (Basemap.Feature f : features) {
            if (!kinds.contains(f.place().kind())) {
                continue;
            }
            switch (paint.symbol()) {
                case FILL -> fill(f.at(zoom), colour(paint.colour(f.place().country())));
                case LINE -> stroke(f.at(zoom), colour(paint.colour()), paint.width(zoom), dash);
                case DIAMOND -> crossing(point(f.label()));
                case MARKS -> throw new IllegalArgumentException("incidents are marked by incidents(…)");
            }
        }
    }

    /** The colour of a type's marks (grey for a type without a registered mark). */
    static Color colour(Marks marks, String type) {
        Marks.Mark m = marks.of(type);
        return m == null ? Color.GRAY : colour(m.colour());
    }

    /** The shape of a type's marks (a circle for a type without a registered mark). */
    static String shape(Marks marks, String type) {
        Marks.Mark m = marks.of(type);
        return m == null ? "circle" : m.shape();
    }

    /**
     * The outlines of {@link Marks#SHAPES} as {@code frontend/symbols.js} draws them: in its 24-unit box,
     * centred on (12, 12), the page's paths' corners.
     */
    private static final Map<String, double[]> OUTLINES = Map.of(
            "square",
            new double[] {5, 5, 19, 5, 19, 19, 5, 19},
            "triangle",
            new double[] {12, 3, 21.5, 19.5, 2.5, 19.5},
            "triangle-down",
            new double[] {2.5, 4.5, 21.5, 4.5, 12, 21},
            "diamond",
            new double[] {12, 2, 22, 12, 12, 22, 2, 12},
            "hexagon",
            new double[] {12, 3, 20, 7.5, 20, 16.5, 12, 21, 4, 16.5, 4, 7.5},
            "star",
            new double[] {
                12, 2, 14.9, 8.6, 22, 9.2, 16.6, 13.9, 18.2, 20.9, 12, 17.2, 5.8, 20.9, 7.4, 13.9, 2, 9.2, 9.1, 8.6
            },
            "cross",
            new double[] {9, 3, 15, 3, 15, 9, 21, 9, 21, 15, 15, 15, 15, 21, 9, 21, 9, 15, 3, 15, 3, 9, 9, 9});

    /** The shapes in a fixed order: a marker's footprint is its shape's index (and whether it is contested). */
    private static final List<String> FOOTPRINTS =
            List.of("circle", "square", "triangle", "triangle-down", "diamond", "hexagon", "star", "cross");

    /**
     * A mark's shape (one of {@link Marks#SHAPES}, else a circle) centred on ({@code cx}, {@code cy}), {@code unit}
     * pixels to one of {@code frontend/symbols.js}'s box units: the page's symbol, as the tiles and the static
     * maps' legend draw it.
     */
    static Shape symbol(String shape, double cx, double cy, double unit) {
        double[] xy = OUTLINES.get(shape);
        if (xy == null) {
            return new Ellipse2D.Double(cx - 8 * unit, cy - 8 * unit, 16 * unit, 16 * unit);
        }
        Path2D.Double path = new Path2D.Double();
        for (int k = 0; k < xy.length; k += 2) {
            double x = cx + (xy[k] - 12) * unit;
            double y = cy + (xy[k + 1] - 12) * unit;
            if (k == 0) {
                path.moveTo(x, y);
            } else {
                path.lineTo(x, y);
            }
        }
        path.closePath();
        return path;
    }

    /** A {@code #rrggbb} colour. */
    static Color colour(String hex) {
        return new Color(Integer.parseInt(hex.substring(1), 16));
    }

    /**
     * The points of the labels {@link Labels} placed for this zoom that mark theirs with a dot (a city's): drawn
     * under the incidents' marks, as the basemap is, so a mark at a city is not cut by the city's dot.
     */
    void dots(List<Labels.Placed> placed) {
        for (Labels.Placed l : placed) {
            if (l.label().dot()) {
                double[] p = point(l.feature().label());
                g.setColor(Color.WHITE);
                double r = Labels.DOT * ratio;
                Shape dot = new Ellipse2D.Double(p[0] - r, p[1] - r, 2 * r, 2 * r);
                g.fill(dot);
                g.setColor(new Color(0x333333));
                g.setStroke(new BasicStroke((float) ratio));
                g.draw(dot);
            }
        }
    }

    /**
     * The texts of the labels {@link Labels} placed for this zoom: each once, none colliding, whole across tile
     * edges, in its registration's letters, colour and halo. Drawn last, over the incidents' marks: no symbol
     * hides a name.
     */
    void names(List<Labels.Placed> placed) {
        for (Labels.Placed l : placed) {
            Label style = l.label();
            label(
                    l.text(),
                    point(l.feature().label()),
                    Labels.font(style, ratio, l.text()),
                    colour(style.colour()),
                    style.dx() * ratio,
                    style.halo() * ratio);
        }
    }

    /** What the painter needs of an incident: where, what type, whether contested, how precise. */
    record Mark(Geometry geometry, String type, boolean contested, String geoPrecision) {}

    void incidents(List<Mark> incidents) {
        for (Mark i : incidents) {
            if (i.geometry().getDimension() == 0) {
                continue;
            }
            Geometry m = Mercator.project(i.geometry());
            Color c = colour(marks, i.type());
            if (m.getDimension() == 2 && i.geoPrecision().equals("border_segment")) {
                // a stretch of the border, a few km either side of the line: a band in the type's colour
                fill(m, new Color(c.getRed(), c.getGreen(), c.getBlue(), 115));
                stroke(m, c, 1.2f, null);
            } else if (m.getDimension() == 2) {
                boolean country = i.geoPrecision().equals("country");
                fill(m, new Color(c.getRed(), c.getGreen(), c.getBlue(), country ? 8 : 40));
                stroke(m, c, 1.5f, new float[] {5, 4});
            } else if (m.getDimension() == 1) {
                stroke(m, new Color(c.getRed(), c.getGreen(), c.getBlue(), 120), 7f, null);
            }
        }
        points(incidents);
    }

    /**
     * The point incidents, in the given order (newest last, so on top). Each marker is a pre-drawn
     * sprite stamped at its pixel (one {@code drawImage}, not an anti-aliased path rasterised per point),
     * and of several markers of the same shape on the same pixel only the last is drawn: it covers
     * the others exactly. At z5 a tile holds ~44,000 points on a few thousand distinct pixels.
     */
    private void points(List<Mark> incidents) {
        int n = incidents.size();
        int[] xs = new int[n];
        int[] ys = new int[n];
        Sprite[] sprites = new Sprite[n];
        // per marker: (pixel, footprint) in the high bits, its index in the low 21, sorted below
        long[] keys = new long[n];
        int kept = 0;
        Map<String, Sprites> byType = new HashMap<>();
        for (int k = 0; k < n; k++) {
            Mark i = incidents.get(k);
            if (i.geometry().getDimension() != 0) {
                continue;
            }
            Sprites marker = byType.computeIfAbsent(i.type(), t -> {
                Color c = colour(marks, t);
                String shape = shape(marks, t);
                return new Sprites(
                        sprite(c, shape, false, ratio),
                        sprite(c, shape, true, ratio),
                        Math.max(0, FOOTPRINTS.indexOf(shape)));
            });
            Sprite s = i.contested() ? marker.contested() : marker.plain();
            Coordinate c = i.geometry().getCoordinate();
            double[] p = point(Mercator.project(c.x, c.y));
            int x = (int) Math.round(p[0] - s.center());
            int y = (int) Math.round(p[1] - s.center());
            int size = s.image().getWidth();
            if (x + size < 0 || y + size < 0 || x > width || y > height) {
                continue;
            }
            sprites[k] = s;
            xs[k] = x;
            ys[k] = y;
            // the footprint: the shape (a square does not cover a star) and whether contested (a wider outline)
            int footprint = marker.shape() << 1 | (i.contested() ? 1 : 0);
            long pixel = ((long) (x + size) << 15 | (y + size)) << 4 | footprint;
            keys[kept++] = pixel << 21 | k;
        }
        // same pixel, same footprint: the last one covers the others
        Arrays.sort(keys, 0, kept);
        BitSet drawn = new BitSet(n);
        for (int j = 0; j < kept; j++) {
            if (j + 1 == kept || keys[j + 1] >>> 21 != keys[j] >>> 21) {
                drawn.set((int) (keys[j] & 0x1F_FFFF));
            }
        }
        for (int k = drawn.nextSetBit(0); k >= 0; k = drawn.nextSetBit(k + 1)) {
            g.drawImage(sprites[k].image(), xs[k], ys[k], null);
        }
    }

    /** A type's two markers (plain and contested) and its shape's index in {@link #FOOTPRINTS}. */
    private record Sprites(Sprite plain, Sprite contested, int shape) {}

    /** A marker drawn once: its image and the pixel offset of its centre. */
    record Sprite(BufferedImage image, double center) {}

    private static final ConcurrentHashMap<String, Sprite> SPRITES = new ConcurrentHashMap<>();

    /**
     * The marker of a point incident: its type's shape ({@link #symbol}) in its type's colour, outlined in
     * red when contested (a ring around the shape), else in white.
     */
    static Sprite sprite(Color colour, String shape, boolean contested, double ratio) {
        return SPRITES.computeIfAbsent(colour.getRGB() + "|" + shape + "|" + contested + "|" + ratio, key -> {
            double r = 10 * MARKER_SCALE * ratio; // the farthest tip of any shape
            double stroke = (contested ? 3 : 1.5) * ratio;
            int size = (int) Math.ceil(2 * (r + stroke / 2)) + 2;
            double c = size / 2.0;
            BufferedImage img = new BufferedImage(size, size, BufferedImage.TYPE_INT_ARGB);
            Graphics2D sg = img.createGraphics();
            try {
                sg.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
                sg.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
                Shape mark = symbol(shape, c, c, MARKER_SCALE * ratio);
                sg.setColor(colour);
                sg.fill(mark);
                sg.setColor(contested ? new Color(0xb03a2e) : Color.WHITE);
                sg.setStroke(new BasicStroke((float) stroke, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                sg.draw(mark);
            } finally {
                sg.dispose();
            }
            return new Sprite(img, c);
        });
    }

    // ------------------------------------------------------------------ primitives

    /** Device pixels of a 3857 coordinate. */
    double[] point(Coordinate m) {
        return new double[] {
            (m.x - window.getMinX()) / window.getWidth() * width, (window.getMaxY() - m.y) / window.getHeight() * height
        };
    }

    private void fill(Geometry m, Color c) {
        g.setColor(c);
        g.fill(shapes.toShape(m));
    }

    private void stroke(Geometry m, Color c, float width, float[] dash) {
        g.setColor(c);
        g.setStroke(new BasicStroke(
                (float) (width * ratio),
                BasicStroke.CAP_ROUND,
                BasicStroke.JOIN_ROUND,
                10f,
                dash == null ? null : scale(dash),
                0f));
        g.draw(shapes.toShape(m));
    }

    private float[] scale(float[] dash) {
        float[] d = dash.clone();
        for (int k = 0; k < d.length; k++) {
            d[k] *= (float) ratio;
        }
        return d;
    }

    private void crossing(double[] p) {
        double s = 6 * ratio;
        Path2D.Double diamond = new Path2D.Double();
        diamond.moveTo(p[0], p[1] - s);
        diamond.lineTo(p[0] + s, p[1]);
        diamond.lineTo(p[0], p[1] + s);
        diamond.lineTo(p[0] - s, p[1]);
        diamond.closePath();
        g.setColor(Color.WHITE);
        g.fill(diamond);
        g.setColor(new Color(0x222222));
        g.setStroke(new BasicStroke((float) (2.2 * ratio)));
        g.draw(diamond);
    }

    /**
     * Text with a white halo reaching {@code halo} pixels beyond its letters; {@code dx} > 0 puts it right of
     * the point, 0 centres it. Arabic script is laid out by a TextLayout (shaped: joined letter forms, right to
     * left), as drawString would.
     */
    void label(String text, double[] p, Font font, Color colour, double dx, double halo) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        float x = (float) (dx > 0 ? p[0] + dx : p[0] - fm.stringWidth(text) / 2.0);
        float y = (float) (p[1] + fm.getAscent() / 2.0 - 1);
        Shape outline = Labels.arabic(text)
                ? new TextLayout(text, font, g.getFontRenderContext())
                        .getOutline(AffineTransform.getTranslateInstance(x, y))
                : font.createGlyphVector(g.getFontRenderContext(), text).getOutline(x, y);
        g.setColor(new Color(255, 255, 255, 220));
        if (halo > 0) {
            g.setStroke(new BasicStroke((float) (2 * halo), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            g.draw(outline);
        }
        g.setColor(colour);
        g.fill(outline);
    }
}
