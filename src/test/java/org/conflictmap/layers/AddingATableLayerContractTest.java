package org.conflictmap.layers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.github.sebasbaumh.mapbox.vectortile.VectorTile;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.MvtReader;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.TagKeyValueMapConverter;
import io.github.sebasbaumh.mapbox.vectortile.adapt.jts.model.JtsLayer;
import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.conflictmap.Csv;
import org.conflictmap.Gdal;
import org.conflictmap.Http;
import org.conflictmap.TestStores;
import org.conflictmap.TestStores.OnOwnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.geo.Wkb;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import tools.jackson.databind.JsonNode;

/**
 * "Adding a layer" over a new table (ARCHITECTURE.md), walked once on both stores: a table of the test's own,
 * {@code camps(id, name, capacity, opened, closed, geom)}, made as its migration would make it (on the embedded
 * store with V28's generated bounding-box columns, on PostGIS with a GiST index), and one {@link Collection} bean
 * whose {@link Source.Table} describes it. Nothing else: the server lists it with its own extent, serves its items
 * and an item as GeoJSON with its columns (filtered by bbox, datetime and a CQL2 filter over its queryables, its
 * published columns), its downloads (GeoJSON and CSV, linked as enclosures) and its vector tiles (on PostGIS encoded
 * by the store, on the embedded store by the server), and refuses writes.
 */
class AddingATableLayerContractTest {

    /** The registration under test: with the table's migration, the whole of what this layer takes. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Camps {
        @Bean
        @Order(100)
        Collection camps() {
            return new Collection(
                    "camps",
                    "Displacement camps",
                    "Camps of people displaced by the fighting, from a table of their own.",
                    GeometryType.POINT,
                    Source.Table.of(
                                    "camps",
                                    Queryable.of("id", "integer"),
                                    Queryable.text("name"),
                                    Queryable.of("capacity", "integer"),
                                    Queryable.of("opened", "date-time"))
                            .timed("opened", "closed"),
                    List.of(), // its queryables: its id and every published column
                    new TileStyle(0, null, false, List.of()),
                    List.of("id", "name", "capacity", "opened", "longitude", "latitude"),
                    false);
        }
    }

    /** The table as the embedded store's migration would make it: V28's bounding-box columns, no R-tree. */
    static final String H2_TABLE = """
            CREATE TABLE IF NOT EXISTS camps (
              id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, capacity INTEGER,
              opened TIMESTAMP WITH TIME ZONE NOT NULL, closed TIMESTAMP WITH TIME ZONE,
              geom GEOMETRY(POINT, 4326) NOT NULL,
              geom_xmin DOUBLE PRECISION GENERATED ALWAYS AS (ST_XMin(geom)),
              geom_ymin DOUBLE PRECISION GENERATED ALWAYS AS (ST_YMin(geom)),
              geom_xmax DOUBLE PRECISION GENERATED ALWAYS AS (ST_XMax(geom)),
              geom_ymax DOUBLE PRECISION GENERATED ALWAYS AS (ST_YMax(geom)));
            CREATE INDEX IF NOT EXISTS camps_bbox_idx ON camps (geom_xmin, geom_ymin)""";

    /** The table as PostGIS's migration would make it. */
    static final String POSTGIS_TABLE = """
            CREATE TABLE IF NOT EXISTS camps (
              id INTEGER PRIMARY KEY, name TEXT NOT NULL, capacity INTEGER,
              opened TIMESTAMPTZ NOT NULL, closed TIMESTAMPTZ, geom geometry(Point, 4326) NOT NULL);
            CREATE INDEX IF NOT EXISTS camps_geom_idx ON camps USING GIST (geom)""";

    static final String INSERT = "INSERT INTO camps (id, name, capacity, opened, closed, geom)"
            + " VALUES (?, ?, ?, ?, ?, ST_GeomFromText(?, 4326))";

    @Nested
    @OnOwnH2gis
    @Import(Camps.class)
    class Embedded extends Contract {
        @Override
        protected String table() {
            return H2_TABLE;
        }

        @Override
        boolean storeEncodesTiles() {
            return false;
        }
    }

    @Nested
    @OnPostgis
    @Import(Camps.class)
    class Postgis extends Contract {
        @Override
        protected String table() {
            return POSTGIS_TABLE;
        }

