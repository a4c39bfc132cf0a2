package org.conflictmap.ogcapi;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.List;
import org.conflictmap.geo.GeoJson;
import org.conflictmap.incidents.IfMatch;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.IncidentEdits;
import org.conflictmap.incidents.IncidentFeatures;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Source;
import org.conflictmap.security.Editors;
import org.conflictmap.security.EditorsOnly;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Bodies;
import org.conflictmap.web.Links;
import org.conflictmap.web.Params;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API – Features Part 4 (Create, Replace, Update, Delete) on the editable collection, the
 * incidents, for editors (the account bearer tokens, as {@code /api/incidents}):
 *
 * <pre>
 * POST   /ogc/collections/incidents/items         a GeoJSON Feature: 201, Location, ETag
 * PUT    /ogc/collections/incidents/items/{id}    the whole Feature (If-Match required)
 * PATCH  /ogc/collections/incidents/items/{id}    a JSON merge patch (If-Match required)
 * DELETE /ogc/collections/incidents/items/{id}    204 (If-Match required)
 * </pre>
 *
 * {@code If-Match} carries the ETag GET .../items/{id} gave (428 without it, 412 when the incident
 * changed since); each write goes through {@link IncidentEdits}: the same validation, one transaction
 * and the incident's history, as the desk's own writes.
 */
@RestController
@EditorsOnly
class OgcEditController {
    private static final String[] TYPES = {GeoJson.MEDIA_TYPE, "application/json", "application/merge-patch+json"};

    private final IncidentEdits edits;
    private final Editors editors;
    private final ObjectMapper json;
    private final Links links;
    private final Layers layers;

    OgcEditController(IncidentEdits edits, Editors editors, ObjectMapper json, Links links, Layers layers) {
        this.layers = layers;
        this.edits = edits;
        this.editors = editors;
        this.json = json;
        this.links = links;
    }

    /**
     * One write as its handler takes it, read once from the servlet request (in this order: the collection
     * is editable, the editor, the If-Match of a change, the body and its CRS).
     *
     * @param base    the server's base URL (the Location of a created item)
     * @param editor  who writes
     * @param ifMatch the version a change was made to; null for a create
     * @param body    the Feature or merge patch; null for a delete
     */
    private record Write(String base, String editor, IfMatch ifMatch, JsonNode body) {}

    /** The write to item {@code id} (null: a new item) of {@code collection}, with a body or without. */
    private Write write(String collection, String id, boolean withBody, HttpServletRequest r) {
        editable(collection);
        String editor = editors.of(r);
        IfMatch ifMatch = id == null ? null : ifMatch(r, collection, id);
        return new Write(links.base(r), editor, ifMatch, withBody ? body(r) : null);
    }

    @PostMapping("/ogc/collections/{collection}/items")
    ResponseEntity<ObjectNode> create(@PathVariable String collection, HttpServletRequest r) {
        Write w = write(collection, null, true, r);
        Incident stored = edits.create(w.body(), w.editor());
        return ResponseEntity.created(URI.create(w.base() + "/ogc/collections/" + collection + "/items/" + stored.id()))
                .eTag(etag(stored))
                .contentType(MediaType.parseMediaType(GeoJson.MEDIA_TYPE))
                .body(IncidentFeatures.feature(stored));
    }

    @PutMapping("/ogc/collections/{collection}/items/{id}")
    ResponseEntity<ObjectNode> replace(@PathVariable String collection, @PathVariable String id, HttpServletRequest r) {
        return change(collection, id, r, edits::replace);
    }

    @PatchMapping("/ogc/collections/{collection}/items/{id}")
    ResponseEntity<ObjectNode> patch(@PathVariable String collection, @PathVariable String id, HttpServletRequest r) {
        return change(collection, id, r, edits::patch);
    }

    /** A change of an existing incident: {@link IncidentEdits#replace} or {@link IncidentEdits#patch}. */
    private interface Change {
        Incident apply(String id, IfMatch ifMatch, JsonNode body, String editor);
    }

    private ResponseEntity<ObjectNode> change(String collection, String id, HttpServletRequest r, Change change) {
        Write w = write(collection, id, true, r);
        Incident stored = change.apply(id, w.ifMatch(), w.body(), w.editor());
        return ResponseEntity.ok()
                .eTag(etag(stored))
                .contentType(MediaType.parseMediaType(GeoJson.MEDIA_TYPE))
                .body(IncidentFeatures.feature(stored));
    }

    @DeleteMapping("/ogc/collections/{collection}/items/{id}")
    ResponseEntity<Void> delete(@PathVariable String collection, @PathVariable String id, HttpServletRequest r) {
        Write w = write(collection, id, false, r);
        edits.delete(id, w.ifMatch(), w.editor());
        return ResponseEntity.noContent().build();
    }

    /** The If-Match of a change; its 428 names this item's OGC address, whose GET gives the ETag. */
    private static IfMatch ifMatch(HttpServletRequest r, String collection, String id) {
        return IfMatch.required(r, IncidentEdits.checkId(id), "/ogc/collections/" + collection + "/items/" + id);
    }

    private void editable(String collection) {
        Collection c = layers.get(collection);
        if (!c.editable()) {
            String editable = layers.all().stream()
                    .filter(Collection::editable)
                    .map(Collection::id)
                    .findFirst()
                    .orElse("none");
            throw new ApiProblem(
                    HttpStatus.METHOD_NOT_ALLOWED,
                    "Method not allowed",
                    "'" + collection + "' is read-only: "
                            + (c.source() instanceof Source.Incidents
                                    ? "it shows incidents of one geometry type; editors write them in '" + editable
                                            + "'"
                                    : c.source() instanceof Source.Places
                                            ? "the gazetteer comes from its sources; editors write incidents"
                                            : "its rows are the table "
                                                    + c.source().table() + "'s; editors write incidents"),
                    List.of());
        }
    }

    private JsonNode body(HttpServletRequest r) {
        Bodies.requireType(
                r,
                "send the incident as application/geo+json, application/json or application/merge-patch+json",
                TYPES);
        contentCrs(r.getHeader(OgcController.CONTENT_CRS));
        return Bodies.json(r, json, editors.maxBodyBytes(), "conflictmap.security.max-body-bytes");
    }

    /**
     * A body's coordinates must be CRS84 (longitude, latitude), as stored. QGIS names the CRS of what it
     * sends in {@code Content-Crs} (Part 2 with Part 4): EPSG:4326 there is latitude first, and
     * storing it as sent would move the incident silently, so any other CRS is a 400 that changes nothing.
     */
    static void contentCrs(String header) {
        if (header == null || header.isBlank()) {
            return;
        }
        String v = header.strip();
        String uri = v.startsWith("<") && v.endsWith(">") ? v.substring(1, v.length() - 1) : v;
        if (!Crs.CRS84.equals(uri) && !"[OGC:CRS84]".equalsIgnoreCase(uri)) {
            throw Params.invalid(
                    OgcController.CONTENT_CRS,
                    "a write's coordinates are CRS84 (longitude, latitude): send them so, with " + "Content-Crs: "
                            + Crs.header(Crs.CRS84) + " or none");
        }
    }

    /** The ETag GET .../items/{id} gives: the incident's version. */
    private static String etag(Incident i) {
        return "\"" + i.version() + "\"";
    }
}
