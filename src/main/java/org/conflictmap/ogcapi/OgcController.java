package org.conflictmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.PlaceFeatures;
import org.conflictmap.geo.Bbox;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.IncidentFeatures;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Extent;
import org.conflictmap.layers.Extents;
import org.conflictmap.layers.GeometryType;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Queryable;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.Tables;
import org.conflictmap.store.DataVersion;
import org.conflictmap.web.ApiProblem;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API – Features (Part 1 Core, GeoJSON, HTML; Part 3 filtering with CQL2 text). The whole URL
 * surface is here:
 *
 * <pre>
 * GET /ogc                                          landing page
 * GET /ogc/conformance                              conformance classes
 * GET /ogc/api                                      OpenAPI 3.0 description
 * GET /ogc/collections                              every collection of {@link Layers}
 * GET /ogc/collections/{collection}                 one collection (extent, CRS)
 * GET /ogc/collections/{collection}/queryables      JSON Schema of the filterable properties
 * GET /ogc/collections/{collection}/items           bbox, datetime, limit, offset, filter (CQL2 text), type, party, contested, q
 * GET /ogc/collections/{collection}/items/{id}      one feature
 * </pre>
 *
 * Every answer is JSON or, with {@code f=html} or a browser's {@code Accept: text/html}, HTML; data
 * answers carry an ETag from the data version and answer {@code If-None-Match} with 304.
 */
@RestController
class OgcController {
    static final String CRS84 = Crs.CRS84;
    /** The header naming the CRS of a response's coordinates (OGC API – Features Part 2). */
    static final String CONTENT_CRS = "Content-Crs";

    static final List<String> CONFORMANCE = List.of(
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/case-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/accent-insensitive-comparison",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions-plus",
            "http://www.opengis.net/spec/cql2/1.0/conf/spatial-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/temporal-functions",
            "http://www.opengis.net/spec/cql2/1.0/conf/array-functions",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/create-replace-delete",
            "http://www.opengis.net/spec/ogcapi-features-4/1.0/conf/update");
    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 10_000;

    private final OgcRequests requests;
    private final IncidentRepository incidents;
    private final Gazetteer gazetteer;
    private final DataVersion dataVersion;
    private final ObjectMapper json;
    private final ObjectProvider<Enclosures> enclosures;
    private final ObjectProvider<OgcApiPart> parts;
    private final Layers layers;
    private final Extents extents;
    private final Tables tables;

    OgcController(
            IncidentRepository incidents,
            Gazetteer gazetteer,
            DataVersion dataVersion,
            ObjectMapper json,
            OgcRequests requests,
            ObjectProvider<Enclosures> enclosures,
            ObjectProvider<OgcApiPart> parts,
            Layers layers,
            Extents extents,
            Tables tables) {
        this.requests = requests;
        this.tables = tables;
        this.layers = layers;
        this.extents = extents;
        this.enclosures = enclosures;
        this.parts = parts;
        this.incidents = incidents;
        this.gazetteer = gazetteer;
        this.dataVersion = dataVersion;
        this.json = json;
    }

    @GetMapping({"/ogc", "/ogc/"})
    ResponseEntity<?> landing(HttpServletRequest r) {
        OgcRequest req = requests.of(r);
        String base = req.base();
        ObjectNode o = json.createObjectNode();
        o.put("title", "Afghanistan–Pakistan border conflict: incidents and contested claims");
        o.put(
                "description",
                "OGC API – Features over the conflict map's incidents (every claim kept apart) and its gazetteer.");
        ArrayNode links = o.putArray("links");
        link(links, base + "/ogc", "self", "application/json", "this document");
        link(links, base + "/ogc?f=html", "alternate", "text/html", "this document as HTML");
        link(
                links,
                base + "/ogc/api",
                "service-desc",
                "application/vnd.oai.openapi+json;version=3.0",
                "the API definition");
        link(links, base + "/ogc/conformance", "conformance", "application/json", "conformance classes");
        link(links, base + "/ogc/collections", "data", "application/json", "the collections");
        parts.orderedStream().forEach(p -> p.landingLinks(base, links));
        return answer(req, o, "Conflict map – OGC API Features", null);
    }