        @Override
        boolean storeEncodesTiles() {
            return true;
        }
    }

    abstract static class Contract extends TableLayerContract {
        @Autowired
        Extents extents;

        /** Whether the store encodes the table's vector tiles itself (PostGIS's ST_AsMVT). */
        abstract boolean storeEncodesTiles();

        @Override
        protected String tableName() {
            return "camps";
        }

        /** Its three camps. */
        @Override
        protected void fill() {
            jdbc.update(INSERT, 1, "Chaman camp", 1200, time("2026-01-05T00:00:00Z"), null, "POINT(66.45 30.92)");
            jdbc.update(
                    INSERT,
                    2,
                    "Torkham camp",
                    800,
                    time("2026-02-10T08:00:00Z"),
                    time("2026-03-01T00:00:00Z"),
                    "POINT(71.09 34.13)");
            jdbc.update(INSERT, 3, "Spin Boldak camp", null, time("2026-03-15T00:00:00Z"), null, "POINT(66.37 31.01)");
        }

        static OffsetDateTime time(String t) {
            return OffsetDateTime.parse(t);
        }

        Http http() {
            return new Http(port);
        }

        List<String> ids(String items) {
            Http.Response r = http().get(items);
            assertThat(r.status()).as(items).isEqualTo(200);
            List<String> out = new ArrayList<>();
            JsonNode page = r.json();
            page.get("features").forEach(f -> out.add(f.get("id").asString()));
            assertThat(page.get("numberMatched").asInt()).as(items).isEqualTo(out.size());
            return out;
        }

        @Test
        void theCollectionIsListedWithItsOwnExtent() {
            List<String> ids = new ArrayList<>();
            http().get("/ogc/collections")
                    .json()
                    .get("collections")
                    .forEach(c -> ids.add(c.get("id").asString()));
            assertThat(ids).endsWith("camps").contains("incidents", "places");
            JsonNode c = http().get("/ogc/collections/camps").json();
            assertThat(c.get("title").asString()).isEqualTo("Displacement camps");
            assertThat(c.get("geometry-type").asString()).isEqualTo("point");
            JsonNode bbox = c.get("extent").get("spatial").get("bbox").get(0);
            assertThat(bbox.get(0).asDouble()).isCloseTo(66.37, within(1e-9));
            assertThat(bbox.get(1).asDouble()).isCloseTo(30.92, within(1e-9));
            assertThat(bbox.get(2).asDouble()).isCloseTo(71.09, within(1e-9));
            assertThat(bbox.get(3).asDouble()).isCloseTo(34.13, within(1e-9));
            JsonNode interval = c.get("extent").get("temporal").get("interval").get(0);
            assertThat(interval.get(0).asString()).isEqualTo("2026-01-05T00:00:00Z");
            assertThat(interval.get(1).asString()).isEqualTo("2026-03-01T00:00:00Z");
            assertThat(extents.of(layers.get("camps")).count()).isEqualTo(3);
            assertThat(c.get("links").toString()).contains("/ogc/collections/camps/items");
            // its items take a CQL2 filter: its queryables are linked; its downloads are enclosures
            Map<String, String> links = new TreeMap<>();
            c.get("links").forEach(l -> {
                if (!l.get("rel").asString().equals("enclosure")) {
                    links.put(l.get("rel").asString(), l.get("href").asString());
                }
            });
            assertThat(links.get("http://www.opengis.net/def/rel/ogc/1.0/queryables"))
                    .endsWith("/ogc/collections/camps/queryables");
            assertThat(enclosures(c))
                    .containsExactly("/api/export/camps.geojson", "/api/export/camps.csv", "/api/export/camps.gpkg");
        }

        static List<String> enclosures(JsonNode collection) {
            List<String> out = new ArrayList<>();
            collection.get("links").forEach(l -> {
                if (l.get("rel").asString().equals("enclosure")) {
                    out.add(l.get("href").asString().replaceAll("^https?://[^/]+", ""));
                }
            });
            return out;
        }

        static String filter(String cql) {
            return "filter=" + URLEncoder.encode(cql, StandardCharsets.UTF_8).replace("+", "%20");
        }

