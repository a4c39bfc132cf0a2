package org.conflictmap.layers;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the incidents' marks look, as one registration of the layer model: by the value of one attribute
 * ({@code type}), each value's English name, colour and shape: one palette for the page and the rasters. The
 * raster styles paint an incidents collection's {@link Paint.Symbol#MARKS} in these colours and shapes,
 * {@code /map.png}'s legend lists them, and {@code /webmap/config.json} serves them to the page, which draws its legend, symbols and type
 * filters from them (its translations of the names are keyed by value).
 *
 * @param attribute the attribute that classes the features
 * @param classes   the values in their order (the page's legend and filters)
 */
public record Marks(String attribute, List<Mark> classes) {
    /** The shapes the page ({@code frontend/symbols.js}) and the rasters ({@code tiles.Painter}) draw. */
    public static final Set<String> SHAPES =
            Set.of("circle", "square", "triangle", "triangle-down", "diamond", "hexagon", "star", "cross");

    /**
     * One value's mark.
     *
     * @param value  the attribute's value ({@code air_strike})
     * @param label  its English name
     * @param colour the colour, {@code #rrggbb} (either case)
     * @param shape  the shape, one of {@link #SHAPES}
     */
    public record Mark(String value, String label, String colour, String shape) {
        public Mark {
            if (value == null
                    || !value.matches("[a-z][a-z0-9_]*")
                    || label == null
                    || label.isBlank()
                    || colour == null
                    || !colour.toLowerCase(Locale.ROOT).matches(Paint.HEX)
                    || !SHAPES.contains(shape)) {
                throw new IllegalArgumentException("a mark has a value, a name, a colour #rrggbb and one of the shapes "
                        + SHAPES + ": " + value + " " + colour + " " + shape);
            }
        }
    }

    public Marks {
        classes = List.copyOf(classes);
        Set<String> seen = new HashSet<>();
        for (Mark m : classes) {
            if (!seen.add(m.value())) {
                throw new IllegalArgumentException("two marks of '" + m.value() + "'");
            }
        }
    }

    /** The mark of {@code value}; null when none is registered. */
    public Mark of(String value) {
        for (Mark m : classes) {
            if (m.value().equals(value)) {
                return m;
            }
        }
        return null;
    }
}
