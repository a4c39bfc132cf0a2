package org.conflictmap.overload;

import java.util.regex.Pattern;

/**
 * The expensive routes, by what they cost: each class has its own permits and queue
 * ({@link OverloadProperties}), so a flood of one kind (large static maps) cannot take what another
 * (tiles, lists) needs. Only GET and HEAD are classed; everything else passes.
 */
enum RouteClass {
    /** {@code /map.png}: a whole picture in memory, then its PNG. */
    STATIC_MAPS("static maps", Pattern.compile("/map\\.png")),
    /** Downloads: hold a store connection while they stream, some a scratch directory. */
    EXPORTS("exports", Pattern.compile("/api/export/.*")),
    /** Raster and vector tiles, also at OGC API – Tiles' addresses (CachedTileFilter's own answers never reach this). */
    TILES(
            "tile renders",
            Pattern.compile("/tiles/[^/]+/[^/]+/[^/]+/[^/]+|/ogc/(collections/[^/]+/)?tiles/[^/]+/[^/]+/[^/]+/[^/]+")),
    /** Lists of features: up to 100,000 incidents, 10,000 OGC items, a place search. */
    LISTS("lists", Pattern.compile("/api/incidents|/ogc/collections/[^/]+/items|/api/places"));

    final String label;
    private final Pattern path;

    RouteClass(String label, Pattern path) {
        this.label = label;
        this.path = path;
    }

    /** The class of a request, or null for one that never waits. */
    static RouteClass of(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        for (RouteClass c : values()) {
            if (c.path.matcher(path).matches()) {
                return c;
            }
        }
        return null;
    }
}
