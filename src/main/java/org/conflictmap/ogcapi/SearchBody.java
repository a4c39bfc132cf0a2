package org.conflictmap.ogcapi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.conflictmap.web.Params;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The body of {@code POST /ogc/collections/{c}/search} as the items' query parameters: a JSON object
 * of them ({@code {"filter": {...}, "limit": 10}}; a JSON {@code filter} is CQL2 JSON, a string
 * {@code filter} CQL2 text unless {@code filter-lang} says otherwise), or a CQL2 JSON filter alone.
 */
final class SearchBody {
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest body read, in characters. */
    static final int MAX_CHARS = 100_000;

    private SearchBody() {}

    static Map<String, String[]> params(String body) {
        if (body == null || body.isBlank()) {
            throw Params.invalid(
                    "body", "a JSON object of the items' parameters, such as {\"filter\": {\"op\": \"=\", ...}}");
        }
        if (body.length() > MAX_CHARS) {
            throw Params.invalid("body", "longer than " + MAX_CHARS + " characters");
        }
        JsonNode n;
        try {
            n = JSON.readTree(body);
        } catch (JacksonException e) {
            throw Params.invalid("body", "not JSON");
        }
        if (n == null || !n.isObject()) {
            throw Params.invalid("body", "a JSON object of the items' parameters");
        }
        Map<String, String[]> out = new LinkedHashMap<>();
        if (n.has("op")) {
            out.put("filter", new String[] {n.toString()});
            out.put("filter-lang", new String[] {"cql2-json"});
            return out;
        }
        for (Map.Entry<String, JsonNode> e : n.properties()) {
            JsonNode v = e.getValue();
            String text;
            if (v.isArray() && !e.getKey().equals("filter")) {
                StringBuilder b = new StringBuilder();
                v.forEach(x -> b.append(b.length() == 0 ? "" : ",").append(x.isString() ? x.asString() : x.toString()));
                text = b.toString();
            } else {
                text = v.isString() ? v.asString() : v.toString();
            }
            out.put(e.getKey(), new String[] {text});
        }
        if (n.path("filter").isObject() && !n.has("filter-lang")) {
            out.put("filter-lang", new String[] {"cql2-json"});
        }
        return out;
    }

    /** The parameters as one canonical string (for the answer's ETag). */
    static String query(Map<String, String[]> q) {
        StringBuilder b = new StringBuilder();
        new TreeMap<>(q).forEach((k, vs) -> {
            for (String v : vs) {
                b.append(k).append('=').append(v).append('&');
            }
        });
        return b.toString();
    }
}
