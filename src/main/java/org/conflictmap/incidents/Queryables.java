package org.conflictmap.incidents;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The flat attributes of an incident: what CQL2 filters can name (the OGC queryables) and the
 * columns of every flat export (CSV, Shapefile, GeoPackage, KML, FlatGeobuf). The claims stay whole in
 * {@code claims} (JSON) and, for formats with short text fields, in a separate claims table; the
 * min/max columns only summarise them.
 */
public final class Queryables {
    private Queryables() {}

    /**
     * One attribute: its name, its 10-character Shapefile name, its type and how to read it from an
     * incident. The column of the incidents table that holds it (what a CQL2 filter compares, what the
     * flat exports and the tiles read) is this package's own: {@link #column}.
     */
    public record Attribute(
            String name,
            String shortName,
            Class<?> type,
            String description,
            List<String> values,
            Function<Incident, Object> value) {
        public Attribute {
            if (shortName.length() > 10) {
                throw new IllegalArgumentException("DBF field names have at most 10 characters: " + shortName);
            }
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** The incidents table's column of each attribute whose column is not named like it. */
    private static final Map<String, String> COLUMNS = Map.of(
            "start",
            "occurred_start",
            "end",
            "occurred_end",
            "places",
            "place_names",
            "parties",
            "party_names",
            "sources",
            "source_outlets",
            "updated",
            "updated_at");

    public static final List<Attribute> ALL = List.of(
            a("id", "id", String.class, "stable incident id", null, Incident::id),
            a("title", "title", String.class, "short title", null, Incident::title),
            a("type", "type", String.class, "event type (ACLED-aligned)", Vocabulary.TYPES, Incident::type),
            a("status", "status", String.class, "draft or published", Vocabulary.STATUSES, Incident::status),
            a(
                    "start",
                    "start",
                    Instant.class,
                    "earliest time it may have happened",
                    null,
                    i -> i.occurred().start()),
            a(
                    "end",
                    "end",
                    Instant.class,
                    "latest time it may have happened",
                    null,
                    i -> i.occurred().end()),
            a(
                    "time_precision",
                    "time_prec",
                    String.class,
                    "how precisely the time is known",
                    Vocabulary.TIME_PRECISIONS,
                    i -> i.occurred().precision()),
            a(
                    "geo_precision",
                    "geo_prec",
                    String.class,
                    "how precisely the place is known",
                    Vocabulary.GEO_PRECISIONS,
                    Incident::geoPrecision),
            a("places", "places", String.class, "gazetteer place names, '; '-separated", null, Incident::placeNames),
            a("place_ids", "place_ids", String.class, "gazetteer place ids, '; '-separated", null, Incident::placeIds),
            a(
                    "operation",
                    "operation",
                    String.class,
                    "operation name, when one was announced",
                    null,
                    Incident::operation),
            a(
                    "contested",
                    "contested",
                    Boolean.class,
                    "claims of different parties about the same side disagree",
                    null,
                    Incident::contested),
            a(
                    "claims_count",
                    "claims_n",
                    Integer.class,
                    "number of claims",
                    null,
                    i -> i.claims().size()),
            a(
                    "parties",
                    "parties",
                    String.class,
                    "parties that made claims, '; '-separated",
                    null,
                    Incident::partyNames),
            a(
                    "killed_min",
                    "kill_min",
                    Integer.class,
                    "smallest killed figure any claim gives (not a best estimate)",
                    null,
                    i -> first(i.figures(Claim::killed), 0)),
            a(
                    "killed_max",
                    "kill_max",
                    Integer.class,
                    "largest killed figure any claim gives",
                    null,
                    i -> first(i.figures(Claim::killed), 1)),
            a(
                    "wounded_min",
                    "wound_min",
                    Integer.class,
                    "smallest wounded figure any claim gives",
                    null,
                    i -> first(i.figures(Claim::wounded), 0)),
            a(
                    "wounded_max",
                    "wound_max",
                    Integer.class,
                    "largest wounded figure any claim gives",
                    null,
                    i -> first(i.figures(Claim::wounded), 1)),
            a(
                    "sources",
                    "sources",
                    String.class,
                    "outlets that carried the claims, '; '-separated",
                    null,
                    Incident::sourceOutlets),
            a("summary", "summary", String.class, "summary in the project's words", null, Incident::summary),
            a(
                    "claims",
                    "claims",
                    String.class,
                    "every claim, whole, as a JSON array",
                    null,
                    i -> IncidentFeatures.claims(i.claims()).toString()),
            a("version", "version", Integer.class, "edit version", null, Incident::version),
            a("updated", "updated", Instant.class, "last change", null, Incident::updated));

    public static final Map<String, Attribute> BY_NAME =
            ALL.stream().collect(Collectors.toMap(Attribute::name, x -> x, (x, y) -> x, LinkedHashMap::new));

    private static Attribute a(
            String name,
            String shortName,
            Class<?> type,
            String description,
            List<String> values,
            Function<Incident, Object> value) {
        return new Attribute(name, shortName, type, description, values, value);
    }

    /** The column of the incidents table that holds the attribute {@code a}. */
    static String column(Attribute a) {
        return column(a.name());
    }

    /** The column that holds the attribute named {@code name}; an attribute that is not one of {@link #ALL} is a programming error. */
    static String column(String name) {
        if (!BY_NAME.containsKey(name)) {
            throw new IllegalArgumentException("not an incident attribute: " + name);
        }
        return COLUMNS.getOrDefault(name, name);
    }

    private static Integer first(int[] range, int k) {
        return range == null ? null : range[k];
    }
}
