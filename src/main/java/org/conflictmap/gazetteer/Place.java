package org.conflictmap.gazetteer;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;

/**
 * A gazetteer entry: a named place with a stable id, its kind and its geometry in EPSG:4326.
 *
 * @param id         stable, readable id such as {@code af-province-khost} or {@code geonames-1135689}
 * @param name       the English name shown to people
 * @param kind       one of {@link #KINDS}
 * @param country    ISO 3166-1 alpha-2 code, or null for features that belong to none
 * @param admin1     ISO 3166-2 code of the first-level division, or null
 * @param altNames   other names and spellings, in every script the sources give
 * @param population where known, else null
 * @param labelRank  1 (most important) to 10, for labelling and ranking
 * @param properties the kind's extra properties (e.g. {@code length_km}), JSON-ready values
 * @param source     the geodata file the entry came from
 * @param geometry   lon/lat geometry, never null or empty
 */
public record Place(
        String id,
        String name,
        String kind,
        String country,
        String admin1,
        List<String> altNames,
        Long population,
        int labelRank,
        Map<String, Object> properties,
        String source,
        Geometry geometry) {

    public static final Set<String> KINDS = Set.of(
            "country", "province", "district", "city", "town", "crossing", "border", "boundary", "river", "lake");

    public Place {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,119}")) {
            throw new IllegalArgumentException("place id must be lower-case letters, digits and '-': " + id);
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("place " + id + " has no name");
        }
        if (!KINDS.contains(kind)) {
            throw new IllegalArgumentException("place " + id + " has unknown kind " + kind);
        }
        if (country != null && !country.matches("[A-Z]{2}")) {
            throw new IllegalArgumentException(
                    "place " + id + " has a country code that is not ISO alpha-2: " + country);
        }
        if (population != null && population < 0) {
            throw new IllegalArgumentException("place " + id + " has a negative population");
        }
        if (labelRank < 1 || labelRank > 10) {
            throw new IllegalArgumentException("place " + id + " label rank must be 1..10");
        }
        if (geometry == null || geometry.isEmpty()) {
            throw new IllegalArgumentException("place " + id + " has no geometry");
        }
        altNames = List.copyOf(altNames);
        properties = Map.copyOf(properties);
        Objects.requireNonNull(source, "source");
    }

    /** Every name of the place, its main name first, without repeats. */
    public List<String> allNames() {
        LinkedHashSet<String> all = new LinkedHashSet<>();
        all.add(name);
        all.addAll(altNames);
        return List.copyOf(all);
    }
}
