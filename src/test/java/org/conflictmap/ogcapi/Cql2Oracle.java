package org.conflictmap.ogcapi;

import java.text.Normalizer;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.conflictmap.incidents.Cql2;
import org.geotools.referencing.GeodeticCalculator;
import org.geotools.referencing.datum.DefaultEllipsoid;
import org.locationtech.jts.densify.Densifier;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.geojson.GeoJsonReader;
import tools.jackson.databind.JsonNode;

/**
 * CQL2 evaluated in memory over a served GeoJSON feature, written from the standard's definitions
 * and the feature's own JSON (not from the SQL): the oracle the store's answers are held to. Three
 * valued like SQL: a comparison with a missing value is unknown (null), and NOT unknown is unknown.
 */
final class Cql2Oracle {
    private final JsonNode p;
    private final JsonNode geometryJson;

    private Cql2Oracle(JsonNode feature) {
        this.p = feature.get("properties");
        this.geometryJson = feature.get("geometry");
    }

    static boolean test(Cql2 filter, JsonNode feature) {
        return Boolean.TRUE.equals(new Cql2Oracle(feature).eval(filter));
    }

    private Boolean eval(Cql2 f) {
        if (f instanceof Cql2.And a) {
            return junction(a.args(), false);
        }
        if (f instanceof Cql2.Or o) {
            return junction(o.args(), true);
        }
        if (f instanceof Cql2.Not n) {
            Boolean v = eval(n.arg());
            return v == null ? null : !v;
        }
        if (f instanceof Cql2.Bool b) {
            return b.value();
        }
        if (f instanceof Cql2.Comparison c) {
            Object l = value(c.left());
            Object r = value(c.right());
            if (l == null || r == null) {
                return null;
            }
            int order = compare(l, r);
            return switch (c.op()) {
                case "=" -> order == 0;
                case "<>" -> order != 0;
                case "<" -> order < 0;
                case "<=" -> order <= 0;
                case ">" -> order > 0;
                default -> order >= 0;
            };
        }
        if (f instanceof Cql2.Like l) {
            Object v = value(l.value());
            String pattern = (String) value(l.pattern());
            return v == null ? null : like(pattern).matcher((String) v).matches();
        }
        if (f instanceof Cql2.Between b) {
            Object v = value(b.value());
            return v == null ? null : compare(v, value(b.low())) >= 0 && compare(v, value(b.high())) <= 0;
        }
        if (f instanceof Cql2.In in) {
            Object v = value(in.value());
            if (v == null) {
                return null;
            }
            return in.list().stream().anyMatch(x -> compare(v, value(x)) == 0);
        }
        if (f instanceof Cql2.IsNull n) {
            return n.value() instanceof Cql2.Property g && g.name().equals("geometry")
                    ? geometry() == null
                    : value(n.value()) == null;
        }
        if (f instanceof Cql2.DWithin d) {
            return distanceMetres(geometry(), ((Cql2.Geom) d.right()).geometry()) <= d.metres();
        }
        Cql2.Predicate pr = (Cql2.Predicate) f;
        if (pr.op().startsWith("s_")) {
            return spatial(pr.op(), geometry(), ((Cql2.Geom) pr.right()).geometry());
        }
        if (pr.op().startsWith("t_")) {
            return temporal(pr.op(), interval(pr.left()), interval(pr.right()));
        }
        return array(pr.op(), list(((Cql2.Property) pr.left()).name()), literal((Cql2.Array) pr.right()));
    }

    /** AND ({@code decisive} false) or OR ({@code decisive} true) in three-valued logic. */
    private Boolean junction(List<Cql2> args, boolean decisive) {
        boolean unknown = false;
        for (Cql2 x : args) {
            Boolean v = eval(x);
            if (v != null && v == decisive) {
                return decisive;
            }
            unknown |= v == null;
        }
        return unknown ? null : !decisive;
    }

    // ------------------------------------------------------------------ values of the feature

    private Object value(Cql2 e) {
        if (e instanceof Cql2.Fold f) {
            Object v = value(f.arg());
            return v == null
                    ? null
                    : f.fold().equals("casei") ? ((String) v).toLowerCase(Locale.ROOT) : unaccent((String) v);
        }
        if (e instanceof Cql2.Text t) {
            return t.value();
        }
        if (e instanceof Cql2.Num n) {
            return n.value();
        }
        if (e instanceof Cql2.Bool b) {
            return b.value();
        }
        if (e instanceof Cql2.Time t) {
            return t.at();
        }
        String name = ((Cql2.Property) e).name();
        return switch (name) {
            case "start", "end" ->
                OffsetDateTime.parse(p.get("occurred").get(name).asString()).toInstant();
            case "updated" -> OffsetDateTime.parse(p.get("updated").asString()).toInstant();
            case "time_precision" -> p.get("occurred").get("precision").asString();
            case "places", "place_ids", "parties", "sources" -> String.join("; ", list(name));
            case "claims_count" -> (double) p.get("claims").size();
            case "killed_min", "killed_max", "wounded_min", "wounded_max" -> figure(name);
            case "contested" -> p.get("contested").asBoolean();
            case "version" -> p.get("version").asDouble();
            default ->
                p.get(name) == null || p.get(name).isNull() ? null : p.get(name).asString();
        };
    }