    @GetMapping("/ogc/conformance")
    ResponseEntity<?> conformance(HttpServletRequest r) {
        OgcRequest req = requests.of(r);
        ObjectNode o = json.createObjectNode();
        ArrayNode a = o.putArray("conformsTo");
        CONFORMANCE.forEach(a::add);
        parts.orderedStream().forEach(p -> p.conformance().forEach(a::add));
        return answer(req, o, "Conformance", null);
    }

    @GetMapping("/ogc/api")
    ResponseEntity<?> api(HttpServletRequest r) {
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0"))
                .body(withParts(OpenApi.document(json, requests.document(r).base())));
    }

    private ObjectNode withParts(ObjectNode api) {
        parts.orderedStream().forEach(p -> p.paths(api.withObject("paths")));
        return api;
    }

    @GetMapping("/ogc/collections")
    ResponseEntity<?> collections(HttpServletRequest r) {
        OgcRequest req = requests.of(r);
        String base = req.base();
        ObjectNode o = json.createObjectNode();
        ArrayNode links = o.putArray("links");
        link(links, base + "/ogc/collections", "self", "application/json", "the collections");
        link(links, base + "/ogc/collections?f=html", "alternate", "text/html", "the collections as HTML");
        ArrayNode cs = o.putArray("collections");
        for (Collection c : layers.all()) {
            cs.add(collection(base, c));
        }
        return answer(req, o, "Collections", null);
    }

    @GetMapping("/ogc/collections/{collection}")
    ResponseEntity<?> collection(@PathVariable String collection, HttpServletRequest r) {
        Collection c = layers.get(collection);
        OgcRequest req = requests.of(r);
        return answer(req, collection(req.base(), c), c.title(), null);
    }

