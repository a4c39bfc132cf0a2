package org.conflictmap.incidents;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.conflictmap.errors.Invalid;
import org.conflictmap.errors.Malformed;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.web.Texts;
import org.conflictmap.web.Times;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.databind.JsonNode;

/**
 * Reads an incident an editor sent (a GeoJSON Feature, or the bare properties object) and checks
 * every field, collecting all faults into one 400 that names each field ({@code claims[1].party}).
 * Places are gazetteer ids; without a geometry the incident takes the union of its places'
 * geometries, so a province-level report keeps the province area.
 */
final class IncidentJson {
    private final Gazetteer gazetteer;
    private final List<Invalid.Reason> errors = new ArrayList<>();

    IncidentJson(Gazetteer gazetteer) {
        this.gazetteer = gazetteer;
    }

    /**
     * The incident described by {@code body}. {@code id} is the path id for PUT (null for POST:
     * then the body's id or one derived from the title); {@code version}, {@code created} come from
     * the stored row.
     */
    Incident read(JsonNode body, String id, int version, Instant created, Instant updated) {
        if (body == null || !body.isObject()) {
            throw new Malformed("expected a JSON object: a GeoJSON Feature or the incident's properties");
        }
        JsonNode p = body.has("properties") && body.get("properties").isObject() ? body.get("properties") : body;
        String givenId = text(p, "id", 100);
        if (id == null) {
            id = givenId != null ? givenId : slug(text(p, "title", 300));
        } else if (givenId != null && !givenId.equals(id)) {
            error("id", "does not match the id in the path");
        }
        if (id != null && !id.matches(Incident.ID_PATTERN)) {
            error("id", "must be 1-100 lower-case letters, digits and '-'");
        }
        String title = required(p, "title", 300);
        String summary = text(p, "summary", 4000);
        String type = oneOf(p, "type", Vocabulary.TYPES, null);
        String status = oneOf(p, "status", Vocabulary.STATUSES, "published");
        TimeInterval occurred = occurred(p.get("occurred"));
        List<PlaceRef> places = new ArrayList<>();
        List<Place> found = places(p.get("places"), places);
        Geometry geometry = null;
        JsonNode g = body.has("properties") ? body.get("geometry") : p.get("geometry");
        boolean given = g != null && !g.isNull();
        // a border line with the provinces along it is the stretch of the line there, unless the precision says
        // otherwise
        Locations.Located located = given || found.isEmpty() ? null : Locations.locate(found);
        String geoPrecision = oneOf(
                p,
                "geo_precision",
                Vocabulary.GEO_PRECISIONS,
                located != null ? located.precision() : found.isEmpty() ? null : Locations.precision(found));
        if (given) {
            geometry = capture(() -> GeoJson.parseGeometry(g, "geometry"));
        } else if (located != null) {
            boolean segment = located.precision().equals("border_segment");
            geometry = segment && geoPrecision != null && !geoPrecision.equals("border_segment")
                    ? Locations.union(found)
                    : located.geometry();
        } else if (errors.stream().noneMatch(e -> e.field().startsWith("places"))) {
            error("geometry", "give a geometry or at least one gazetteer place id in 'places'");
        }
        List<String> actors = strings(p, "actors", 200);
        String operation = text(p, "operation", 200);
        List<String> tags = strings(p, "tags", 100);
        List<Source> sources = sources(p.get("sources"));
        List<Claim> claims = claims(p.get("claims"));
        if (!errors.isEmpty()) {
            throw new Invalid(
                    errors.size() == 1
                            ? errors.get(0).field() + ": " + errors.get(0).reason()
                            : errors.size() + " fields are invalid",
                    errors);
        }
        String finalId = id;
        Geometry finalGeometry = geometry;
        Incident incident = capture(() -> new Incident(
                finalId,
                title,
                summary,
                type,
                status,
                occurred,
                geoPrecision,
                places,
                actors,
                operation,
                tags,
                claims,
                sources,
                finalGeometry,
                version,
                created,
                updated));
        if (!errors.isEmpty()) {
            throw new Invalid(errors.get(0).field() + ": " + errors.get(0).reason(), errors);
        }
        return incident;
    }

    /** Reads a claims array on its own (stored rows, POST …/claims). */
    List<Claim> claimsOnly(JsonNode node) {
        return checked(claims(node));
    }

    /** Reads a sources array on its own (stored rows). */
    List<Source> sourcesOnly(JsonNode node) {
        return checked(sources(node));
    }

    private <T> T checked(T value) {
        if (!errors.isEmpty()) {
            throw new Invalid(errors.get(0).field() + ": " + errors.get(0).reason(), errors);
        }
        return value;
    }

