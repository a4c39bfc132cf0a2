package org.conflictmap.incidents;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.springframework.stereotype.Component;

/**
 * The country, province ({@code admin1}) and district ({@code admin2}) an incident lies in, as ACLED's columns name
 * them: the places it names, or for a point or a district the gazetteer's polygons that cover its point. Only an
 * incident located at a point or in one district gets a district: a province-level or wider one is not narrowed to
 * the district of the point drawn inside it.
 */
@Component
public class AdminAreas {
    /** An incident's country name, province name and district name; each null where unknown. */
    public record Admin(String country, String admin1, String admin2) {}

    private final Gazetteer gazetteer;
    private final STRtree districts = new STRtree();
    private final STRtree provinces = new STRtree();
    private final Map<String, Place> provinceByAdmin1 = new HashMap<>();
    private final Map<String, String> countryNames = new HashMap<>();

    AdminAreas(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
        for (Place p : gazetteer.all()) {
            switch (p.kind()) {
                case "district" -> index(districts, p);
                case "province" -> {
                    index(provinces, p);
                    if (p.admin1() != null) {
                        provinceByAdmin1.putIfAbsent(p.admin1(), p);
                    }
                }
                case "country" -> {
                    if (p.country() != null) {
                        countryNames.putIfAbsent(p.country(), p.name());
                    }
                }
                default -> {}
            }
        }
        districts.build();
        provinces.build();
    }

    private static void index(STRtree tree, Place p) {
        tree.insert(p.geometry().getEnvelopeInternal(), new Indexed(p, PreparedGeometryFactory.prepare(p.geometry())));
    }

    private record Indexed(Place place, PreparedGeometry area) {}

    /**
     * Where {@code i} lies, by ACLED's administrative columns. A point's district is the one covering it (never a
     * district it names elsewhere); a district-precise incident's is the district it names; the province is the
     * district's, else the one named, else the one covering the point.
     */
    public Admin of(Incident i) {
        String precision = i.geoPrecision();
        boolean point = precision.equals("exact") || precision.equals("near");
        Place district = precision.equals("district")
                ? named(i, "district").or(() -> covering(districts, i.point())).orElse(null)
                : point ? covering(districts, i.point()).orElse(null) : null;
        Place province = Optional.ofNullable(district)
                .map(d -> provinceByAdmin1.get(d.admin1()))
                .or(() -> named(i, "province"))
                .or(() -> point ? covering(provinces, i.point()) : Optional.empty())
                .orElse(null);
        String code = province != null ? province.country() : district != null ? district.country() : null;
        return new Admin(
                code == null ? null : countryNames.get(code),
                province == null ? null : province.name(),
                district == null ? null : district.name());
    }

    /** The first place of this kind the incident names, as the gazetteer has it. */
    private Optional<Place> named(Incident i, String kind) {
        return i.places().stream()
                .map(r -> gazetteer.get(r.id()).orElse(null))
                .filter(Objects::nonNull)
                .filter(p -> p.kind().equals(kind))
                .findFirst();
    }

    @SuppressWarnings("unchecked")
    private static Optional<Place> covering(STRtree tree, Point p) {
        return ((List<Indexed>) tree.query(p.getEnvelopeInternal()))
                .stream().filter(x -> x.area().covers(p)).map(Indexed::place).findFirst();
    }
}
