package org.conflictmap.layers;

import java.util.List;
import java.util.Set;

/**
 * How a collection is drawn in the tiles. In the vector tiles: its layer there (named as the collection)
 * and from which zoom it has features; for gazetteer sources also which kinds the tiles draw (null: every
 * kind the source holds), whether small towns are thinned out by population at low zooms, and the
 * attributes of each feature; incidents' attributes are the renderer's (a summary, the detail from
 * its detail zoom on). In the raster styles: its {@link Paint}s, none when the raster styles do not
 * draw it. A gazetteer collection's paints are the raster basemap (sea, then every paint of every
 * collection in their order, then the labels); an incidents collection's marks are a transparent
 * raster style of its own, named as the collection, and drawn over the basemap in {@code combined}. A gazetteer
 * collection's {@link Label}s name its places in the raster styles that carry labels, over the incidents.
 *
 * @param minZoom    the first zoom with features, vector and raster (districts from 7: below it their
 *                   outlines are a grey mesh)
 * @param kinds      the gazetteer kinds drawn, null for all of the source's
 * @param thinned    whether towns and cities are kept only from a zoom their population earns (vector)
 * @param attributes a gazetteer feature's attributes, empty for incidents
 * @param raster     how the raster styles paint it, in its paints' order; empty: not drawn in raster
 * @param labels     how the raster styles name its places; empty: not named in raster
 */
public record TileStyle(
        int minZoom,
        Set<String> kinds,
        boolean thinned,
        List<String> attributes,
        List<Paint> raster,
        List<Label> labels) {
    public TileStyle {
        if (minZoom < 0 || minZoom > 22) {
            throw new IllegalArgumentException("a tile layer's first zoom is 0..22: " + minZoom);
        }
        kinds = kinds == null ? null : Set.copyOf(kinds);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
        raster = raster == null ? List.of() : List.copyOf(raster);
        labels = labels == null ? List.of() : List.copyOf(labels);
        for (Paint p : raster) {
            if (p.kind() != null && kinds != null && !kinds.contains(p.kind())) {
                throw new IllegalArgumentException(
                        "a paint draws a kind its style draws: " + p.kind() + " is not in " + kinds);
            }
        }
        for (Label l : labels) {
            if (l.kinds() != null && kinds != null && !kinds.containsAll(l.kinds())) {
                throw new IllegalArgumentException(
                        "a label names kinds its style draws: " + l.kinds() + " are not all in " + kinds);
            }
        }
    }

    /** A vector layer only: no raster paint, no label. */
    public TileStyle(int minZoom, Set<String> kinds, boolean thinned, List<String> attributes) {
        this(minZoom, kinds, thinned, attributes, List.of(), List.of());
    }

    /** An incidents layer from zoom 0 on, with its marks as a raster overlay of its own. */
    public static TileStyle incidents() {
        return new TileStyle(0, null, false, List.of(), List.of(Paint.marks()), List.of());
    }

    /** This style with these raster paints. */
    public TileStyle painted(Paint... paints) {
        return new TileStyle(minZoom, kinds, thinned, attributes, List.of(paints), labels);
    }

    /** This style with these raster labels. */
    public TileStyle labelled(Label... names) {
        return new TileStyle(minZoom, kinds, thinned, attributes, raster, List.of(names));
    }

    /** The first zoom {@code l} is drawn at: its own, not before the style's. */
    public int minZoom(Label l) {
        return Math.max(minZoom, l.minZoom());
    }

    /** The first zoom {@code p} is painted at: its own, not before the style's. */
    public int minZoom(Paint p) {
        return Math.max(minZoom, p.minZoom());
    }

    /** Whether the raster styles draw its marks as an overlay (an incidents collection). */
    public boolean overlay() {
        return raster.stream().anyMatch(p -> p.symbol() == Paint.Symbol.MARKS);
    }
}
