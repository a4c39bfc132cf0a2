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
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.conflictmap.gazetteer.LocalNames;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Label;
import org.conflictmap.layers.Layers;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;

/**
 * The raster labels: every collection's registered {@link Label}s ({@link Layers}), placed once per zoom and
 * language for the whole map rather than per tile: by priority (the registrations': capitals, provinces,
 * crossings, then cities), then by population, each label kept only where it collides with none placed
 * before it. A place is named once, by the first of the labels (by priority) that names it at that zoom. A
 * tile or a static map then draws every placed label whose box meets its window, so a label crossing a tile
 * edge is drawn whole on both sides ("Torkham crossing", not "Torkham crossinc"), neighbouring tiles agree,
 * and no name is drawn twice. Each language ({@code en}, {@code ps}, {@code fa}, {@code ur}) has its own
 * placement: names in Arabic script ({@link LocalNames}) are shaped and set in Noto Naskh Arabic, and take
 * their own room.
 */
@Component
class Labels {
    /** Pixels (at ratio 1) kept free around each label. */
    static final double GAP = 3;
    /** The radius (pixels at ratio 1) of the dot a {@link Label#dot()} label marks its point with. */
    static final double DOT = 2.6;

    static final FontRenderContext FRC = new FontRenderContext(null, true, true);
    /** The face for Arabic-script labels: Noto Naskh Arabic where installed (fonts-noto-core), else DejaVu Sans. */
    static final String ARABIC_FONT =
            Arrays.asList(GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames())
                            .contains("Noto Naskh Arabic")
                    ? "Noto Naskh Arabic"
                    : Painter.FONT;

    /** A registered label, with the kinds it names and the first zoom it is drawn at (not before its style's). */
    record Registered(Label label, Set<String> kinds, int from) {
        /** Whether it names {@code p} at {@code zoom}: of its kinds, with its property, populous enough. */
        boolean names(Place p, int zoom) {
            return zoom >= from
                    && kinds.contains(p.kind())
                    && label.where().entrySet().stream()
                            .allMatch(w -> w.getValue()
                                    .equals(Objects.toString(p.properties().get(w.getKey()), null)))
                    && label.shows(zoom, p.population());
        }
    }

    /** A label that won its place: the feature, its registration, its text, its box (3857 metres, gap included). */
    record Placed(Basemap.Feature feature, Label label, String text, Envelope box) {}

    private final Basemap basemap;
    /** Every collection's labels, by priority (equal priorities in registration order). */
    private final List<Registered> registered;

    private final Map<String, STRtree> byZoom = new ConcurrentHashMap<>();

    Labels(Basemap basemap, Layers layers) {
        this.basemap = basemap;
        List<Registered> all = new ArrayList<>();
        for (Collection c : layers.tiled()) {
            for (Label l : c.tiles().labels()) {
                all.add(new Registered(
                        l,
                        l.kinds() != null ? l.kinds() : TileRenderer.kinds(c),
                        c.tiles().minZoom(l)));
            }
        }
        all.sort(Comparator.comparingInt(r -> r.label().priority()));
        this.registered = List.copyOf(all);
    }

    /** The labels placed at this zoom in {@code lang} whose box meets the window (3857), in drawing order. */
    List<Placed> within(int zoom, String lang, Envelope window) {
        STRtree placed = byZoom.computeIfAbsent(zoom + "|" + lang, k -> place(zoom, lang));
        @SuppressWarnings("unchecked")
        List<Placed> found = new ArrayList<>(placed.query(window));
        found.sort(Comparator.comparingInt((Placed p) -> p.label().priority())
                .thenComparing(p -> p.feature().place().id()));
        return found;
    }

    /** The label's face: its size and weight; Arabic script in {@link #ARABIC_FONT}, one larger, never italic. */
    static Font font(Label label, double ratio, String text) {
        if (arabic(text)) {
            // no italic in Arabic script; Naskh's letters sit small at Latin sizes
            return new Font(ARABIC_FONT, label.weight() == Label.Weight.BOLD ? Font.BOLD : Font.PLAIN, (int)
                    Math.round((label.size() + 1) * ratio));
        }
        int style = switch (label.weight()) {
            case REGULAR -> Font.PLAIN;
            case BOLD -> Font.BOLD;
            case ITALIC -> Font.ITALIC;
        };
        return new Font(Painter.FONT, style, (int) Math.round(label.size() * ratio));
    }

    static boolean arabic(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC);
    }

    /**
     * A label's text in {@code lang}: its field (the name: the local name, else the English one), in its phrase
     * in the language of the name ("Torkham crossing", "تورخم بندر"); null when the place has no such field.
     */
    static String text(Place p, Label label, String lang) {
        String local = null;
        String value;
        if (label.field().equals("name")) {
            local = lang.equals("en") ? null : LocalNames.of(p, lang);
            value = local != null ? local : p.name();
        } else {
            Object v = p.properties().get(label.field());
            value = v == null || v.toString().isBlank() ? null : v.toString().strip();
        }
        if (value == null || label.phrase() == null) {
            return value;
        }
        return MapText.of(local != null ? lang : "en").t(label.phrase(), "name", value);
    }

    private STRtree place(int zoom, String lang) {
        double mpp = 2 * Mercator.HALF / 256 / (1 << zoom);
        List<Placed> candidates = new ArrayList<>();
        for (Basemap.Feature f :
                basemap.query(new Envelope(-Mercator.HALF, Mercator.HALF, -Mercator.HALF, Mercator.HALF))) {
            for (Registered r : registered) {
                if (r.names(f.place(), zoom)) {
                    String text = text(f.place(), r.label(), lang);
                    if (text != null) {
                        candidates.add(new Placed(f, r.label(), text, box(f.label(), r.label(), text, mpp)));
                    }
                    break; // a place is named once, by its first label
                }
            }
        }
        candidates.sort(Comparator.comparingInt((Placed p) -> p.label().priority())
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

    /** The label's box in metres (its dot included), with the gap, as {@link Painter#names} draws it. */
    static Envelope box(Coordinate at, Label label, String text, double mpp) {
        // for Arabic script the font measures the shaped text (a TextLayout), as Painter draws it
        Rectangle2D r = font(label, 1, text).getStringBounds(text, FRC);
        double dx = label.dx();
        double left = dx > 0 ? (label.dot() ? -DOT : 0) : -r.getWidth() / 2;
        double right = dx > 0 ? dx + r.getWidth() : r.getWidth() / 2;
        double half = r.getHeight() / 2;
        return new Envelope(
                at.x + (left - GAP) * mpp,
                at.x + (right + GAP) * mpp,
                at.y - (half + GAP) * mpp,
                at.y + (half + GAP) * mpp);
    }
}
