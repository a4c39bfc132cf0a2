package org.conflictmap.ogcapi;

import java.util.List;

import org.conflictmap.web.ApiProblem;

/** The feature collections this server offers. */
final class Collections {
    static final List<String> IDS = List.of("incidents", "places");

    private Collections() {
    }

    static String check(String id) {
        if (!IDS.contains(id)) {
            throw ApiProblem.notFound("no collection '" + (id.length() > 60 ? id.substring(0, 60) : id) + "'; the collections are " + IDS);
        }
        return id;
    }

    static String title(String id) {
        return id.equals("incidents") ? "Incidents with contested claims" : "Gazetteer places";
    }

    static String description(String id) {
        return id.equals("incidents")
                ? "Incidents of the Afghanistan–Pakistan border conflict. Geometry at its precision (a province-level report is the province area). "
                        + "Every claim is kept whole in 'claims' with its claimant, party, side, figures and sources; killed_min/killed_max only summarise them."
                : "Countries, provinces, the Durand Line, border crossings, cities and towns, rivers and lakes (Natural Earth, GeoNames).";
    }
}
