package org.conflictmap.ogcapi;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** A compact OpenAPI 3.0 description of the OGC endpoints (what clients such as QGIS read). */
final class OpenApi {
    private OpenApi() {}

    static ObjectNode document(ObjectMapper json, String base) {
        ObjectNode d = json.createObjectNode();
        d.put("openapi", "3.0.3");
        d.putObject("info")
                .put("title", "Conflict Map Server – OGC API Features")
                .put("version", "1.0.0")
                .put(
                        "description",
                        "Incidents of the Afghanistan–Pakistan border conflict with every claim kept apart.");
        d.putArray("servers").addObject().put("url", base + "/ogc");
        ObjectNode paths = d.putObject("paths");
        get(paths, "/", "landing page", "getLandingPage");
        get(paths, "/conformance", "conformance classes", "getConformance");
        get(paths, "/collections", "the collections", "getCollections");
        ObjectNode c = get(paths, "/collections/{collectionId}", "one collection", "describeCollection");
        ref(c, "collectionId");
        ObjectNode items = get(paths, "/collections/{collectionId}/items", "features of a collection", "getFeatures");
        for (String p : new String[] {"collectionId", "limit", "bbox", "datetime", "crs", "bbox-crs"}) {
            ref(items, p);
        }
        for (String p : new String[] {"filter", "filter-lang", "type", "party", "q", "kind", "country"}) {
            param(items, p, "query", "string");
        }
        param(items, "offset", "query", "integer");
        param(items, "contested", "query", "boolean");
        ObjectNode item = get(paths, "/collections/{collectionId}/items/{featureId}", "one feature", "getFeature");
        ref(item, "collectionId");
        ref(item, "featureId");
        ref(item, "crs");
        ObjectNode q = get(paths, "/collections/{collectionId}/queryables", "queryable properties", "getQueryables");
        ref(q, "collectionId");
        // editors (a bearer token) also read the drafts; everyone else the published incidents alone
        optionalBearer(items);
        optionalBearer(item);
        search(paths);
        edits(paths);
        ObjectNode components = d.putObject("components");
        parameters(components.putObject("parameters"));
        components
                .putObject("securitySchemes")
                .putObject(BEARER)
                .put("type", "http")
                .put("scheme", "bearer")
                .put(
                        "description",
                        "an editor's API token (docs/DESK.md) or a configured token (conflictmap.security.editor-tokens)");
        problem(components.putObject("schemas"));
        return d;
    }

    /** The name of the bearer security scheme in {@code components/securitySchemes}. */
    static final String BEARER = "bearerAuth";

    private static final String PROBLEM = "application/problem+json";
    private static final String FEATURE = "application/geo+json";

    /** POST .../search: the items' parameters as a JSON body, for a filter too long for a URL. */
    private static void search(ObjectNode paths) {
        ObjectNode op = paths.putObject("/collections/{collectionId}/search").putObject("post");
        op.put("summary", "features of a collection, selected by a JSON body")
                .put("operationId", "searchFeatures")
                .put(
                        "description",
                        "The same page as GET .../items: the body is a JSON object of the items' parameters"
                                + " (filter a CQL2 JSON object or a CQL2 text string, bbox an array, limit a number, datetime, crs, …),"
                                + " or a CQL2 JSON filter on its own. The next and prev links are GETs.");
        ref(op, "collectionId");
        ObjectNode body = op.putObject("requestBody")
                .put("required", false)
                .put("description", "the parameters or a CQL2 JSON filter");
        ObjectNode schema = body.putObject("content")
                .putObject("application/json")
                .putObject("schema")
                .put("type", "object");
        ObjectNode props = schema.putObject("properties");
        props.putObject("filter").put("description", "CQL2 JSON (an object) or CQL2 text (a string)");
        props.putObject("filter-lang")
                .put("type", "string")
                .putArray("enum")
                .add("cql2-text")
                .add("cql2-json");
        props.putObject("bbox")
                .put("type", "array")
                .put("minItems", 4)
                .put("maxItems", 6)
                .putObject("items")
                .put("type", "number");
        props.putObject("datetime").put("type", "string");
        props.putObject("limit").put("type", "integer").put("minimum", 1).put("maximum", OgcController.MAX_LIMIT);
        props.putObject("offset").put("type", "integer").put("minimum", 0);
        props.putObject("crs").put("type", "string").put("format", "uri");
        props.putObject("bbox-crs").put("type", "string").put("format", "uri");
        ObjectNode responses = op.putObject("responses");
        content(responses.putObject("200").put("description", "the selected features (a page)"), FEATURE);
        problem(responses, "400", "a malformed body, filter or parameter");
        problem(responses, "404", "no such collection");
        optionalBearer(op);
    }

