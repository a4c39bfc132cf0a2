package org.conflictmap.ogcapi;

import java.util.List;

import org.conflictmap.web.ApiProblem;

/** The feature collections this server offers. */
final class Collections {
    static final List<String> IDS = List.of("incidents", "places", "provinces", "crossings", "border", "countries");
    /** The gazetteer kind each place collection holds (null: every kind). */
    static final java.util.Map<String, String> KIND = java.util.Map.of("provinces", "province", "crossings", "crossing",
            "border", "border", "countries", "country");

    private Collections() {
    }

    static String check(String id) {
        if (!IDS.contains(id)) {
            throw ApiProblem.notFound("no collection '" + (id.length() > 60 ? id.substring(0, 60) : id) + "'; the collections are " + IDS);
        }
        return id;
    }

    static String title(String id) {
        return switch (id) {
            case "incidents" -> "Incidents with contested claims";
            case "provinces" -> "Provinces of Afghanistan and Pakistan";
            case "crossings" -> "Border crossings";
            case "border" -> "The Durand Line";
            case "countries" -> "Countries of the region";
            default -> "Gazetteer places";
        };
    }

    static String description(String id) {
        return id.equals("incidents")
                ? "Incidents of the Afghanistan–Pakistan border conflict. Geometry at its precision (a province-level report is the province area). "
                        + "Every claim is kept whole in 'claims' with its claimant, party, side, figures and sources; killed_min/killed_max only summarise them."
                : id.equals("places") ? "Countries, provinces, the Durand Line, border crossings, cities and towns, rivers and lakes (Natural Earth, GeoNames)."
                : title(id) + " from the gazetteer (Natural Earth, GeoNames; crossings curated).";
    }
}
