package org.conflictmap.geocoding;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.PlaceFeatures;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Bodies;
import org.conflictmap.web.Params;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code GET /api/geocode?q=&country=&kind=&limit=} ranks places for a name;
 * {@code POST /api/geocode/text} (text/plain, or JSON {@code {"text", "published"}}) finds the
 * places and dates in a news report. Nothing is written to the stores.
 */
@RestController
class GeocodeController {
    private final Geocoder geocoder;
    private final GeocodingProperties properties;
    private final ObjectMapper json;

    GeocodeController(Geocoder geocoder, GeocodingProperties properties, ObjectMapper json) {
        this.geocoder = geocoder;
        this.properties = properties;
        this.json = json;
    }

    @GetMapping(
            value = "/api/geocode",
            produces = {GeoJson.MEDIA_TYPE, "application/json"})
    ObjectNode search(HttpServletRequest r) {
        Params.onlyKnown(r.getParameterMap(), Set.of("q", "country", "kind", "limit"));
        String q = Params.text("q", r.getParameter("q"), 200);
        if (q == null) {
            throw Params.invalid("q", "required: the place name to look up");
        }
        String country = Params.text("country", r.getParameter("country"), 2);
        if (country != null && !country.matches("[A-Za-z]{2}")) {
            throw Params.invalid("country", "expected an ISO 3166-1 alpha-2 code such as AF or PK");
        }
        String kind = Params.oneOf("kind", r.getParameter("kind"), Place.KINDS);
        int limit = Params.integer("limit", r.getParameter("limit"), 5, 1, 50);
        ObjectNode fc = GeoJson.featureCollection();
        ArrayNode features = fc.withArray("features");
        for (Geocoder.Candidate c :
                geocoder.search(q, country == null ? null : country.toUpperCase(Locale.ROOT), kind, limit)) {
            ObjectNode f = PlaceFeatures.feature(c.place(), json);
            ((ObjectNode) f.get("properties"))
                    .put("score", Math.round(c.score() * 100) / 100.0)
                    .put("match", c.match());
            features.add(f);
        }
        fc.put("numberReturned", features.size());
        return fc;
    }

    @PostMapping(value = "/api/geocode/text", produces = "application/json")
    ObjectNode text(HttpServletRequest r) {
        String type = Bodies.requireType(
                r,
                "send the report as text/plain or as JSON {\"text\", \"published\"}",
                "text/plain",
                "application/json");
        byte[] body = Bodies.bytes(r, properties.maxTextBytes(), "conflictmap.geocoding.max-text-bytes");
        String text;
        LocalDate published = null;
        if (type.startsWith("text/plain")) {
            text = utf8(body);
        } else {
            JsonNode node;
            try {
                node = json.readTree(utf8(body));
            } catch (JacksonException e) {
                throw ApiProblem.badRequest("the body is not valid JSON");
            }
            if (!node.isObject() || !node.path("text").isString()) {
                throw Params.invalid("text", "expected {\"text\": \"...\", \"published\": \"2026-02-27\"}");
            }
            text = node.get("text").asString();
            if (node.hasNonNull("published")) {
                try {
                    published = LocalDate.parse(node.get("published")
                            .asString()
                            .substring(
                                    0,
                                    Math.min(
                                            10, node.get("published").asString().length())));
                } catch (DateTimeParseException e) {
                    throw Params.invalid("published", "expected a date such as 2026-02-27");
                }
            }
        }
        if (text.isBlank()) {
            throw Params.invalid("text", "the text is empty");
        }
        Geocoder.Result result = geocoder.parse(text, published);
        ObjectNode out = json.createObjectNode();
        ArrayNode mentions = out.putArray("mentions");
        Map<String, Place> places = new LinkedHashMap<>();
        for (Geocoder.Mention m : result.mentions()) {
            ObjectNode o = mentions.addObject();
            o.put("text", m.text()).put("start", m.start()).put("end", m.end());
            ObjectNode p = o.putObject("place");
            p.put("id", m.place().id())
                    .put("name", m.place().name())
                    .put("kind", m.place().kind())
                    .put("country", m.place().country())
                    .put("admin1", m.place().admin1());
            ArrayNode alt = p.putArray("alt_names");
            m.place().altNames().stream().limit(20).forEach(alt::add);
            o.put("score", m.score())
                    .put("precision", m.precision())
                    .put("metonymic", m.metonymic())
                    .put("choice", m.choice());
            ArrayNode alternatives = o.putArray("alternatives");
            m.alternatives().forEach(alternatives::add);
            if (!m.metonymic()) {
                places.putIfAbsent(m.place().id(), m.place());
            }
        }
        ObjectNode fc = GeoJson.featureCollection();
        places.values().forEach(p -> fc.withArray("features").add(PlaceFeatures.feature(p, json)));
        out.set("places", fc);
        ArrayNode dates = out.putArray("dates");
        for (DateResolver.Found d : result.dates()) {
            dates.addObject()
                    .put("text", d.text())
                    .put("start", d.start())
                    .put("end", d.end())
                    .put("date", d.date().toString())
                    .put("precision", d.precision());
        }
        return out;
    }

    private static String utf8(byte[] b) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.badRequest("the body is not valid UTF-8 text");
        }
    }
}
