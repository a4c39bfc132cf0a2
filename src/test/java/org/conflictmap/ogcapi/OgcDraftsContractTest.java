package org.conflictmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Drafts on {@code /ogc}, on both stores. An OGC API – Features Part 4 client (QGIS) edits what it
 * reads: an editor (a bearer token) reads the drafts beside the published incidents, on the items,
 * one item and the search, each with its {@code status} (a queryable: {@code status = 'draft'}), and
 * edits a draft with its ETag. Anyone else never sees a draft: not on the items, the item, the search,
 * the OGC or XYZ tiles, nor in an export; not even by asking for {@code status = 'draft'}.
 */
class OgcDraftsContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    static final String ITEMS = "/ogc/collections/incidents/items";
    static final String GEOJSON = "application/geo+json";
    /** The Torkham crossing, where the draft is placed. */
    static final double LON = 71.0964, LAT = 34.1144;

    static String draft(String id) {
        return """
                {"type": "Feature", "geometry": {"type": "Point", "coordinates": [%s, %s]}, "properties": {
                 "id": "%s", "title": "Draft: shelling reported near Torkham", "type": "shelling", "status": "draft",
                 "occurred": {"start": "2031-05-11T10:00:00+04:30", "end": "2031-05-11T11:00:00+04:30", "precision": "hour"},
                 "places": ["crossing-torkham"],
                 "sources": [{"id": "S1", "outlet": "Test wire", "published": "2031-05-11"}],
                 "claims": [{"claimant": "Nangarhar police", "party": "local_official", "side": "civilians", "wounded": 2, "sources": ["S1"]}]}}
                """.formatted(LON, LAT, id);
    }

    static String filter(String cql) {
        return "filter=" + URLEncoder.encode(cql, StandardCharsets.UTF_8).replace("+", "%20");
    }

    abstract static class Contract {
        @LocalServerPort
        int port;

        Http http() {
            return new Http(port);
        }

        /** The ids of the items page {@code query} selects, as the caller ({@code headers}) is served it. */
        String ids(String query, String... headers) {
            Http.Response r = http().get(ITEMS + "?limit=1000&" + query, headers);
            assertThat(r.status()).as(query + " " + r.body()).isEqualTo(200);
            StringBuilder b = new StringBuilder();
            r.json()
                    .get("features")
                    .forEach(f -> b.append(f.get("id").asString()).append(' '));
            assertThat(r.json().get("numberMatched").asInt())
                    .as(query)
                    .isEqualTo(r.json().get("features").size());
            return b.toString();
        }

        @Test
        void editorsReadAndEditDraftsOnOgcAndNobodyElseSeesThem() {
            String id = "ogc-draft-" + UUID.randomUUID().toString().substring(0, 8);
            String item = ITEMS + "/" + id;
            int published =
                    http().get(ITEMS + "?limit=1").json().get("numberMatched").asInt();
            // other tests' drafts may be in the store: the editor sees those too
            int editorSees = http().get(ITEMS + "?limit=1", "Authorization", EDITOR_AUTH)
                    .json()
                    .get("numberMatched")
                    .asInt();
            assertThat(editorSees).isGreaterThanOrEqualTo(published);
            Http.Response created =
                    http().send("POST", ITEMS, draft(id), "Content-Type", GEOJSON, "Authorization", EDITOR_AUTH);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            assertThat(created.json().get("properties").get("status").asString())
                    .isEqualTo("draft");

            // the editor: the item, the items (with status), a status filter, the search
            Http.Response read = http().get(item, "Authorization", EDITOR_AUTH);
            assertThat(read.status()).as(read.body()).isEqualTo(200);
            assertThat(read.header("ETag")).isEqualTo("\"1\"");
            assertThat(read.header("Cache-Control")).contains("private");
            assertThat(read.json().get("properties").get("status").asString()).isEqualTo("draft");
            assertThat(ids("", "Authorization", EDITOR_AUTH)).contains(id);
            assertThat(http().get(ITEMS + "?limit=1", "Authorization", EDITOR_AUTH)
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(editorSees + 1);
            assertThat(ids(filter("status = 'draft'"), "Authorization", EDITOR_AUTH))
                    .contains(id);
            assertThat(ids(filter("status = 'published'"), "Authorization", EDITOR_AUTH))
                    .doesNotContain(id);
            Http.Response searched = http().send(
                            "POST",
                            "/ogc/collections/incidents/search",
                            "{\"filter\": {\"op\": \"=\", \"args\": [{\"property\": \"status\"}, \"draft\"]}, \"limit\": 1000}",
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH);
            assertThat(searched.status()).as(searched.body()).isEqualTo(200);
            assertThat(searched.body()).contains(id);
            Http.Response page = http().get(ITEMS + "?" + filter("id = '" + id + "'"), "Authorization", EDITOR_AUTH);
            assertThat(page.header("Cache-Control")).contains("private");
            assertThat(page.headers().allValues("Vary")).as("Vary").anyMatch(v -> v.contains("Authorization"));

            // anyone else: nothing, whatever they ask
            assertThat(http().get(item).status()).isEqualTo(404);
            assertThat(http().get(item, "If-None-Match", read.header("ETag")).status())
                    .as("no 304 for a draft either")
                    .isEqualTo(404);
            assertThat(ids("")).doesNotContain(id);
            assertThat(http().get(ITEMS + "?limit=1")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(published);
            assertThat(ids(filter("status = 'draft'"))).isBlank();
            assertThat(ids(filter("id = '" + id + "'"))).isBlank();
            assertThat(ids("q=Draft")).doesNotContain(id);
            Http.Response anonymous = http().get(ITEMS + "?" + filter("id = '" + id + "'"));
            assertThat(anonymous.header("ETag"))
                    .as("the anonymous page has its own ETag")
                    .isNotEqualTo(page.header("ETag"));
            assertThat(http().get(ITEMS + "?" + filter("id = '" + id + "'"), "If-None-Match", page.header("ETag"))
                            .status())
                    .as("an editor's ETag does not revalidate the anonymous page")
                    .isEqualTo(200);
            assertThat(http().send(
                                    "POST",
                                    "/ogc/collections/incidents/search",
                                    "{\"filter\": \"status = 'draft'\"}",
                                    "Content-Type",
                                    "application/json")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isZero();
            for (int z : new int[] {6, 10}) {
                int n = 1 << z;
                int x = (int) Math.floor((LON + 180) / 360 * n);
                double lat = Math.toRadians(LAT);
                int y = (int) Math.floor((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2 * n);
                for (String tile : new String[] {
                    "/tiles/incidents/" + z + "/" + x + "/" + y + ".mvt",
                    "/ogc/collections/incidents/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x,
                    "/ogc/tiles/vector/" + z + "/" + y + "/" + x
                }) {
                    for (String[] who : new String[][] {{}, {"Authorization", EDITOR_AUTH}}) {
                        Http.Response t = http().get(tile, who);
                        assertThat(t.status()).as(tile).isIn(200, 204);
                        assertThat(t.body()).as(tile + " holds no draft").doesNotContain(id);
                    }
                }
            }
            for (String format : new String[] {"geojson", "csv", "kml"}) {
                Http.Response export = http().get("/api/export/incidents." + format
                        + "?datetime=2031-01-01T00:00:00Z/2031-12-31T00:00:00Z");
                assertThat(export.status()).as(format + " " + export.body()).isEqualTo(200);
                assertThat(export.body()).as(format).doesNotContain(id);
            }

            // the editor edits the draft with its ETag (428 names the OGC item), publishes it, and then everyone sees
            // it
            Http.Response without = http().send(
                            "PATCH",
                            item,
                            "{\"properties\": {\"status\": \"published\"}}",
                            "Content-Type",
                            "application/merge-patch+json",
                            "Authorization",
                            EDITOR_AUTH);
            assertThat(without.status()).isEqualTo(428);
            assertThat(without.json().get("detail").asString())
                    .contains("GET " + item)
                    .doesNotContain("/api/incidents");
            Http.Response publish = http().send(
                            "PATCH",
                            item,
                            "{\"properties\": {\"status\": \"published\"}}",
                            "Content-Type",
                            "application/merge-patch+json",
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            read.header("ETag"));
            assertThat(publish.status()).as(publish.body()).isEqualTo(200);
            JsonNode shown = http().get(item).json();
            assertThat(shown.get("properties").get("status").asString()).isEqualTo("published");
            assertThat(ids(filter("id = '" + id + "'"))).contains(id);
            assertThat(http().send("DELETE", item, "", "Authorization", EDITOR_AUTH, "If-Match", "\"2\"")
                            .status())
                    .isEqualTo(204);
            assertThat(http().get(ITEMS + "?limit=1")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(published);
        }
    }
}
