package org.conflictmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.util.Set;
import java.util.UUID;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * OGC API – Features Part 4 on both stores: an editor creates an incident, reads its ETag, patches
 * and replaces it (428 without If-Match, 412 with a stale one, each refusal changing nothing) and
 * deletes it, all on {@code /ogc/collections/incidents/items}, and every write is in its history.
 */
class OgcEditContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    static final String GEOJSON = "application/geo+json";
    static final String ITEMS = "/ogc/collections/incidents/items";

    static String feature(String id, String title) {
        return """
                {"type": "Feature", "geometry": null, "properties": {
                 "id": "%s", "title": "%s", "type": "shelling", "status": "published",
                 "occurred": {"start": "2026-03-11T10:00:00+04:30", "end": "2026-03-11T11:00:00+04:30", "precision": "hour"},
                 "places": ["crossing-torkham"],
                 "sources": [{"id": "S1", "outlet": "Test wire", "published": "2026-03-11"}],
                 "claims": [{"claimant": "Nangarhar police", "party": "local_official", "side": "civilians", "wounded": 2, "sources": ["S1"]}]}}
                """.formatted(id, title);
    }

    abstract static class Contract {
        @LocalServerPort
        int port;

        Http http() {
            return new Http(port);
        }

        @Test
        void anEditorCreatesPatchesReplacesAndDeletesWithETags() {
            String id = "ogc-edit-" + UUID.randomUUID().toString().substring(0, 8);
            String item = ITEMS + "/" + id;
            Http.Response created = http().send(
                            "POST",
                            ITEMS,
                            feature(id, "Shelling near Torkham"),
                            "Content-Type",
                            GEOJSON,
                            "Authorization",
                            EDITOR_AUTH,
                            "Content-Crs",
                            "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.header("Location")).endsWith(item);
            assertThat(created.header("ETag")).isEqualTo("\"1\"");

            Http.Response read = http().get(item);
            assertThat(read.status()).isEqualTo(200);
            assertThat(read.header("ETag")).isEqualTo("\"1\"");
            assertThat(read.json().get("geometry").get("type").asString()).isEqualTo("Point");

            String patch = "{\"title\": \"Shelling at the Torkham crossing\"}";
            Http.Response without = http().send(
                            "PATCH",
                            item,
                            patch,
                            "Content-Type",
                            "application/merge-patch+json",
                            "Authorization",
                            EDITOR_AUTH);
            assertThat(without.status()).as(without.body()).isEqualTo(428);
            assertThat(without.contentType()).startsWith("application/problem+json");
            assertThat(http().get(item).header("ETag"))
                    .as("a refused patch changes nothing")
                    .isEqualTo("\"1\"");

            Http.Response patched = http().send(
                            "PATCH",
                            item,
                            patch,
                            "Content-Type",
                            "application/merge-patch+json",
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            read.header("ETag"));
            assertThat(patched.status()).as(patched.body()).isEqualTo(200);
            assertThat(patched.header("ETag")).isEqualTo("\"2\"");
            assertThat(http().get(item).json().get("properties").get("title").asString())
                    .isEqualTo("Shelling at the Torkham crossing");

            // the feature as GET served it, changed and sent back whole (as QGIS does), with the stale ETag: 412
            ObjectNode whole = (ObjectNode) http().get(item).json();
            ((ObjectNode) whole.get("properties")).put("title", "Shelling reported at Torkham");
            Http.Response stale = http().send(
                            "PUT",
                            item,
                            whole.toString(),
                            "Content-Type",
                            GEOJSON,
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            "\"1\"");
            assertThat(stale.status()).as(stale.body()).isEqualTo(412);
            assertThat(http().get(item).json().get("properties").get("title").asString())
                    .isEqualTo("Shelling at the Torkham crossing");
            Http.Response replaced = http().send(
                            "PUT",
                            item,
                            whole.toString(),
                            "Content-Type",
                            GEOJSON,
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            "\"2\"");
            assertThat(replaced.status()).as(replaced.body()).isEqualTo(200);
            assertThat(replaced.header("ETag")).isEqualTo("\"3\"");
            JsonNode after = http().get(item).json();
            assertThat(after.get("properties").get("title").asString()).isEqualTo("Shelling reported at Torkham");
            assertThat(after.get("properties").get("claims")).hasSize(1);
            assertThat(ids("filter=" + "id%20%3D%20%27" + id + "%27"))
                    .as("the filter sees the write")
                    .isEqualTo(1);

            assertThat(http().send("DELETE", item, "", "Authorization", EDITOR_AUTH)
                            .status())
                    .isEqualTo(428);
            assertThat(http().send("DELETE", item, "", "Authorization", EDITOR_AUTH, "If-Match", "\"2\"")
                            .status())
                    .isEqualTo(412);
            assertThat(http().get(item).status()).isEqualTo(200);
            assertThat(http().send("DELETE", item, "", "Authorization", EDITOR_AUTH, "If-Match", "\"3\"")
                            .status())
                    .isEqualTo(204);
            assertThat(http().get(item).status()).isEqualTo(404);
            JsonNode history = http().get("/api/incidents/" + id + "/history", "Authorization", EDITOR_AUTH)
                    .json()
                    .get("history");
            assertThat(history.size())
                    .as("create, patch, replace and delete are in the history")
                    .isGreaterThanOrEqualTo(4);
        }

        int ids(String query) {
            return http().get(ITEMS + "?" + query).json().get("numberReturned").asInt();
        }

        /**
         * QGIS's OGC API – Features provider decides what a layer lets its user edit from OPTIONS: POST in the items'
         * {@code Allow} (add features), PUT and DELETE in the first item's (change, delete), PATCH (it then patches). What
         * it sends then carries no If-Match, which is refused (docs/OGCAPI.md, "QGIS and If-Match").
         */
        @Test
        void qgisFindsTheEditsItMayOfferInTheAllowOfOptionsAndItsPatchWithoutIfMatchIs428() {
            String first = http().get(ITEMS + "?limit=1")
                    .json()
                    .get("features")
                    .get(0)
                    .get("id")
                    .asString();
            Http.Response items = http().send("OPTIONS", ITEMS, (String) null, "Authorization", EDITOR_AUTH);
            assertThat(items.status()).isEqualTo(200);
            assertThat(allowed(items)).contains("GET", "POST");
            Http.Response item =
                    http().send("OPTIONS", ITEMS + "/" + first, (String) null, "Authorization", EDITOR_AUTH);
            assertThat(item.status()).isEqualTo(200);
            assertThat(allowed(item)).contains("GET", "PUT", "PATCH", "DELETE");
            String etag = http().get(ITEMS + "/" + first).header("ETag");
            // QGIS's PATCH of an attribute: {"properties": {...}}, application/merge-patch+json, no If-Match
            Http.Response patch = http().send(
                            "PATCH",
                            ITEMS + "/" + first,
                            "{\"properties\": {\"title\": \"Edited in QGIS\"}}",
                            "Content-Type",
                            "application/merge-patch+json",
                            "Authorization",
                            EDITOR_AUTH);
            assertThat(patch.status()).isEqualTo(428);
            assertThat(http().get(ITEMS + "/" + first).header("ETag"))
                    .as("nothing changed")
                    .isEqualTo(etag);
        }

        static Set<String> allowed(Http.Response options) {
            return Set.of(options.header("Allow").replace(" ", "").split(","));
        }

        @Test
        void writesWithoutATokenOrOnTheGazetteerOrWithBadBodiesAreRefusedAndChangeNothing() {
            String id = "ogc-edit-" + UUID.randomUUID().toString().substring(0, 8);
            assertThat(http().send("POST", ITEMS, feature(id, "x"), "Content-Type", GEOJSON)
                            .status())
                    .isEqualTo(401);
            assertThat(http().send(
                                    "POST",
                                    ITEMS,
                                    feature(id, "x"),
                                    "Content-Type",
                                    GEOJSON,
                                    "Authorization",
                                    "Bearer nope")
                            .status())
                    .isEqualTo(401);
            Http.Response gazetteer = http().send(
                            "POST",
                            "/ogc/collections/places/items",
                            feature(id, "x"),
                            "Content-Type",
                            GEOJSON,
                            "Authorization",
                            EDITOR_AUTH);
            assertThat(gazetteer.status()).isEqualTo(405);
            assertThat(gazetteer.contentType()).startsWith("application/problem+json");
            for (String bad : new String[] {
                "{",
                "[1]",
                feature(id, "x").replace("\"shelling\"", "\"teleport\""),
                feature(id, "x").replace("2026-03-11T11", "2026-03-10T11")
            }) {
                Http.Response r =
                        http().send("POST", ITEMS, bad, "Content-Type", GEOJSON, "Authorization", EDITOR_AUTH);
                assertThat(r.status()).as(bad + " " + r.body()).isEqualTo(400);
                assertThat(r.body()).doesNotContain("Exception", "SQL");
            }
            // coordinates in another CRS than CRS84 (QGIS names it in Content-Crs) would be stored misplaced: refused
            for (String crs : new String[] {
                "<http://www.opengis.net/def/crs/EPSG/0/4326>", "<http://www.opengis.net/def/crs/EPSG/0/3857>"
            }) {
                Http.Response r = http().send(
                                "POST",
                                ITEMS,
                                feature(id, "x"),
                                "Content-Type",
                                GEOJSON,
                                "Authorization",
                                EDITOR_AUTH,
                                "Content-Crs",
                                crs);
                assertThat(r.status()).as(crs + " " + r.body()).isEqualTo(400);
                assertThat(r.body()).contains("Content-Crs");
            }
            assertThat(http().get(ITEMS + "/" + id).status()).isEqualTo(404);
            assertThat(http().send(
                                    "PATCH",
                                    ITEMS + "/no-such-incident",
                                    "{}",
                                    "Content-Type",
                                    GEOJSON,
                                    "Authorization",
                                    EDITOR_AUTH,
                                    "If-Match",
                                    "\"1\"")
                            .status())
                    .isEqualTo(404);
            assertThat(http().get("/ogc/conformance").body())
                    .contains("ogcapi-features-4/1.0/conf/create-replace-delete", "ogcapi-features-4/1.0/conf/update");
        }
    }
}
