package org.conflictmap.incidents;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.security.Editors;
import org.conflictmap.security.EditorsOnly;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Bodies;
import org.conflictmap.web.Params;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Merging duplicate drafts and splitting one that covers two events, each in one transaction with
 * its history rows:
 *
 * <pre>
 * POST /api/incidents/{id}/merge  {"from": "other-id", "from_version": 2}  If-Match: "{id}'s version"
 *      → {id} gains the other's claims, sources, places, actors and tags and the union of both periods; the other (a draft) is deleted
 * POST /api/incidents/{id}/split  {"claims": [1, 2], "id": "new-id", "title": "…"}  If-Match
 *      → those claims (and the sources they cite) move to a new draft with the same place and time → 201 + Location
 * POST /api/incidents/{id}/claims/{n}/move  {"to": "other-id", "to_version": 3}  If-Match
 *      → claim n (and the sources it cites) moves to the other incident; both get a new version and a history row
 * </pre>
 */
@RestController
@EditorsOnly
class MergeSplitController {
    private final IncidentRepository incidents;
    private final Editors editors;
    private final ObjectMapper json;
    private final Gazetteer gazetteer;
    private final TransactionTemplate tx;
    private final ApplicationEventPublisher events;

    MergeSplitController(
            IncidentRepository incidents,
            Editors editors,
            ObjectMapper json,
            Gazetteer gazetteer,
            TransactionTemplate tx,
            ApplicationEventPublisher events) {
        this.incidents = incidents;
        this.editors = editors;
        this.json = json;
        this.gazetteer = gazetteer;
        this.tx = tx;
        this.events = events;
    }

    @PostMapping(
            value = "/api/incidents/{id}/merge",
            produces = {IncidentsController.GEOJSON, "application/json"})
    ResponseEntity<ObjectNode> merge(@PathVariable String id, HttpServletRequest request) {
        String editor = editors.of(request);
        JsonNode body = body(request);
        String fromId = body.path("from").isString() ? body.get("from").asString() : null;
        if (fromId == null || !fromId.matches(Incident.ID_PATTERN)) {
            throw Params.invalid("from", "the id of the draft to merge into this incident");
        }
        if (fromId.equals(id)) {
            throw Params.invalid("from", "an incident cannot be merged with itself");
        }
        Integer fromVersion = body.path("from_version").canConvertToInt()
                ? body.get("from_version").asInt()
                : null;
        Integer expected = IfMatch.required(request, id).version();
        List<Integer> where = new ArrayList<>();
        Incident stored = tx.execute(s -> {
            // the row locks: {id}'s first (update), then {from}'s (delete), both held to the commit
            Incident out = incidents.update(id, expected, editor, into -> {
                Incident from = existing(fromId);
                if (!"draft".equals(from.status())) {
                    throw Params.invalid("from", "only a draft can be merged away; unpublish '" + fromId + "' first");
                }
                where.clear();
                return new IncidentJson(gazetteer)
                        .read(
                                merged(IncidentFeatures.feature(into), IncidentFeatures.feature(from), where),
                                id,
                                into.version(),
                                into.created(),
                                into.updated());
            });
            incidents.delete(fromId, fromVersion, editor);
            events.publishEvent(new IncidentsRegrouped(
                    fromId, id, true, where, where.stream().map(k -> -1).toList()));
            return out;
        });
        return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(IncidentFeatures.feature(stored));
    }

