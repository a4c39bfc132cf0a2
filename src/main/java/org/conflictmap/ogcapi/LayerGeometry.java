package org.conflictmap.ogcapi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.GeometryType;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** A place's geometry as a collection serves it (its items, its downloads): of the collection's one geometry type. */
public final class LayerGeometry {
    /** Places' points (the gazetteer does not change while the server runs), by place id. */
    private static final Map<String, Geometry> POINTS = new ConcurrentHashMap<>();

    private LayerGeometry() {}

    public static Geometry of(Collection layer, Place p) {
        Geometry g = p.geometry();
        if (layer.geometryType() == GeometryType.POINT && !(g instanceof Point)) {
            // a place of an area or a line, in a collection of points: a point on it
            return POINTS.computeIfAbsent(p.id(), k -> g.getInteriorPoint());
        }
        return layer.geometryType().coerce(g);
    }
}
