package org.conflictmap.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.incidents.Locations;
import org.locationtech.jts.geom.Geometry;

/**
 * Where an event happened, as the smallest honest geometry: towns and crossings where named (a
 * province adds nothing its town does not say), a province otherwise, and for fighting "along the
 * Durand Line" in named provinces the stretch of the line along them, buffered a few km
 * ({@link Locations#borderSegment}), rather than the provinces on either side.
 */
final class Places {
    /** How far apart two places may be (degrees, ~25 km) and still be one event's "same or adjacent" place. */
    static final double ADJACENT = 0.25;

    /** An event's location: geometry, precision and the places it names. */
    record Where(Geometry geometry, String precision, List<Place> places) {}

    private Places() {}

    static boolean near(Place a, Place b) {
        if (a.id().equals(b.id())) {
            return true;
        }
        if (a.kind().equals("border")
                || b.kind().equals("border")
                || a.kind().equals("country")
                || b.kind().equals("country")) {
            return false;
        }
        return a.geometry().distance(b.geometry()) <= ADJACENT;
    }

    /**
     * The location of an event from its places; {@code alongBorder} when its sentences put the
     * fighting on the border, {@code line} the Durand Line (null if the gazetteer lacks it).
     */
    static Where where(Collection<Place> named, boolean alongBorder, Place line) {
        List<Place> places = new ArrayList<>(named);
        List<Place> provinces =
                places.stream().filter(p -> p.kind().equals("province")).toList();
        List<Place> smaller = places.stream()
                .filter(p -> !p.kind().equals("province")
                        && !p.kind().equals("border")
                        && !p.kind().equals("country"))
                .toList();
        if (line != null && alongBorder && !provinces.isEmpty() && smaller.isEmpty()) {
            Geometry segment = Locations.borderSegment(line.geometry(), provinces);
            if (segment != null) {
                if (places.stream().noneMatch(p -> p.id().equals(line.id()))) {
                    places.add(line);
                }
                return new Where(segment, "border_segment", places);
            }
        }
        List<Place> shape = new ArrayList<>(smaller);
        for (Place p : provinces) {
            if (smaller.stream()
                    .noneMatch(s -> p.admin1() != null && p.admin1().equals(s.admin1())
                            || p.geometry().covers(s.geometry().getInteriorPoint()))) {
                shape.add(p);
            }
        }
        if (shape.isEmpty()) {
            shape.addAll(places);
        }
        if (shape.isEmpty()) {
            return null;
        }
        String precision = shape.size() > 1
                ? "multiple"
                : switch (shape.get(0).kind()) {
                    case "crossing" -> "exact";
                    case "province" -> "province";
                    case "border" -> "border_segment";
                    case "country" -> "country";
                    case "district" -> "district";
                    default -> "near";
                };
        return new Where(Locations.union(shape), precision, places);
    }
}
