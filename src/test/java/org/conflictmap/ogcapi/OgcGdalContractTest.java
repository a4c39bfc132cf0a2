package org.conflictmap.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conflictmap.Gdal;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * GDAL reads the service as a GIS analyst does, on both stores: its OGCAPI driver lists every
 * collection the server lists (as subdatasets) and reads each one whole, with the exact count the
 * server gives and, feature by feature, the geometry type the collection declares
 * ({@code geometry-type}), which is also the type GDAL gives the layer; {@code ogr2ogr} writes each
 * to a GeoPackage with that type and count, without a warning. The collections are the server's own
 * list, so a collection registered later (such as incidents split by geometry type) is held to the
 * same. Skipped, saying so, where GDAL's {@code ogrinfo} is not installed.
 */
class OgcGdalContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    /** A declared {@code geometry-type}: GDAL's name of the layer's type and the WKT names of the features' geometries. */
    record Typing(String layer, Set<String> features) {}

    static final Map<String, Typing> TYPES = Map.of(
            "point", new Typing("Point", Set.of("POINT")),
            "multipoint", new Typing("Multi Point", Set.of("MULTIPOINT")),
            "linestring", new Typing("Line String", Set.of("LINESTRING")),
            "multilinestring", new Typing("Multi Line String", Set.of("MULTILINESTRING")),
            "polygon", new Typing("Polygon", Set.of("POLYGON")),
            "multipolygon", new Typing("Multi Polygon", Set.of("MULTIPOLYGON")),
            // a layer that mixes types: GDAL must not type it from its first page
            "any",
                    new Typing(
                            "Unknown (any)",
                            Set.of(
                                    "POINT",
                                    "LINESTRING",
                                    "POLYGON",
                                    "MULTIPOINT",
                                    "MULTILINESTRING",
                                    "MULTIPOLYGON",
                                    "GEOMETRYCOLLECTION")));

    abstract static class Contract {
        @LocalServerPort
        int port;

        Http http() {
            return new Http(port);
        }

        @BeforeEach
        void gdal() {
            Assumptions.assumeTrue(
                    Gdal.installed(),
                    "GDAL's ogrinfo is not installed (scripts/setup-tools installs it): "
                            + "GDAL's reading of the service was not checked");
        }

        String base() {
            return "http://127.0.0.1:" + port + "/ogc";
        }

        /** Every collection the server lists, with its declared geometry type. */
        Map<String, String> collections() {
            Map<String, String> out = new LinkedHashMap<>();
            for (JsonNode c : http().get("/ogc/collections").json().get("collections")) {
                String id = c.get("id").asString();
                assertThat(c.has("geometry-type"))
                        .as(id + " declares its geometry-type")
                        .isTrue();
                String type = c.get("geometry-type").asString();
                assertThat(TYPES).as(id + ": " + type).containsKey(type);
                out.put(id, type);
            }
            assertThat(out).containsKeys("incidents", "places", "districts");
            return out;
        }

        int matched(String collection) {
            return http().get("/ogc/collections/" + collection + "/items?limit=1")
                    .json()
                    .get("numberMatched")
                    .asInt();
        }

        @Test
        void gdalsOgcapiDriverReadsEveryCollectionWithItsExactCountAndGeometryType() {
            Map<String, String> collections = collections();
            String listed = Gdal.ogrinfo("-ro", "-so", "OGCAPI:" + base());
            for (String c : collections.keySet()) {
                assertThat(listed).as("the subdatasets").contains("=OGCAPI:" + base() + "/collections/" + c + "\n");
            }
            for (Map.Entry<String, String> e : collections.entrySet()) {
                String c = e.getKey();
                Typing typing = TYPES.get(e.getValue());
                int matched = matched(c);
                String dataset = "OGCAPI:" + base() + "/collections/" + c;
                String summary = Gdal.ogrinfo("-ro", "-so", "-al", "-oo", "API=ITEMS", dataset);
                assertThat(summary).as(c).contains("Layer name: " + c, "Feature Count: " + matched + "\n");
                assertThat(summary).as(c + " typed by GDAL").contains("Geometry: " + typing.layer() + "\n");
                // every feature, read through all the pages, has the declared type
                String read = Gdal.ogrinfo("-ro", "-al", "-geom=SUMMARY", "-oo", "API=ITEMS", dataset);
                assertThat(read.split("OGRFeature\\(", -1).length - 1)
                        .as(c + " features GDAL read")
                        .isEqualTo(matched);
                List<String> types = Gdal.geometries(read);
                assertThat(types).as(c + " geometries").hasSize(matched);
                assertThat(Set.copyOf(types))
                        .as(c + " declares " + e.getValue())
                        .isSubsetOf(typing.features());
                if (e.getValue().equals("any")) {
                    assertThat(Set.copyOf(types).size())
                            .as(c + " is declared 'any' because it mixes types")
                            .isGreaterThan(1);
                }
            }
        }

        @Test
        void ogr2ogrWritesEveryCollectionToAGeoPackageWithItsTypeAndCountWithoutAWarning(@TempDir Path dir) {
            Map<String, String> collections = collections();
            for (Map.Entry<String, String> e : collections.entrySet()) {
                String c = e.getKey();
                Path gpkg = dir.resolve(c + ".gpkg");
                // a GeoPackage has no list type: list properties (alt_names, actors) are written as their JSON text
                String printed = Gdal.run(
                        "ogr2ogr",
                        "-f",
                        "GPKG",
                        gpkg.toString(),
                        "-oo",
                        "API=ITEMS",
                        "-mapFieldType",
                        "StringList=String",
                        "OGCAPI:" + base() + "/collections/" + c);
                assertThat(printed)
                        .as(c + ": ogr2ogr says nothing")
                        .doesNotContainIgnoringCase("warning")
                        .doesNotContain("ERROR");
                String written = Gdal.ogrinfo("-ro", "-so", "-al", gpkg.toString());
                assertThat(written)
                        .as(c)
                        .contains(
                                "Feature Count: " + matched(c) + "\n",
                                "Geometry: " + TYPES.get(e.getValue()).layer() + "\n");
            }
        }
    }
}
