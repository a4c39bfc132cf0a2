package org.conflictmap.layers;

import java.util.List;
import java.util.Set;

/**
 * How a collection is drawn in the vector tiles: its layer there (named as the collection) and from
 * which zoom it has features. For gazetteer sources also which kinds the tiles draw (null: every kind
 * the source holds), whether small towns are thinned out by population at low zooms, and the
 * attributes of each feature; incidents' attributes are the renderer's (a summary, the detail from
 * its detail zoom on).
 *
 * @param minZoom    the first zoom with features (districts from 7: below it their outlines are a grey mesh)
 * @param kinds      the gazetteer kinds drawn, null for all of the source's
 * @param thinned    whether towns and cities are kept only from a zoom their population earns
 * @param attributes a gazetteer feature's attributes, empty for incidents
 */
public record TileStyle(int minZoom, Set<String> kinds, boolean thinned, List<String> attributes) {
    public TileStyle {
        if (minZoom < 0 || minZoom > 22) {
            throw new IllegalArgumentException("a tile layer's first zoom is 0..22: " + minZoom);
        }
        kinds = kinds == null ? null : Set.copyOf(kinds);
        attributes = attributes == null ? List.of() : List.copyOf(attributes);
    }

    /** An incidents layer from zoom 0 on. */
    public static TileStyle incidents() {
        return new TileStyle(0, null, false, List.of());
    }
}
