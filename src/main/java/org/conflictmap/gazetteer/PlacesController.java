package org.conflictmap.gazetteer;

import java.util.List;
import java.util.Locale;

import org.conflictmap.geo.Bbox;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Params;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** {@code /api/places}: the gazetteer as RFC 7946 GeoJSON. */
@RestController
class PlacesController {
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 2000;

    private final PlaceRepository places;
    private final ObjectMapper json;

    PlacesController(PlaceRepository places, ObjectMapper json) {
        this.places = places;
        this.json = json;
    }

    @GetMapping(value = "/api/places", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    ObjectNode search(@RequestParam(required = false) String q, @RequestParam(required = false) String kind,
            @RequestParam(required = false) String country, @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String limit, @RequestParam(required = false) String offset) {
        String text = Params.text("q", q, 200);
        String c = Params.text("country", country, 2);
        if (c != null && !c.matches("[A-Za-z]{2}")) {
            throw Params.invalid("country", "expected an ISO 3166-1 alpha-2 code such as AF or PK");
        }
        PlaceRepository.Query query = new PlaceRepository.Query(text, Params.oneOf("kind", kind, Place.KINDS),
                c == null ? null : c.toUpperCase(Locale.ROOT), Bbox.parse(bbox, "bbox"),
                Params.integer("limit", limit, DEFAULT_LIMIT, 1, MAX_LIMIT),
                Params.integer("offset", offset, 0, 0, 1_000_000));
        List<Place> found = places.find(query);
        ObjectNode fc = GeoJson.featureCollection();
        var features = fc.withArray("features");
        for (Place p : found) {
            features.add(PlaceFeatures.feature(p, json));
        }
        fc.put("numberReturned", found.size());
        return fc;
    }

    @GetMapping(value = "/api/places/{id}", produces = {GeoJson.MEDIA_TYPE, "application/json"})
    ObjectNode byId(@PathVariable String id) {
        return places.byId(id).map(p -> PlaceFeatures.feature(p, json))
                .orElseThrow(() -> ApiProblem.notFound("no place with id '" + (id.length() > 80 ? id.substring(0, 80) : id) + "'"));
    }
}