    // ------------------------------------------------------------------ parts

    private TimeInterval occurred(JsonNode o) {
        if (o == null || !o.isObject()) {
            error("occurred", "required: {\"start\", \"end\", \"precision\"} with RFC 3339 times or dates");
            return null;
        }
        String precision = oneOf(o, "precision", Vocabulary.TIME_PRECISIONS, "day", "occurred.precision");
        Instant start = instant(o.get("start"), "occurred.start", false);
        Instant end = o.has("end") && !o.get("end").isNull()
                ? instant(o.get("end"), "occurred.end", true)
                : start == null ? null : instant(o.get("start"), "occurred.end", true);
        if (start == null || end == null || precision == null) {
            return null;
        }
        if (end.isBefore(start)) {
            error("occurred.end", "is before occurred.start");
            return null;
        }
        return new TimeInterval(start, end, precision);
    }

    /** An RFC 3339 time, or a date meaning its whole day in UTC (its first or last instant). */
    private Instant instant(JsonNode n, String field, boolean endOfDay) {
        if (n == null || !n.isString()) {
            error(field, "required: an RFC 3339 time such as 2026-02-26T20:00:00+04:30, or a date");
            return null;
        }
        String s = n.asString().strip();
        try {
            return Times.instant(s, endOfDay, ChronoUnit.SECONDS);
        } catch (Times.OutOfRange e) {
            error(field, "'" + clip(s) + "': " + e.getMessage());
            return null;
        } catch (DateTimeException e) {
            error(field, "'" + clip(s) + "' is not an RFC 3339 time or a date");
            return null;
        }
    }

    private List<Place> places(JsonNode a, List<PlaceRef> refs) {
        List<Place> found = new ArrayList<>();
        if (a == null || a.isNull()) {
            return found;
        }
        if (!a.isArray()) {
            error("places", "expected an array of gazetteer place ids");
            return found;
        }
        for (int k = 0; k < a.size(); k++) {
            JsonNode e = a.get(k);
            String id = e.isString()
                    ? e.asString()
                    : e.isObject() && e.has("id") ? e.get("id").asString() : null;
            if (id == null) {
                error("places[" + k + "]", "expected a gazetteer place id");
                continue;
            }
            var place = gazetteer.get(id);
            if (place.isEmpty()) {
                error("places[" + k + "]", "no gazetteer place with id '" + clip(id) + "' (see /api/places)");
                continue;
            }
            found.add(place.get());
            refs.add(new PlaceRef(id, place.get().name()));
        }
        return found;
    }

    private List<Source> sources(JsonNode a) {
        List<Source> out = new ArrayList<>();
        if (a == null || a.isNull()) {
            return out;
        }
        if (!a.isArray()) {
            error("sources", "expected an array of {id, outlet, wire, published, url}");
            return out;
        }
        for (int k = 0; k < a.size(); k++) {
            JsonNode s = a.get(k);
            String f = "sources[" + k + "]";
            if (!s.isObject()) {
                error(f, "expected an object");
                continue;
            }
            String id = required(s, "id", 40, f + ".id");
            String outlet = required(s, "outlet", 200, f + ".outlet");
            String wire = text(s, "wire", 100, f + ".wire");
            LocalDate published = date(s.get("published"), f + ".published");
            String url = text(s, "url", 2000, f + ".url");
            Source src = capture(() -> new Source(id, outlet, wire, published, url), f);
            if (src != null) {
                out.add(src);
            }
        }
        return out;
    }

