package org.conflictmap.incidents;

import java.util.List;

import org.conflictmap.gazetteer.Place;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** Where an incident is when all that is known is the places it names. */
public final class Locations {
    private Locations() {
    }

    /**
     * The union of the places' geometries. When areas are among them only the areas count (a line
     * or point inside a named province adds nothing the area does not say), so the result is one
     * geometry type that every export format can carry.
     */
    public static Geometry union(List<Place> places) {
        int dimension = places.stream().mapToInt(p -> p.geometry().getDimension()).max().orElse(0);
        Geometry g = UnaryUnionOp.union(places.stream().map(Place::geometry).filter(x -> x.getDimension() == dimension).toList());
        g.setSRID(4326);
        return g;
    }

    /** The geo precision a set of places gives: one province → province, several → multiple, … */
    public static String precision(List<Place> places) {
        if (places.size() > 1) {
            return "multiple";
        }
        return switch (places.get(0).kind()) {
            case "country" -> "country";
            case "province" -> "province";
            case "district" -> "district";
            case "border", "boundary" -> "border_segment";
            default -> "near";
        };
    }
}
