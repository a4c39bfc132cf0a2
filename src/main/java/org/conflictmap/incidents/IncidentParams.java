package org.conflictmap.incidents;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.conflictmap.geo.Bbox;
import org.conflictmap.web.Params;

/**
 * The incident filter's request parameters, read one way wherever they are taken ({@code /api/incidents},
 * OGC items and exports, tiles and static maps): {@code datetime}, {@code type} and {@code party} (comma-
 * separated, any case), {@code contested} and {@code q}. Anything malformed is a 400 naming the parameter.
 */
public final class IncidentParams {
    /** The longest {@code q}. */
    static final int MAX_Q = 200;

    private IncidentParams() {}

    /**
     * The query these parameters select, with the given bbox (parsed by the caller: OGC reads two boxes
     * across the antimeridian), further members and page.
     */
    public static IncidentQuery query(
            Function<String, String> param,
            Bbox bbox,
            String operation,
            Set<String> statuses,
            Integer minKilled,
            int limit,
            int offset) {
        return new IncidentQuery(
                bbox,
                DateRange.parse(param.apply("datetime"), "datetime"),
                types(param.apply("type")),
                list("party", param.apply("party"), Vocabulary.PARTIES),
                Params.bool("contested", param.apply("contested")),
                Params.text("q", param.apply("q"), MAX_Q),
                operation,
                statuses,
                minKilled,
                limit,
                offset);
    }

    /** {@code type}: incident types from the vocabulary, comma-separated, in any case. */
    public static Set<String> types(String value) {
        return list("type", value, Vocabulary.TYPES);
    }

    /** A comma-separated list whose members, lower-cased, must each be in the vocabulary. */
    static Set<String> list(String name, String value, List<String> vocabulary) {
        Set<String> out = new LinkedHashSet<>();
        if (value == null || value.isBlank()) {
            return out;
        }
        for (String v : value.split(",")) {
            out.add(Params.oneOf(name, v.strip().toLowerCase(Locale.ROOT), Set.copyOf(vocabulary)));
        }
        out.remove(null);
        return out;
    }
}