    @PostMapping(
            value = "/api/incidents/{id}/split",
            produces = {IncidentsController.GEOJSON, "application/json"})
    ResponseEntity<ObjectNode> split(@PathVariable String id, HttpServletRequest request) {
        String editor = editors.of(request);
        JsonNode body = body(request);
        Integer expected = IfMatch.required(request, id).version();
        Incident[] both = new Incident[2];
        tx.executeWithoutResult(s -> both[0] = incidents.update(id, expected, editor, old -> {
            Set<Integer> moved = new LinkedHashSet<>();
            body.path("claims")
                    .forEach(n -> moved.add(Params.integer(
                            "claims",
                            n.asString(""),
                            -1,
                            0,
                            Math.max(0, old.claims().size() - 1))));
            if (moved.isEmpty() || moved.size() >= old.claims().size()) {
                throw Params.invalid(
                        "claims", "name some but not all of the incident's claims (0-based) to move to the new draft");
            }
            String newId = body.path("id").isString()
                    ? body.get("id").asString()
                    : (id.length() > 80 ? id.substring(0, 80) : id) + "-"
                            + UUID.randomUUID().toString().substring(0, 6);
            String title = body.path("title").isString() ? body.get("title").asString() : old.title() + " (split)";
            ObjectNode feature = IncidentFeatures.feature(old);
            ObjectNode p = (ObjectNode) feature.get("properties");
            ArrayNode claims = (ArrayNode) p.get("claims");
            ArrayNode kept = json.createArrayNode();
            ArrayNode taken = json.createArrayNode();
            Set<String> cited = new LinkedHashSet<>();
            List<Integer> into = new ArrayList<>();
            List<Integer> stays = new ArrayList<>();
            for (int k = 0; k < claims.size(); k++) {
                into.add(moved.contains(k) ? taken.size() : -1);
                stays.add(moved.contains(k) ? -1 : kept.size());
                (moved.contains(k) ? taken : kept).add(claims.get(k));
                if (moved.contains(k)) {
                    claims.get(k).path("sources").forEach(x -> cited.add(x.asString()));
                }
            }
            ObjectNode copy = feature.deepCopy();
            ObjectNode cp = (ObjectNode) copy.get("properties");
            cp.put("id", newId).put("title", title).put("status", "draft").set("claims", taken);
            ArrayNode sources = json.createArrayNode();
            p.path("sources").forEach(src -> {
                if (cited.contains(src.path("id").asString())) {
                    sources.add(src);
                }
            });
            cp.set("sources", sources);
            p.set("claims", kept);
            both[1] = incidents.create(new IncidentJson(gazetteer).read(copy, null, 0, null, null), editor);
            events.publishEvent(new IncidentsRegrouped(id, both[1].id(), false, into, stays));
            return new IncidentJson(gazetteer).read(feature, id, old.version(), old.created(), old.updated());
        }));
        ObjectNode out = json.createObjectNode();
        out.set("incident", IncidentFeatures.feature(both[0]));
        out.set("created", IncidentFeatures.feature(both[1]));
        return ResponseEntity.created(URI.create("/api/incidents/" + both[1].id()))
                .eTag("\"" + both[0].version() + "\"")
                .body(out);
    }

