package org.conflictmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.geo.Bbox;
import org.conflictmap.incidents.Cql2;
import org.conflictmap.incidents.DateRange;
import org.conflictmap.incidents.TableFilters;
import org.conflictmap.incidents.Vocabulary;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.Tables;
import org.conflictmap.security.Editors;
import org.conflictmap.store.SpatialDialect;
import org.conflictmap.web.Links;
import org.conflictmap.web.Params;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The one reading of an OGC API – Features request ({@link OgcController}'s handlers): each handler
 * turns its servlet request into an {@link OgcRequest} here, once, and takes the typed value from
 * there on. Anything malformed is a 400 naming the parameter; unknown parameters are refused on the
 * items and an item, as before (the official test suite expects it), and let through elsewhere.
 */
@Component
class OgcRequests {
    /** The parameters of an incidents collection's items. */
    static final Set<String> ITEM_PARAMS;
    /** The parameters of a gazetteer collection's items. */
    static final Set<String> PLACE_PARAMS =
            Set.of("bbox", "limit", "offset", "f", "kind", "country", "q", "crs", "bbox-crs");

    /** The parameters of a table's items ({@code layers.Source.Table}): a CQL2 filter over its queryables too. */
    static final Set<String> ROW_PARAMS = Set.of(
            "bbox", "datetime", "limit", "offset", "f", "crs", "bbox-crs", "filter", "filter-lang", "filter-crs");

    static {
        Set<String> s = new HashSet<>(IncidentFilter.PARAMS);
        s.addAll(Set.of("limit", "offset", "f", "crs", "bbox-crs"));
        ITEM_PARAMS = Set.copyOf(s);
    }

    private final Links links;
    private final Editors editors;
    private final SpatialDialect dialect;

    OgcRequests(Links links, Editors editors, SpatialDialect dialect) {
        this.links = links;
        this.editors = editors;
        this.dialect = dialect;
    }

    /** A request about the service or a collection as a whole (landing page, conformance, collections, API). */
    OgcRequest of(HttpServletRequest r) {
        return new OgcRequest(links.base(r), r.getRequestURI(), html(r), false, ifNoneMatch(r), Crs.CRS84, null);
    }

    /** A request whose answer has one representation (the API definition, the queryables' JSON Schema): {@code f} is not read. */
    OgcRequest document(HttpServletRequest r) {
        return new OgcRequest(links.base(r), r.getRequestURI(), false, false, ifNoneMatch(r), Crs.CRS84, null);
    }

    /** {@code GET …/items}: the query parameters. */
    OgcRequest items(Collection c, HttpServletRequest r) {
        return items(c, r.getParameterMap(), r);
    }

    /** {@code POST …/search}: the body's members as the items' parameters; the URL takes {@code f} alone. */
    OgcRequest search(Collection c, String body, HttpServletRequest r) {
        Params.onlyKnown(r.getParameterMap(), Set.of("f"));
        return items(c, SearchBody.params(body), r);
    }

    /** {@code GET …/items/{id}}: {@code f} and {@code crs}. */
    OgcRequest item(Collection c, HttpServletRequest r) {
        Params.onlyKnown(r.getParameterMap(), Set.of("f", "crs"));
        String crs = Crs.parse("crs", r.getParameter("crs"));
        boolean editor = editor(c, r);
        return new OgcRequest(links.base(r), r.getRequestURI(), html(r), editor, ifNoneMatch(r), crs, null);
    }

    private OgcRequest items(Collection c, Map<String, String[]> q, HttpServletRequest r) {
        Params.onlyKnown(
                q,
                c.source() instanceof Source.Incidents
                        ? ITEM_PARAMS
                        : c.source() instanceof Source.Table ? ROW_PARAMS : PLACE_PARAMS);
        String crs = Crs.parse("crs", one(q, "crs"));
        String bboxCrs = Crs.parse("bbox-crs", one(q, "bbox-crs"));
        // the parameters as read: a bbox in another CRS is turned into CRS84 first
        Map<String, String[]> read = new LinkedHashMap<>(q);
        if (!bboxCrs.equals(Crs.CRS84) && one(q, "bbox") != null) {
            read.put("bbox", new String[] {Crs.bboxToCrs84(one(q, "bbox"), bboxCrs)});
        }
        int limit = Params.capped("limit", one(read, "limit"), OgcController.DEFAULT_LIMIT, 1, OgcController.MAX_LIMIT);
        int offset = Params.integer("offset", one(read, "offset"), 0, 0, 10_000_000);
        boolean html = html(r);
        // an editor's page holds the drafts too (Part 4 clients such as QGIS edit them): its own ETag, never a shared
        // cache's
        boolean editor = editor(c, r);
        IncidentFilter filter = null;
        OgcRequest.Places places = null;
        Tables.Select rows = null;
        if (c.source() instanceof Source.Incidents source) {
            filter = IncidentFilter.parse(n -> one(read, n)).within(source);
            if (editor) {
                filter = filter.withStatuses(Vocabulary.STATUSES);
            }
        } else if (c.source() instanceof Source.Table) {
            rows = rows(c, read);
        } else {
            places = places(read);
        }
        OgcRequest.Items items = new OgcRequest.Items(q, SearchBody.query(read), limit, offset, filter, places, rows);
        return new OgcRequest(links.base(r), r.getRequestURI(), html, editor, ifNoneMatch(r), crs, items);
    }

    private static OgcRequest.Places places(Map<String, String[]> q) {
        List<Bbox> boxes = Bboxes.parse(one(q, "bbox"));
        return new OgcRequest.Places(
                boxes,
                Params.oneOf("kind", one(q, "kind"), Place.KINDS),
                Params.text("country", one(q, "country"), 2),
                Params.text("q", one(q, "q"), 200));
    }

    /**
     * A table's rows: those meeting the bbox (either half of one across the antimeridian) in the datetime that the
     * CQL2 filter selects (compiled here, so a bad one is a 400 before any SQL runs).
     */
    private Tables.Select rows(Collection c, Map<String, String[]> q) {
        List<Bbox> boxes = Bboxes.parse(one(q, "bbox"));
        DateRange when = DateRange.parse(one(q, "datetime"), "datetime");
        Cql2 cql = IncidentFilter.filter(n -> one(q, n));
        return new Tables.Select(
                boxes == null
                        ? null
                        : boxes.stream()
                                .map(b -> new double[] {b.minLon(), b.minLat(), b.maxLon(), b.maxLat()})
                                .toList(),
                when.start(),
                when.end(),
                cql == null ? null : TableFilters.condition(cql, c, dialect));
    }

    /** Whether an editor asks about an editable collection. */
    private boolean editor(Collection c, HttpServletRequest r) {
        return c.editable() && editors.editor(r) != null;
    }

    /** HTML when {@code f=html}, JSON for {@code f=json} or {@code geojson}, otherwise as the Accept header prefers. */
    private static boolean html(HttpServletRequest r) {
        String f = Params.oneOf("f", r.getParameter("f"), Set.of("json", "html", "geojson"));
        if (f != null) {
            return f.equals("html");
        }
        String accept = r.getHeader(HttpHeaders.ACCEPT);
        return accept != null && accept.startsWith("text/html");
    }

    private static String ifNoneMatch(HttpServletRequest r) {
        return r.getHeader(HttpHeaders.IF_NONE_MATCH);
    }

    private static String one(Map<String, String[]> q, String name) {
        String[] v = q.get(name);
        return v == null || v.length == 0 ? null : v[0];
    }
}
