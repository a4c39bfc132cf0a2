package org.conflictmap.incidents;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.conflictmap.gazetteer.Place;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.union.UnaryUnionOp;

/** Where an incident is when all that is known is the places it names. */
public final class Locations {
    /** About 5 km in degrees at these latitudes: how far either side of the line a border segment reaches. */
    public static final double SEGMENT_BUFFER = 0.045;
    /** A province this close to a border line (degrees, ~5 km) meets it. */
    static final double MEETS = 0.05;

    private static final Set<String> SEGMENT_KINDS = Set.of("border", "boundary", "province", "country");

    /** An incident's geometry and the geo precision it has. */
    public record Located(Geometry geometry, String precision) {
        public Located {
            Objects.requireNonNull(geometry, "geometry");
            Objects.requireNonNull(precision, "precision");
        }
    }

    private Locations() {}

    /**
     * Where an incident that names these places is: a border line with the provinces it runs along
     * (the Durand Line, Kunar, Khost and Khyber Pakhtunkhwa) is the stretch of the line along them, a
     * {@link #borderSegment}, never the provinces' whole areas; anything else the {@link #union} at
     * its {@link #precision}.
     */
    public static Located locate(List<Place> places) {
        List<Place> lines = places.stream()
                .filter(p -> p.kind().equals("border") || p.kind().equals("boundary"))
                .toList();
        List<Place> provinces =
                places.stream().filter(p -> p.kind().equals("province")).toList();
        if (!lines.isEmpty()
                && !provinces.isEmpty()
                && places.stream().allMatch(p -> SEGMENT_KINDS.contains(p.kind()))) {
            Geometry segment = borderSegment(lines.get(0).geometry(), provinces);
            if (segment != null) {
                return new Located(segment, "border_segment");
            }
        }
        return new Located(union(places), precision(places));
    }

    /**
     * The stretch of a border line along the named provinces, buffered {@link #SEGMENT_BUFFER} either
     * side, or null when none of them meets the line. When provinces on both sides are named (Kunar and
     * Khost in Afghanistan, Khyber Pakhtunkhwa in Pakistan) the stretch is where the two sides meet
     * there, not all of Khyber Pakhtunkhwa's stretch.
     */
    public static Geometry borderSegment(Geometry line, List<Place> provinces) {
        List<Place> meeting = provinces.stream()
                .filter(p -> p.geometry().distance(line) < MEETS)
                .toList();
        if (meeting.isEmpty()) {
            return null;
        }
        Map<String, List<Place>> bySide = meeting.stream()
                .collect(Collectors.groupingBy(p -> String.valueOf(p.country()), TreeMap::new, Collectors.toList()));
        Geometry along = line;
        for (List<Place> side : bySide.values()) {
            along = along.intersection(union(side).buffer(MEETS));
        }
        if (along.isEmpty()) { // both sides named, but they never meet on the line: each one's stretch
            along = line.intersection(union(meeting).buffer(MEETS));
        }
        if (along.isEmpty()) {
            return null;
        }
        Geometry segment = along.buffer(SEGMENT_BUFFER);
        segment.setSRID(4326);
        return segment;
    }

    /**
     * The union of the places' geometries. When areas are among them only the areas count (a line
     * or point inside a named province adds nothing the area does not say), so the result is one
     * geometry type that every export format can carry.
     */
    public static Geometry union(List<Place> places) {
        int dimension =
                places.stream().mapToInt(p -> p.geometry().getDimension()).max().orElse(0);
        Geometry g = UnaryUnionOp.union(places.stream()
                .map(Place::geometry)
                .filter(x -> x.getDimension() == dimension)
                .toList());
        g.setSRID(4326);
        return g;
    }

    /** The gazetteer id of the Durand Line. */
    public static final String DURAND_LINE = "border-durand-line";

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