    @PostMapping(value = "/api/incidents/{id}/claims/{n}/move", produces = "application/json")
    ObjectNode move(@PathVariable String id, @PathVariable String n, HttpServletRequest request) {
        String editor = editors.of(request);
        JsonNode body = body(request);
        String to = body.path("to").isString() ? body.get("to").asString() : null;
        if (to == null || !to.matches(Incident.ID_PATTERN)) {
            throw Params.invalid("to", "the id of the incident the claim moves to");
        }
        if (to.equals(id)) {
            throw Params.invalid("to", "a claim cannot move to the incident it is in");
        }
        if (!body.path("to_version").canConvertToInt()) {
            throw Params.invalid(
                    "to_version", "the version of '" + to + "' the editor saw (both incidents' versions are checked)");
        }
        int toVersion = body.get("to_version").asInt();
        Integer expected = IfMatch.required(request, id).version();
        Incident source = existing(id);
        if (source.claims().isEmpty()) {
            throw ApiProblem.notFound("incident '" + id + "' has no claims");
        }
        int k = Params.integer("n", n, 0, 0, source.claims().size() - 1);
        existing(to);
        Incident[] both = new Incident[2];
        int[] as = {0};
        Claim claimMoved = source.claims().get(k);
        // the history of each says what happened, not a plain update: which claim, to or from which incident (V54)
        ObjectNode leftNote = json.createObjectNode()
                .put("kind", "claim_moved")
                .put("claim", k)
                .put("claimant", claimMoved.claimant())
                .put("to", to);
        ObjectNode joinedNote = json.createObjectNode()
                .put("kind", "claim_moved")
                .put("claimant", claimMoved.claimant())
                .put("from", id)
                .put("from_claim", k);
        tx.executeWithoutResult(s -> {
            // both rows locked in id order, so two opposite moves cannot deadlock; each update checks its version
            boolean sourceFirst = id.compareTo(to) < 0;
            if (sourceFirst) {
                both[0] = incidents.update(id, expected, editor, old -> without(old, k), leftNote);
            }
            both[1] = incidents.update(
                    to,
                    toVersion,
                    editor,
                    old -> {
                        ObjectNode f = IncidentFeatures.feature(old);
                        ObjectNode moved = json.createObjectNode();
                        ObjectNode claim = (ObjectNode) IncidentFeatures.properties(source)
                                .get("claims")
                                .get(k);
                        moved.putArray("claims").add(claim);
                        ArrayNode cited = moved.putArray("sources");
                        Set<String> ids = new LinkedHashSet<>();
                        claim.path("sources").forEach(x -> ids.add(x.asString()));
                        IncidentFeatures.properties(source).path("sources").forEach(x -> {
                            if (ids.contains(x.path("id").asString())) {
                                cited.add(x);
                            }
                        });
                        ObjectNode p = (ObjectNode) f.get("properties");
                        int before = p.path("claims").size();
                        addClaims(p, moved);
                        as[0] = p.path("claims").size() > before ? before : indexOf((ArrayNode) p.get("claims"), claim);
                        joinedNote.put("claim", as[0]);
                        return new IncidentJson(gazetteer).read(f, to, old.version(), old.created(), old.updated());
                    },
                    joinedNote);
            if (!sourceFirst) {
                both[0] = incidents.update(id, expected, editor, old -> without(old, k), leftNote);
            }
            events.publishEvent(new ClaimMoved(id, k, to, as[0]));
        });
        ObjectNode out = json.createObjectNode();
        out.set("from", IncidentFeatures.feature(both[0]));
        out.set("to", IncidentFeatures.feature(both[1]));
        return out;
    }

    /** The incident without claim {@code k}, and without the sources only that claim cited. */
    private Incident without(Incident old, int k) {
        if (k >= old.claims().size()) {
            throw Params.invalid(
                    "n", "incident '" + old.id() + "' has " + old.claims().size() + " claims");
        }
        ObjectNode f = IncidentFeatures.feature(old);
        ObjectNode p = (ObjectNode) f.get("properties");
        ArrayNode claims = (ArrayNode) p.get("claims");
        Set<String> cited = new LinkedHashSet<>();
        claims.get(k).path("sources").forEach(x -> cited.add(x.asString()));
        claims.remove(k);
        claims.forEach(c -> c.path("sources").forEach(x -> cited.remove(x.asString())));
        ArrayNode sources = json.createArrayNode();
        p.path("sources").forEach(x -> {
            if (!cited.contains(x.path("id").asString())) {
                sources.add(x);
            }
        });
        p.set("sources", sources);
        return new IncidentJson(gazetteer).read(f, old.id(), old.version(), old.created(), old.updated());
    }

    private static int indexOf(ArrayNode claims, JsonNode c) {
        for (int k = 0; k < claims.size(); k++) {
            if (claims.get(k).equals(c)) {
                return k;
            }
        }
        return claims.size() - 1;
    }

