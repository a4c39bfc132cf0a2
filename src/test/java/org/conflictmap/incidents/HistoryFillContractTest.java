package org.conflictmap.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.conflictmap.TestStores.EDITOR_AUTH;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.conflictmap.Http;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The start-up fill of the history's filter columns (V53) for rows written before they existed: on PostGIS in SQL
 * ({@code SpatialDialect.historyFilterFill}), on H2 in Java. Oracles: the columns the write path stored for the same
 * rows, and the Java fill (which parses each Feature as an incident) on the same rows; the SQL fill must give
 * exactly what they give, a Feature naming a place the gazetteer does not hold included ({@code unreadable}).
 *
 * <p>The rows: varied incidents written through the API (summary or none, an operation, claims of several parties,
 * contested figures, no killed figure, an area, an update and a delete), copied {@code -Dhistory.fill.rows} times
 * (default {@value #DEFAULT_COPIES}) as one large history; the fill's times are printed (docs/DESK.md has them at 60,000).
 */
class HistoryFillContractTest {

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    static final int DEFAULT_COPIES = 2000;
    static final String COLUMNS =
            "status, type, title, summary, operation_name, occurred_start, occurred_end, contested, killed_max, "
                    + "parties, ST_AsBinary(geom)";
    static final String UNFILL =
            "UPDATE incident_history SET status = NULL, type = NULL, title = NULL, summary = NULL, "
                    + "operation_name = NULL, occurred_start = NULL, occurred_end = NULL, contested = NULL, killed_max = NULL, "
                    + "parties = NULL, geom = NULL WHERE incident_id LIKE ?";
    static final String COPY =
            "INSERT INTO incident_history (incident_id, version, operation, editor, recorded_at, document, "
                    + "change_version) SELECT ?, version, operation, editor, recorded_at, ?, change_version FROM incident_history WHERE seq = ?";

    abstract static class Contract {
        @LocalServerPort
        int port;

        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        IncidentRepository repository;

        void write(String method, String path, String body, Integer version, int status) {
            Http http = new Http(port);
            Http.Response r = version == null
                    ? http.send(method, path, body, "Content-Type", "application/json", "Authorization", EDITOR_AUTH)
                    : http.send(
                            method,
                            path,
                            body,
                            "Content-Type",
                            "application/json",
                            "Authorization",
                            EDITOR_AUTH,
                            "If-Match",
                            "\"" + version + "\"");
            assertThat(r.status()).as(r.body()).isEqualTo(status);
        }

        static String incident(String id, String extra, String places, String claims) {
            return """
                    {"id": "%s", "title": "Fill \\"%s\\" ü", "type": "shelling", %s
                     "occurred": {"start": "2031-06-02T10:00:00+04:30", "end": "2031-06-03T11:00:00+04:30", "precision": "hour"},
                     "places": %s,
                     "sources": [{"id": "S1", "outlet": "Fill wire", "published": "2031-06-03"}],
                     "claims": %s}
                    """.formatted(id, id, extra, places, claims);
        }

        static final String ONE_CLAIM =
                "[{\"claimant\": \"Police\", \"party\": \"local_official\", \"side\": \"civilians\", "
                        + "\"killed\": 4, \"sources\": [\"S1\"]}]";
        static final String CONTESTED =
                "[{\"claimant\": \"Police\", \"party\": \"local_official\", \"side\": \"civilians\", "
                        + "\"killed\": 4, \"sources\": [\"S1\"]}, {\"claimant\": \"Army\", \"party\": \"pk_government\", \"side\": "
                        + "\"civilians\", \"killed\": 9, \"sources\": [\"S1\"]}, {\"claimant\": \"Police again\", \"party\": \"local_official\", "
                        + "\"side\": \"civilians\", \"killed\": 5, \"sources\": [\"S1\"]}]";
        static final String NO_KILLED =
                "[{\"claimant\": \"UN\", \"party\": \"un\", \"side\": \"civilians\", \"wounded\": 3, "
                        + "\"sources\": [\"S1\"]}]";

        /** Every history row of the ids matching {@code like}, by seq: the filter columns as text (the geometry's WKB in hex). */
        Map<Long, List<String>> columns(String like) {
            Map<Long, List<String>> out = new LinkedHashMap<>();
            jdbc.query(
                    "SELECT seq, " + COLUMNS + " FROM incident_history WHERE incident_id LIKE ? ORDER BY seq",
                    rs -> {
                        out.put(rs.getLong(1), row(rs));
                    },
                    like);
            return out;
        }

        static List<String> row(ResultSet rs) throws SQLException {
            List<String> r = new ArrayList<>();
            for (int k = 2; k <= 12; k++) {
                Object v = k == 7 || k == 8 ? rs.getObject(k, OffsetDateTime.class) : rs.getObject(k);
                r.add(
                        v == null
                                ? null
                                : v instanceof OffsetDateTime t
                                        ? t.toInstant().toString()
                                        : v instanceof byte[] b ? HexFormat.of().formatHex(b) : v.toString());
            }
            return r;
        }

        @Test
        void theStartUpFillGivesWhatTheWritePathAndTheJavaFillGive() {
            String tag = "fill-" + UUID.randomUUID().toString().substring(0, 6);
            write(
                    "POST",
                    "/api/incidents",
                    incident(
                            tag + "-a",
                            "\"summary\": \"With a summary\", \"operation\": \"Op Fill\",",
                            "[\"crossing-torkham\"]",
                            ONE_CLAIM),
                    null,
                    201);
            write(
                    "POST",
                    "/api/incidents",
                    incident(tag + "-b", "\"status\": \"draft\",", "[\"af-province-khost\"]", CONTESTED),
                    null,
                    201);
            write(
                    "POST",
                    "/api/incidents",
                    incident(tag + "-c", "", "[\"crossing-torkham\", \"af-province-khost\"]", NO_KILLED),
                    null,
                    201);
            write("PATCH", "/api/incidents/" + tag + "-a", "{\"title\": \"Renamed\", \"summary\": null}", 1, 200);
            write("DELETE", "/api/incidents/" + tag + "-c", null, 1, 204);
            Map<Long, List<String>> written = columns(tag + "-%");
            assertThat(written).hasSize(5);

            int copies = Integer.getInteger("history.fill.rows", DEFAULT_COPIES);
            String copy = "fillcopy-" + tag.substring(5) + "-";
            try {
                List<Long> sources = new ArrayList<>(written.keySet());
                Map<Long, String> documents = new LinkedHashMap<>();
                sources.forEach(seq -> documents.put(
                        seq,
                        jdbc.queryForObject("SELECT document FROM incident_history WHERE seq = ?", String.class, seq)));
                List<Object[]> batch = new ArrayList<>();
                for (int k = 0; k < copies; k++) {
                    long seq = sources.get(k % sources.size());
                    batch.add(new Object[] {copy + k, documents.get(seq), seq});
                }
                // a Feature that names a place the gazetteer does not hold (any more): no filter may select it
                long first = sources.get(0);
                batch.add(new Object[] {
                    copy + "gone", documents.get(first).replace("\"crossing-torkham\"", "\"no-such-place-x\""), first
                });
                for (int from = 0; from < batch.size(); from += 5000) {
                    jdbc.batchUpdate(COPY, batch.subList(from, Math.min(batch.size(), from + 5000)));
                }
                jdbc.update(UNFILL, tag + "-%");
                jdbc.update(UNFILL, copy + "%");

                long t0 = System.nanoTime();
                int javaFilled = repository.fillHistoryColumnsInJava();
                long javaMs = (System.nanoTime() - t0) / 1_000_000;
                assertThat(javaFilled).isEqualTo(copies + 6);
                Map<Long, List<String>> byJava = columns(tag + "-%");
                assertThat(byJava)
                        .as("the Java fill gives the write path's columns")
                        .isEqualTo(written);
                Map<Long, List<String>> javaCopies = columns(copy + "%");
                List<String> unreadable =
                        Arrays.asList("unreadable", null, null, null, null, null, null, null, null, null, null);
                int k = 0;
                for (List<String> r : javaCopies.values()) {
                    List<String> expected = k < copies ? written.get(sources.get(k % sources.size())) : unreadable;
                    assertThat(r).as("copy %d", k).isEqualTo(expected);
                    k++;
                }

                jdbc.update(UNFILL, tag + "-%");
                jdbc.update(UNFILL, copy + "%");
                long t1 = System.nanoTime();
                int filled = repository.fillHistoryColumns();
                long startUpMs = (System.nanoTime() - t1) / 1_000_000;
                assertThat(filled).isEqualTo(copies + 6);
                assertThat(columns(tag + "-%"))
                        .as("the start-up fill gives the write path's columns")
                        .isEqualTo(written);
                assertThat(columns(copy + "%"))
                        .as("the start-up fill gives the Java fill's columns")
                        .isEqualTo(javaCopies);

                jdbc.update(UNFILL, copy + "%");
                int inSql = repository.fillHistoryColumnsInSql();
                if (inSql > 0) {
                    assertThat(inSql).isEqualTo(copies + 1);
                    assertThat(columns(copy + "%"))
                            .as("the SQL fill gives the Java fill's columns")
                            .isEqualTo(javaCopies);
                } else {
                    repository.fillHistoryColumnsInJava();
                }
                System.out.printf(
                        "history fill of %d rows: Java %d ms, at start-up (SQL where the store has it) %d ms%n",
                        copies + 6, javaMs, startUpMs);
            } finally {
                jdbc.update("DELETE FROM incident_history WHERE incident_id LIKE ?", copy + "%");
            }
        }
    }
}