        @Test
        void itsQueryablesAreItsPublishedColumnsWithTheirTypes() {
            Http.Response r = http().get("/ogc/collections/camps/queryables");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Content-Type")).startsWith("application/schema+json");
            JsonNode p = r.json().get("properties");
            List<String> names = new ArrayList<>();
            p.properties().forEach(e -> names.add(e.getKey()));
            assertThat(names).containsExactly("geometry", "id", "name", "capacity", "opened");
            assertThat(p.get("id").get("type").asString()).isEqualTo("integer");
            assertThat(p.get("name").get("type").asString()).isEqualTo("string");
            assertThat(p.get("capacity").get("type").asString()).isEqualTo("integer");
            assertThat(p.get("opened").get("type").asString()).isEqualTo("string");
            assertThat(p.get("opened").get("format").asString()).isEqualTo("date-time");
            assertThat(r.json().get("additionalProperties").asBoolean()).isFalse();
        }

        @Test
        void itsItemsTakeACql2FilterOverItsQueryables() {
            String items = "/ogc/collections/camps/items?";
            assertThat(ids(items + filter("capacity > 1000"))).containsExactly("1");
            assertThat(ids(items + filter("capacity < 1000 OR capacity IS NULL")))
                    .containsExactly("2", "3");
            assertThat(ids(items + filter("NOT (capacity > 1000)"))).containsExactly("2");
            assertThat(ids(items + filter("id IN (1, 3)"))).containsExactly("1", "3");
            assertThat(ids(items + filter("name LIKE 'T%'"))).containsExactly("2");
            assertThat(ids(items + filter("CASEI(name) = casei('chaman CAMP')")))
                    .containsExactly("1");
            assertThat(ids(items + filter("opened > TIMESTAMP('2026-02-01T00:00:00Z')")))
                    .containsExactly("2", "3");
            assertThat(ids(items
                            + filter("opened BETWEEN TIMESTAMP('2026-01-01T00:00:00Z')"
                                    + " AND TIMESTAMP('2026-02-10T08:00:00Z')")))
                    .containsExactly("1", "2");
            assertThat(ids(items + filter("T_BEFORE(opened, DATE('2026-02-10'))")))
                    .containsExactly("1");
            assertThat(ids(items + filter("S_INTERSECTS(geometry, BBOX(66, 30, 67, 32))")))
                    .containsExactly("1", "3");
            assertThat(ids(items + filter("S_DWITHIN(geometry, POINT(71.09 34.14), 2000)")))
                    .containsExactly("2");
            assertThat(ids(items + filter("geometry IS NULL"))).isEmpty();
            // latitude first in EPSG:4326
            assertThat(ids(items + filter("S_INTERSECTS(geometry, POINT(34.13 71.09))")
                            + "&filter-crs=http://www.opengis.net/def/crs/EPSG/0/4326"))
                    .containsExactly("2");
            assertThat(ids(items + "filter-lang=cql2-json&"
                            + "filter="
                            + URLEncoder.encode(
                                    "{\"op\":\"=\",\"args\":[{\"property\":\"name\"},\"Torkham camp\"]}",
                                    StandardCharsets.UTF_8)))
                    .containsExactly("2");
            // with bbox and datetime, and paged
            assertThat(ids(items + filter("capacity IS NULL OR capacity > 0") + "&datetime=2026-03-10/.."))
                    .containsExactly("1", "3");
            assertThat(ids(items + filter("capacity IS NULL OR capacity > 0")
                            + "&bbox=66,30,67,32&datetime=2026-02-15"))
                    .containsExactly("1");
            JsonNode page = http().get(items + filter("name LIKE '%camp'") + "&limit=1&offset=1")
                    .json();
            assertThat(page.get("numberMatched").asInt()).isEqualTo(3);
            assertThat(page.get("features").get(0).get("id").asString()).isEqualTo("2");
            assertThat(page.get("links").toString()).contains("filter=");
            // the same filter in a search body
            Http.Response search = http().send(
                            "POST",
                            "/ogc/collections/camps/search",
                            "{\"filter\": \"capacity >= 800\", \"limit\": 10}",
                            "Content-Type",
                            "application/json");
            assertThat(search.status()).as(search.body()).isEqualTo(200);
            List<String> found = new ArrayList<>();
            search.json().get("features").forEach(f -> found.add(f.get("id").asString()));
            assertThat(found).containsExactly("1", "2");
        }

