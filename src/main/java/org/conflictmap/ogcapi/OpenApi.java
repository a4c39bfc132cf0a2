package org.conflictmap.ogcapi;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/** A compact OpenAPI 3.0 description of the OGC endpoints (what clients such as QGIS read). */
final class OpenApi {
    private OpenApi() {
    }

    static ObjectNode document(ObjectMapper json, String base) {
        ObjectNode d = json.createObjectNode();
        d.put("openapi", "3.0.3");
        d.putObject("info").put("title", "Conflict Map Server – OGC API Features").put("version", "1.0.0")
                .put("description", "Incidents of the Afghanistan–Pakistan border conflict with every claim kept apart.");
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
        parameters(d.putObject("components").putObject("parameters"));
        return d;
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
        ObjectNode limit = query(ps, "limit", "The optional limit parameter limits the number of items that are presented in the"
                + " response document. Minimum = 1. Maximum = " + OgcController.MAX_LIMIT + ". Default = " + OgcController.DEFAULT_LIMIT + ".");
        limit.putObject("schema").put("type", "integer").put("minimum", 1).put("maximum", OgcController.MAX_LIMIT)
                .put("default", OgcController.DEFAULT_LIMIT);
        ObjectNode bbox = query(ps, "bbox", "Only features that have a geometry that intersects the bounding box are selected:"
                + " minimum longitude, minimum latitude, maximum longitude, maximum latitude in WGS 84 (CRS84); six numbers add"
                + " heights, which are ignored. A box across the antimeridian has its west edge greater than its east edge.");
        ObjectNode box = bbox.putObject("schema").put("type", "array").put("minItems", 4).put("maxItems", 6);
        box.putObject("items").put("type", "number");
        query(ps, "datetime", "Either a date-time or an interval, open or closed (RFC 3339; open ends as '..'). Only features"
                + " whose time intersects it are selected.").putObject("schema").put("type", "string");
        query(ps, "crs", "The coordinate reference system of the response's geometries (OGC API – Features Part 2): one of "
                + Crs.URIS + "; CRS84 when absent. EPSG:4326 is latitude, longitude.").putObject("schema").put("type", "string")
                .put("format", "uri");
        query(ps, "bbox-crs", "The coordinate reference system of bbox (Part 2): one of " + Crs.URIS + "; CRS84 when absent.")
                .putObject("schema").put("type", "string").put("format", "uri");
        path(ps, "collectionId", "local identifier of a collection");
        path(ps, "featureId", "local identifier of a feature");
    }

    private static ObjectNode query(ObjectNode ps, String name, String description) {
        ObjectNode p = ps.putObject(name);
        p.put("name", name).put("in", "query").put("description", description).put("required", false)
                .put("style", "form").put("explode", false);
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
