package org.conflictmap.incidents;

import java.util.List;
import java.util.Set;

/**
 * The closed vocabularies of the incident model (docs/DATA-MODEL.md). Every feature that filters,
 * renders or exports incidents takes its lists from here.
 */
public final class Vocabulary {
    private Vocabulary() {}

    /** Event types, aligned with ACLED's where they fit: the ids of {@link IncidentType}, in its order. */
    public static final List<String> TYPES = IncidentType.ids();

    public static final List<String> STATUSES = List.of("draft", "published");
    public static final List<String> TIME_PRECISIONS = List.of("hour", "part_of_day", "day", "week", "month");
    public static final List<String> GEO_PRECISIONS =
            List.of("exact", "near", "district", "province", "border_segment", "country", "multiple");
    /** Who made a claim. */
    public static final List<String> PARTIES = List.of(
            "af_government", "pk_government", "un", "local_official", "armed_group", "independent", "media", "other");
    /** Whose losses a claim's figures state. */
    public static final List<String> SIDES = List.of("af_forces", "pk_forces", "civilians", "militants", "unspecified");

    static boolean in(List<String> vocabulary, String value) {
        return value != null && vocabulary.contains(value);
    }

    static Set<String> set(List<String> vocabulary) {
        return Set.copyOf(vocabulary);
    }
}