    private Double figure(String name) {
        String field = name.substring(0, name.indexOf('_'));
        Double out = null;
        for (JsonNode c : p.get("claims")) {
            if (c.get(field) != null && !c.get(field).isNull()) {
                double v = c.get(field).asDouble();
                out = out == null ? v : name.endsWith("_min") ? Math.min(out, v) : Math.max(out, v);
            }
        }
        return out;
    }

    private List<String> list(String name) {
        Set<String> out = new LinkedHashSet<>();
        switch (name) {
            case "places" -> p.get("places").forEach(x -> out.add(x.get("name").asString()));
            case "place_ids" -> p.get("places").forEach(x -> out.add(x.get("id").asString()));
            case "parties" ->
                p.get("claims").forEach(x -> out.add(x.get("party").asString()));
            default -> p.get("sources").forEach(x -> out.add(x.get("outlet").asString()));
        }
        return new ArrayList<>(out);
    }

    private static List<String> literal(Cql2.Array a) {
        return a.items().stream().map(x -> ((Cql2.Text) x).value()).toList();
    }

    private Geometry geometry() {
        try {
            return geometryJson == null || geometryJson.isNull()
                    ? null
                    : new GeoJsonReader().read(geometryJson.toString());
        } catch (org.locationtech.jts.io.ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static int compare(Object a, Object b) {
        return ((Comparable<Object>) a).compareTo(b);
    }

    private static String unaccent(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
    }

    private static Pattern like(String pattern) {
        StringBuilder re = new StringBuilder();
        for (int k = 0; k < pattern.length(); k++) {
            char c = pattern.charAt(k);
            if (c == '\\' && k + 1 < pattern.length()) {
                re.append(Pattern.quote(String.valueOf(pattern.charAt(++k))));
            } else {
                re.append(c == '%' ? ".*" : c == '_' ? "." : Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    // ------------------------------------------------------------------ the standard's predicates

    private static boolean spatial(String op, Geometry a, Geometry b) {
        return switch (op) {
            case "s_intersects" -> a.intersects(b);
            case "s_disjoint" -> a.disjoint(b);
            case "s_equals" -> a.equalsTopo(b);
            case "s_touches" -> a.touches(b);
            case "s_within" -> a.within(b);
            case "s_overlaps" -> a.overlaps(b);
            case "s_crosses" -> a.crosses(b);
            default -> a.contains(b);
        };
    }

    /** The least geodesic distance from {@code b}'s centre to {@code a} (a densified to about 100 m; 0 inside). */
    static double distanceMetres(Geometry a, Geometry b) {
        Coordinate centre = b.getCentroid().getCoordinate();
        if (a.intersects(b.getFactory().createPoint(centre))) {
            return 0;
        }
        GeodeticCalculator calc = new GeodeticCalculator(DefaultEllipsoid.WGS84);
        double best = Double.MAX_VALUE;
        for (Coordinate c : Densifier.densify(a, 0.001).getCoordinates()) {
            calc.setStartingGeographicPoint(centre.x, centre.y);
            calc.setDestinationGeographicPoint(c.x, c.y);
            best = Math.min(best, calc.getOrthodromicDistance());
        }
        return best;
    }

    /** An interval as {start, end}; null for an open end. */
    private Instant[] interval(Cql2 e) {
        if (e instanceof Cql2.Interval i) {
            return new Instant[] {end(i.start(), false), end(i.end(), true)};
        }
        return new Instant[] {end(e, false), end(e, true)};
    }

    private Instant end(Cql2 e, boolean last) {
        if (e instanceof Cql2.Open) {
            return last ? Instant.MAX : Instant.MIN;
        }
        if (e instanceof Cql2.Time t && t.date()) {
            return last ? t.at().plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : t.at();
        }
        return (Instant) value(e);
    }

    /** OGC 21-065r2's temporal predicates as Allen's relations of [as, ae] and [bs, be]. */
    private static boolean temporal(String op, Instant[] a, Instant[] b) {
        Instant as = a[0];
        Instant ae = a[1];
        Instant bs = b[0];
        Instant be = b[1];
        return switch (op) {
            case "t_after" -> as.isAfter(be);
            case "t_before" -> ae.isBefore(bs);
            case "t_contains" -> as.isBefore(bs) && ae.isAfter(be);
            case "t_disjoint" -> ae.isBefore(bs) || as.isAfter(be);
            case "t_during" -> as.isAfter(bs) && ae.isBefore(be);
            case "t_equals" -> as.equals(bs) && ae.equals(be);
            case "t_finishedby" -> as.isBefore(bs) && ae.equals(be);
            case "t_finishes" -> as.isAfter(bs) && ae.equals(be);
            case "t_intersects" -> !as.isAfter(be) && !ae.isBefore(bs);
            case "t_meets" -> ae.equals(bs);
            case "t_metby" -> as.equals(be);
            case "t_overlappedby" -> as.isAfter(bs) && as.isBefore(be) && ae.isAfter(be);
            case "t_overlaps" -> as.isBefore(bs) && ae.isAfter(bs) && ae.isBefore(be);
            case "t_startedby" -> as.equals(bs) && ae.isAfter(be);
            default -> as.equals(bs) && ae.isBefore(be); // t_starts
        };
    }

    private static boolean array(String op, List<String> a, List<String> b) {
        Set<String> x = Set.copyOf(a);
        Set<String> y = Set.copyOf(b);
        return switch (op) {
            case "a_equals" -> x.equals(y);
            case "a_contains" -> x.containsAll(y);
            case "a_containedby" -> y.containsAll(x);
            default -> x.stream().anyMatch(y::contains); // a_overlaps
        };
    }
}
