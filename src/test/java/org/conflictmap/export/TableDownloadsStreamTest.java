package org.conflictmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.conflictmap.Csv;
import org.conflictmap.Gdal;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnOwnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.GeometryType;
import org.conflictmap.layers.Queryable;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.TableLayerContract;
import org.conflictmap.layers.TileStyle;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * A table layer's downloads stream, as the incidents' do ({@code ExportMemoryTest}), on both stores: a table of
 * {@value #ROWS} rows downloads whole as GeoJSON, CSV and GeoPackage (in the order of the ids, the GeoPackage's
 * extent that of its rows), and the GeoJSON and CSV writers get their first bytes out while the store is still
 * reading: inside the reading transaction, with most rows not read yet and, on PostgreSQL, the cursor still open.
 * Before, every row was read into a list before the first byte was written.
 */
class TableDownloadsStreamTest {
    static final int ROWS = 50_000;

    /** A table layer of many rows: its registration. */
    @TestConfiguration(proxyBeanMethods = false)
    static class Wells {
        @Bean
        @Order(100)
        Collection wells() {
            return new Collection(
                    "wells",
                    "Wells",
                    "Wells from a table of their own, many of them.",
                    GeometryType.POINT,
                    Source.Table.of("wells", Queryable.of("id", "integer"), Queryable.text("name")),
                    List.of(),
                    new TileStyle(0, null, false, List.of()),
                    List.of("id", "name", "longitude", "latitude"),
                    false);
        }
    }

    @Nested
    @OnOwnH2gis
    @Import(Wells.class)
    class Embedded extends Contract {
        @Override
        protected String table() {
            return """
                    CREATE TABLE IF NOT EXISTS wells (
                      id INTEGER PRIMARY KEY, name VARCHAR(200) NOT NULL, geom GEOMETRY(POINT, 4326) NOT NULL,
                      geom_xmin DOUBLE PRECISION GENERATED ALWAYS AS (ST_XMin(geom)),
                      geom_ymin DOUBLE PRECISION GENERATED ALWAYS AS (ST_YMin(geom)),
                      geom_xmax DOUBLE PRECISION GENERATED ALWAYS AS (ST_XMax(geom)),
                      geom_ymax DOUBLE PRECISION GENERATED ALWAYS AS (ST_YMax(geom)))""";
        }

        @Override
        protected void fill() {
            jdbc.update("INSERT INTO wells (id, name, geom) SELECT X, 'well ' || X,"
                    + " ST_SetSRID(ST_MakePoint(60 + MOD(X, 1000) * 0.01, 25 + (X / 1000) * 0.1), 4326)"
                    + " FROM SYSTEM_RANGE(1, " + ROWS + ")");
        }

        @Override
        long openCursors() {
            return -1; // the embedded store has none to count
        }
    }

    @Nested
    @OnPostgis
    @Import(Wells.class)
    class Postgis extends Contract {
        @Override
        protected String table() {
            return "CREATE TABLE IF NOT EXISTS wells (id INTEGER PRIMARY KEY, name TEXT NOT NULL,"
                    + " geom geometry(Point, 4326) NOT NULL)";
        }

        @Override
        protected void fill() {
            jdbc.update("INSERT INTO wells (id, name, geom) SELECT g, 'well ' || g,"
                    + " ST_SetSRID(ST_MakePoint(60 + (g % 1000) * 0.01, 25 + (g / 1000) * 0.1), 4326)"
                    + " FROM generate_series(1, " + ROWS + ") g");
        }

        /**
         * The open portals of this session (the reading transaction's connection) over the table, this statement's
         * own aside: a result read a fetch at a time is one until its last row is read.
         */
        @Override
        long openCursors() {
            Long n = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM pg_cursors WHERE statement LIKE '%FROM wells%'"
                            + " AND statement NOT LIKE '%pg_cursors%'",
                    Long.class);
            return n == null ? 0 : n;
        }
    }

    abstract static class Contract extends TableLayerContract {
        @Autowired
        ObjectMapper json;

        /** The store's open cursors on this thread's connection, -1 where it has none. */
        abstract long openCursors();

        @Override
        protected String tableName() {
            return "wells";
        }

        @Test
        void everyFormatHoldsEveryRowInTheOrderOfTheirIds(@TempDir Path dir) throws Exception {
            Http http = new Http(port);
            Http.Response geojson = http.get("/api/export/wells.geojson");
            assertThat(geojson.status()).isEqualTo(200);
            JsonNode features = geojson.json().get("features");
            assertThat(features.size()).isEqualTo(ROWS);
            assertThat(features.get(0).get("id").asString()).isEqualTo("1");
            assertThat(features.get(ROWS - 1).get("id").asString()).isEqualTo(String.valueOf(ROWS));

            Http.Response csv = http.get("/api/export/wells.csv");
            assertThat(csv.status()).isEqualTo(200);
            try (CSVParser parser = Csv.parser(csv.body())) {
                List<CSVRecord> records = parser.getRecords();
                assertThat(records).hasSize(ROWS);
                assertThat(records.get(0).get("name")).isEqualTo("well 1");
                assertThat(records.get(ROWS - 1).get("id")).isEqualTo(String.valueOf(ROWS));
            }

            Http.Response gpkg = http.get("/api/export/wells.gpkg");
            assertThat(gpkg.status()).isEqualTo(200);
            Path file = dir.resolve("wells.gpkg");
            Files.write(file, gpkg.bytes());
            assertThat(Gdal.ogrinfo("-ro", "-so", file.toString(), "wells"))
                    .contains(
                            "Feature Count: " + ROWS + "\n", "Extent: (60.000000, 25.000000) - (69.990000, 30.000000)");
        }

        @Test
        void theWriterGetsRowsWhileTheStoreIsStillReadingThem() throws Exception {
            Collection wells = layers.get("wells");
            int[] read = {0};
            FileWriters.Source<LayerDownloads.Entry> rows = LayerDownloads.rows(wells, tables, json);
            FileWriters.Source<LayerDownloads.Entry> counted = each -> rows.forEach(e -> {
                read[0]++;
                each.accept(e);
            });
            for (ExportFormat f : List.of(ExportFormat.GEOJSON, ExportFormat.CSV)) {
                read[0] = 0;
                long[][] first = {null};
                OutputStream out = new OutputStream() {
                    @Override
                    public void write(int b) {
                        write(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override
                    public void write(byte[] b, int off, int len) {
                        if (first[0] == null) {
                            first[0] = new long[] {
                                read[0],
                                TransactionSynchronizationManager.isActualTransactionActive() ? 1 : 0,
                                openCursors()
                            };
                        }
                    }
                };
                LayerDownloads.write(f, wells, counted, json, out);
                long[] atFirstBytes = first[0];
                assertThat(read[0]).as(f.name()).isEqualTo(ROWS);
                assertThat(atFirstBytes).as(f.name()).isNotNull();
                assertThat(atFirstBytes[0])
                        .as(f + ": rows read at the first bytes")
                        .isLessThan(ROWS / 10);
                assertThat(atFirstBytes[1])
                        .as(f + ": inside the reading transaction")
                        .isEqualTo(1);
                assertThat(atFirstBytes[2]).as(f + ": the store's cursor open").isNotZero();
            }
        }
    }
}
