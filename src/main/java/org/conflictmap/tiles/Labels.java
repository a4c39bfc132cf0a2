package org.conflictmap.tiles;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.awt.font.FontRenderContext;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.conflictmap.gazetteer.LocalNames;
import org.conflictmap.gazetteer.Place;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;

/**
 * The basemap's labels, placed once per zoom for the whole map rather than per tile: by priority
 * (capitals, provinces, crossings, then cities by population), each label kept only where it
 * collides with none placed before it. A tile or a static map then draws every placed label whose
 * box meets its window, so a label crossing a tile edge is drawn whole on both sides ("Torkham
 * crossing", not "Torkham crossinc"), neighbouring tiles agree, and no name is drawn twice. Each
 * language ({@code en}, {@code ps}, {@code fa}, {@code ur}) has its own placement: names in Arabic
 * script ({@link LocalNames}) are shaped and set in Noto Naskh Arabic, and take their own room.
 */
@Component
class Labels {
    /** Pixels (at ratio 1) kept free around each label. */
    static final double GAP = 3;

    static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** The face for Arabic-script labels: Noto Naskh Arabic where installed (fonts-noto-core), else DejaVu Sans. */
    static final String ARABIC_FONT =
            Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                            .contains("Noto Naskh Arabic")
                    ? "Noto Naskh Arabic"
                    : Painter.FONT;

    enum Kind {
        CAPITAL,
        PROVINCE,
        CROSSING,
        CITY
    }

    /** A label that won its place: the feature, how it is drawn, its box (3857 metres, gap included). */
    record Placed(Basemap.Feature feature, Kind kind, String text, Envelope box) {}

    private final Basemap basemap;
    private final Map<String, STRtree> byZoom = new ConcurrentHashMap<>();

    Labels(Basemap basemap) {
        this.basemap = basemap;
    }

    /** The labels placed at this zoom in {@code lang} whose box meets the window (3857), in drawing order. */
    List<Placed> within(int zoom, String lang, Envelope window) {
        STRtree placed = byZoom.computeIfAbsent(zoom + "|" + lang, k -> place(zoom, lang));
        @SuppressWarnings("unchecked")
        List<Placed> found = new ArrayList<>(placed.query(window));
        found.sort(Comparator.comparing((Placed p) -> p.kind())
                .thenComparing(p -> p.feature().place().id()));
        return found;
    }

    static Font font(Kind kind, double ratio, String text) {
        int size = (int) Math.round(11 * ratio);
        if (arabic(text)) {
            // no italic in Arabic script; Naskh's letters sit small at Latin sizes
            return new Font(ARABIC_FONT, kind == Kind.PROVINCE ? Font.PLAIN : Font.BOLD, (int) Math.round(12 * ratio));
        }
        return kind == Kind.PROVINCE
                ? new Font(Painter.FONT, Font.ITALIC, size)
                : new Font(Painter.FONT, Font.BOLD, size);
    }

    static boolean arabic(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    /** A label's text in {@code lang}: the local name, else the English one; crossings named as such in English. */
    static String text(Place p, Kind kind, String lang) {
        String local = lang.equals("en") ? null : LocalNames.of(p, lang);
        if (local != null) {
            return local;
        }
        return kind == Kind.CROSSING ? p.name() + " crossing" : p.name();
    }

    /** Pixels right of its point where a label starts (0: centred on it). */
    static double dx(Kind kind) {
        return kind == Kind.PROVINCE ? 0 : kind == Kind.CROSSING ? 9 : 5;
    }

    private STRtree place(int zoom, String lang) {
        double mpp = 2 * Mercator.HALF / 256 / (1 << zoom);
        List<Placed> candidates = new ArrayList<>();
        for (Basemap.Feature f :
                basemap.query(new Envelope(-Mercator.HALF, Mercator.HALF, -Mercator.HALF, Mercator.HALF))) {
            String kind = f.place().kind();
            Kind k = null;
            if (kind.equals("province") && zoom >= 6) {
                k = Kind.PROVINCE;
            } else if (kind.equals("city") || kind.equals("town")) {
                // a capital is labelled at every zoom (Islamabad, 1.1 million, before Rawalpindi's 2 million at z5)
                boolean capital = "PPLC".equals(f.place().properties().get("feature_code"));
                k = capital && zoom >= 4
                        ? Kind.CAPITAL
                        : Painter.shows(zoom, f.place().population()) ? Kind.CITY : null;
            } else if (kind.equals("crossing") && zoom >= 8) {
                k = Kind.CROSSING;
            }
            if (k != null) {
                String text = text(f.place(), k, lang);
                candidates.add(new Placed(f, k, text, box(f.label(), k, text, mpp)));
            }
        }
        candidates.sort(Comparator.comparing((Placed p) -> p.kind())
                .thenComparing(p -> -(p.feature().place().population() == null
                        ? 0
                        : p.feature().place().population()))
                .thenComparing(p -> p.feature().place().id()));
        // a few thousand candidates at most (towns at z10+), placed once per zoom: a plain scan is enough
        STRtree kept = new STRtree();
        List<Envelope> taken = new ArrayList<>();
        for (Placed c : candidates) {
            if (taken.stream().noneMatch(e -> e.intersects(c.box()))) {
                kept.insert(c.box(), c);
                taken.add(c.box());
            }
        }
        kept.build();
        return kept;
    }

    /** The label's box in metres, with the gap, as {@link Painter#label} draws it. */
    static Envelope box(Coordinate at, Kind kind, String text, double mpp) {
        // for Arabic script the font measures the shaped text (a TextLayout), as Painter draws it
        Rectangle2D r = font(kind, 1, text).getStringBounds(text, FRC);
        double dx = dx(kind);
        double left = dx > 0 ? dx - (kind == Kind.CROSSING ? 9 : 4) : -r.getWidth() / 2;
        double right = dx > 0 ? dx + r.getWidth() : r.getWidth() / 2;
        double half = r.getHeight() / 2;
        return new Envelope(
                at.x + (left - GAP) * mpp,
                at.x + (right + GAP) * mpp,
                at.y - (half + GAP) * mpp,
                at.y + (half + GAP) * mpp);
    }
}
