package org.conflictmap.tiles;

import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.JtsAdapter;
import io.github.sebasbaumh.mapbox.vectortile.build.MvtLayerParams;
import java.util.ArrayList;
import java.util.List;
import org.conflictmap.geo.Wkb;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.precision.GeometryPrecisionReducer;

/**
 * A geometry in a vector tile's integer grid, as the server's encoder writes it: clipped to the tile and its
 * buffer, in parts (one MVT feature each), and for areas valid. Rounding to the grid can make a valid ring
 * cross itself (Nangarhar's outline at z3 does); readers that check, such as mapbox-vector-tile-java's, then
 * drop the feature, so a province-level incident vanished from the registered areas layer on PostGIS, whose
 * own {@code ST_AsMVTGeom} makes its polygons valid. Here such an area is snap-rounded to the grid (JTS's
 * precision reducer, which returns valid areas) and its rings wound as the MVT specification says: exterior
 * rings with a positive area in tile coordinates (counter-clockwise in their numbers), holes the other way.
 */
final class MvtGeometry {
    private static final PrecisionModel GRID = new PrecisionModel(1.0);

    private MvtGeometry() {}

    /** The parts of {@code mercator} in the tile {@code tile} (an EPSG:3857 envelope); empty when none is left. */
    static List<Geometry> parts(Geometry mercator, Envelope tile) {
        Geometry g = JtsAdapter.createTileGeom(mercator, tile, Wkb.FACTORY, MvtLayerParams.DEFAULT, null);
        if (g == null || g.isEmpty()) {
            return List.of();
        }
        boolean reduced = false;
        if (g.getDimension() == 2 && !g.isValid()) {
            Geometry valid = snapRounded(g);
            // an area smaller than a few cells can collapse entirely: it stays as rounded (a district at a low
            // zoom, which GDAL reads), never dropped
            if (!valid.isEmpty()) {
                g = valid;
                reduced = true;
            }
        }
        double largest = 0;
        for (int k = 0; k < g.getNumGeometries(); k++) {
            largest = Math.max(largest, g.getGeometryN(k).getArea());
        }
        List<Geometry> parts = new ArrayList<>(g.getNumGeometries());
        for (int k = 0; k < g.getNumGeometries(); k++) {
            Geometry part = g.getGeometryN(k);
            // snap-rounding can split off slivers smaller than one cell of the grid (half a cell, Nangarhar at
            // z0), which the encoder would write as features of their own and readers drop
            if (!part.isEmpty() && !(reduced && part.getArea() < 1 && largest >= 1)) {
                parts.add(part instanceof Polygon p ? wound(p) : part);
            }
        }
        return parts;
    }

    /**
     * The area snap-rounded to the grid, valid; where JTS's reducer refuses the rounded rings ("Reduction failed":
     * one of 558 districts in one WorldCRS84Quad z6 tile) they are first made valid by its {@code GeometryFixer}; empty when
     * neither gives an area.
     */
    static Geometry snapRounded(Geometry g) {
        try {
            return GeometryPrecisionReducer.reduce(g, GRID);
        } catch (IllegalArgumentException | TopologyException refused) {
            try {
                return GeometryPrecisionReducer.reduce(GeometryFixer.fix(g), GRID);
            } catch (IllegalArgumentException | TopologyException again) {
                return g.getFactory().createPolygon();
            }
        }
    }

    /** The polygon with its exterior ring counter-clockwise and its holes clockwise (in tile numbers). */
    static Polygon wound(Polygon p) {
        LinearRing shell = ring(p.getExteriorRing(), true);
        LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
        for (int k = 0; k < holes.length; k++) {
            holes[k] = ring(p.getInteriorRingN(k), false);
        }
        return p.getFactory().createPolygon(shell, holes);
    }

    private static LinearRing ring(LinearRing r, boolean counterClockwise) {
        return Orientation.isCCW(r.getCoordinateSequence()) == counterClockwise ? r : r.reverse();
    }
}