    /**
     * OGC API – Features Part 4 on the editable collection (incidents): create, replace, update (a JSON
     * merge patch), delete, for editors (a bearer token); every change of an existing feature needs
     * {@code If-Match} with the ETag its GET gave (428 without it, 412 when stale).
     */
    private static void edits(ObjectNode paths) {
        ObjectNode create = path(paths, "/collections/{collectionId}/items").putObject("post");
        create.put("summary", "create a feature (editors; incidents only)").put("operationId", "createFeature");
        ref(create, "collectionId");
        featureBody(create, FEATURE, "a GeoJSON Feature: the incident, as GET serves it");
        ObjectNode responses = create.putObject("responses");
        ObjectNode created = responses.putObject("201").put("description", "created");
        content(created, FEATURE);
        ObjectNode headers = created.putObject("headers");
        headers.putObject("Location")
                .put("description", "the new feature's URL")
                .putObject("schema")
                .put("type", "string");
        headers.putObject("ETag")
                .put("description", "the feature's version, for If-Match")
                .putObject("schema")
                .put("type", "string");
        writeRefusals(responses, false);
        bearer(create);

        ObjectNode one = path(paths, "/collections/{collectionId}/items/{featureId}");
        change(
                one.putObject("put"),
                "replace a feature (editors; incidents only)",
                "replaceFeature",
                FEATURE,
                "the whole Feature (as GET served it; links and other extra members are ignored)");
        change(
                one.putObject("patch"),
                "update a feature with a JSON merge patch (RFC 7396; editors; incidents only)",
                "updateFeature",
                "application/merge-patch+json",
                "a merge patch: {\"title\": …} or {\"properties\": {…}, \"geometry\": …}; null removes");
        ObjectNode delete = one.putObject("delete");
        delete.put("summary", "delete a feature (editors; incidents only)").put("operationId", "deleteFeature");
        ref(delete, "collectionId");
        ref(delete, "featureId");
        ifMatch(delete);
        ObjectNode deleted = delete.putObject("responses");
        deleted.putObject("204").put("description", "deleted");
        writeRefusals(deleted, true);
        bearer(delete);
    }

    /** The path item {@code path} (withObject would read "/collections/…" as a JSON Pointer). */
    private static ObjectNode path(ObjectNode paths, String path) {
        return paths.get(path) instanceof ObjectNode item ? item : paths.putObject(path);
    }

    private static void change(ObjectNode op, String summary, String id, String type, String body) {
        op.put("summary", summary).put("operationId", id);
        ref(op, "collectionId");
        ref(op, "featureId");
        ifMatch(op);
        featureBody(op, type, body);
        ObjectNode responses = op.putObject("responses");
        ObjectNode ok = responses.putObject("200").put("description", "changed: the feature as now stored");
        content(ok, FEATURE);
        ok.putObject("headers")
                .putObject("ETag")
                .put("description", "the feature's new version")
                .putObject("schema")
                .put("type", "string");
        writeRefusals(responses, true);
        bearer(op);
    }

    private static void ifMatch(ObjectNode op) {
        op.withArray("parameters")
                .addObject()
                .put("name", "If-Match")
                .put("in", "header")
                .put("required", true)
                .put(
                        "description",
                        "the ETag GET .../items/{featureId} gave (\"3\"), or * for whatever is stored; without it"
                                + " the change is refused with 428, with a stale one 412")
                .putObject("schema")
                .put("type", "string");
    }

    private static void featureBody(ObjectNode op, String type, String description) {
        op.withArray("parameters")
                .addObject()
                .put("name", "Content-Crs")
                .put("in", "header")
                .put("required", false)
                .put(
                        "description",
                        "the CRS of the body's coordinates: CRS84 (<" + Crs.CRS84
                                + ">) or none; any other is refused (400)")
                .putObject("schema")
                .put("type", "string");
        ObjectNode content = op.putObject("requestBody")
                .put("required", true)
                .put("description", description)
                .putObject("content");
        for (String t : type.equals(FEATURE)
                ? new String[] {FEATURE, "application/json"}
                : new String[] {type, "application/json"}) {
            content.putObject(t).putObject("schema").put("type", "object");
        }
    }

    private static void writeRefusals(ObjectNode responses, boolean existing) {
        problem(responses, "400", "a malformed body: the problem names the field");
        problem(responses, "401", "no editor: send Authorization: Bearer <token>");
        problem(responses, "404", existing ? "no such collection or feature" : "no such collection");
        problem(responses, "405", "the collection is read-only (the gazetteer comes from its sources)");
        if (existing) {
            problem(
                    responses,
                    "412",
                    "If-Match names a version other than the stored one: reload and apply the change again");
            problem(responses, "428", "If-Match is missing");
        } else {
            problem(responses, "409", "a feature with that id exists");
        }
        problem(responses, "415", "a body of another media type");
    }

