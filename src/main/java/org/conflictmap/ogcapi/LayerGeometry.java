package org.conflictmap.ogcapi;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.conflictmap.gazetteer.Place;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/** A place's geometry as a collection serves it: of the collection's one geometry type. */
final class LayerGeometry {
    /** Places' points (the gazetteer does not change while the server runs), by place id. */
    private static final Map<String, Geometry> POINTS = new ConcurrentHashMap<>();

    private LayerGeometry() {
    }

    static Geometry of(Collections.Layer layer, Place p) {
        Geometry g = p.geometry();
        return switch (layer.geometryType()) {
            case "point" -> g instanceof Point ? g : POINTS.computeIfAbsent(p.id(), k -> g.getInteriorPoint());
            case "multipolygon" -> g instanceof Polygon poly ? g.getFactory().createMultiPolygon(new Polygon[] {poly}) : g;
            case "multilinestring" -> g instanceof LineString line ? g.getFactory().createMultiLineString(new LineString[] {line}) : g;
            default -> g;
        };
    }
}