    @GetMapping("/ogc/collections/{collection}/queryables")
    ResponseEntity<?> queryables(@PathVariable String collection, HttpServletRequest r) {
        Collection c = layers.get(collection);
        if (c.queryables().isEmpty()) {
            throw ApiProblem.notFound(
                    "collection '" + collection + "' takes no CQL2 filter, so it has no queryables; its items"
                            + " take the parameters its OpenAPI path lists");
        }
        ObjectNode o = json.createObjectNode();
        o.put("$schema", "https://json-schema.org/draft/2020-12/schema");
        o.put("$id", requests.document(r).base() + "/ogc/collections/" + collection + "/queryables");
        o.put("type", "object");
        o.put("title", c.title());
        ObjectNode props = o.putObject("properties");
        props.putObject("geometry").put("format", "geometry-any").put("description", "the location at its precision");
        for (Queryable a : c.queryables()) {
            ObjectNode p = props.putObject(a.name());
            if (a.description() != null) {
                p.put("description", a.description());
            }
            p.put("type", a.type().equals("date-time") ? "string" : a.type());
            if (a.type().equals("date-time")) {
                p.put("format", "date-time");
            }
            if (!a.values().isEmpty()) {
                ArrayNode e = p.putArray("enum");
                a.values().forEach(e::add);
            }
        }
        o.put("additionalProperties", false);
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType("application/schema+json"))
                .body(o);
    }

    @GetMapping("/ogc/collections/{collection}/items")
    ResponseEntity<?> items(@PathVariable String collection, HttpServletRequest r) {
        Collection c = layers.get(collection);
        return items(c, requests.items(c, r));
    }

    /**
     * The items of a filter too long for a URL, or written as JSON: the body is a JSON object whose
     * members are the items' parameters ({@code filter} a CQL2 JSON object or a CQL2 text string,
     * {@code bbox} an array, {@code limit} a number…), or a CQL2 JSON filter on its own. The answer
     * is the same page as GET .../items would give; its links are those GETs.
     */
    @PostMapping("/ogc/collections/{collection}/search")
    ResponseEntity<?> search(
            @PathVariable String collection, @RequestBody(required = false) String body, HttpServletRequest r) {
        Collection c = layers.get(collection);
        return items(c, requests.search(c, body, r));
    }

    private ResponseEntity<?> items(Collection c, OgcRequest req) {
        OgcRequest.Items q = req.items();
        String collection = c.id();
        String crs = req.crs();
        int limit = q.limit();
        int offset = q.offset();
        boolean html = req.html();
        boolean editor = req.editor();
        var stamp = dataVersion.current();
        String etag = stamp.etag(collection + "?" + q.key() + (html ? "|html" : "") + (editor ? "|editor" : ""));
        if (req.notModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(cacheControl(editor))
                    .varyBy(HttpHeaders.AUTHORIZATION)
                    .build();
        }
        ObjectNode fc = GeoJson.featureCollection();
        ArrayNode features = fc.withArray("features");
        // incidents as JSON: the stored Feature texts' bytes, joined as they come from the store (no parsing,
        // no decoding); the page is held (at most 10,000 features) so the store's connection is free at once
        Joined featureText = null;
        int returned;
        long matched;
        if (q.incidents() != null) {
            IncidentFilter filter = q.incidents();
            GeometryType type = c.geometryType();
            if (html || !crs.equals(CRS84) || type != GeometryType.ANY) {
                // in another CRS each feature is built and its geometry transformed (the stored text is CRS84); in a
                // collection of one geometry type a single polygon or line is served as a multi-geometry of one part
                filter.stream(
                        incidents,
                        offset,
                        limit,
                        i -> features.add(inCrs(IncidentFeatures.feature(i), type.coerce(i.geometry()), crs)));
                returned = features.size();
            } else {
                Joined text = new Joined();
                filter.streamFeatures(incidents, offset, limit, text::add);
                featureText = text;
                returned = text.count;
            }
            matched = returned < limit && (returned > 0 || offset == 0)
                    ? offset + returned
                    : incidents.count(filter.query());
        } else if (q.rows() != null) {
            Source.Table source = (Source.Table) c.source();
            tables.page(source, q.rows(), offset, limit).forEach(row -> features.add(rowFeature(c, row, crs)));
            returned = features.size();
            matched = returned < limit && (returned > 0 || offset == 0)
                    ? offset + returned
                    : tables.count(source, q.rows());
        } else {
            List<Place> all = places(c, q.places());
            matched = all.size();
            all.stream().skip(offset).limit(limit).forEach(p -> features.add(placeFeature(c, p, crs)));
            returned = features.size();
        }
        fc.put("numberMatched", matched);
        fc.put("numberReturned", returned);
        fc.put("timeStamp", Instant.now().toString());
        ArrayNode links = fc.putArray("links");
        String self = req.base() + "/ogc/collections/" + collection + "/items";
        Map<String, String[]> given = q.given();
        link(links, page(self, given, offset, limit, "json"), "self", GeoJson.MEDIA_TYPE, "this page");
        link(links, page(self, given, offset, limit, "html"), "alternate", "text/html", "this page as HTML");
        if (offset + returned < matched) {
            link(
                    links,
                    page(self, given, offset + limit, limit, html ? "html" : "json"),
                    "next",
                    GeoJson.MEDIA_TYPE,
                    "next page");
        }
        if (offset > 0) {
            link(
                    links,
                    page(self, given, Math.max(0, offset - limit), limit, html ? "html" : "json"),
                    "prev",
                    GeoJson.MEDIA_TYPE,
                    "previous page");
        }
        if (featureText != null) {
            fc.remove("type");
            fc.remove("features");
            String rest = fc.toString();
            byte[] head = "{\"type\":\"FeatureCollection\",\"features\":[".getBytes(StandardCharsets.UTF_8);
            byte[] tail = ("]," + rest.substring(1)).getBytes(StandardCharsets.UTF_8);
            Joined joined = featureText;
            // head, features and tail read in turn, without another copy of the page
            var body = new InputStreamResource(joined.in(head, tail));
            return ResponseEntity.ok()
                    .cacheControl(cacheControl(editor))
                    .varyBy(HttpHeaders.AUTHORIZATION)
                    .eTag(etag)
                    .lastModified(stamp.updated())
                    .contentType(MediaType.parseMediaType(GeoJson.MEDIA_TYPE))
                    .contentLength(head.length + joined.size() + tail.length)
                    .header(CONTENT_CRS, Crs.header(crs))
                    .body(body);
        }
        ResponseEntity<?> answer = answer(req, fc, c.title(), etag);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .lastModified(stamp.updated())
                .header(CONTENT_CRS, Crs.header(crs))
                .cacheControl(cacheControl(editor))
                .varyBy(HttpHeaders.AUTHORIZATION)
                .body(answer.getBody());
    }

    @GetMapping("/ogc/collections/{collection}/items/{id}")
    ResponseEntity<?> item(@PathVariable String collection, @PathVariable String id, HttpServletRequest r) {
        Collection c = layers.get(collection);
        OgcRequest req = requests.item(c, r);
        String crs = req.crs();
        ObjectNode f;
        String etag;
        // editors read drafts too (as at /api/incidents/{id}); everyone else is told there is no such incident
        boolean editor = req.editor();
        if (c.source() instanceof Source.Incidents source) {
            Incident i = (id.matches(Incident.ID_PATTERN) ? incidents.byId(id) : Optional.<Incident>empty())
                    .filter(x -> (editor || x.status().equals("published"))
                            && (source.where() == null || holds(source, x.id())))
                    .orElseThrow(() -> ApiProblem.notFound("no incident with id '" + clip(id) + "'"
                            + (source.where() == null ? "" : " in " + collection)));
            f = inCrs(IncidentFeatures.feature(i), c.geometryType().coerce(i.geometry()), crs);
            etag = "\"" + i.version() + (req.html() ? "-html" : "") + "\"";
        } else if (c.source() instanceof Source.Table source) {
            f = rowFeature(
                    c,
                    tables.byId(source, id)
                            .orElseThrow(() ->
                                    ApiProblem.notFound("no feature with id '" + clip(id) + "' in " + collection)),
                    crs);
            etag = dataVersion.current().etag(collection + "-" + id + (req.html() ? "-html" : ""));
        } else {
            Source.Places source = (Source.Places) c.source();
            f = placeFeature(
                    c,
                    gazetteer
                            .get(id)
                            .filter(p -> source.kinds().contains(p.kind()))
                            .orElseThrow(
                                    () -> ApiProblem.notFound("no place with id '" + clip(id) + "' in " + collection)),
                    crs);
            etag = dataVersion.current().etag("place-" + id + (req.html() ? "-html" : ""));
        }
        if (req.notModified(etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
                    .eTag(etag)
                    .cacheControl(cacheControl(editor))
                    .varyBy(HttpHeaders.AUTHORIZATION)
                    .build();
        }
        ArrayNode links = f.putArray("links");
        String base = req.base();
        link(links, base + req.path(), "self", GeoJson.MEDIA_TYPE, "this feature");
        link(links, base + req.path() + "?f=html", "alternate", "text/html", "this feature as HTML");
        link(links, base + "/ogc/collections/" + collection, "collection", "application/json", "the collection");
        ResponseEntity<?> answer = answer(
                req,
                f,
                f.path("properties")
                        .path("title")
                        .asString(f.path("properties").path("name").asString(id)),
                etag);
        return ResponseEntity.status(answer.getStatusCode())
                .headers(answer.getHeaders())
                .header(CONTENT_CRS, Crs.header(crs))
                .cacheControl(cacheControl(editor))
                .varyBy(HttpHeaders.AUTHORIZATION)
                .body(answer.getBody());
    }

    // ------------------------------------------------------------------ helpers

    /** Feature texts as the store handed them over, read out comma-joined without being copied. */
    private static final class Joined {
        private static final byte[] COMMA = {','};
        private final List<byte[]> parts = new ArrayList<>();
        int count;
        private long size;

        void add(byte[] feature) {
            if (count++ > 0) {
                parts.add(COMMA);
            }
            parts.add(feature);
            size += (count > 1 ? 1 : 0) + feature.length;
        }

        long size() {
            return size;
        }

        /**
         * The features between {@code head} and {@code tail}, as one stream over the held arrays: written to the
         * response array by array ({@link InputStream#transferTo}, as Spring copies a resource), where a sequence of
         * array streams went through an 8 KB buffer and twice the calls (20,001 arrays for 10,000 items).
         */
        InputStream in(byte[] head, byte[] tail) {
            List<byte[]> all = new ArrayList<>(parts.size() + 2);
            all.add(head);
            all.addAll(parts);
            all.add(tail);
            return new InputStream() {
                private int part;
                private int at;

                @Override
                public int read() {
                    byte[] b = new byte[1];
                    return read(b, 0, 1) < 0 ? -1 : b[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    Objects.checkFromIndexSize(off, len, b.length);
                    while (part < all.size() && at == all.get(part).length) {
                        part++;
                        at = 0;
                    }
                    if (part == all.size()) {
                        return -1;
                    }
                    int n = Math.min(len, all.get(part).length - at);
                    System.arraycopy(all.get(part), at, b, off, n);
                    at += n;
                    return n;
                }

                @Override
                public long transferTo(OutputStream out) throws IOException {
                    long written = 0;
                    for (; part < all.size(); part++, at = 0) {
                        byte[] p = all.get(part);
                        out.write(p, at, p.length - at);
                        written += p.length - at;
                    }
                    return written;
                }
            };
        }
    }

    /** Whether the incident {@code id} is among the rows {@code source} selects (its condition, run by the store). */
    private boolean holds(Source.Incidents source, String id) {
        return incidents.count(IncidentFilter.byId(id).within(source).query()) > 0;
    }

    private List<Place> places(Collection layer, OgcRequest.Places q) {
        List<Bbox> boxes = q.boxes();
        // a place is selected when its geometry (not its envelope) meets the box: a river's or a
        // province's envelope covers much land the river or province does not
        PreparedGeometry box = boxes == null ? null : PreparedGeometryFactory.prepare(Bboxes.geometry(boxes));
        Set<String> kinds = ((Source.Places) layer.source()).kinds();
        String kind = q.kind();
        String country = q.country();
        String text = q.text();
        String folded = text == null ? null : Names.fold(text);
        return gazetteer.all().stream()
                .filter(p ->
                        kinds.contains(p.kind()) && (kind == null || p.kind().equals(kind)))
                .filter(p -> country == null || country.toUpperCase(Locale.ROOT).equals(p.country()))
                .filter(p -> box == null || box.intersects(LayerGeometry.of(layer, p)))
                .filter(p -> folded == null
                        || p.allNames().stream().anyMatch(n -> Names.fold(n).contains(folded)))
                .sorted(Comparator.comparing(Place::id))
                .toList();
    }

    private ObjectNode placeFeature(Collection layer, Place p, String crs) {
        return inCrs(PlaceFeatures.feature(p, json), LayerGeometry.of(layer, p), crs);
    }

    /** A table's row as a Feature: its id, its geometry (of the collection's type) and its published columns. */
    private ObjectNode rowFeature(Collection layer, Tables.Row row, String crs) {
        Geometry g = RowFeatures.geometry(layer, row);
        return inCrs(RowFeatures.feature(layer, row, g, json), g, crs);
    }

    /** {@code f} with {@code geometry} (CRS84) in {@code crs} as its geometry. */
    private static ObjectNode inCrs(ObjectNode f, Geometry geometry, String crs) {
        f.set("geometry", GeoJson.geometry(Crs.fromCrs84(geometry, crs)));
        return f;
    }

    private ObjectNode collection(String base, Collection layer) {
        String id = layer.id();
        ObjectNode c = json.createObjectNode();
        c.put("id", id);
        c.put("title", layer.title());
        c.put("description", layer.description());
        c.put("itemType", "feature");
        c.put("geometry-type", layer.geometryType().ogcName());
        ArrayNode crs = c.putArray("crs");
        Crs.URIS.forEach(crs::add);
        c.put("storageCrs", CRS84);
        ObjectNode extent = c.putObject("extent");
        ArrayNode bbox = extent.putObject("spatial").putArray("bbox").addArray();
        // one aggregate query of the store per collection and data version
        Extent held = extents.of(layer);
        // the collection's own extent (an empty collection has none: the whole world)
        for (double d : held.bbox() == null ? new double[] {-180, -90, 180, 90} : held.bbox()) {
            bbox.add(d);
        }
        extent.withObject("spatial").put("crs", CRS84);
        if (layer.source().temporal() != null) {
            ArrayNode interval =
                    extent.putObject("temporal").putArray("interval").addArray();
            interval.add(held.start() == null ? null : held.start().toString());
            interval.add(held.end() == null ? null : held.end().toString());
        }
        ArrayNode links = c.putArray("links");
        String self = base + "/ogc/collections/" + id;
        link(links, self, "self", "application/json", "this collection");
        link(links, self + "?f=html", "alternate", "text/html", "this collection as HTML");
        link(links, self + "/items", "items", GeoJson.MEDIA_TYPE, "the features");
        link(links, self + "/items?f=html", "items", "text/html", "the features as HTML");
        if (!layer.queryables().isEmpty()) { // Part 3: linked only where the items take a filter
            link(
                    links,
                    self + "/queryables",
                    "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                    "application/schema+json",
                    "the queryable properties");
        }
        enclosures
                .orderedStream()
                .flatMap(e -> e.of(id).stream())
                .forEach(e -> link(links, base + e.path(), "enclosure", e.mediaType(), e.title()));
        parts.orderedStream().forEach(p -> p.collectionLinks(base, id, links));
        return c;
    }

    private ResponseEntity<?> answer(OgcRequest r, ObjectNode body, String title, String etag) {
        ResponseEntity.BodyBuilder b = ResponseEntity.ok().cacheControl(CacheControl.noCache());
        if (etag != null) {
            b.eTag(etag);
        }
        if (r.html()) {
            return b.contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
                    .body(Html.page(title, body));
        }
        boolean geo = body.has("type")
                && (body.get("type").asString().equals("FeatureCollection")
                        || body.get("type").asString().equals("Feature"));
        return b.contentType(geo ? MediaType.parseMediaType(GeoJson.MEDIA_TYPE) : MediaType.APPLICATION_JSON)
                .body(body);
    }

    /** An editor's answer (drafts included) is for that editor alone; everyone else's may be stored and revalidated. */
    private static CacheControl cacheControl(boolean editor) {
        return editor ? CacheControl.noCache().cachePrivate() : CacheControl.noCache();
    }

    private static String page(String self, Map<String, String[]> q, int offset, int limit, String f) {
        StringBuilder b = new StringBuilder(self).append('?');
        q.forEach((k, vs) -> {
            if (!Set.of("offset", "limit", "f").contains(k)) {
                for (String v : vs) {
                    b.append(k)
                            .append('=')
                            .append(URLEncoder.encode(v, StandardCharsets.UTF_8).replace("+", "%20"))
                            .append('&');
                }
            }
        });
        return b.append("limit=")
                .append(limit)
                .append("&offset=")
                .append(offset)
                .append("&f=")
                .append(f)
                .toString();
    }

    private static void link(ArrayNode links, String href, String rel, String type, String title) {
        links.addObject().put("href", href).put("rel", rel).put("type", type).put("title", title);
    }

    private static String clip(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }
}
