package org.conflictmap.tiles;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

import org.locationtech.jts.geom.Envelope;

/**
 * A print- and social-ready picture: the map of a window with its title, legend, scale bar, date
 * range and attribution drawn in. {@code scale} multiplies every pixel (2 for print).
 */
final class StaticMap {
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH).withZone(ZoneOffset.UTC);
    static final Map<String, String> TYPE_NAMES = Map.of("air_strike", "Air/drone strike", "armed_clash", "Armed clash",
            "shelling", "Shelling", "suicide_bomb", "Suicide bombing", "cross_border_fire", "Cross-border fire",
            "shoot_down_claim", "Shoot-down claim", "remote_explosive", "Remote explosive");

    private StaticMap() {
    }

    /** The zoom at which the window's width fits {@code width} CSS pixels. */
    static int zoomFor(Envelope window, int width) {
        double metresPerPixel = window.getWidth() / width;
        int z = (int) Math.floor(Math.log(2 * Mercator.HALF / 256 / metresPerPixel) / Math.log(2));
        return Math.max(0, Math.min(14, z));
    }

    static BufferedImage draw(TileRenderer renderer, Envelope window, int width, int height, int scale, String style,
            TileFilter filter, String title, String lang) {
        int w = width * scale;
        int h = height * scale;
        BufferedImage img = renderer.image(window, w, h, zoomFor(window, width), scale, style, filter, lang);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        try {
            int pad = 10 * scale;
            Font titleFont = new Font(Painter.FONT, Font.BOLD, 18 * scale);
            Font small = new Font(Painter.FONT, Font.PLAIN, 11 * scale);
            String period = filter.period().isAll() ? "All reported incidents"
                    : (filter.period().start() == null ? "…" : DAY.format(filter.period().start())) + " – "
                            + (filter.period().end() == null ? "…" : DAY.format(filter.period().end()));
            g.setFont(titleFont);
            FontMetrics tm = g.getFontMetrics();
            int boxH = tm.getHeight() + g.getFontMetrics(small).getHeight() + pad;
            g.setColor(new Color(255, 255, 255, 225));
            g.fillRect(0, 0, w, boxH + pad / 2);
            g.setColor(new Color(0x1d2329));
            g.drawString(title == null ? "Afghanistan–Pakistan border conflict" : title, pad, pad + tm.getAscent());
            g.setFont(small);
            g.setColor(new Color(0x5b6670));
            g.drawString(period + " · figures are claims by the parties, not established facts", pad,
                    pad + tm.getHeight() + g.getFontMetrics().getAscent());
            if (TileRenderer.INCIDENT_STYLES.contains(style) && height >= 200 && width >= 300) {
                legend(g, w, h, scale, small);
            }
            scaleBar(g, window, w, h, scale, small);
            String attribution = "Conflict Map Server · Natural Earth, GeoNames (CC BY 4.0)";
            FontMetrics sm = g.getFontMetrics(small);
            g.setColor(new Color(255, 255, 255, 210));
            g.fillRect(w - sm.stringWidth(attribution) - 2 * pad, h - sm.getHeight() - pad / 2, sm.stringWidth(attribution) + 2 * pad,
                    sm.getHeight() + pad / 2);
            g.setColor(new Color(0x333333));
            g.drawString(attribution, w - sm.stringWidth(attribution) - pad, h - pad / 2 - sm.getDescent());
        } finally {
            g.dispose();
        }
        return img;
    }

    private static void legend(Graphics2D g, int w, int h, int scale, Font font) {
        g.setFont(font);
        FontMetrics fm = g.getFontMetrics();
        int line = fm.getHeight();
        int rows = TYPE_NAMES.size() + 3;
        int boxW = 170 * scale;
        int x = w - boxW - 10 * scale;
        int y = h - rows * line - 40 * scale;
        g.setColor(new Color(255, 255, 255, 225));
        g.fillRoundRect(x, y, boxW, rows * line + 8 * scale, 6 * scale, 6 * scale);
        int k = 0;
        for (String type : new java.util.TreeSet<>(TYPE_NAMES.keySet())) {
            int cy = y + 4 * scale + k * line;
            g.setColor(Painter.TYPE.get(type));
            g.fillOval(x + 6 * scale, cy + line / 2 - 5 * scale, 10 * scale, 10 * scale);
            g.setColor(new Color(0x1d2329));
            g.drawString(TYPE_NAMES.get(type), x + 22 * scale, cy + fm.getAscent());
            k++;
        }
        int cy = y + 4 * scale + k * line;
        g.setColor(new Color(217, 130, 43, 60));
        g.fillRect(x + 6 * scale, cy + 2 * scale, 12 * scale, line - 6 * scale);
        g.setColor(new Color(0x1d2329));
        g.drawString("Area: province-level report", x + 22 * scale, cy + fm.getAscent());
        cy += line;
        // a report along a stretch of the border: the band Painter draws in the type's colour
        g.setColor(new Color(0x3b, 0x3b, 0x3b, 115));
        g.fillRect(x + 6 * scale, cy + line / 2 - 3 * scale, 12 * scale, 6 * scale);
        g.setColor(new Color(0x1d2329));
        g.drawString("Along a stretch of the border", x + 22 * scale, cy + fm.getAscent());
        cy += line;
        g.setColor(Painter.BORDER);
        g.setStroke(new BasicStroke(2f * scale, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {6f * scale, 4f * scale}, 0));
        g.drawLine(x + 6 * scale, cy + line / 2, x + 18 * scale, cy + line / 2);
        g.setColor(new Color(0x1d2329));
        g.drawString("Durand Line", x + 22 * scale, cy + fm.getAscent());
    }

    private static void scaleBar(Graphics2D g, Envelope window, int w, int h, int scale, Font font) {
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
        int x = 10 * scale;
        int y = h - 14 * scale;
        g.setColor(new Color(255, 255, 255, 210));
        g.fillRect(x - 4 * scale, y - 16 * scale, len + 60 * scale, 24 * scale);
        g.setColor(new Color(0x1d2329));
        g.setStroke(new BasicStroke(2f * scale));
        g.drawLine(x, y, x + len, y);
        g.drawLine(x, y - 5 * scale, x, y);
        g.drawLine(x + len, y - 5 * scale, x + len, y);
        g.setFont(font);
        g.drawString((km >= 1 ? String.valueOf((long) km) : String.valueOf(km)) + " km", x + len + 6 * scale, y);
    }
}