    private static void content(ObjectNode response, String type) {
        response.putObject("content").putObject(type).putObject("schema").put("type", "object");
    }

    private static void problem(ObjectNode responses, String status, String description) {
        responses
                .putObject(status)
                .put("description", description)
                .putObject("content")
                .putObject(PROBLEM)
                .putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
    }

    /** RFC 9457's problem details, as every refusal carries them. */
    private static void problem(ObjectNode schemas) {
        ObjectNode p = schemas.putObject("Problem").put("type", "object");
        ObjectNode props = p.putObject("properties");
        for (String name : new String[] {"type", "title", "detail", "instance"}) {
            props.putObject(name).put("type", "string");
        }
        props.putObject("status").put("type", "integer");
        ObjectNode error = props.putObject("errors")
                .put("type", "array")
                .putObject("items")
                .put("type", "object")
                .putObject("properties");
        error.putObject("field").put("type", "string");
        error.putObject("message").put("type", "string");
    }

    private static void bearer(ObjectNode op) {
        op.putArray("security").addObject().putArray(BEARER);
    }

    /** Anonymous or an editor: {@code {}} makes the scheme optional. */
    private static void optionalBearer(ObjectNode op) {
        ArrayNode security = op.putArray("security");
        security.addObject();
        security.addObject().putArray(BEARER);
    }

    private static ObjectNode get(ObjectNode paths, String path, String summary, String id) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("summary", summary).put("operationId", id);
        op.putObject("responses").putObject("200").put("description", summary);
        return op;
    }

    /**
     * The parameters OGC API – Features Part 1 defines (its openapi/parameters/*.yaml, version 1.0.0),
     * held in the document itself so that clients without internet access can read them; {@code limit}
     * carries this server's default and maximum.
     */
    private static void parameters(ObjectNode ps) {
        ObjectNode limit = query(
                ps,
                "limit",
                "The optional limit parameter limits the number of items that are presented in the"
                        + " response document. Minimum = 1. Maximum = " + OgcController.MAX_LIMIT + ". Default = "
                        + OgcController.DEFAULT_LIMIT + ".");
        limit.putObject("schema")
                .put("type", "integer")
                .put("minimum", 1)
                .put("maximum", OgcController.MAX_LIMIT)
                .put("default", OgcController.DEFAULT_LIMIT);
        ObjectNode bbox = query(
                ps,
                "bbox",
                "Only features that have a geometry that intersects the bounding box are selected:"
                        + " minimum longitude, minimum latitude, maximum longitude, maximum latitude in WGS 84 (CRS84); six numbers add"
                        + " heights, which are ignored. A box across the antimeridian has its west edge greater than its east edge.");
        ObjectNode box =
                bbox.putObject("schema").put("type", "array").put("minItems", 4).put("maxItems", 6);
        box.putObject("items").put("type", "number");
        query(
                        ps,
                        "datetime",
                        "Either a date-time or an interval, open or closed (RFC 3339; open ends as '..'). Only features"
                                + " whose time intersects it are selected.")
                .putObject("schema")
                .put("type", "string");
        query(
                        ps,
                        "crs",
                        "The coordinate reference system of the response's geometries (OGC API – Features Part 2): one of "
                                + Crs.URIS + "; CRS84 when absent. EPSG:4326 is latitude, longitude.")
                .putObject("schema")
                .put("type", "string")
                .put("format", "uri");
        query(
                        ps,
                        "bbox-crs",
                        "The coordinate reference system of bbox (Part 2): one of " + Crs.URIS + "; CRS84 when absent.")
                .putObject("schema")
                .put("type", "string")
                .put("format", "uri");
        path(ps, "collectionId", "local identifier of a collection");
        path(ps, "featureId", "local identifier of a feature");
    }

    private static ObjectNode query(ObjectNode ps, String name, String description) {
        ObjectNode p = ps.putObject(name);
        p.put("name", name)
                .put("in", "query")
                .put("description", description)
                .put("required", false)
                .put("style", "form")
                .put("explode", false);
        return p;
    }

    private static void path(ObjectNode ps, String name, String description) {
        ObjectNode p = ps.putObject(name);
        p.put("name", name).put("in", "path").put("description", description).put("required", true);
        p.putObject("schema").put("type", "string");
    }

    private static void ref(ObjectNode op, String name) {
        op.withArray("parameters").addObject().put("$ref", "#/components/parameters/" + name);
    }

    private static void param(ObjectNode op, String name, String in, String type) {
        ObjectNode p = op.withArray("parameters").addObject();
        p.put("name", name).put("in", in).put("required", in.equals("path"));
        if (in.equals("query")) {
            p.put("style", "form").put("explode", false);
        }
        p.putObject("schema").put("type", type);
    }
}