    /** {@code into} with {@code from}'s claims, sources (ids renamed where they clash), places, actors, tags and period added. */
    ObjectNode merged(ObjectNode into, ObjectNode from, List<Integer> where) {
        ObjectNode p = (ObjectNode) into.get("properties");
        JsonNode f = from.get("properties");
        where.addAll(addClaims(p, f));
        union(p, f, "actors");
        union(p, f, "tags");
        // an amendment accepted: the ingest's link to the incident it amends has done its work there
        ArrayNode tags = json.createArrayNode();
        String amendsThis = "amends:" + into.path("id").asString();
        p.path("tags").forEach(t -> {
            if (!t.asString().equals(amendsThis)) {
                tags.add(t);
            }
        });
        p.set("tags", tags);
        ArrayNode places = json.createArrayNode();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode pl : p.path("places")) {
            seen.add(pl.isObject() ? pl.path("id").asString() : pl.asString());
        }
        for (JsonNode pl : f.path("places")) {
            seen.add(pl.isObject() ? pl.path("id").asString() : pl.asString());
        }
        seen.forEach(places::add);
        p.set("places", places);
        if (!seen.isEmpty() && f.path("places").size() > 0) {
            into.putNull("geometry");
            p.remove("geo_precision");
        }
        ObjectNode o = (ObjectNode) p.get("occurred");
        JsonNode fo = f.get("occurred");
        if (Instant.parse(fo.get("start").asString())
                .isBefore(Instant.parse(o.get("start").asString()))) {
            o.set("start", fo.get("start"));
        }
        if (Instant.parse(fo.get("end").asString())
                .isAfter(Instant.parse(o.get("end").asString()))) {
            o.set("end", fo.get("end"));
        }
        int a = Vocabulary.TIME_PRECISIONS.indexOf(o.path("precision").asString());
        int b = Vocabulary.TIME_PRECISIONS.indexOf(fo.path("precision").asString());
        if (b > a) {
            o.set("precision", fo.get("precision"));
        }
        return into;
    }

    /** Adds {@code f}'s claims (duplicates dropped) and the sources they cite to {@code p}, renaming a clashing source id ({@code S1} → {@code S1-2}). */
    private static List<Integer> addClaims(ObjectNode p, JsonNode f) {
        Map<String, JsonNode> sources = new LinkedHashMap<>();
        p.path("sources").forEach(s -> sources.put(s.path("id").asString(), s));
        Map<String, String> renamed = new HashMap<>();
        for (JsonNode s : f.path("sources")) {
            String sid = s.path("id").asString();
            JsonNode same = sources.get(sid);
            if (same != null && same.equals(s)) {
                continue;
            }
            String newId = sid;
            for (int k = 2; sources.containsKey(newId); k++) {
                newId = sid + "-" + k;
            }
            renamed.put(sid, newId);
            sources.put(newId, ((ObjectNode) s.deepCopy()).put("id", newId));
        }
        p.putArray("sources").addAll(new ArrayList<>(sources.values()));
        ArrayNode claims = (ArrayNode) p.get("claims");
        List<Integer> where = new ArrayList<>();
        for (JsonNode c : f.path("claims")) {
            ObjectNode copy = (ObjectNode) c.deepCopy();
            ArrayNode cited = copy.putArray("sources");
            c.path("sources").forEach(x -> cited.add(renamed.getOrDefault(x.asString(), x.asString())));
            int same = position(claims, copy);
            if (same < 0) {
                same = claims.size();
                claims.add(copy);
            }
            where.add(same);
        }
        return where;
    }

    /** The index of a claim equal to {@code c}, or -1. */
    private static int position(ArrayNode claims, JsonNode c) {
        for (int k = 0; k < claims.size(); k++) {
            if (claims.get(k).equals(c)) {
                return k;
            }
        }
        return -1;
    }

    private static void union(ObjectNode p, JsonNode f, String field) {
        Set<String> all = new LinkedHashSet<>();
        p.path(field).forEach(x -> all.add(x.asString()));
        f.path(field).forEach(x -> all.add(x.asString()));
        ArrayNode a = p.putArray(field);
        all.forEach(a::add);
    }

    private Incident existing(String id) {
        if (!id.matches(Incident.ID_PATTERN)) {
            throw Params.invalid("id", "incident ids are 1-100 lower-case letters, digits and '-'");
        }
        return incidents.byId(id).orElseThrow(() -> ApiProblem.notFound("no incident with id '" + id + "'"));
    }

    private JsonNode body(HttpServletRequest request) {
        Bodies.requireType(request, "send application/json", "application/json");
        JsonNode b = Bodies.json(request, json, editors.maxBodyBytes(), "conflictmap.security.max-body-bytes");
        if (!b.isObject()) {
            throw ApiProblem.badRequest("expected a JSON object");
        }
        return b;
    }
}