        @Test
        void aBadFilterIsRefusedNamingIt() {
            for (String bad : List.of(
                    filter("type = 'shelling'"), // not one of its queryables
                    filter("closed IS NULL"), // a column it does not publish
                    filter("capacity = 'many'"),
                    filter("opened = 'yesterday'"),
                    filter("capacity LIKE '1%'"),
                    filter("T_AFTER(name, DATE('2026-01-01'))"),
                    filter("A_CONTAINS(name, ('Chaman camp', 'Torkham camp'))"),
                    filter("S_INTERSECTS(name, POINT(66 30))"),
                    filter("name = "),
                    filter("capacity > 1; DROP TABLE camps"),
                    filter("name = 'x'") + "&filter-lang=cql3")) {
                Http.Response r = http().get("/ogc/collections/camps/items?" + bad);
                assertThat(r.status()).as(bad).isEqualTo(400);
                assertThat(r.header("Content-Type")).as(bad).startsWith("application/problem+json");
                assertThat(r.body()).as(bad).contains("filter");
            }
            assertThat(http().get("/ogc/collections/camps/items?" + filter("type = 'shelling'"))
                            .body())
                    .contains("/ogc/collections/camps/queryables");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM camps", Long.class))
                    .isEqualTo(3);
        }

        @Test
        void itDownloadsAsGeoJsonAndCsvAndOtherFormatsAreRefused() throws Exception {
            Http.Response geojson = http().get("/api/export/camps.geojson");
            assertThat(geojson.status()).isEqualTo(200);
            assertThat(geojson.header("Content-Type")).startsWith("application/geo+json");
            assertThat(geojson.header("Content-Disposition")).contains("camps").contains(".geojson");
            assertThat(geojson.header("ETag")).isNotBlank();
            JsonNode items = http().get("/ogc/collections/camps/items").json();
            JsonNode downloaded = geojson.json().get("features");
            assertThat(downloaded).hasSize(3);
            for (int k = 0; k < 3; k++) { // each feature as its item
                JsonNode item = items.get("features").get(k);
                assertThat(downloaded.get(k).get("id")).isEqualTo(item.get("id"));
                assertThat(downloaded.get(k).get("properties")).isEqualTo(item.get("properties"));
                assertThat(downloaded.get(k).get("geometry")).isEqualTo(item.get("geometry"));
            }

            Http.Response csv = http().get("/api/export/camps.csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            try (CSVParser p = Csv.parser(csv.body())) {
                assertThat(p.getHeaderNames())
                        .containsExactly("id", "name", "capacity", "opened", "longitude", "latitude");
                List<CSVRecord> rows = p.getRecords();
                assertThat(rows.stream().map(r -> r.get("id")).toList()).containsExactly("1", "2", "3");
                assertThat(rows.get(0).get("name")).isEqualTo("Chaman camp");
                assertThat(rows.get(0).get("capacity")).isEqualTo("1200");
                assertThat(rows.get(0).get("opened")).isEqualTo("2026-01-05T00:00:00Z");
                assertThat(Double.parseDouble(rows.get(0).get("longitude"))).isCloseTo(66.45, within(1e-9));
                assertThat(Double.parseDouble(rows.get(0).get("latitude"))).isCloseTo(30.92, within(1e-9));
                assertThat(rows.get(2).get("capacity")).isEmpty();
            }
            for (String format : List.of("shp", "kml", "fgb")) {
                Http.Response r = http().get("/api/export/camps." + format);
                assertThat(r.status()).as(format).isEqualTo(404);
                assertThat(r.body()).as(format).contains("csv, geojson, gpkg");
            }
            assertThat(http().get("/api/export/camps.csv?type=shelling").status())
                    .isEqualTo(400);
        }

