package org.conflictmap.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.conflictmap.Http;

/**
 * The readers' side of the load and fault tests: raster and vector tiles, OGC items by bbox and by
 * CQL2, incidents, places, geocoding (one request in twenty a whole dispatch). One client draws its
 * requests from its own seeded {@link Random}, so a run is repeatable.
 */
final class MixedWorkload {
    static final String DISPATCH = "Jets struck Paktika and Khost province; Kabul said 18 died.";
    private static final List<String> PATHS = new ArrayList<>();

    static {
        for (int x = 87; x <= 90; x++) {
            for (int y = 50; y <= 53; y++) {
                PATHS.add("/tiles/combined/8/" + x + "/" + y + ".png");
                PATHS.add("/tiles/incidents/8/" + x + "/" + y + ".mvt");
            }
        }
        PATHS.addAll(List.of(
                "/ogc/collections/incidents/items?bbox=69,33,72,35&limit=100",
                "/api/incidents?type=air_strike",
                "/api/places?q=Khost",
                "/api/geocode?q=Paktya",
                "/ogc/collections/incidents/items?filter=contested%20%3D%20true",
                "/tiles/basemap/5/22/12.png",
                "/api/incidents/2026-02-26-durand-line-post-attacks",
                "/api/incidents?view=map"));
    }

    /** One request's path (or {@code POST /api/geocode/text}) and its answer. */
    record Request(String path, Http.Response response) {}

    private MixedWorkload() {}

    static Request next(Http http, Random random) {
        if (random.nextInt(20) == 0) {
            return new Request(
                    "POST /api/geocode/text",
                    http.send("POST", "/api/geocode/text", DISPATCH, "Content-Type", "text/plain"));
        }
        String path = PATHS.get(random.nextInt(PATHS.size()));
        return new Request(path, http.get(path));
    }

    /** An editor's new incident, in 2031 so that it never meets the real dataset. */
    static String incident(String id) {
        return "{\"id\": \"" + id + "\", \"title\": \"Reliability test write\", \"type\": \"shelling\","
                + " \"occurred\": {\"start\": \"2031-03-01\"}, \"places\": [\"af-province-kunar\"]}";
    }
}
