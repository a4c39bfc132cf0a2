package org.conflictmap.tiles;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Component;

/**
 * The basemap's features, from the gazetteer: projected to EPSG:3857 once, simplified for three
 * zoom bands, and indexed, so a tile asks an STRtree rather than walking 900 places.
 */
@Component
class Basemap {
    /** Simplification tolerances in metres for zoom ≤ 6, 7–9 and ≥ 10. */
    static final double[] TOLERANCE = {1500, 150, 0};

    /** A place ready to draw: its kind, its name, its geometry per band, and where to put its label. */
    record Feature(Place place, Geometry[] bands, Coordinate label) {
        Geometry at(int zoom) {
            return bands[zoom <= 6 ? 0 : zoom <= 9 ? 1 : 2];
        }
    }

    private final STRtree index = new STRtree();
    private final List<Feature> all = new ArrayList<>();

    Basemap(Gazetteer gazetteer) {
        for (Place p : gazetteer.all()) {
            Geometry m = Mercator.project(p.geometry());
            Geometry[] bands = new Geometry[3];
            for (int k = 0; k < 3; k++) {
                bands[k] = TOLERANCE[k] == 0 || m.getDimension() == 0
                        ? m
                        : TopologyPreservingSimplifier.simplify(m, TOLERANCE[k]);
            }
            Feature f = new Feature(
                    p, bands, m.getDimension() == 2 ? m.getInteriorPoint().getCoordinate() : m.getCoordinate());
            all.add(f);
            index.insert(m.getEnvelopeInternal(), f);
        }
        index.build();
        all.sort(Comparator.comparing(f -> f.place().id()));
    }

    /** The features whose bounds meet the envelope (3857), in a stable order. */
    List<Feature> query(Envelope m) {
        @SuppressWarnings("unchecked")
        List<Feature> found = new ArrayList<>(index.query(m));
        found.sort(Comparator.comparing(f -> f.place().id()));
        return found;
    }
}
