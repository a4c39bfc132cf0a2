package org.conflictmap.layers;

import java.util.Locale;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Polygon;

/**
 * The one geometry type of a collection's features, as OGC API – Features names it ({@code geometry-type}).
 * GDAL and QGIS type a layer from its first page, so a layer that mixes points, lines and areas is
 * mistyped; {@link #ANY} is for the one collection that must mix them (the editable incidents).
 */
public enum GeometryType {
    POINT(0),
    MULTILINESTRING(1),
    MULTIPOLYGON(2),
    /** Points, lines and areas mixed (the incidents at their precision). */
    ANY(-1);

    private final int dimension;

    GeometryType(int dimension) {
        this.dimension = dimension;
    }

    /** The name in {@code geometry-type}: {@code point}, {@code multilinestring}, {@code multipolygon}, {@code any}. */
    public String ogcName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The topological dimension of every feature (0 points, 1 lines, 2 areas); -1 for {@link #ANY}. */
    public int dimension() {
        return dimension;
    }

    /**
     * {@code g} as this type: a single polygon or line becomes a multi-geometry of one part (so simple and
     * multi parts do not mix in one layer), a multi-point of one point becomes the point; {@link #ANY}, and
     * a geometry already of the type, stay as they are.
     */
    public Geometry coerce(Geometry g) {
        return switch (this) {
            case MULTIPOLYGON -> g instanceof Polygon p ? g.getFactory().createMultiPolygon(new Polygon[] {p}) : g;
            case MULTILINESTRING ->
                g instanceof LineString l ? g.getFactory().createMultiLineString(new LineString[] {l}) : g;
            case POINT -> g instanceof MultiPoint m && m.getNumGeometries() == 1 ? m.getGeometryN(0) : g;
            case ANY -> g;
        };
    }
}
