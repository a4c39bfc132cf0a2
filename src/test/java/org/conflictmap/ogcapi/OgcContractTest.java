package org.conflictmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.conflictmap.Gdal;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** OGC API – Features with CQL2 filtering, the same on both stores, read by our client and by GDAL. */
class OgcContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    abstract static class Contract {
        @LocalServerPort
        int port;

        Http http() {
            return new Http(port);
        }

        List<String> ids(String query) {
            Http.Response r = http().get("/ogc/collections/incidents/items?limit=1000&" + query);
            assertThat(r.status()).as(query + " " + r.body()).isEqualTo(200);
            List<String> ids = new ArrayList<>();
            r.json().get("features").forEach(f -> ids.add(f.get("id").asString()));
            return ids;
        }

        static String filter(String cql) {
            return "filter=" + URLEncoder.encode(cql, StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Test
        void landingConformanceAndCollectionsLinkEverything() {
            JsonNode landing = http().get("/ogc").json();
            List<String> rels = new ArrayList<>();
            landing.get("links").forEach(l -> rels.add(l.get("rel").asString()));
            assertThat(rels).contains("self", "service-desc", "conformance", "data");
            assertThat(http().get("/ogc/conformance").body())
                    .contains("ogcapi-features-1/1.0/conf/core", "ogcapi-features-3/1.0/conf/filter", "cql2-text");
            JsonNode incidents = http().get("/ogc/collections/incidents").json();
            assertThat(incidents
                            .get("extent")
                            .get("temporal")
                            .get("interval")
                            .get(0)
                            .get(0)
                            .asString())
                    .startsWith("2025-09-30");
            assertThat(incidents.toString()).contains("/api/export/incidents.gpkg", "queryables");
            assertThat(http().get("/ogc/api").contentType()).startsWith("application/vnd.oai.openapi+json");
            JsonNode q = http().get("/ogc/collections/incidents/queryables").json();
            assertThat(q.get("properties").get("type").get("enum").toString()).contains("air_strike");
            assertThat(q.get("properties").has("killed_max")).isTrue();
        }

        @Test
        void itemsPageWithLinksAndCounts() {
            JsonNode page =
                    http().get("/ogc/collections/incidents/items?limit=4").json();
            assertThat(page.get("numberReturned").asInt()).isEqualTo(4);
            assertThat(page.get("numberMatched").asInt()).isGreaterThanOrEqualTo(9);
            String next = null;
            for (JsonNode l : page.get("links")) {
                if (l.get("rel").asString().equals("next")) {
                    next = l.get("href").asString();
                }
            }
            assertThat(next).contains("offset=4");
            JsonNode second = http().get(next.substring(next.indexOf("/ogc"))).json();
            assertThat(second.get("features").get(0).get("id").asString())
                    .isNotEqualTo(page.get("features").get(0).get("id").asString());
            JsonNode one = http().get("/ogc/collections/incidents/items/2026-02-26-durand-line-post-attacks")
                    .json();
            assertThat(one.get("properties").get("claims")).hasSize(8);
            assertThat(http().get("/ogc/collections/places/items?kind=crossing")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(4);
        }

        @Test
        void cql2FiltersSelectOnPropertiesSpaceAndTime() {
            assertThat(ids(filter("contested = true AND killed_max > 50")))
                    .containsExactlyInAnyOrder(
                            "2026-02-21-nangarhar-paktika-air-strikes", "2026-02-26-durand-line-post-attacks");
            assertThat(
                            ids(
                                    filter(
                                            "S_INTERSECTS(geometry, POLYGON((71.0 34.05, 71.15 34.05, 71.15 34.15, 71.0 34.15, 71.0 34.05)))")))
                    .contains("2026-02-26-torkham-shelling", "2026-02-21-nangarhar-paktika-air-strikes")
                    .doesNotContain("2026-02-islamabad-mosque-bombing", "2026-02-27-kabul-kandahar-paktia-air-strikes");
            assertThat(
                            ids(
                                    filter(
                                            "start > TIMESTAMP('2026-02-25T00:00:00Z') AND start < TIMESTAMP('2026-03-01T00:00:00Z') AND type = 'air_strike'")))
                    .containsExactly("2026-02-27-kabul-kandahar-paktia-air-strikes");
            assertThat(ids(filter("parties LIKE '%un%'") + "&type=air_strike"))
                    .containsExactly("2026-02-21-nangarhar-paktika-air-strikes");
            assertThat(ids(filter("operation = 'Ghazab lil-Haq'"))).hasSize(1);
        }

        @Test
        void etagAnd304AndHtml() {
            Http.Response r = http().get("/ogc/collections/incidents/items?type=shelling");
            assertThat(http().get("/ogc/collections/incidents/items?type=shelling", "If-None-Match", r.header("ETag"))
                            .status())
                    .isEqualTo(304);
            Http.Response html = http().get("/ogc/collections/incidents/items?f=html");
            assertThat(html.contentType()).startsWith("text/html");
            assertThat(html.body()).contains("Durand Line", " features</p>").doesNotContain("<script");
            assertThat(http().get("/ogc/collections", "Accept", "text/html").contentType())
                    .startsWith("text/html");
        }

        /** A CQL2 filter and, as an oracle, the same test written in Java over a feature's properties. */
        record Case(String cql, java.util.function.Predicate<JsonNode> oracle) {}

        /** killed_min / killed_max as the queryables define them: the smallest / largest killed figure of any claim. */
        static Integer integer(JsonNode p, String name) {
            Integer out = null;
            for (JsonNode c : p.get("claims")) {
                if (c.get("killed") != null && !c.get("killed").isNull()) {
                    int k = c.get("killed").asInt();
                    out = out == null ? k : name.equals("killed_min") ? Math.min(out, k) : Math.max(out, k);
                }
            }
            return out;
        }

        static java.time.Instant occurred(JsonNode p, String end) {
            return java.time.OffsetDateTime.parse(p.get("occurred").get(end).asString())
                    .toInstant();
        }

        static String joined(JsonNode array, String field) {
            List<String> out = new ArrayList<>();
            array.forEach(
                    e -> out.add(field == null ? e.asString() : e.get(field).asString()));
            return String.join("; ", out.stream().distinct().toList());
        }

        @Test
        void cql2BecomesSqlThatAgreesWithTheDataOnEveryOperator() {
            JsonNode all = http().get("/ogc/collections/incidents/items?limit=1000")
                    .json()
                    .get("features");
            java.time.Instant feb26 = java.time.Instant.parse("2026-02-26T00:00:00Z");
            List<Case> cases = List.of(
                    new Case(
                            "killed_max >= 50",
                            p -> integer(p, "killed_max") != null && integer(p, "killed_max") >= 50),
                    new Case("killed_max < 10", p -> integer(p, "killed_max") != null && integer(p, "killed_max") < 10),
                    new Case(
                            "NOT (killed_max < 10)",
                            p -> integer(p, "killed_max") != null && integer(p, "killed_max") >= 10),
                    new Case("killed_max IS NULL", p -> integer(p, "killed_max") == null),
                    new Case(
                            "killed_min BETWEEN 5 AND 40",
                            p -> integer(p, "killed_min") != null
                                    && integer(p, "killed_min") >= 5
                                    && integer(p, "killed_min") <= 40),
                    new Case(
                            "killed_min = killed_max",
                            p -> integer(p, "killed_min") != null
                                    && integer(p, "killed_min").equals(integer(p, "killed_max"))),
                    new Case(
                            "type IN ('air_strike', 'shelling')",
                            p -> List.of("air_strike", "shelling")
                                    .contains(p.get("type").asString())),
                    new Case(
                            "type <> 'air_strike'",
                            p -> !p.get("type").asString().equals("air_strike")),
                    new Case(
                            "title LIKE '%Kabul%'",
                            p -> p.get("title").asString().contains("Kabul")),
                    new Case(
                            "title ILIKE '%KABUL%'",
                            p -> p.get("title").asString().toLowerCase().contains("kabul")),
                    new Case(
                            "title LIKE 'P_kistan%'",
                            p -> p.get("title").asString().matches("P.kistan.*")),
                    new Case(
                            "places LIKE '%Khost%'",
                            p -> joined(p.get("places"), "name").contains("Khost")),
                    new Case(
                            "parties LIKE '%af_government%'",
                            p -> joined(p.get("claims"), "party").contains("af_government")),
                    new Case(
                            "sources LIKE '%NPR%'",
                            p -> joined(p.get("sources"), "outlet").contains("NPR")),
                    new Case("contested = false", p -> !p.get("contested").asBoolean()),
                    new Case("claims_count > 5", p -> p.get("claims").size() > 5),
                    new Case(
                            "start >= DATE('2026-02-26')",
                            p -> !occurred(p, "start").isBefore(feb26)),
                    new Case(
                            "end < TIMESTAMP('2026-01-01T00:00:00Z')",
                            p -> occurred(p, "end").isBefore(java.time.Instant.parse("2026-01-01T00:00:00Z"))),
                    new Case(
                            "(type = 'air_strike' OR contested = true) AND killed_max > 20",
                            p -> (p.get("type").asString().equals("air_strike")
                                            || p.get("contested").asBoolean())
                                    && integer(p, "killed_max") != null
                                    && integer(p, "killed_max") > 20),
                    new Case(
                            "operation IS NULL",
                            p -> p.get("operation") == null
                                    || p.get("operation").isNull()),
                    new Case(
                            "id = '2025-10-border-clashes'",
                            p -> p.get("id").asString().equals("2025-10-border-clashes")),
                    new Case("title = 'x'' OR ''1''=''1'", p -> false),
                    new Case("title = 'x''; DELETE FROM incidents; --'", p -> false));
            int selective = 0;
            for (Case c : cases) {
                java.util.Set<String> want = new java.util.TreeSet<>();
                all.forEach(f -> {
                    if (c.oracle().test(f.get("properties"))) {
                        want.add(f.get("id").asString());
                    }
                });
                assertThat(new java.util.TreeSet<>(ids(filter(c.cql()))))
                        .as(c.cql())
                        .isEqualTo(want);
                selective += want.isEmpty() || want.size() == all.size() ? 0 : 1;
            }
            assertThat(selective)
                    .as("cases that select some incidents but not all")
                    .isGreaterThanOrEqualTo(15);
            assertThat(http().get("/ogc/collections/incidents/items")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(all.size());

            // spatial operators against each other: disjoint is the complement of intersects, within is inside it
            String box = "POLYGON((69 33, 71.5 33, 71.5 35, 69 35, 69 33))";
            java.util.Set<String> intersects =
                    new java.util.TreeSet<>(ids(filter("S_INTERSECTS(geometry, " + box + ")")));
            java.util.Set<String> disjoint = new java.util.TreeSet<>(ids(filter("S_DISJOINT(geometry, " + box + ")")));
            java.util.Set<String> within = new java.util.TreeSet<>(ids(filter("S_WITHIN(geometry, " + box + ")")));
            assertThat(intersects)
                    .isNotEmpty()
                    .doesNotContainAnyElementsOf(disjoint)
                    .containsAll(within);
            assertThat(intersects.size() + disjoint.size()).isEqualTo(all.size());
            assertThat(new java.util.TreeSet<>(ids(filter("BBOX(geometry, 69, 33, 71.5, 35)"))))
                    .isEqualTo(intersects);
            assertThat(ids(filter("S_CONTAINS(geometry, POINT(70.3 34.4))")))
                    .isNotEmpty()
                    .isSubsetOf(intersects);
        }

        @Test
        void cql2ThatCannotBecomeSqlIsA400() {
            for (String cql : List.of(
                    "killed_max > 'many'",
                    "contested = 'maybe'",
                    "start > 'yesterday'",
                    "geometry = 5",
                    "title = killed_max",
                    "killed_max + 1 > 5",
                    "S_INTERSECTS(geometry, POLYGON((0 0, 1 1, 1 0, 0 1, 0 0)))",
                    "DWITHIN(geometry, POINT(70 34), 10, kilometers)",
                    "S_INTERSECTS(title, POINT(70 34))",
                    "colour LIKE 'r%'",
                    "killed_max LIKE '5%'",
                    "start DURING 2026-01-01T00:00:00Z/2026-02-01T00:00:00Z")) {
                Http.Response r = http().get("/ogc/collections/incidents/items?" + filter(cql));
                assertThat(r.status()).as(cql + " " + r.body()).isEqualTo(400);
                assertThat(r.contentType()).as(cql).startsWith("application/problem+json");
                assertThat(r.body()).as(cql).contains("filter").doesNotContain("Exception", "SQL", "jdbc");
            }
        }

        @Test
        void badRequestsAreProblemsNaming400Parameters() {
            for (String q : List.of(
                    filter("nonsense (("),
                    filter("colour = 'red'"),
                    "filter-lang=cql2-yaml",
                    "limit=0",
                    "bbox=1,2",
                    "datetime=never",
                    "f=xml",
                    "frobnicate=1")) {
                Http.Response r = http().get("/ogc/collections/incidents/items?" + q);
                assertThat(r.status()).as(q).isEqualTo(400);
                assertThat(r.contentType()).as(q).startsWith("application/problem+json");
                assertThat(r.body()).as(q).doesNotContain("Exception", "at org.");
            }
            assertThat(http().get("/ogc/collections/nope/items").status()).isEqualTo(404);
            assertThat(http().get("/ogc/collections/incidents/items/no-such").status())
                    .isEqualTo(404);
        }

        /**
         * A page larger than the server's largest is that largest page, not an error (the standard's own example: "if
         * you ask for 50000, you might get up to 10000 (server-limited) and if there are more, a next link").
         */
        @Test
        void aLimitAboveTheLargestPageIsReadAsTheLargestPage() {
            JsonNode all =
                    http().get("/ogc/collections/incidents/items?limit=10000").json();
            for (String limit : List.of("10001", "50000", "99999999999999999999999")) {
                Http.Response r = http().get("/ogc/collections/incidents/items?limit=" + limit);
                assertThat(r.status()).as(limit).isEqualTo(200);
                assertThat(r.json().get("numberReturned").asInt())
                        .as(limit)
                        .isEqualTo(all.get("numberReturned").asInt())
                        .isGreaterThanOrEqualTo(9);
            }
            assertThat(http().get("/ogc/collections/incidents/items?limit=-50000")
                            .status())
                    .isEqualTo(400);
        }

        @Test
        void gdalDownloadsEveryFeatureExactlyOnceThroughThePages(
                @org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
            java.nio.file.Path out = dir.resolve("incidents.json");
            Gdal.run(
                    "ogr2ogr",
                    "-f",
                    "GeoJSON",
                    out.toString(),
                    "OAPIF:http://127.0.0.1:" + port + "/ogc",
                    "incidents",
                    "-oo",
                    "PAGE_SIZE=4");
            JsonNode fc = Http.parse(java.nio.file.Files.readString(out));
            java.util.Set<String> ids = new java.util.HashSet<>();
            fc.get("features")
                    .forEach(f -> ids.add(f.get("properties").get("id").asString()));
            int matched = http().get("/ogc/collections/incidents/items?limit=1")
                    .json()
                    .get("numberMatched")
                    .asInt();
            assertThat(fc.get("features")).hasSize(matched);
            assertThat(ids).hasSize(matched);
            for (String c : List.of("provinces", "crossings", "border", "countries")) {
                assertThat(http().get("/ogc/collections/" + c + "/items")
                                .json()
                                .get("numberMatched")
                                .asInt())
                        .as(c)
                        .isPositive();
            }
            assertThat(http().get("/ogc/collections/crossings/items")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(4);
            assertThat(http().get("/ogc/collections/incidents/items").header("Last-Modified"))
                    .isNotBlank();
        }

        @Test
        void gdalReadsTheServiceIncludingAFilter() {
            String base = "OAPIF:http://127.0.0.1:" + port + "/ogc";
            assertThat(Gdal.ogrinfo("-ro", "-so", base)).contains("incidents", "places");
            String torkham = Gdal.ogrinfo("-ro", "-al", "-q", base, "incidents", "-where", "type = 'shelling'");
            assertThat(torkham)
                    .contains("2026-02-26-torkham-shelling")
                    .doesNotContain("2026-02-27-f16-shoot-down-claim");
            String summary = Gdal.ogrinfo("-ro", "-so", base, "incidents");
            assertThat(summary).contains("Feature Count", "killed_max", "claims");
        }

        @Test
        void gdalReadsEveryCollectionWhollyWithOneGeometryTypeEach() {
            String base = "OAPIF:http://127.0.0.1:" + port + "/ogc";
            java.util.Map<String, String> gdalType = java.util.Map.of(
                    "point", "Point", "multipolygon", "Multi Polygon", "multilinestring", "Multi Line String");
            java.util.Map<String, String> geoJsonType = java.util.Map.of(
                    "point", "Point", "multipolygon", "MultiPolygon", "multilinestring", "MultiLineString");
            List<String> ids = new java.util.ArrayList<>();
            http().get("/ogc/collections")
                    .json()
                    .get("collections")
                    .forEach(c -> ids.add(c.get("id").asString()));
            assertThat(ids)
                    .contains(
                            "incidents",
                            "incidents-points",
                            "incidents-lines",
                            "incidents-areas",
                            "places",
                            "districts");
            for (String c : ids) {
                String declared = http().get("/ogc/collections/" + c)
                        .json()
                        .get("geometry-type")
                        .asString();
                JsonNode all = http().get("/ogc/collections/" + c + "/items?limit=10000")
                        .json();
                int matched = all.get("numberMatched").asInt();
                assertThat(all.get("features")).as(c).hasSize(matched);
                if (!declared.equals("any")) {
                    all.get("features")
                            .forEach(f -> assertThat(
                                            f.get("geometry").get("type").asString())
                                    .as(c + " " + f.get("id"))
                                    .isEqualTo(geoJsonType.get(declared)));
                }
                // GDAL pages through the whole layer (pages of 50) and types it from what it reads
                String read = Gdal.ogrinfo("-ro", "-al", "-geom=NO", "-oo", "PAGE_SIZE=50", base, c);
                assertThat(read.split("OGRFeature\\(", -1).length - 1)
                        .as(c + " features GDAL read")
                        .isEqualTo(matched);
                if (!declared.equals("any") && matched > 0) {
                    assertThat(read).as(c).contains("Geometry: " + gdalType.get(declared));
                }
            }
            assertThat(http().get("/ogc/collections/countries/items")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(11);
            assertThat(http().get("/ogc/collections/provinces/items")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(41);
            assertThat(http().get("/ogc/collections/districts/items")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(558);
        }

        /**
         * Part 3: a collection links its queryables only when its items take a CQL2 {@code filter} (QGIS sends one
         * to every layer whose collection has queryables): the gazetteer's collections linked them and then
         * refused any filter with a 400.
         */
        @Test
        void aCollectionLinksQueryablesExactlyWhenItsItemsTakeAFilter() {
            JsonNode collections = http().get("/ogc/collections").json().get("collections");
            List<String> filtered = new ArrayList<>();
            for (JsonNode c : collections) {
                String id = c.get("id").asString();
                boolean linked = false;
                for (JsonNode l : c.get("links")) {
                    linked |= l.get("rel").asString().equals("http://www.opengis.net/def/rel/ogc/1.0/queryables");
                }
                Http.Response queryables = http().get("/ogc/collections/" + id + "/queryables");
                Http.Response items = http().get("/ogc/collections/" + id + "/items?limit=1&" + filter("id <> 'x'"));
                if (linked) {
                    filtered.add(id);
                    assertThat(queryables.status()).as(id + " queryables").isEqualTo(200);
                    JsonNode props = queryables.json().get("properties");
                    assertThat(props.has("id")).as(id + " queryables name id").isTrue();
                    assertThat(items.status())
                            .as(id + " filter " + items.body())
                            .isEqualTo(200);
                } else {
                    assertThat(queryables.status()).as(id + " queryables").isEqualTo(404);
                    assertThat(queryables.header("Content-Type")).startsWith("application/problem+json");
                    assertThat(items.status()).as(id + " filter").isEqualTo(400);
                }
            }
            assertThat(filtered)
                    .contains("incidents", "incidents-points", "incidents-lines", "incidents-areas")
                    .doesNotContain("places", "countries", "provinces", "districts", "crossings", "border");
        }

        @Test
        void gazetteerBboxMeetsGeometriesAndEachCollectionHasItsOwnExtent() {
            // the envelopes of India, Punjab, the Chenab and the Indus cover this box; their geometries do not
            assertThat(joinedProperty(
                            http().get("/ogc/collections/countries/items?bbox=69,33,71,35")
                                    .json(),
                            "name"))
                    .contains("Afghanistan", "Pakistan")
                    .doesNotContain("India");
            String rivers = joinedProperty(
                    http().get("/ogc/collections/rivers/items?bbox=69,33,71,35").json(), "name");
            assertThat(rivers).doesNotContain("Chenab", "Indus");
            String provinces = joinedProperty(
                    http().get("/ogc/collections/provinces/items?bbox=69,33,71,35")
                            .json(),
                    "name");
            assertThat(provinces).contains("Khost", "Nangarhar").doesNotContain("Punjab");
            JsonNode places = http().get("/ogc/collections/places")
                    .json()
                    .get("extent")
                    .get("spatial")
                    .get("bbox")
                    .get(0);
            JsonNode crossings = http().get("/ogc/collections/crossings")
                    .json()
                    .get("extent")
                    .get("spatial")
                    .get("bbox")
                    .get(0);
            assertThat(places.get(2).asDouble() - places.get(0).asDouble())
                    .as("places span")
                    .isGreaterThan(60);
            assertThat(crossings.get(0).asDouble()).isGreaterThan(65);
            assertThat(crossings.get(2).asDouble()).isLessThan(72);
            // a box across the antimeridian (west edge 60°E, east edge 170°W) holds the whole region; one in the
            // Pacific nothing
            int all = http().get("/ogc/collections/incidents/items?limit=1")
                    .json()
                    .get("numberMatched")
                    .asInt();
            assertThat(ids("bbox=60,20,-170,40")).hasSize(all);
            assertThat(ids("bbox=177,65,-177,70")).isEmpty();
            assertThat(http().get("/ogc/collections/places/items?bbox=60,20,-170,40&limit=1")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(http().get("/ogc/collections/places/items?bbox=60,20,180,40&limit=1")
                            .json()
                            .get("numberMatched")
                            .asInt());
        }

        static String joinedProperty(JsonNode page, String property) {
            List<String> names = new ArrayList<>();
            page.get("features")
                    .forEach(f -> names.add(f.get("properties").get(property).asString()));
            return String.join("|", names);
        }
    }
}
