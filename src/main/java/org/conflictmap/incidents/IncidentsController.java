package org.conflictmap.incidents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geo.Bbox;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.security.Editors;
import org.conflictmap.security.EditorsOnly;
import org.conflictmap.store.DataVersion;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Bodies;
import org.conflictmap.web.ETags;
import org.conflictmap.web.Params;
import org.conflictmap.web.Times;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MimeTypeUtils;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code /api/incidents}: read (GeoJSON, ETag/304, {@code asof}) and edit (editor token, If-Match).
 *
 * <pre>
 * GET    /api/incidents                 ?bbox&amp;datetime&amp;type&amp;party&amp;contested&amp;q&amp;operation&amp;status&amp;asof&amp;limit&amp;offset&amp;view=map
 * GET    /api/incidents/{id}            one Feature (any status for editors; for them with provenance and articles)
 * GET    /api/incidents/{id}/history    every write, oldest first
 * POST   /api/incidents                 create (201 + Location; 409 when the id exists)
 * PUT    /api/incidents/{id}            replace
 * PATCH  /api/incidents/{id}            merge-patch of the properties and/or geometry
 * DELETE /api/incidents/{id}            delete (204)
 * POST   /api/incidents/{id}/claims     add a claim
 * PUT    /api/incidents/{id}/claims/{n} replace claim n (0-based); DELETE removes it
 * </pre>
 *
 * Every change of an existing incident needs {@link IfMatch} (428 without, 412 when stale) and runs as one
 * {@link IncidentRepository#update} under the incident's row lock.
 */
@RestController
@RequestMapping("/api/incidents")
class IncidentsController {
    static final int DEFAULT_LIMIT = 1000;
    static final int MAX_LIMIT = 100_000;
    static final Set<String> LIST_PARAMS = Set.of(
            "bbox",
            "datetime",
            "type",
            "party",
            "contested",
            "q",
            "operation",
            "status",
            "asof",
            "limit",
            "offset",
            "min_killed",
            "view");
    /** The columns {@code view=map} reads: no claims, sources or texts are parsed. */
    static final String MAP_COLUMNS =
            "id, title, type, geo_precision, occurred_start, occurred_end, contested, killed_min, "
                    + "killed_max, parties, place_names, time_precision";
    /**
     * How long after the moment it names a pinned ({@code asof}) list may be cached forever: a write
     * stamped just before that moment may still be committing, so a pin younger than this stays no-cache.
     */
    static final Duration PIN_SETTLED = Duration.ofMinutes(1);

    static final String GEOJSON = GeoJson.MEDIA_TYPE;

    private final IncidentRepository incidents;
    private final ObjectProvider<Provenance> provenance;
    private final Editors editors;
    private final DataVersion dataVersion;
    private final ObjectMapper json;
    private final Gazetteer gazetteer;
    private final MapViews mapViews;
    private final IncidentEdits edits;

    IncidentsController(
            IncidentRepository incidents,
            Editors editors,
            DataVersion dataVersion,
            ObjectMapper json,
            Gazetteer gazetteer,
            MapViews mapViews,
            IncidentEdits edits,
            ObjectProvider<Provenance> provenance) {
        this.edits = edits;
        this.incidents = incidents;
        this.mapViews = mapViews;
        this.provenance = provenance;
        this.editors = editors;
        this.dataVersion = dataVersion;
        this.json = json;
        this.gazetteer = gazetteer;
    }

    // ------------------------------------------------------------------ reads

    /**
     * {@code GET /api/incidents} as the handler takes it, read once from the servlet request ({@link #listRequest});
     * a malformed value is a 400 naming the parameter.
     *
     * @param query       the filter and page
     * @param asof        the moment to read the data set at, or null for now
     * @param lean        the map's view ({@code view=map})
     * @param queryString the query as sent (the ETag and the map view's cache key), or null
     * @param ifNoneMatch the {@code If-None-Match} header, or null
     * @param path        the request's path and parameters as sent, for the links to other pages
     * @param params      the parameters as sent
     * @param authorized  the request carries credentials (a settled pin is then cached privately)
     * @param type        GeoJSON, or application/json when the client asks for that and not for GeoJSON
     * @param gzip        the client accepts a gzipped answer
     */
    private record ListRequest(
            IncidentQuery query,
            Instant asof,
            boolean lean,
            String queryString,
            String ifNoneMatch,
            String path,
            Map<String, String[]> params,
            boolean authorized,
            MediaType type,
            boolean gzip) {}

    private ListRequest listRequest(HttpServletRequest request) {
        Params.onlyKnown(request.getParameterMap(), LIST_PARAMS);
        IncidentQuery query = query(request);
        Instant asof = asof(request.getParameter("asof"));
        boolean lean = "map".equals(Params.oneOf("view", request.getParameter("view"), Set.of("full", "map")));
        return new ListRequest(
                query,
                asof,
                lean,
                request.getQueryString(),
                request.getHeader(HttpHeaders.IF_NONE_MATCH),
                request.getRequestURI(),
                Map.copyOf(request.getParameterMap()),
                request.getHeader(HttpHeaders.AUTHORIZATION) != null,
                listType(request),
                MapViews.acceptsGzip(request.getHeader(HttpHeaders.ACCEPT_ENCODING)));
    }

    @GetMapping(produces = {GEOJSON, "application/json"})
    ResponseEntity<StreamingResponseBody> list(HttpServletRequest request) {
        ListRequest r = listRequest(request);
        IncidentQuery query = r.query();
        Instant asof = r.asof();
        boolean lean = r.lean();
        DataVersion.Stamp version = dataVersion.current();
        String etag = MapViews.etag(version, r.queryString(), query);
        if (ETags.notModified(r.ifNoneMatch(), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        // the links are made from the request's parameters, read before: the page is written after this method returns
        IncidentPage page =
                new IncidentPage(query, asof, lean, offset -> href(r.path(), r.params(), offset, query.limit()));
        // the data as it was at a settled past moment never changes: a pinned embed's features are cached forever
        boolean settled = asof != null && asof.isBefore(Instant.now().minus(PIN_SETTLED));
        String cache = !settled
                ? "no-cache"
                : !r.authorized() ? "public, max-age=31536000, immutable" : "private, max-age=31536000, immutable";
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok()
                .eTag(etag)
                .header(HttpHeaders.CACHE_CONTROL, cache)
                .contentType(r.type());
        if (!lean) {
            return ok.header(HttpHeaders.VARY, "Authorization").body(out -> page.write(incidents, json, out));
        }
        // the map's view: written once per data version (a settled pin: once), then copied gzipped
        String key = MapViews.key(version, r.queryString(), query, settled);
        byte[] view;
        try {
            view = mapViews.gzipped(key, out -> page.write(incidents, json, out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ok.header(HttpHeaders.VARY, "Authorization, Accept-Encoding");
        if (!r.gzip()) {
            return ok.body(out -> MapViews.gunzip(view, out));
        }
        return ok.header(HttpHeaders.CONTENT_ENCODING, "gzip")
                .contentLength(view.length)
                .body(out -> out.write(view));
    }

    /** application/json when the client asks for it and not for GeoJSON, as the message converters chose before. */
    private static MediaType listType(HttpServletRequest request) {
        List<MediaType> accepted = new ArrayList<>();
        try {
            accepted.addAll(MediaType.parseMediaTypes(request.getHeader(HttpHeaders.ACCEPT)));
        } catch (InvalidMediaTypeException e) {
            // Spring refused it before the method ran; GeoJSON
        }
        MediaType geojson = MediaType.parseMediaType(GEOJSON);
        MimeTypeUtils.sortBySpecificity(accepted);
        for (MediaType m : accepted) {
            if (m.isCompatibleWith(geojson)) {
                return geojson;
            }
            if (m.isCompatibleWith(MediaType.APPLICATION_JSON)) {
                return MediaType.APPLICATION_JSON;
            }
        }
        return geojson;
    }

    @GetMapping(
            value = "/{id}",
            produces = {GEOJSON, "application/json"})
    ResponseEntity<ObjectNode> one(@PathVariable String id, HttpServletRequest request) {
        if (incidents.byId(checkId(id)).isEmpty()) {
            Optional<ResponseEntity<ObjectNode>> moved = moved(id, "", request);
            if (moved.isPresent()) {
                return moved.get();
            }
        }
        Incident i = visible(id, request);
        String etag = "\"" + i.version() + "\"";
        if (ETags.notModified(request, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        ObjectNode f = IncidentFeatures.feature(i);
        if (editors.editor(request) == null) {
            return ResponseEntity.ok()
                    .eTag(etag)
                    .header(HttpHeaders.CACHE_CONTROL, "no-cache")
                    .body(f);
        }
        // editors also get where the fields came from (never anonymous readers): never from a shared cache
        Provenance from = provenance.getIfAvailable();
        if (from != null) {
            ObjectNode p = (ObjectNode) f.get("properties");
            p.set("provenance", json.valueToTree(from.spans(i.id())));
            p.set("articles", json.valueToTree(from.articles(i.id())));
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .header(HttpHeaders.CACHE_CONTROL, "private, no-cache")
                .header(HttpHeaders.VARY, "Authorization, Cookie")
                .body(f);
    }

    @GetMapping(value = "/{id}/history", produces = "application/json")
    ResponseEntity<ObjectNode> history(@PathVariable String id, HttpServletRequest request) {
        List<ObjectNode> entries = incidents.history(checkId(id));
        if (entries.isEmpty()) {
            Optional<ResponseEntity<ObjectNode>> moved = moved(id, "/history", request);
            if (moved.isPresent()) {
                return moved.get();
            }
        }
        boolean editor = editors.editor(request) != null;
        List<ObjectNode> shown = entries.stream()
                .filter(h -> editor
                        || "published"
                                .equals(h.path("feature")
                                        .path("properties")
                                        .path("status")
                                        .asString()))
                .toList();
        if (shown.isEmpty()) {
            throw ApiProblem.notFound("no incident with id '" + id + "' has any history");
        }
        ObjectNode out = json.createObjectNode();
        out.put("id", id);
        ArrayNode a = out.putArray("history");
        shown.forEach(h -> a.add(editor ? h : forReaders(h)));
        return ResponseEntity.ok(out);
    }

    /** A 301 from a published draft's earlier id ({@code PublishedIds}, docs/QA.md D9) to the incident under its own. */
    private Optional<ResponseEntity<ObjectNode>> moved(String id, String rest, HttpServletRequest request) {
        return incidents
                .aliasOf(id)
                .map(to -> ResponseEntity.status(HttpStatus.MOVED_PERMANENTLY)
                        .location(URI.create("/api/incidents/" + to + rest
                                + (request.getQueryString() == null ? "" : "?" + request.getQueryString())))
                        .build());
    }

    /** A history entry as anonymous readers see it: no editor, and no other incident named (it may be a draft). */
    private static ObjectNode forReaders(ObjectNode h) {
        ObjectNode copy = h.deepCopy().without("editor");
        if (copy.get("change") instanceof ObjectNode change) {
            change.remove(List.of("from", "to"));
        }
        return copy;
    }

    // ------------------------------------------------------------------ writes

    @EditorsOnly
    @PostMapping(produces = {GEOJSON, "application/json"})
    ResponseEntity<ObjectNode> create(HttpServletRequest request) {
        String editor = editors.of(request);
        Incident stored = edits.create(body(request), editor);
        return ResponseEntity.created(URI.create("/api/incidents/" + stored.id()))
                .eTag("\"" + stored.version() + "\"")
                .body(IncidentFeatures.feature(stored));
    }

    @EditorsOnly
    @PutMapping(
            value = "/{id}",
            produces = {GEOJSON, "application/json"})
    ResponseEntity<ObjectNode> replace(@PathVariable String id, HttpServletRequest request) {
        String editor = editors.of(request);
        IfMatch ifMatch = IfMatch.required(request, checkId(id));
        return saved(edits.replace(id, ifMatch, body(request), editor));
    }

    @EditorsOnly
    @PatchMapping(
            value = "/{id}",
            produces = {GEOJSON, "application/json"})
    ResponseEntity<ObjectNode> patch(@PathVariable String id, HttpServletRequest request) {
        String editor = editors.of(request);
        IfMatch ifMatch = IfMatch.required(request, checkId(id));
        return saved(edits.patch(id, ifMatch, body(request), editor));
    }

    @EditorsOnly
    @DeleteMapping("/{id}")
    ResponseEntity<Void> delete(@PathVariable String id, HttpServletRequest request) {
        String editor = editors.of(request);
        IfMatch ifMatch = IfMatch.required(request, checkId(id));
        edits.delete(id, ifMatch, editor);
        return ResponseEntity.noContent().build();
    }

    @EditorsOnly
    @PostMapping(
            value = "/{id}/claims",
            produces = {GEOJSON, "application/json"})
    ResponseEntity<ObjectNode> addClaim(@PathVariable String id, HttpServletRequest request) {
        String editor = editors.of(request);
        IfMatch ifMatch = IfMatch.required(request, checkId(id));
        List<Claim> given = claims(body(request));
        ResponseEntity<ObjectNode> r = saved(incidents.update(id, ifMatch.version(), editor, old -> {
            List<Claim> claims = new ArrayList<>(old.claims());
            claims.addAll(given);
            return checkedClaims(old, claims);
        }));
        return ResponseEntity.status(HttpStatus.CREATED).headers(r.getHeaders()).body(r.getBody());
    }

    @EditorsOnly
    @PutMapping(
            value = "/{id}/claims/{n}",
            produces = {GEOJSON, "application/json"})
    ResponseEntity<ObjectNode> replaceClaim(
            @PathVariable String id, @PathVariable String n, HttpServletRequest request) {
        String editor = editors.of(request);
        IfMatch ifMatch = IfMatch.required(request, checkId(id));
        List<Claim> given = claims(body(request));
        if (given.size() != 1) {
            throw ApiProblem.badRequest("PUT …/claims/{n} takes exactly one claim object");
        }
        return saved(incidents.update(id, ifMatch.version(), editor, old -> {
            List<Claim> claims = new ArrayList<>(old.claims());
            claims.set(claimIndex(old, n), given.get(0));
            return checkedClaims(old, claims);
        }));
    }

    @EditorsOnly
    @DeleteMapping(
            value = "/{id}/claims/{n}",
            produces = {GEOJSON, "application/json"})
    ResponseEntity<ObjectNode> removeClaim(
            @PathVariable String id, @PathVariable String n, HttpServletRequest request) {
        String editor = editors.of(request);
        IfMatch ifMatch = IfMatch.required(request, checkId(id));
        return saved(incidents.update(id, ifMatch.version(), editor, old -> {
            List<Claim> claims = new ArrayList<>(old.claims());
            claims.remove(claimIndex(old, n));
            return checkedClaims(old, claims);
        }));
    }

    // ------------------------------------------------------------------ helpers

    private JsonNode body(HttpServletRequest request) {
        Bodies.requireType(
                request,
                "send the incident as application/json or application/geo+json",
                "application/json",
                "application/geo+json",
                "application/merge-patch+json");
        return Bodies.json(request, json, editors.maxBodyBytes(), "conflictmap.security.max-body-bytes");
    }

    private ResponseEntity<ObjectNode> saved(Incident stored) {
        return ResponseEntity.ok().eTag("\"" + stored.version() + "\"").body(IncidentFeatures.feature(stored));
    }

    private List<Claim> claims(JsonNode body) {
        ArrayNode a = json.createArrayNode();
        if (body.isArray()) {
            body.forEach(a::add);
        } else {
            a.add(body);
        }
        return new IncidentJson(gazetteer).claimsOnly(a);
    }

    private static Incident checkedClaims(Incident old, List<Claim> claims) {
        try {
            return old.withClaims(claims);
        } catch (IllegalArgumentException e) {
            throw Params.invalid("claims", e.getMessage());
        }
    }

    private static int claimIndex(Incident i, String n) {
        if (i.claims().isEmpty()) {
            throw ApiProblem.notFound("incident '" + i.id() + "' has no claims");
        }
        return Params.integer("n", n, 0, 0, i.claims().size() - 1);
    }

    private Incident existing(String id) {
        return incidents
                .byId(checkId(id))
                .orElseThrow(() -> ApiProblem.notFound("no incident with id '" + id + "'"
                        + incidents
                                .aliasOf(id)
                                .map(to -> "; it was published as '" + to + "'")
                                .orElse("")));
    }

    private Incident visible(String id, HttpServletRequest request) {
        Incident i = existing(id);
        if (!"published".equals(i.status()) && editors.editor(request) == null) {
            throw ApiProblem.notFound("no incident with id '" + id + "'");
        }
        return i;
    }

    private static String checkId(String id) {
        return IncidentEdits.checkId(id);
    }

    private IncidentQuery query(HttpServletRequest r) {
        Set<String> statuses = new LinkedHashSet<>();
        String status = Params.oneOf("status", r.getParameter("status"), Set.of("published", "draft", "all"));
        if (status != null && !status.equals("published")) {
            editors.require(r);
            statuses.addAll(status.equals("all") ? Vocabulary.STATUSES : List.of(status));
        }
        Bbox bbox = Bbox.parse(r.getParameter("bbox"), "bbox");
        return IncidentParams.query(
                r::getParameter,
                bbox,
                Params.text("operation", r.getParameter("operation"), 200),
                statuses,
                r.getParameter("min_killed") == null
                        ? null
                        : Params.integer("min_killed", r.getParameter("min_killed"), 0, 0, 10_000_000),
                Params.integer("limit", r.getParameter("limit"), DEFAULT_LIMIT, 1, MAX_LIMIT),
                Params.integer("offset", r.getParameter("offset"), 0, 0, 10_000_000));
    }

    private static Instant asof(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Times.checked(OffsetDateTime.parse(value.strip()).toInstant());
        } catch (Times.OutOfRange e) {
            throw Params.invalid("asof", e.getMessage());
        } catch (DateTimeParseException e) {
            throw Params.invalid("asof", "expected an RFC 3339 time such as 2026-02-27T12:00:00Z");
        }
    }

    static String href(String path, Map<String, String[]> params, int offset, int limit) {
        StringBuilder b = new StringBuilder(path).append('?');
        params.forEach((k, vs) -> {
            if (!k.equals("offset") && !k.equals("limit")) {
                for (String v : vs) {
                    b.append(k)
                            .append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8))
                            .append('&');
                }
            }
        });
        return b.append("limit=")
                .append(limit)
                .append("&offset=")
                .append(offset)
                .toString();
    }
}
