package org.conflictmap.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * Every download format, opened by GDAL's ogrinfo, on both stores: layers, counts, fields, geometry
 * types. Texts files are fragile about — markup, quotes, {@code ]]>}, astral characters, right-to-left
 * script, tabs and line breaks — come back unchanged; texts that start like a spreadsheet formula come
 * out of the CSV as text; aborted downloads leave no scratch directory. (What may not be sent at all,
 * NUL and other control characters, is in {@code hostile.tsv}.)
 */
class ExportContractTest {
    static final String TITLE = "Odd <b>&amp;</b> \"quoted\" ]]> 'apos' \u2013 \uD83D\uDEF0 \u0645\u0631\u0632 end";
    static final String SUMMARY = "line one\nline\ttwo \u00e9\u0301 \uD83D\uDCA5";

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    abstract static class Contract {
        @LocalServerPort
        int port;

        @TempDir
        Path dir;

        Path download(String path) throws Exception {
            Http.Response r = new Http(port).get(path);
            assertThat(r.status())
                    .as(path + " " + (r.status() == 200 ? "" : r.body()))
                    .isEqualTo(200);
            assertThat(r.header("Content-Disposition")).startsWith("attachment");
            String clean = path.replaceAll("\\?.*", "");
            Path file = dir.resolve(clean.substring(clean.lastIndexOf('/') + 1));
            Files.write(file, r.bytes());
            return file;
        }

        Path unzip(Path zip, String into) throws Exception {
            Path out = Files.createDirectories(dir.resolve(into));
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    Files.copy(in, out.resolve(e.getName()));
                }
            }
            return out;
        }

        @Test
        void geopackageCarriesEveryIncidentAtItsOwnGeometryAndEveryClaim() throws Exception {
            Path gpkg = download("/api/export/incidents.gpkg?datetime=2025-10-01/2026-02-28");
            String layers = Gdal.ogrinfo("-ro", "-so", gpkg.toString());
            assertThat(layers).contains("incidents", "claims");
            String incidents = Gdal.ogrinfo("-ro", "-so", gpkg.toString(), "incidents");
            assertThat(incidents)
                    .contains("Feature Count: 9", "killed_max: Integer", "claims: String", "geo_precision: String");
            String e6 = Gdal.ogrinfo(
                    "-ro",
                    "-q",
                    gpkg.toString(),
                    "claims",
                    "-where",
                    "incident_id = '2026-02-26-durand-line-post-attacks'");
            assertThat(e6.split("OGRFeature\\(claims\\)", -1)).hasSize(9);
            assertThat(e6).contains("Pakistan Information Minister", "Spokesperson for Pakistan's Prime Minister");
            String area = Gdal.ogrinfo(
                    "-ro",
                    "-q",
                    gpkg.toString(),
                    "incidents",
                    "-where",
                    "id = '2026-02-21-nangarhar-paktika-air-strikes'");
            assertThat(area).contains("MULTIPOLYGON").contains("geo_precision (String) = multiple");
        }

        /**
         * A collection of one geometry type downloads as a GeoPackage whose geometry column declares that type
         * (gpkg_geometry_columns), which GDAL reports as the layer's, with every feature of it; the whole
         * incidents stay GEOMETRY. Counts are the OGC items' numberMatched of the same collection.
         */
        @Test
        void geopackageOfACollectionOfOneGeometryTypeDeclaresItAndGdalReadsEveryFeatureAsIt() throws Exception {
            record Typed(String declared, String gdal, String wkt) {}
            Map<String, Typed> types = Map.of(
                    "point",
                    new Typed("POINT", "Point", "POINT"),
                    "multilinestring",
                    new Typed("MULTILINESTRING", "Multi Line String", "MULTILINESTRING"),
                    "multipolygon",
                    new Typed("MULTIPOLYGON", "Multi Polygon", "MULTIPOLYGON"),
                    "any",
                    new Typed("GEOMETRY", "Unknown (any)", null));
            Http http = new Http(port);
            int all = 0;
            int typed = 0;
            for (String c : List.of("incidents", "incidents-points", "incidents-lines", "incidents-areas")) {
                Typed t = types.get(http.get("/ogc/collections/" + c)
                        .json()
                        .get("geometry-type")
                        .asString());
                int matched = http.get("/ogc/collections/" + c + "/items?limit=1")
                        .json()
                        .get("numberMatched")
                        .asInt();
                Path gpkg = download("/api/export/" + c + ".gpkg");
                assertThat(Gdal.ogrinfo(
                                "-ro",
                                "-q",
                                gpkg.toString(),
                                "-sql",
                                "SELECT geometry_type_name FROM gpkg_geometry_columns"))
                        .as(c)
                        .contains("geometry_type_name (String) = " + t.declared() + "\n");
                String layer = c.replace('-', '_'); // the table is named after its collection (FileLayers)
                assertThat(Gdal.ogrinfo("-ro", "-so", gpkg.toString(), layer))
                        .as(c)
                        .contains("Geometry: " + t.gdal() + "\n", "Feature Count: " + matched + "\n");
                if (t.wkt() != null) {
                    String features = Gdal.ogrinfo("-ro", "-q", "-geom=SUMMARY", gpkg.toString(), layer);
                    List<String> read = Gdal.geometries(features);
                    assertThat(read).as(c + " features read").hasSize(matched);
                    assertThat(Set.copyOf(read)).as(c).isSubsetOf(Set.of(t.wkt()));
                    typed += matched;
                } else {
                    all = matched;
                }
            }
            assertThat(typed)
                    .as("the three typed collections hold every incident")
                    .isEqualTo(all)
                    .isPositive();
        }

        @Test
        void shapefileZipHasPointAreaAndLineLayersAndAClaimsTable() throws Exception {
            Path out = unzip(download("/api/export/incidents.shp?datetime=2025-10-01/2026-02-28"), "shp");
            assertThat(Gdal.ogrinfo(
                            "-ro", "-so", out.resolve("incidents_points.shp").toString(), "incidents_points"))
                    .contains("Geometry: Point", "Feature Count: 9", "geo_prec: String", "kill_max: Integer");
            assertThat(Gdal.ogrinfo(
                            "-ro", "-so", out.resolve("incidents_areas.shp").toString(), "incidents_areas"))
                    .contains("Polygon", "Feature Count: 4");
            // every record read whole, not just the header: a multi-polygon record whose length is wrong
            // (H2GIS 2.2.5 counts its rings wrongly) made GDAL misread each record after it
            String areas = Gdal.ogrinfo(
                    "-ro", "-al", "-q", out.resolve("incidents_areas.shp").toString());
            assertThat(areas).doesNotContain("ERROR");
            assertThat(areas.lines()
                            .filter(l -> l.strip().startsWith("POLYGON ((")
                                    || l.strip().startsWith("MULTIPOLYGON (((")))
                    .hasSize(4);
            assertThat(Gdal.ogrinfo(
                            "-ro",
                            "-q",
                            out.resolve("incidents_areas.shp").toString(),
                            "incidents_areas",
                            "-where",
                            "id = '2026-02-27-kabul-kandahar-paktia-air-strikes'"))
                    .contains("MULTIPOLYGON (((")
                    .doesNotContain("ERROR");
            String lines = Gdal.ogrinfo(
                    "-ro", "-al", "-q", out.resolve("incidents_lines.shp").toString());
            assertThat(lines).doesNotContain("ERROR");
            assertThat(lines.lines()
                            .filter(l -> l.strip().startsWith("LINESTRING (")
                                    || l.strip().startsWith("MULTILINESTRING ((")))
                    .hasSize(2);
            assertThat(Gdal.ogrinfo(
                            "-ro", "-so", out.resolve("incidents_lines.shp").toString(), "incidents_lines"))
                    .contains("Line String", "Feature Count: 2");
            assertThat(Gdal.ogrinfo("-ro", "-so", out.resolve("claims.dbf").toString(), "claims"))
                    .contains(
                            "incident_i: String",
                            "claimant: String",
                            "DBF_DATE_LAST_UPDATE=" + java.time.LocalDate.now().getYear());
            assertThat(Files.readString(out.resolve("README.txt"))).contains("no single casualty figure");
        }

        /**
         * Each collection's file names its layers after the collection (FileLayers): two downloads opened in one
         * QGIS project are two layers, not two called {@code incidents}. {@code incidents-areas}' GeoPackage holds
         * {@code incidents_areas} and {@code incidents_areas_claims}, its Shapefile zip {@code incidents_areas_points},
         * {@code incidents_areas_areas} and {@code incidents_areas_claims.dbf}, its KML and FlatGeobuf the layer
         * {@code incidents_areas}; the {@code incidents} collection keeps {@code incidents}, {@code claims} and
         * {@code incidents_points}, as before.
         */
        @Test
        void eachCollectionsFileNamesItsLayersAfterItAndIncidentsKeepsItsNames() throws Exception {
            String window = "?datetime=2025-10-01/2026-02-28";
            Path gpkg = download("/api/export/incidents-areas.gpkg" + window);
            assertThat(Gdal.ogrinfo("-ro", "-q", gpkg.toString()))
                    .contains("1: incidents_areas (Multi Polygon)", "incidents_areas_claims")
                    .doesNotContainPattern("\\d: incidents \\(")
                    .doesNotContainPattern("\\d: claims");
            assertThat(Gdal.ogrinfo("-ro", "-so", gpkg.toString(), "incidents_areas"))
                    .contains("Feature Count: 4");
            assertThat(Gdal.ogrinfo("-ro", "-q", gpkg.toString(), "incidents_areas_claims"))
                    .contains("OGRFeature(incidents_areas_claims)");
            Path whole = download("/api/export/incidents.gpkg" + window);
            assertThat(Gdal.ogrinfo("-ro", "-q", whole.toString()))
                    .contains("1: incidents\n", "2: claims")
                    .doesNotContain("incidents_");

            Path shp = unzip(download("/api/export/incidents-areas.shp" + window), "areas-shp");
            try (var files = Files.list(shp)) {
                assertThat(files.map(f -> f.getFileName().toString()).sorted())
                        .contains(
                                "incidents_areas_points.shp",
                                "incidents_areas_points.dbf",
                                "incidents_areas_areas.shp",
                                "incidents_areas_areas.dbf",
                                "incidents_areas_claims.dbf",
                                "README.txt")
                        .noneMatch(f -> f.startsWith("claims.") || f.startsWith("incidents_points."));
            }
            assertThat(Gdal.ogrinfo(
                            "-ro",
                            "-q",
                            shp.resolve("incidents_areas_areas.shp").toString()))
                    .contains("1: incidents_areas_areas (Polygon)");
            assertThat(Gdal.ogrinfo(
                            "-ro",
                            "-so",
                            shp.resolve("incidents_areas_points.shp").toString(),
                            "incidents_areas_points"))
                    .contains("Geometry: Point", "Feature Count: 4");
            assertThat(Gdal.ogrinfo(
                            "-ro",
                            "-so",
                            shp.resolve("incidents_areas_claims.dbf").toString(),
                            "incidents_areas_claims"))
                    .contains("incident_i: String");
            assertThat(Files.readString(shp.resolve("README.txt")))
                    .contains("incidents_areas_points: every incident", "incidents_areas_claims.dbf: every claim")
                    .doesNotContain("incidents_points", "\nclaims.dbf");

            Path kml = download("/api/export/incidents-areas.kml" + window);
            assertThat(Gdal.ogrinfo("-ro", "-q", kml.toString())).contains("1: incidents_areas");
            assertThat(Gdal.ogrinfo("-ro", "-so", kml.toString(), "incidents_areas"))
                    .contains("Feature Count: 4");
            Path fgb = download("/api/export/incidents-areas.fgb" + window);
            assertThat(Gdal.ogrinfo("-ro", "-q", fgb.toString())).contains("1: incidents_areas (Multi Polygon)");
            Http.Response csv = new Http(port).get("/api/export/incidents-areas.csv" + window);
            assertThat(csv.header("Content-Disposition")).contains("filename=\"incidents-areas-");
        }

        @Test
        void kmlAndFlatGeobufOpenInGdal() throws Exception {
            Path kml = download("/api/export/incidents.kml?datetime=2025-10-01/2026-02-28");
            assertThat(Gdal.ogrinfo("-ro", "-so", kml.toString(), "incidents"))
                    .contains("Feature Count: 9", "killed_max: Integer", "contested: Integer", "geo_precision: String");
            // the claims table in the placemark's description: every claimant with its own figures
            String e6 = Gdal.ogrinfo(
                    "-ro", "-q", kml.toString(), "incidents", "-where", "id = '2026-02-26-durand-line-post-attacks'");
            assertThat(e6)
                    .contains(
                            "<table",
                            "<th>Claimant</th>",
                            "Pakistan Information Minister",
                            "Spokesperson for Pakistan's Prime Minister")
                    .containsPattern("<td>\\d+</td>");
            assertThat(e6.split("<tr><td>", -1)).hasSize(9);
            String area = Gdal.ogrinfo(
                    "-ro",
                    "-q",
                    kml.toString(),
                    "incidents",
                    "-where",
                    "id = '2026-02-21-nangarhar-paktika-air-strikes'");
            assertThat(area).contains("POLYGON", "geo_precision (String) = multiple");
            assertThat(Gdal.ogrinfo(
                            "-ro", "-q", kml.toString(), "incidents", "-where", "id = '2026-02-26-torkham-shelling'"))
                    .contains("contested (Integer) = 1")
                    .doesNotContain("parsed incompletely");
            Path fgb = download("/api/export/incidents.fgb?datetime=2025-10-01/2026-02-28&type=air_strike");
            assertThat(Gdal.ogrinfo("-ro", "-so", fgb.toString(), "incidents"))
                    .contains("Feature Count: 2", "killed_max");
        }

        /**
         * The whole incidents mix points, lines and areas: the file declares the generic type (GDAL: "Unknown
         * (any)") and each feature its own; the points and areas views declare their type, single polygons as
         * one-part multipolygons (as the OGC items and the GeoPackage have them); every feature reads in GDAL.
         */
        @Test
        void flatGeobufDeclaresItsCollectionsGeometryTypeAndGdalReadsEveryFeature() throws Exception {
            String window = "?datetime=2025-10-01/2026-02-28";
            Path mixed = download("/api/export/incidents.fgb" + window);
            assertThat(Gdal.ogrinfo("-ro", "-so", mixed.toString(), "incidents"))
                    .contains("Geometry: Unknown (any)", "Feature Count: 9");
            List<String> kinds = geometries(Gdal.ogrinfo("-ro", "-q", mixed.toString(), "incidents"));
            assertThat(kinds).hasSize(9).contains("POINT", "LINESTRING", "MULTIPOLYGON");
            String[][] views = {
                {"incidents-points", "Point", "POINT", "3"},
                // a one-part MultiLineString without its ends fails in Debian 12's GDAL 3.6 (FlatGeobufWriter.declared)
                {"incidents-lines", "Unknown (any)", "LINESTRING", "2"},
                {"incidents-areas", "Multi Polygon", "MULTIPOLYGON", "4"}
            };
            for (String[] v : views) {
                Path fgb = download("/api/export/" + v[0] + ".fgb" + window);
                String layer = v[0].replace('-', '_'); // the header's name is its collection's (FileLayers)
                assertThat(Gdal.ogrinfo("-ro", "-so", fgb.toString(), layer))
                        .as(v[0])
                        .contains("Geometry: " + v[1], "Feature Count: " + v[3]);
                assertThat(geometries(Gdal.ogrinfo("-ro", "-q", fgb.toString(), layer)))
                        .as(v[0])
                        .hasSize(Integer.parseInt(v[3]))
                        .containsOnly(v[2]);
            }
        }

        /** The geometry type of each feature ogrinfo prints ("  MULTIPOLYGON (((…"). */
        static List<String> geometries(String ogrinfo) {
            assertThat(ogrinfo).doesNotContain("ERROR");
            return ogrinfo.lines()
                    .filter(l -> l.matches("  [A-Z]+ \\(.*"))
                    .map(l -> l.strip().substring(0, l.strip().indexOf(' ')))
                    .toList();
        }

        @Test
        void flatGeobufColumnsMayBeEmptyAndGdalCopiesTheFileIntoAGeoPackage() throws Exception {
            // every column came out NOT NULL (H2GIS leaves the FlatGeobuf library's default, false) while most
            // incidents have no operation or wounded figure: ogr2ogr stopped at the first one
            Path fgb = download("/api/export/incidents.fgb?datetime=2025-10-01/2026-02-28");
            assertThat(Gdal.ogrinfo("-ro", "-so", fgb.toString(), "incidents"))
                    .contains("Feature Count: 9", "operation: String")
                    .doesNotContain("NOT NULL");
            Path gpkg = fgb.resolveSibling("from-fgb.gpkg");
            Files.deleteIfExists(gpkg);
            assertThat(Gdal.run("ogr2ogr", "-f", "GPKG", gpkg.toString(), fgb.toString()))
                    .doesNotContain("ERROR");
            assertThat(Gdal.ogrinfo("-ro", "-so", gpkg.toString(), "incidents")).contains("Feature Count: 9");
            assertThat(Gdal.ogrinfo(
                            "-ro",
                            "-q",
                            gpkg.toString(),
                            "incidents",
                            "-where",
                            "id = '2026-02-27-kabul-kandahar-paktia-air-strikes'"))
                    .contains("operation (String) = Ghazab lil-Haq", "MULTIPOLYGON");
        }

        @Test
        void geojsonAndCsvStreamWithAcledColumnsAndAClaimsTable() throws Exception {
            Path geojson = download("/api/export/incidents.geojson?datetime=2025-10-01/2026-02-28");
            assertThat(Gdal.ogrinfo("-ro", "-so", geojson.toString(), "incidents"))
                    .contains("Feature Count: 9");
            Path csv = download("/api/export/incidents.csv?datetime=2025-10-01/2026-02-28");
            try (CSVParser p = Csv.parser(csv)) {
                assertThat(p.getHeaderNames())
                        .startsWith("event_id_cnty", "event_date")
                        .contains("fatalities", "killed_min", "killed_max", "claims", "geo_precision");
                assertThat(p.getRecords()).hasSize(9);
            }
            Path claims = download("/api/export/incidents.csv?table=claims&datetime=2025-10-01/2026-02-28");
            assertThat(Files.readAllLines(claims))
                    .hasSizeGreaterThan(25)
                    .first()
                    .asString()
                    .startsWith("incident_id,claim_no,claimant");
        }

        @Test
        void csvHasEachColumnOnceFatalitiesFromTheMostConservativeClaimAndReimportsAsAnUpdate() throws Exception {
            String one = "2026-02-26-durand-line-post-attacks";
            String filter = "?filter="
                    + java.net.URLEncoder.encode("id = '" + one + "'", StandardCharsets.UTF_8)
                            .replace("+", "%20");
            Path csv = download("/api/export/incidents.csv?datetime=2025-10-01/2026-02-28");
            try (CSVParser p = Csv.parser(csv)) {
                assertThat(p.getHeaderNames())
                        .doesNotHaveDuplicates()
                        .contains("time_precision", "time_precision_name", "geo_precision", "geo_precision_name");
                for (CSVRecord r : p.getRecords()) {
                    assertThat(r.get("fatalities")).as(r.get("event_id_cnty")).isEqualTo(r.get("killed_min"));
                }
            }
            Http http = new Http(port);
            JsonNode before =
                    http.get("/ogc/collections/incidents/items/" + one).json();
            assertThat(before.get("properties").get("claims")).hasSize(8);
            int count = http.get("/ogc/collections/incidents/items?limit=1")
                    .json()
                    .get("numberMatched")
                    .asInt();
            byte[] own =
                    new Http(port).get("/api/export/incidents.csv" + filter).bytes();
            Http.Response imported =
                    http.send("POST", "/api/import", own, "Content-Type", "text/csv", "Authorization", EDITOR_AUTH);
            assertThat(imported.status()).as(imported.body()).isEqualTo(200);
            assertThat(imported.json().get("created").asInt())
                    .as(imported.body())
                    .isZero();
            // the row as exported changes nothing: no new version, no history row, no change event (it was an update)
            assertThat(imported.json().get("updated").asInt())
                    .as(imported.body())
                    .isZero();
            assertThat(imported.json().get("unchanged").asInt())
                    .as(imported.body())
                    .isEqualTo(1);
            assertThat(http.get("/ogc/collections/incidents/items?limit=1")
                            .json()
                            .get("numberMatched")
                            .asInt())
                    .isEqualTo(count);
            JsonNode after = http.get("/ogc/collections/incidents/items/" + one).json();
            for (String kept : List.of(
                    "claims",
                    "sources",
                    "places",
                    "occurred",
                    "geo_precision",
                    "type",
                    "title",
                    "version",
                    "updated")) {
                assertThat(after.get("properties").get(kept))
                        .as(kept)
                        .isEqualTo(before.get("properties").get(kept));
            }
            assertThat(after.get("geometry")).isEqualTo(before.get("geometry"));

            // a row whose summary was changed in the spreadsheet updates its incident, keeping the rest whole
            String edited = new String(own, StandardCharsets.UTF_8)
                    .replace(
                            before.get("properties").get("summary").asString().replace("\"", "\"\""),
                            "Summary edited in a spreadsheet.");
            assertThat(edited).contains("Summary edited in a spreadsheet.");
            Http.Response changed = http.send(
                    "POST",
                    "/api/import",
                    edited.getBytes(StandardCharsets.UTF_8),
                    "Content-Type",
                    "text/csv",
                    "Authorization",
                    EDITOR_AUTH);
            assertThat(changed.status()).as(changed.body()).isEqualTo(200);
            assertThat(changed.json().get("updated").asInt()).as(changed.body()).isEqualTo(1);
            assertThat(changed.json().get("unchanged").asInt())
                    .as(changed.body())
                    .isZero();
            JsonNode edit = http.get("/ogc/collections/incidents/items/" + one).json();
            assertThat(edit.get("properties").get("summary").asString()).isEqualTo("Summary edited in a spreadsheet.");
            assertThat(edit.get("properties").get("version").asInt())
                    .isEqualTo(before.get("properties").get("version").asInt() + 1);
            for (String kept : List.of("claims", "sources", "places", "occurred", "geo_precision", "type", "title")) {
                assertThat(edit.get("properties").get(kept))
                        .as(kept)
                        .isEqualTo(before.get("properties").get(kept));
            }
            assertThat(edit.get("geometry")).isEqualTo(before.get("geometry"));
            // the first export again puts the summary back (other tests share this store)
            Http.Response restored =
                    http.send("POST", "/api/import", own, "Content-Type", "text/csv", "Authorization", EDITOR_AUTH);
            assertThat(restored.json().get("updated").asInt())
                    .as(restored.body())
                    .isEqualTo(1);
            assertThat(http.get("/ogc/collections/incidents/items/" + one)
                            .json()
                            .get("properties")
                            .get("summary"))
                    .isEqualTo(before.get("properties").get("summary"));
        }

        @Test
        void everyFormatKeepsNonAsciiTextIntact() throws Exception {
            // the dataset's summaries carry en dashes (three UTF-8 bytes): GDAL must read them back unchanged
            String text = "along the Afghanistan\u2013Pakistan border";
            String where = "id = '2025-10-border-clashes'";
            String range = "?datetime=2025-10-01/2026-02-28";
            for (String format : java.util.List.of("gpkg", "kml", "fgb", "geojson")) {
                Path file = download("/api/export/incidents." + format + range);
                assertThat(Gdal.ogrinfo("-ro", "-q", file.toString(), "incidents", "-where", where))
                        .as(format)
                        .contains(text);
            }
            Path out = unzip(download("/api/export/incidents.shp" + range), "utf8");
            assertThat(Gdal.ogrinfo(
                            "-ro",
                            "-q",
                            out.resolve("incidents_points.shp").toString(),
                            "incidents_points",
                            "-where",
                            where))
                    .as("shp")
                    .contains(text);
            assertThat(Files.readString(
                            download("/api/export/incidents.csv" + range), java.nio.charset.StandardCharsets.UTF_8))
                    .as("csv")
                    .contains(text);
        }

        @Test
        void badExportRequestsAreProblems() {
            Http http = new Http(port);
            assertThat(http.get("/api/export/incidents.xlsx").status()).isEqualTo(404);
            assertThat(http.get("/api/export/incidents.csv?filter=%28%28").status())
                    .isEqualTo(400);
            assertThat(http.get("/api/export/incidents.gpkg?table=claims").status())
                    .isEqualTo(400);
            assertThat(http.get("/api/export/incidents.shp?bbox=x").contentType())
                    .startsWith("application/problem+json");
        }

        private String create(String id, Map<String, Object> fields) {
            Map<String, Object> body = new java.util.LinkedHashMap<>(Map.of(
                    "id",
                    id,
                    "type",
                    "air_strike",
                    "occurred",
                    Map.of("start", "2031-05-0" + (1 + Math.abs(id.hashCode()) % 8)),
                    "places",
                    List.of("af-province-khost")));
            body.putAll(fields);
            Http.Response r = new Http(port)
                    .send(
                            "POST",
                            "/api/incidents",
                            JsonMapper.builder().build().writeValueAsString(body),
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH);
            assertThat(r.status()).as(r.body()).isIn(200, 201);
            return r.header("ETag");
        }

        private void delete(String id, String etag) {
            new Http(port)
                    .send(
                            "DELETE",
                            "/api/incidents/" + id,
                            (String) null,
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            etag);
        }

        @Test
        void gdalReadsOddTextsBackUnchangedFromKmlGeopackageShapefileAndFlatGeobuf() throws Exception {
            String id = "zz-odd-text-export";
            String etag = create(id, Map.of("title", TITLE, "summary", SUMMARY));
            try {
                String range = "?datetime=2031-05-01/2031-05-31&q=" + "Odd";
                String where = "id = '" + id + "'";
                for (String format : List.of("kml", "gpkg", "fgb")) {
                    Path file = download("/api/export/incidents." + format + range);
                    String read = Gdal.ogrinfo("-ro", "-q", file.toString(), "incidents", "-where", where);
                    assertThat(read)
                            .as(format)
                            .doesNotContain("ERROR")
                            .contains("title (String) = " + TITLE)
                            .contains("line\ttwo \u00e9\u0301 \uD83D\uDCA5");
                }
                Path out = unzip(download("/api/export/incidents.shp" + range), "odd");
                assertThat(Gdal.ogrinfo(
                                "-ro",
                                "-q",
                                out.resolve("incidents_points.shp").toString(),
                                "incidents_points",
                                "-where",
                                where))
                        .doesNotContain("ERROR")
                        .contains("title (String) = " + TITLE);
            } finally {
                delete(id, etag);
            }
        }

        @Test
        void abortedDownloadsLeaveNoScratchDirectory() throws Exception {
            for (String format : List.of("shp", "gpkg", "fgb")) {
                try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                    socket.getOutputStream()
                            .write(("GET /api/export/incidents." + format + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
                                    .getBytes(StandardCharsets.US_ASCII));
                    assertThat(socket.getInputStream().read(new byte[64])).isPositive();
                } // the client goes away mid-download
            }
            Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
            String mine = ScratchDirectories.PREFIX + ProcessHandle.current().pid() + "-";
            long deadline = System.nanoTime() + java.time.Duration.ofSeconds(60).toNanos();
            List<Path> left = scratch(tmp, mine);
            while (!left.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(200);
                left = scratch(tmp, mine);
            }
            assertThat(left)
                    .as("scratch directories of this server after aborted downloads")
                    .isEmpty();
        }

        private static List<Path> scratch(Path tmp, String prefix) throws java.io.IOException {
            try (var all = Files.list(tmp)) {
                return all.filter(p -> p.getFileName().toString().startsWith(prefix))
                        .toList();
            }
        }

        @Test
        void csvCellsThatStartLikeAFormulaAreTextAndNumbersStayNumbers() throws Exception {
            String id = "zz-formula-export";
            String etag = create(
                    id,
                    Map.of(
                            "title",
                            "=HYPERLINK(\"http://evil.example/?x\",\"click\")",
                            "summary",
                            "@SUM(A1:A9)",
                            "actors",
                            List.of("-2+3", "+cmd|' /C calc'!A0"),
                            "claims",
                            List.of(Map.of("claimant", "=1+1", "party", "un", "killed", 2, "statement", "-3"))));
            try {
                Path csv = download("/api/export/incidents.csv?datetime=2031-05-01/2031-05-31&q=HYPERLINK");
                CSVRecord row;
                try (CSVParser p = Csv.parser(csv)) {
                    row = p.getRecords().stream()
                            .filter(r -> r.get("id").equals(id))
                            .findFirst()
                            .orElseThrow();
                }
                assertThat(row.get("title")).isEqualTo("'=HYPERLINK(\"http://evil.example/?x\",\"click\")");
                assertThat(row.get("notes")).isEqualTo("'@SUM(A1:A9)");
                assertThat(row.get("actor1")).isEqualTo("'-2+3");
                assertThat(row.get("actor2")).isEqualTo("'+cmd|' /C calc'!A0");
                assertThat(Double.parseDouble(row.get("latitude"))).isBetween(32.0, 35.0);
                assertThat(row.get("killed_max")).isEqualTo("2");
                Path claims =
                        download("/api/export/incidents.csv?table=claims&datetime=2031-05-01/2031-05-31&q=HYPERLINK");
                try (CSVParser p = Csv.parser(claims)) {
                    CSVRecord claim = p.getRecords().stream()
                            .filter(r -> r.get("incident_id").equals(id))
                            .findFirst()
                            .orElseThrow();
                    assertThat(claim.get("claimant")).isEqualTo("'=1+1");
                    assertThat(claim.get("statement")).isEqualTo("'-3");
                    assertThat(claim.get("killed")).isEqualTo("2");
                }
                assertThat(FlatRows.spreadsheetSafe(-70.5)).isEqualTo(-70.5);
                assertThat(FlatRows.spreadsheetSafe("\tx")).isEqualTo("'\tx");
                assertThat(FlatRows.spreadsheetSafe("\rx")).isEqualTo("'\rx");
                assertThat(FlatRows.spreadsheetSafe("a=b")).isEqualTo("a=b");
            } finally {
                delete(id, etag);
            }
        }
    }
}