    private List<Claim> claims(JsonNode a) {
        List<Claim> out = new ArrayList<>();
        if (a == null || a.isNull()) {
            return out;
        }
        if (!a.isArray()) {
            error("claims", "expected an array of claims");
            return out;
        }
        for (int k = 0; k < a.size(); k++) {
            JsonNode c = a.get(k);
            String f = "claims[" + k + "]";
            if (!c.isObject()) {
                error(f, "expected an object");
                continue;
            }
            int before = errors.size();
            String claimant = required(c, "claimant", 300, f + ".claimant");
            String party = oneOf(c, "party", Vocabulary.PARTIES, null, f + ".party");
            String side = oneOf(c, "side", Vocabulary.SIDES, "unspecified", f + ".side");
            Integer killed = count(c, "killed", f);
            Integer wounded = count(c, "wounded", f);
            Integer captured = count(c, "captured", f);
            Integer postsCaptured = count(c, "posts_captured", f);
            Integer postsDestroyed = count(c, "posts_destroyed", f);
            Integer aircraft = count(c, "aircraft_downed", f);
            String statement = text(c, "statement", 2000, f + ".statement");
            LocalDate statedAt = date(c.get("stated_at"), f + ".stated_at");
            List<String> sources = strings(c, "sources", 40, f + ".sources");
            if (errors.size() == before) {
                Claim claim = capture(
                        () -> new Claim(
                                claimant,
                                party,
                                side,
                                killed,
                                wounded,
                                captured,
                                postsCaptured,
                                postsDestroyed,
                                aircraft,
                                statement,
                                statedAt,
                                sources),
                        f);
                if (claim != null) {
                    out.add(claim);
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ scalars

    private Integer count(JsonNode o, String name, String prefix) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isIntegralNumber() || !n.canConvertToInt() || n.asInt() < 0 || n.asInt() > 10_000_000) {
            error(prefix + "." + name, "expected a whole number 0..10000000 or null");
            return null;
        }
        return n.asInt();
    }

    private LocalDate date(JsonNode n, String field) {
        if (n == null || n.isNull()) {
            return null;
        }
        try {
            return Times.date(n.asString().strip());
        } catch (DateTimeException | IllegalArgumentException e) {
            error(field, "expected a date such as 2026-02-27");
            return null;
        }
    }

    private String required(JsonNode o, String name, int max) {
        return required(o, name, max, name);
    }

    private String required(JsonNode o, String name, int max, String field) {
        String v = text(o, name, max, field);
        if (v == null && errors.stream().noneMatch(e -> e.field().equals(field))) {
            error(field, "required");
        }
        return v;
    }

    private String text(JsonNode o, String name, int max) {
        return text(o, name, max, name);
    }

    private String text(JsonNode o, String name, int max, String field) {
        JsonNode n = o.get(name);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isString()) {
            error(field, "expected a string");
            return null;
        }
        String s = n.asString().strip();
        if (s.length() > max) {
            error(field, "longer than " + max + " characters");
            return null;
        }
        String fault = Texts.fault(s);
        if (fault != null) {
            error(field, fault);
            return null;
        }
        return s.isEmpty() ? null : s;
    }

    private String oneOf(JsonNode o, String name, List<String> allowed, String fallback) {
        return oneOf(o, name, allowed, fallback, name);
    }

    private String oneOf(JsonNode o, String name, List<String> allowed, String fallback, String field) {
        String v = text(o, name, 100, field);
        if (v == null) {
            if (fallback == null && errors.stream().noneMatch(e -> e.field().equals(field))) {
                error(field, "required, one of " + allowed);
            }
            return fallback;
        }
        if (!allowed.contains(v)) {
            error(field, "'" + clip(v) + "' is not one of " + allowed);
            return null;
        }
        return v;
    }

    private List<String> strings(JsonNode o, String name, int max) {
        return strings(o, name, max, name);
    }

    private List<String> strings(JsonNode o, String name, int max, String field) {
        JsonNode a = o.get(name);
        List<String> out = new ArrayList<>();
        if (a == null || a.isNull()) {
            return out;
        }
        if (!a.isArray() || a.size() > 200) {
            error(field, "expected an array of at most 200 strings");
            return out;
        }
        for (int k = 0; k < a.size(); k++) {
            JsonNode e = a.get(k);
            if (!e.isString() || e.asString().isBlank() || e.asString().length() > max) {
                error(field + "[" + k + "]", "expected a non-empty string of at most " + max + " characters");
            } else if (Texts.fault(e.asString()) != null) {
                error(field + "[" + k + "]", Texts.fault(e.asString()));
            } else {
                out.add(e.asString().strip());
            }
        }
        return out;
    }

    private <T> T capture(Supplier<T> make) {
        return capture(make, null);
    }

    /** Runs a constructor that checks invariants; its complaint becomes a field error. */
    private <T> T capture(Supplier<T> make, String field) {
        try {
            return make.get();
        } catch (Invalid e) {
            errors.addAll(e.reasons());
            return null;
        } catch (IllegalArgumentException | NullPointerException e) {
            error(field == null ? "incident" : field, String.valueOf(e.getMessage()));
            return null;
        }
    }

    private void error(String field, String message) {
        errors.add(new Invalid.Reason(field, message));
    }

    static String slug(String title) {
        if (title == null) {
            return null;
        }
        String s = Names.slug(title);
        return s.length() > 80 ? s.substring(0, 80).replaceAll("-+$", "") : s;
    }

    private static String clip(String s) {
        return s.length() > 60 ? s.substring(0, 60) + "…" : s;
    }
}
