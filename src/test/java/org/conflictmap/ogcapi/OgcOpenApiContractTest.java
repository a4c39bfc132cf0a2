package org.conflictmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The OpenAPI 3.0 document of {@code /ogc/api} describes every operation the server offers, the POST
 * search and Part 4's writes included (If-Match, 428/412, the bearer scheme), and is a valid document:
 * held to the OpenAPI 3.0 rules checked here (every reference resolves, every path parameter is
 * declared, every security requirement names a declared scheme, every response has a description),
 * and parsed and validated by the parser the OGC suite itself uses (KaiZen's, inside the suite's jar;
 * that part is skipped, saying so, when the jar is absent).
 */
class OgcOpenApiContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    abstract static class Contract {
        @LocalServerPort
        int port;

        Http http() {
            return new Http(port);
        }

        JsonNode api() {
            Http.Response r = http().get("/ogc/api");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.contentType()).startsWith("application/vnd.oai.openapi+json");
            return r.json();
        }

        @Test
        void theSearchAndTheWritesAreDescribedWithIfMatchTheirRefusalsAndTheBearerScheme() {
            JsonNode api = api();
            JsonNode paths = api.get("paths");
            JsonNode search = paths.path("/collections/{collectionId}/search").path("post");
            assertThat(search.isMissingNode()).as("POST …/search").isFalse();
            assertThat(search.path("requestBody").path("content").has("application/json"))
                    .isTrue();
            assertThat(search.path("responses").has("200")).isTrue();
            assertThat(paths.path("/collections/{collectionId}/items").has("post"))
                    .as("create")
                    .isTrue();
            JsonNode one = paths.path("/collections/{collectionId}/items/{featureId}");
            for (String method : List.of("put", "patch", "delete")) {
                JsonNode op = one.path(method);
                assertThat(op.isMissingNode()).as(method).isFalse();
                JsonNode ifMatch = null;
                for (JsonNode p : op.path("parameters")) {
                    if (p.path("name").asString("").equals("If-Match")) {
                        ifMatch = p;
                    }
                }
                assertThat(ifMatch).as(method + " If-Match").isNotNull();
                assertThat(ifMatch.get("in").asString()).isEqualTo("header");
                assertThat(ifMatch.get("required").asBoolean())
                        .as("If-Match is required")
                        .isTrue();
                assertThat(op.path("responses").has("412")).as(method + " 412").isTrue();
                assertThat(op.path("responses").has("428")).as(method + " 428").isTrue();
                assertThat(op.path("security").toString()).as(method).contains("bearerAuth");
            }
            assertThat(one.path("patch").path("requestBody").path("content").has("application/merge-patch+json"))
                    .isTrue();
            JsonNode create = paths.path("/collections/{collectionId}/items").path("post");
            assertThat(create.path("responses").path("201").path("headers").has("Location"))
                    .isTrue();
            assertThat(create.path("requestBody").path("content").has("application/geo+json"))
                    .isTrue();
            JsonNode scheme = api.path("components").path("securitySchemes").path("bearerAuth");
            assertThat(scheme.path("type").asString("")).isEqualTo("http");
            assertThat(scheme.path("scheme").asString("")).isEqualTo("bearer");
            // every method the document names for a path is one the server answers (not 405)
            String item = "/ogc/collections/incidents/items/no-such-incident";
            assertThat(http().send("PUT", item, "{}", "Content-Type", "application/geo+json")
                            .status())
                    .isNotEqualTo(405);
            assertThat(http().send("PATCH", item, "{}", "Content-Type", "application/merge-patch+json")
                            .status())
                    .isNotEqualTo(405);
            assertThat(http().send("DELETE", item, "").status()).isNotEqualTo(405);
            assertThat(http().send(
                                    "POST",
                                    "/ogc/collections/incidents/search",
                                    "{}",
                                    "Content-Type",
                                    "application/json")
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void theDocumentKeepsTheRulesOfOpenApi30() {
            JsonNode api = api();
            assertThat(api.get("openapi").asString()).startsWith("3.0.");
            assertThat(api.path("info").has("title")).isTrue();
            assertThat(api.path("info").has("version")).isTrue();
            List<String> problems = new ArrayList<>();
            // every $ref resolves inside the document
            List<String> refs = new ArrayList<>();
            collectRefs(api, refs);
            assertThat(refs).as("references").isNotEmpty();
            for (String ref : refs) {
                if (!ref.startsWith("#/") || api.at(ref.substring(1)).isMissingNode()) {
                    problems.add("unresolved $ref " + ref);
                }
            }
            Set<String> schemes = new HashSet<>();
            api.path("components").path("securitySchemes").propertyNames().forEach(schemes::add);
            Set<String> operationIds = new HashSet<>();
            Pattern template = Pattern.compile("\\{([^}]+)}");
            for (String path : api.get("paths").propertyNames()) {
                JsonNode item = api.get("paths").get(path);
                if (!path.startsWith("/")) {
                    problems.add(path + ": a path starts with /");
                }
                for (String method : item.propertyNames()) {
                    if (!METHODS.contains(method)) {
                        problems.add(path + ": '" + method + "' is not an operation");
                        continue;
                    }
                    JsonNode op = item.get(method);
                    String where = method.toUpperCase() + " " + path;
                    if (op.has("operationId")
                            && !operationIds.add(op.get("operationId").asString())) {
                        problems.add(where + ": operationId " + op.get("operationId") + " twice");
                    }
                    // each {name} of the path is a required path parameter of the operation
                    Set<String> declared = new HashSet<>();
                    Set<String> seen = new HashSet<>();
                    for (JsonNode p : op.path("parameters")) {
                        JsonNode param =
                                p.has("$ref") ? api.at(p.get("$ref").asString().substring(1)) : p;
                        String name = param.path("name").asString("");
                        String in = param.path("in").asString("");
                        if (name.isEmpty()
                                || !Set.of("query", "header", "path", "cookie").contains(in)) {
                            problems.add(where + ": a parameter without name or in: " + param);
                        }
                        if (!param.has("schema") && !param.has("content")) {
                            problems.add(where + ": parameter " + name + " has no schema");
                        }
                        if (!seen.add(in + ":" + name)) {
                            problems.add(where + ": parameter " + name + " twice");
                        }
                        if (in.equals("path")) {
                            declared.add(name);
                            if (!param.path("required").asBoolean(false)) {
                                problems.add(where + ": path parameter " + name + " must be required");
                            }
                        }
                    }
                    Set<String> inTemplate = new HashSet<>();
                    Matcher m = template.matcher(path);
                    while (m.find()) {
                        inTemplate.add(m.group(1));
                    }
                    if (!inTemplate.equals(declared)) {
                        problems.add(where + ": path parameters " + declared + ", template " + inTemplate);
                    }
                    JsonNode responses = op.path("responses");
                    if (responses.isEmpty()) {
                        problems.add(where + ": no responses");
                    }
                    for (String status : responses.propertyNames()) {
                        if (!status.matches("[1-5]\\d\\d|[1-5]XX|default")) {
                            problems.add(where + ": response " + status);
                        }
                        if (!responses.get(status).has("description")
                                && !responses.get(status).has("$ref")) {
                            problems.add(where + ": response " + status + " without description");
                        }
                    }
                    if (op.has("requestBody") && !op.get("requestBody").has("content")) {
                        problems.add(where + ": requestBody without content");
                    }
                    for (JsonNode requirement : op.path("security")) {
                        for (String name : requirement.propertyNames()) {
                            if (!schemes.contains(name)) {
                                problems.add(where + ": security scheme " + name + " is not declared");
                            }
                        }
                    }
                }
            }
            assertThat(problems).isEmpty();
        }

        @Test
        void theSuitesOwnParserReadsTheDocumentWithoutAnError() throws Exception {
            Path jar = OgcEtsTest.ETS.resolve("ets-ogcapi-features10-1.9-aio.jar");
            Assumptions.assumeTrue(
                    Files.isRegularFile(jar),
                    "OGC ETS not found at " + jar
                            + ": the OpenAPI document was not validated with the suite's parser (the rules above were checked)");
            String text = http().get("/ogc/api").body();
            try (URLClassLoader loader =
                    new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
                Class<?> parserClass = loader.loadClass("com.reprezen.kaizen.oasparser.OpenApi3Parser");
                Object parser = parserClass.getConstructor().newInstance();
                Method parse = parserClass.getMethod("parse", String.class, URL.class, boolean.class);
                Object model = parse.invoke(parser, text, new URL("http://127.0.0.1:" + port + "/ogc/api"), true);
                boolean valid = (Boolean) model.getClass().getMethod("isValid").invoke(model);
                Object items = model.getClass().getMethod("getValidationItems").invoke(model);
                assertThat(valid).as("KaiZen's validation: " + items).isTrue();
                Object paths = model.getClass().getMethod("getPaths").invoke(model);
                assertThat(((java.util.Map<?, ?>) paths).keySet().toString())
                        .contains("/collections/{collectionId}/search");
            }
        }

        static void collectRefs(JsonNode node, List<String> out) {
            if (node.isObject()) {
                if (node.has("$ref")) {
                    out.add(node.get("$ref").asString());
                }
                node.forEach(child -> collectRefs(child, out));
            } else if (node.isArray()) {
                node.forEach(child -> collectRefs(child, out));
            }
        }
    }
}