        @Test
        void itsItemsAndAnItemAreGeoJsonWithItsColumns() {
            JsonNode page = http().get("/ogc/collections/camps/items").json();
            assertThat(page.get("numberMatched").asInt()).isEqualTo(3);
            JsonNode first = page.get("features").get(0);
            assertThat(first.get("id").asString()).isEqualTo("1");
            assertThat(first.get("geometry").get("type").asString()).isEqualTo("Point");
            assertThat(first.get("geometry").get("coordinates").get(0).asDouble())
                    .isCloseTo(66.45, within(1e-9));
            JsonNode p = first.get("properties");
            assertThat(p.get("name").asString()).isEqualTo("Chaman camp");
            assertThat(p.get("capacity").isNumber()).isTrue();
            assertThat(p.get("capacity").asInt()).isEqualTo(1200);
            assertThat(p.get("opened").asString()).isEqualTo("2026-01-05T00:00:00Z");
            assertThat(page.get("features")
                            .get(2)
                            .get("properties")
                            .get("capacity")
                            .isNull())
                    .isTrue();
            // a page, and the next one linked
            JsonNode one =
                    http().get("/ogc/collections/camps/items?limit=1&offset=1").json();
            assertThat(one.get("numberMatched").asInt()).isEqualTo(3);
            assertThat(one.get("features").get(0).get("id").asString()).isEqualTo("2");
            assertThat(one.get("links").toString()).contains("\"next\"", "\"prev\"");

            Http.Response item = http().get("/ogc/collections/camps/items/2");
            assertThat(item.status()).isEqualTo(200);
            assertThat(item.header("Content-Type")).startsWith("application/geo+json");
            assertThat(item.json().get("properties").get("name").asString()).isEqualTo("Torkham camp");
            assertThat(item.header("ETag")).isNotBlank();
            assertThat(http().get("/ogc/collections/camps/items/2?f=html").status())
                    .isEqualTo(200);
            assertThat(http().get("/ogc/collections/camps/items/9").status()).isEqualTo(404);
            assertThat(http().get("/ogc/collections/camps/items/chaman").status())
                    .isEqualTo(404);
            assertThat(http().get("/ogc/collections/camps/items?f=html").status())
                    .isEqualTo(200);
        }

        @Test
        void itsItemsAreFilteredByBboxAndDatetime() {
            assertThat(ids("/ogc/collections/camps/items?bbox=66,30,67,32")).containsExactly("1", "3");
            assertThat(ids("/ogc/collections/camps/items?bbox=70,33,72,35")).containsExactly("2");
            assertThat(ids("/ogc/collections/camps/items?bbox=10,10,11,11")).isEmpty();
            // open on the day: Chaman (not closed) and Torkham (10 February to 1 March)
            assertThat(ids("/ogc/collections/camps/items?datetime=2026-02-15")).containsExactly("1", "2");
            // from 10 March on: Torkham had closed
            assertThat(ids("/ogc/collections/camps/items?datetime=2026-03-10/.."))
                    .containsExactly("1", "3");
            assertThat(ids("/ogc/collections/camps/items?datetime=../2026-01-31"))
                    .containsExactly("1");
            assertThat(ids("/ogc/collections/camps/items?datetime=2026-02-15&bbox=66,30,67,32"))
                    .containsExactly("1");
            // a bbox across the antimeridian is its two halves
            assertThat(ids("/ogc/collections/camps/items?bbox=170,30,68,32")).containsExactly("1", "3");
            for (String bad : List.of("bbox=1,2,3", "datetime=yesterday", "type=shelling", "q=camp")) {
                Http.Response r = http().get("/ogc/collections/camps/items?" + bad);
                assertThat(r.status()).as(bad).isEqualTo(400);
                assertThat(r.header("Content-Type")).as(bad).startsWith("application/problem+json");
            }
        }

        @Test
        void itDownloadsAsAGeoPackageGdalReads(@TempDir Path dir) throws Exception {
            Http.Response r = http().get("/api/export/camps.gpkg");
            assertThat(r.status()).isEqualTo(200);
            Path gpkg = dir.resolve("camps.gpkg");
            Files.write(gpkg, r.bytes());
            assertThat(Gdal.ogrinfo("-ro", "-so", gpkg.toString(), "camps"))
                    .contains(
                            "Geometry: Point",
                            "Feature Count: 3",
                            "id: Integer64",
                            "name: String",
                            "capacity: Integer64",
                            "opened: DateTime")
                    .doesNotContain("longitude:", "latitude:");
            String chaman = Gdal.ogrinfo("-ro", "-q", gpkg.toString(), "camps", "-where", "id = 1");
            assertThat(chaman)
                    .contains("name (String) = Chaman camp", "capacity (Integer64) = 1200", "POINT (66.45 30.92)");
            assertThat(chaman).containsPattern("opened \\(DateTime\\) = 2026/01/05 00:00:00");
            String spinBoldak = Gdal.ogrinfo("-ro", "-q", gpkg.toString(), "camps", "-where", "id = 3");
            assertThat(spinBoldak).contains("capacity (Integer64) = (null)");
        }

