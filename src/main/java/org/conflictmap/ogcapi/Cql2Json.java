package org.conflictmap.ogcapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.incidents.Cql2;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Params;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Reads cql2-json (OGC 21-065r2, its JSON schema) into the same {@link Cql2} tree as
 * {@link Cql2Text}: {@code {"op": "…", "args": […]}}, {@code {"property": "…"}},
 * {@code {"timestamp": "…"}}, {@code {"date": "…"}}, {@code {"interval": [a, b]}},
 * {@code {"bbox": […]}}, GeoJSON geometries, JSON arrays, strings, numbers and booleans.
 */
final class Cql2Json {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Cql2Json() {}

    static Cql2 parse(String text) {
        JsonNode node;
        try {
            node = JSON.readTree(text);
        } catch (JacksonException e) {
            throw fail("not JSON");
        }
        return read(node);
    }

    static Cql2 read(JsonNode node) {
        return value(node, 0);
    }

    private static Cql2 value(JsonNode n, int depth) {
        if (depth > IncidentFilter.MAX_DEPTH) {
            throw Params.invalid("filter", "nested more than " + IncidentFilter.MAX_DEPTH + " levels deep");
        }
        if (n == null || n.isNull() || n.isMissingNode()) {
            throw fail("a value is missing");
        }
        if (n.isString()) {
            return new Cql2.Text(n.asString());
        }
        if (n.isNumber()) {
            return new Cql2.Num(n.asDouble());
        }
        if (n.isBoolean()) {
            return new Cql2.Bool(n.asBoolean());
        }
        if (n.isArray()) {
            List<Cql2> items = new ArrayList<>();
            n.forEach(e -> items.add(value(e, depth + 1)));
            return new Cql2.Array(items);
        }
        if (!n.isObject()) {
            throw fail("unexpected " + clip(n.toString()));
        }
        if (n.has("op")) {
            return op(n, depth);
        }
        if (n.has("property")) {
            return new Cql2.Property(text(n.get("property"), "property"));
        }
        if (n.has("timestamp")) {
            return Cql2Text.time(text(n.get("timestamp"), "timestamp"), false);
        }
        if (n.has("date")) {
            return Cql2Text.time(text(n.get("date"), "date"), true);
        }
        if (n.has("interval")) {
            JsonNode i = n.get("interval");
            if (!i.isArray() || i.size() != 2) {
                throw fail("an interval is an array of a start and an end");
            }
            return new Cql2.Interval(bound(i.get(0), depth), bound(i.get(1), depth));
        }
        if (n.has("bbox")) {
            JsonNode b = n.get("bbox");
            if (!b.isArray()
                    || b.size() != 4 && b.size() != 6
                    || !b.valueStream().allMatch(JsonNode::isNumber)) {
                throw fail("a bbox is an array of 4 (or 6) numbers");
            }
            boolean three = b.size() == 6;
            return Cql2Text.boxGeometry(
                    b.get(0).asDouble(),
                    b.get(1).asDouble(),
                    b.get(three ? 3 : 2).asDouble(),
                    b.get(three ? 4 : 3).asDouble());
        }
        if (n.has("type") && (n.has("coordinates") || n.has("geometries"))) {
            return new Cql2.Geom(GeoJson.parseGeometry(n, "filter"));
        }
        throw fail("unknown object " + clip(n.toString()));
    }

    private static Cql2 bound(JsonNode b, int depth) {
        if (b.isString()) {
            String v = b.asString();
            return v.equals("..") ? new Cql2.Open() : Cql2Text.time(v, v.length() == 10);
        }
        Cql2 v = value(b, depth + 1);
        if (v instanceof Cql2.Property || v instanceof Cql2.Time) {
            return v;
        }
        throw fail("an interval's bounds are times, '..' or properties");
    }

    private static Cql2 op(JsonNode n, int depth) {
        String op = text(n.get("op"), "op").toLowerCase(Locale.ROOT);
        JsonNode a = n.get("args");
        if (a == null || !a.isArray()) {
            throw fail("'" + op + "' needs its 'args' as an array");
        }
        List<Cql2> args = new ArrayList<>();
        a.forEach(e -> args.add(value(e, depth + 1)));
        switch (op) {
            case "and", "or" -> {
                arity(op, args, 2, Integer.MAX_VALUE);
                return op.equals("and") ? new Cql2.And(args) : new Cql2.Or(args);
            }
            case "not" -> {
                arity(op, args, 1, 1);
                return new Cql2.Not(args.get(0));
            }
            case "like" -> {
                arity(op, args, 2, 2);
                return new Cql2.Like(args.get(0), args.get(1));
            }
            case "between" -> {
                arity(op, args, 3, 3);
                return new Cql2.Between(args.get(0), args.get(1), args.get(2));
            }
            case "in" -> {
                arity(op, args, 2, 2);
                if (!(args.get(1) instanceof Cql2.Array list)) {
                    throw fail("'in' takes a value and an array");
                }
                return new Cql2.In(args.get(0), list.items());
            }
            case "isnull" -> {
                arity(op, args, 1, 1);
                return new Cql2.IsNull(args.get(0));
            }
            case "casei", "accenti" -> {
                arity(op, args, 1, 1);
                return new Cql2.Fold(op, args.get(0));
            }
            case "s_dwithin" -> {
                arity(op, args, 3, 3);
                if (!(args.get(2) instanceof Cql2.Num d)) {
                    throw fail("s_dwithin's third argument is a distance in metres");
                }
                return new Cql2.DWithin(args.get(0), args.get(1), d.value());
            }
            default -> {
                if (Cql2.COMPARISONS.contains(op)) {
                    arity(op, args, 2, 2);
                    return new Cql2.Comparison(op, args.get(0), args.get(1));
                }
                if (Cql2.SPATIAL.contains(op) || Cql2.TEMPORAL.contains(op) || Cql2.ARRAY.contains(op)) {
                    arity(op, args, 2, 2);
                    return new Cql2.Predicate(op, args.get(0), args.get(1));
                }
                throw fail("'" + clip(op) + "' is not an operator this server knows");
            }
        }
    }

    private static void arity(String op, List<Cql2> args, int min, int max) {
        if (args.size() < min || args.size() > max) {
            throw fail("'" + op + "' takes " + (min == max ? String.valueOf(min) : "at least " + min) + " arguments");
        }
    }

    private static String text(JsonNode n, String what) {
        if (n == null || !n.isString()) {
            throw fail("'" + what + "' must be a string");
        }
        return n.asString();
    }

    private static ApiProblem fail(String why) {
        return Params.invalid("filter", "not CQL2 JSON this server understands: " + why);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
