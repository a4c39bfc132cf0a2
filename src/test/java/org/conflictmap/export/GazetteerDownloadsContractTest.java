package org.conflictmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.conflictmap.Csv;
import org.conflictmap.Gdal;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The gazetteer's downloads (issue 23: "gazetteer downloads are not built"): each gazetteer collection registered
 * with export fields (the provinces, districts, crossings, …) downloads as GeoJSON (its OGC items, every one) and CSV
 * (its export fields, a point on each place), linked from the collection as enclosures like the incidents'; the
 * other formats are a 404 naming the two.
 */
class GazetteerDownloadsContractTest {

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

        /** Every item's id of a collection, page by page, in the order the items give them. */
        List<String> items(String collection) {
            List<String> ids = new ArrayList<>();
            JsonNode page = http().get("/ogc/collections/" + collection + "/items?limit=10000")
                    .json();
            page.get("features").forEach(f -> ids.add(f.get("id").asString()));
            assertThat(page.get("numberMatched").asInt()).isEqualTo(ids.size());
            return ids;
        }

        @Test
        void aGazetteerCollectionLinksAndServesItsGeoJsonAndCsv() throws Exception {
            JsonNode c = http().get("/ogc/collections/provinces").json();
            List<String> enclosures = new ArrayList<>();
            c.get("links").forEach(l -> {
                if (l.get("rel").asString().equals("enclosure")) {
                    enclosures.add(l.get("href").asString().replaceAll("^https?://[^/]+", ""));
                }
            });
            assertThat(enclosures)
                    .containsExactly(
                            "/api/export/provinces.geojson", "/api/export/provinces.csv", "/api/export/provinces.gpkg");
            List<String> ids = items("provinces");
            assertThat(ids).hasSizeGreaterThan(10);

            Http.Response geojson = http().get("/api/export/provinces.geojson");
            assertThat(geojson.status()).isEqualTo(200);
            assertThat(geojson.header("Content-Type")).startsWith("application/geo+json");
            assertThat(geojson.header("Content-Disposition")).contains("provinces");
            assertThat(geojson.header("ETag")).isNotBlank();
            JsonNode fc = geojson.json();
            List<String> downloaded = new ArrayList<>();
            fc.get("features").forEach(f -> {
                downloaded.add(f.get("id").asString());
                assertThat(f.get("geometry").get("type").asString()).isEqualTo("MultiPolygon");
                assertThat(f.get("properties").get("kind").asString()).isEqualTo("province");
            });
            assertThat(downloaded).isEqualTo(ids);
            // the same feature as its item
            JsonNode first = fc.get("features").get(0);
            JsonNode item =
                    http().get("/ogc/collections/provinces/items/" + ids.get(0)).json();
            assertThat(first.get("properties")).isEqualTo(item.get("properties"));
            assertThat(first.get("geometry")).isEqualTo(item.get("geometry"));

            Http.Response csv = http().get("/api/export/provinces.csv");
            assertThat(csv.status()).isEqualTo(200);
            assertThat(csv.header("Content-Type")).startsWith("text/csv");
            try (CSVParser p = Csv.parser(csv.body())) {
                assertThat(p.getHeaderNames()).startsWith("id", "name", "kind").contains("longitude", "latitude");
                List<CSVRecord> rows = p.getRecords();
                assertThat(rows.stream().map(r -> r.get("id")).toList()).isEqualTo(ids);
                for (CSVRecord r : rows) {
                    assertThat(r.get("kind")).isEqualTo("province");
                    assertThat(Double.parseDouble(r.get("longitude"))).isBetween(40.0, 100.0);
                    assertThat(Double.parseDouble(r.get("latitude"))).isBetween(10.0, 50.0);
                }
            }
        }

        /** Analysts open the provinces and districts in QGIS: a GeoPackage GDAL reads, of the collection's type. */
        @Test
        void aGazetteerCollectionsGeoPackageIsReadByGdal(@TempDir Path dir) throws Exception {
            for (String collection : List.of("provinces", "districts", "crossings")) {
                Http.Response r = http().get("/api/export/" + collection + ".gpkg");
                assertThat(r.status()).as(collection).isEqualTo(200);
                assertThat(r.header("Content-Type")).startsWith("application/geopackage+sqlite3");
                Path gpkg = dir.resolve(collection + ".gpkg");
                Files.write(gpkg, r.bytes());
                String layer = Gdal.ogrinfo("-ro", "-so", gpkg.toString(), collection);
                assertThat(layer)
                        .as(collection)
                        .contains(
                                "Feature Count: " + items(collection).size(),
                                "Geometry: " + (collection.equals("crossings") ? "Point" : "Multi Polygon"),
                                "id: String",
                                "name: String",
                                "population: Integer64");
            }
            // a feature as its item: the same id and name
            String kabul = Gdal.ogrinfo(
                    "-ro", "-q", dir.resolve("provinces.gpkg").toString(), "provinces", "-where", "name = 'Kabul'");
            assertThat(kabul).contains("MULTIPOLYGON").contains("kind (String) = province");
        }

        @Test
        void aPointCollectionDownloadsItsPointsAndOtherFormatsAreRefused() {
            List<String> ids = items("crossings");
            JsonNode fc = http().get("/api/export/crossings.geojson").json();
            assertThat(fc.get("features")).hasSize(ids.size());
            fc.get("features")
                    .forEach(f ->
                            assertThat(f.get("geometry").get("type").asString()).isEqualTo("Point"));
            for (String format : List.of("shp", "kml", "fgb")) {
                Http.Response r = http().get("/api/export/crossings." + format);
                assertThat(r.status()).as(format).isEqualTo(404);
                assertThat(r.body()).as(format).contains("csv, geojson, gpkg");
            }
            assertThat(http().get("/api/export/crossings.csv?type=shelling").status())
                    .isEqualTo(400);
            // the whole gazetteer as points is its items', not a download
            assertThat(http().get("/api/export/places.csv").status()).isEqualTo(404);
        }
    }
}
