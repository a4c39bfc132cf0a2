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
        param(c, "collectionId", "path", "string");
        ObjectNode items = get(paths, "/collections/{collectionId}/items", "features of a collection", "getFeatures");
        param(items, "collectionId", "path", "string");
        for (String p : new String[] {"bbox", "datetime", "filter", "filter-lang", "type", "party", "q"}) {
            param(items, p, "query", "string");
        }
        param(items, "limit", "query", "integer");
        param(items, "offset", "query", "integer");
        param(items, "contested", "query", "boolean");
        ObjectNode item = get(paths, "/collections/{collectionId}/items/{featureId}", "one feature", "getFeature");
        param(item, "collectionId", "path", "string");
        param(item, "featureId", "path", "string");
        ObjectNode q = get(paths, "/collections/{collectionId}/queryables", "queryable properties", "getQueryables");
        param(q, "collectionId", "path", "string");
        return d;
    }

    private static ObjectNode get(ObjectNode paths, String path, String summary, String id) {
        ObjectNode op = paths.putObject(path).putObject("get");
        op.put("summary", summary).put("operationId", id);
        op.putObject("responses").putObject("200").put("description", summary);
        return op;
    }

    private static void param(ObjectNode op, String name, String in, String type) {
        ObjectNode p = op.withArray("parameters").addObject();
        p.put("name", name).put("in", in).put("required", in.equals("path"));
        p.putObject("schema").put("type", type);
    }
}
