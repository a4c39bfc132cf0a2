package org.conflictmap.gazetteer;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.conflictmap.geo.Bbox;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.ETags;
import org.conflictmap.web.Params;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
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
    private final Gazetteer gazetteer;
    private final Map<String, byte[]> names = new ConcurrentHashMap<>();

    PlacesController(PlaceRepository places, ObjectMapper json, Gazetteer gazetteer) {
        this.places = places;
        this.json = json;
        this.gazetteer = gazetteer;
    }

    /**
     * Every place (an incident can be at any), for the web map to name it in its reader's script and to read
     * its times in the place's zone: {@code {"lang": "ps", "places": [[id, name, local name or null,
     * country or null], …]}}. The gazetteer is held in memory and does not change while the server
     * runs, so each language's answer is made once.
     */
    @GetMapping(value = "/api/places/names", produces = "application/json")
    ResponseEntity<byte[]> names(@RequestParam(required = false) String lang, HttpServletRequest request) {
        String l = lang == null || lang.isBlank() ? "en" : LocalNames.language(lang);
        if (l == null) {
            throw Params.invalid(
                    "lang",
                    "places are named in en, ps, fa (fa-AF, prs) and ur, not '"
                            + (lang.length() > 20 ? lang.substring(0, 20) + "…" : lang) + "'");
        }
        byte[] body = names.computeIfAbsent(l, this::namesIn);
        // weak: Tomcat gzips no answer with a strong entity tag, and gzipped the 74 KB are ~20 KB
        String etag = "W/\"n" + l + "-" + Integer.toHexString(Arrays.hashCode(body)) + "\"";
        if (ETags.notModified(request, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .cacheControl(CacheControl.noCache())
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    private byte[] namesIn(String lang) {
        ObjectNode out = json.createObjectNode();
        out.put("lang", lang);
        var list = out.putArray("places");
        gazetteer.all().stream()
                .sorted(Comparator.comparing(Place::id))
                .forEach(p -> list.addArray()
                        .add(p.id())
                        .add(p.name())
                        .add(lang.equals("en") ? null : LocalNames.of(p, lang))
                        .add(p.country()));
        return json.writeValueAsBytes(out);
    }

    @GetMapping(
            value = "/api/places",
            produces = {GeoJson.MEDIA_TYPE, "application/json"})
    ObjectNode search(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String kind,
            @RequestParam(required = false) String country,
            @RequestParam(required = false) String bbox,
            @RequestParam(required = false) String limit,
            @RequestParam(required = false) String offset) {
        String text = Params.text("q", q, 200);
        String c = Params.text("country", country, 2);
        if (c != null && !c.matches("[A-Za-z]{2}")) {
            throw Params.invalid("country", "expected an ISO 3166-1 alpha-2 code such as AF or PK");
        }
        PlaceRepository.Query query = new PlaceRepository.Query(
                text,
                Params.oneOf("kind", kind, Place.KINDS),
                c == null ? null : c.toUpperCase(Locale.ROOT),
                Bbox.parse(bbox, "bbox"),
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

    @GetMapping(
            value = "/api/places/{id}",
            produces = {GeoJson.MEDIA_TYPE, "application/json"})
    ObjectNode byId(@PathVariable String id) {
        return places.byId(id)
                .map(p -> PlaceFeatures.feature(p, json))
                .orElseThrow(() -> ApiProblem.notFound(
                        "no place with id '" + (id.length() > 80 ? id.substring(0, 80) : id) + "'"));
    }
}