        @Test
        void itsVectorTileHoldsItsFeaturesWithTheirColumns() throws Exception {
            Http.Response world = http().get("/tiles/camps/0/0/0.mvt");
            assertThat(world.status()).isEqualTo(200);
            Map<String, Map<String, Object>> features = features(world.bytes());
            assertThat(features).containsOnlyKeys("1", "2", "3");
            assertThat(features.get("1"))
                    .containsEntry("name", "Chaman camp")
                    .containsEntry("capacity", 1200L)
                    .containsEntry("opened", "2026-01-05T00:00:00Z");
            assertThat(features.get("3")).doesNotContainKey("capacity");
            // encoded by the store where it can, with the same features and attributes
            Collection camps = layers.get("camps");
            Optional<byte[]> byTheStore = tables.vectorTile(
                    "camps", (Source.Table) camps.source(), camps.tiles().attributes(), 0, 0, 0, new double[] {
                        -180, -90, 180, 90
                    });
            assertThat(byTheStore.isPresent()).isEqualTo(storeEncodesTiles());
            byTheStore.ifPresent(mvt -> {
                try {
                    assertThat(features(mvt)).isEqualTo(features);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            // z8: Chaman and Spin Boldak's tile (x 175, y 104), not Torkham's
            Http.Response chaman = http().get("/tiles/camps/8/175/104.mvt");
            assertThat(chaman.status()).isEqualTo(200);
            assertThat(features(chaman.bytes())).containsOnlyKeys("1", "3");
            assertThat(http().get("/tiles/camps/8/10/10.mvt").status()).isEqualTo(204);
            // its TileJSON names its columns with their types; the tiles' lists name the layer
            JsonNode layer = http().get("/tiles/camps-mvt.json")
                    .json()
                    .get("vector_layers")
                    .get(0);
            assertThat(layer.get("id").asString()).isEqualTo("camps");
            assertThat(layer.get("fields").has("name")).isTrue();
            assertThat(layer.get("fields").has("opened")).isTrue();
            assertThat(http().get("/ogc/tiles/vector").json().get("layers").toString())
                    .contains("\"camps\"");
            assertThat(
                            VectorTile.Tile.parseFrom(http().get("/ogc/tiles/vector/8/104/175")
                                            .bytes())
                                    .getLayersList()
                                    .stream()
                                    .map(VectorTile.Tile.Layer::getName)
                                    .toList())
                    .contains("camps");
            assertThat(http().get("/ogc/collections/camps/tiles/WebMercatorQuad/8/104/175")
                            .status())
                    .isEqualTo(200);
        }

        @Test
        void itIsReadOnly() {
            Http.Response r = http().send(
                            "POST",
                            "/ogc/collections/camps/items",
                            "{}",
                            "Content-Type",
                            "application/geo+json",
                            "Authorization",
                            TestStores.EDITOR_AUTH);
            assertThat(r.status()).isEqualTo(405);
            assertThat(r.body()).contains("camps");
        }

        /** The camps layer's features by id: their attributes (numbers as longs), one entry per feature. */
        static Map<String, Map<String, Object>> features(byte[] mvt) throws Exception {
            Map<String, Map<String, Object>> out = new TreeMap<>();
            for (JtsLayer l : MvtReader.loadMvt(
                            new ByteArrayInputStream(mvt), Wkb.FACTORY, new TagKeyValueMapConverter())
                    .getLayers()) {
                assertThat(l.getName()).isEqualTo("camps");
                for (Geometry g : l.getGeometries()) {
                    Map<String, Object> attributes = new TreeMap<>();
                    ((Map<?, ?>) g.getUserData())
                            .forEach((k, v) -> attributes.put(k.toString(), v instanceof Number n ? n.longValue() : v));
                    out.put(attributes.get("id").toString(), attributes);
                }
            }
            return out;
        }
    }
}
