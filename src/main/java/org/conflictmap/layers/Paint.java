package org.conflictmap.layers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One way the raster styles paint a collection's features, as data (a style layer in MapLibre's sense):
 * what is drawn ({@link Symbol}), of which gazetteer kind, from which zoom, in which colour and line, and
 * where it falls in the drawing order among every collection's paints. A {@link TileStyle} holds a
 * collection's paints; the raster styles ({@code tiles.TileRenderer}) iterate them from the registry.
 *
 * @param order    the drawing order: lower first, over the sea; equal orders in registration order
 * @param symbol   what is drawn
 * @param kind     the gazetteer kind painted, null for all the style draws (always null for {@link Symbol#MARKS})
 * @param minZoom  the first zoom it is painted at (never before its style's own first zoom)
 * @param colour   {@code #rrggbb}: the fill or the line (null for the symbols that carry their own colours)
 * @param byCountry another colour for the places of these countries (ISO code → {@code #rrggbb}), a fill's focus
 * @param width    a line's width in pixels (at pixel ratio 1)
 * @param widerFrom the zoom from which a line is {@code widerWidth} wide instead
 * @param dash     a line's dash pattern in pixels (empty: solid)
 * @param reference whether it is reference drawing over the basemap (the Durand Line, the crossings): in
 *                 {@code basemap} and {@code combined}, not in {@code base}, over which the web map draws them itself
 */
public record Paint(
        int order,
        Symbol symbol,
        String kind,
        int minZoom,
        String colour,
        Map<String, String> byCountry,
        float width,
        int widerFrom,
        float widerWidth,
        List<Float> dash,
        boolean reference) {

    /** What a paint draws. */
    public enum Symbol {
        /** A gazetteer area filled. */
        FILL,
        /** A gazetteer line or area's outline stroked (round caps and joins). */
        LINE,
        /** A white diamond with a dark outline at the place's label point (the crossings). */
        DIAMOND,
        /**
         * The incidents' marks, as the transparent overlay named as the collection: areas and lines in their
         * type's colour, a point as a disc with a ring (red when contested); the incident filters apply.
         */
        MARKS
    }

    static final String HEX = "#[0-9a-f]{6}";

    public Paint {
        if (symbol == null || minZoom < 0 || minZoom > 22 || width < 0 || widerWidth < 0) {
            throw new IllegalArgumentException("a paint has a symbol, a first zoom 0..22 and no negative width");
        }
        if (kind != null && !kind.matches("[a-z_]+")) {
            throw new IllegalArgumentException("a paint's kind is a gazetteer kind: " + kind);
        }
        if (colour != null && !colour.matches(HEX)) {
            throw new IllegalArgumentException("a paint's colour is #rrggbb: " + colour);
        }
        byCountry = byCountry == null ? Map.of() : Map.copyOf(byCountry);
        if (byCountry.values().stream().anyMatch(c -> !c.matches(HEX))) {
            throw new IllegalArgumentException("a paint's colours are #rrggbb: " + byCountry);
        }
        dash = dash == null ? List.of() : List.copyOf(dash);
        boolean coloured = symbol == Symbol.FILL || symbol == Symbol.LINE;
        if (coloured != (colour != null) || symbol == Symbol.MARKS && (kind != null || reference)) {
            throw new IllegalArgumentException(
                    "a fill or a line has a colour, a diamond or the marks none; the marks are an overlay of "
                            + "every feature: " + symbol);
        }
    }

    /** The incidents' marks (an overlay of its own). */
    public static Paint marks() {
        return new Paint(100, Symbol.MARKS, null, 0, null, null, 0, Integer.MAX_VALUE, 0, null, false);
    }

    /** A fill of the gazetteer's {@code kind} (null: every kind the style draws). */
    public static Paint fill(int order, String kind, String colour) {
        return new Paint(order, Symbol.FILL, kind, 0, colour, null, 0, Integer.MAX_VALUE, 0, null, false);
    }

    /** A solid line of {@code width} pixels. */
    public static Paint line(int order, String kind, String colour, float width) {
        return new Paint(order, Symbol.LINE, kind, 0, colour, null, width, Integer.MAX_VALUE, width, null, false);
    }

    /** A diamond at each place's label point. */
    public static Paint diamond(int order, String kind) {
        return new Paint(order, Symbol.DIAMOND, kind, 0, null, null, 0, Integer.MAX_VALUE, 0, null, false);
    }

    /** This paint from zoom {@code z} on. */
    public Paint from(int z) {
        return new Paint(order, symbol, kind, z, colour, byCountry, width, widerFrom, widerWidth, dash, reference);
    }

    /** This line {@code w} pixels wide from zoom {@code z} on. */
    public Paint wider(int z, float w) {
        return new Paint(order, symbol, kind, minZoom, colour, byCountry, width, z, w, dash, reference);
    }

    /** This line dashed: {@code pattern} pixels on, off, …. */
    public Paint dashed(Float... pattern) {
        return new Paint(
                order,
                symbol,
                kind,
                minZoom,
                colour,
                byCountry,
                width,
                widerFrom,
                widerWidth,
                List.of(pattern),
                reference);
    }

    /** This paint in another colour for the places of these countries. */
    public Paint focus(String focusColour, String... countries) {
        Map<String, String> m = new HashMap<>(byCountry);
        for (String c : countries) {
            m.put(c, focusColour);
        }
        return new Paint(order, symbol, kind, minZoom, colour, m, width, widerFrom, widerWidth, dash, reference);
    }

    /** This paint as reference drawing: not in the {@code base} style. */
    public Paint asReference() {
        return new Paint(order, symbol, kind, minZoom, colour, byCountry, width, widerFrom, widerWidth, dash, true);
    }

    /** A line's width at zoom {@code z}. */
    public float width(int z) {
        return z >= widerFrom ? widerWidth : width;
    }

    /** The colour of a place of {@code country} (null: none known). */
    public String colour(String country) {
        return country == null ? colour : byCountry.getOrDefault(country, colour);
    }
}
