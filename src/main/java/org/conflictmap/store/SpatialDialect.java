package org.conflictmap.store;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.h2gis.functions.factory.H2GISFunctions;

/**
 * Every piece of SQL that differs between PostGIS and H2GIS lives behind this interface; store
 * code everywhere else writes SQL that both understand (geometry in as WKB through
 * {@code ST_GeomFromWKB(?, 4326)}, out as WKB through {@code ST_AsBinary}). {@link #of} is the one
 * switch over {@link Vendor}; nothing else asks which store it runs on.
 */
public sealed interface SpatialDialect {

    Vendor vendor();

    /** Whether the store is a file under {@code conflictmap.store.data-dir} (the directory is made before it opens). */
    boolean embedded();

    /**
     * Readies the store before Flyway migrates it (loads functions, or checks that an extension is there
     * and says precisely what is missing) and says what it runs on, for the log.
     */
    String prepare(Connection c) throws SQLException;

    /**
     * A predicate that is true where {@code column} intersects an envelope, written so that each store
     * uses its spatial index; the envelope (minLon, minLat, maxLon, maxLat) is bound
     * {@link #envelopeBindings()} times in a row.
     */
    String intersectsEnvelope(String column);

    /** How many times {@link #intersectsEnvelope} binds the envelope's four numbers. */
    int envelopeBindings();

    /**
     * A further condition for a box over the incidents table, where {@link #intersectsEnvelope} alone cannot make
     * the store's index find the rows near the box (numbers only, nothing bound); empty where it can.
     */
    Optional<String> nearEnvelope(double minLon, double minLat, double maxLon, double maxLat);

    /**
     * A predicate that is true where {@code function} (ST_Intersects, ST_Within, ST_Contains, ST_Equals,
     * ST_Touches, ST_Crosses, ST_Overlaps) holds between {@code column} and one geometry given as WKB,
     * written so that each store narrows by the bounding box first; the WKB is bound
     * {@link #relateBindings()} times in a row.
     */
    String relate(String function, String column);

    /** How many times {@link #relate} binds the geometry's WKB. */
    int relateBindings();

    /** The SQL that turns one WKB parameter into an EPSG:4326 geometry. */
    default String geometryFromWkb() {
        return "ST_GeomFromWKB(?, 4326)";
    }

    /** Selects the geometry as WKB. */
    default String geometryAsWkb(String column) {
        return "ST_AsBinary(" + column + ")";
    }

    /** A text column's value as UTF-8 bytes (a stored Feature sent as it is). */
    byte[] utf8(ResultSet rs, int column) throws SQLException;

    /**
     * One vector tile encoded by the store itself, or empty where the server encodes it: on PostGIS,
     * {@code ST_AsMVT} over {@code table}'s EPSG:3857 {@code geometry} column (binding z, x, y twice: the
     * tile's envelope, then its index condition with a margin), with {@code columns} as the attributes
     * and {@code conditions} (each starting with AND) after the index condition.
     */
    Optional<String> vectorTile(String layer, String table, String geometry, String columns, String conditions);

    /**
     * One vector tile of a table whose {@code geometry} is lon/lat (EPSG:4326), encoded by the store itself, or empty
     * where the server encodes it: on PostGIS, {@code ST_AsMVT} of the rows that {@code conditions} select (a whole
     * condition, its box from {@link #intersectsEnvelope} among it), binding z, x, y first (the tile's envelope), then
     * the conditions' parameters. {@code columns} are the attributes, those among {@code times} (time columns)
     * written as the server's encoder writes them, RFC 3339 text in UTC ({@code 2026-02-26T20:00:00Z}).
     */
    Optional<String> vectorTileOfLonLat(
            String layer, String table, String geometry, List<String> columns, Set<String> times, String conditions);

    /**
     * One statement that fills the filter columns (V53) of up to {@code ?} history rows whose {@code status} is
     * still null from each row's stored Feature ({@code document}), as {@code incidents.IncidentRepository}'s Java
     * fill would: {@code status} {@code 'unreadable'} and the others null where a place of the Feature is not in
     * {@code places} any more. Returns the rows it filled; run until 0. Empty where the store has no JSON
     * functions to read a Feature with (H2: the server fills them).
     */
    Optional<String> historyFilterFill();

    /**
     * How a bulk write records its history rows without writing each row twice, or empty where the store cannot
     * (H2: an identity column's next values cannot be taken ahead; its rows are inserted with {@code change_version}
     * null and stamped once the data version is bumped, as V44 did everywhere).
     */
    Optional<DeferredHistory> deferredHistory();

    /**
     * {@code reserve} takes {@code ?} history seqs ahead, one row each, in order, when the incidents are written (so
     * seq still follows the order of the writes); {@code copy} inserts the history rows at those seqs once the
     * transaction has its data version, copied from the incidents as they were written (the stored Feature is
     * the history's document), binding the editor, the change_version, then arrays of ids, seqs and operations.
     */
    record DeferredHistory(String reserve, String copy) {}

    /**
     * Whether the store encodes vector tiles itself ({@link #vectorTile} is present), from the derived
     * {@code incident_tiles} table that only PostGIS keeps (db/migration/postgresql/V22).
     */
    boolean encodesVectorTiles();

    /**
     * The statements that lay out {@code tables} after a bulk load (each its table name and the index to
     * order it by) and refresh their statistics; none where the store cannot reorder a table.
     */
    List<String> reorder(List<String[]> tablesAndIndexes);

    /** The statements that refresh the planner's statistics of these tables. */
    List<String> analyze(List<String> tables);
    /**
     * The four aggregates of a table's envelope over {@code column}: min longitude, min latitude, max
     * longitude, max latitude (null over no rows).
     */
    String extentAggregates(String column);

    static SpatialDialect of(Vendor vendor) {
        return switch (vendor) {
            case H2GIS -> new H2gisDialect();
            case POSTGIS -> new PostgisDialect();
        };
    }

    record H2gisDialect() implements SpatialDialect {
        @Override
        public Vendor vendor() {
            return Vendor.H2GIS;
        }

        @Override
        public boolean embedded() {
            return true;
        }

        /** Loads the H2GIS functions into the database. */
        @Override
        public String prepare(Connection c) throws SQLException {
            H2GISFunctions.load(c);
            return "Embedded store: H2 " + c.getMetaData().getDatabaseProductVersion() + " with H2GIS functions";
        }

        /**
         * The bounding-box columns that db/migration/h2/V28 generates from {@code column} (B-tree indexed:
         * H2 cannot reopen a file after kill -9 when its undo log touches an R-tree), then
         * {@code ST_Intersects}. The four comparisons take the envelope in its binding order.
         */
        @Override
        public String intersectsEnvelope(String column) {
            return "(" + column + "_xmax >= ? AND " + column + "_ymax >= ? AND " + column + "_xmin <= ? AND " + column
                    + "_ymin <= ? AND ST_Intersects(" + column + ", ST_MakeEnvelope(?, ?, ?, ?, 4326)))";
        }

        @Override
        public int envelopeBindings() {
            return 2;
        }

        /**
         * V28's index narrows by longitude only (one inequality): db/migration/h2/V60's grid cells, through
         * {@link BboxCells}. A cold z12 tile over 30,000 incidents read 17,507 rows without them, 960 with.
         */
        @Override
        public Optional<String> nearEnvelope(double minLon, double minLat, double maxLon, double maxLat) {
            return BboxCells.condition(minLon, minLat, maxLon, maxLat);
        }

        /** H2GIS's {@code &&} compares the two envelopes before the exact test. */
        @Override
        public String relate(String function, String column) {
            return "(" + column + " && " + geometryFromWkb() + " AND " + function + "(" + column + ", "
                    + geometryFromWkb() + "))";
        }

        @Override
        public int relateBindings() {
            return 2;
        }

        @Override
        public byte[] utf8(ResultSet rs, int column) throws SQLException {
            return rs.getString(column).getBytes(StandardCharsets.UTF_8);
        }

        /** No {@code ST_AsMVT} in H2GIS: the server encodes the tile. */
        @Override
        public Optional<String> vectorTile(
                String layer, String table, String geometry, String columns, String conditions) {
            return Optional.empty();
        }

        @Override
        public Optional<String> vectorTileOfLonLat(
                String layer,
                String table,
                String geometry,
                List<String> columns,
                Set<String> times,
                String conditions) {
            return Optional.empty();
        }

        @Override
        public boolean encodesVectorTiles() {
            return false;
        }

        /** H2 has JSON values but no function that reads a member of one (no JSON_VALUE, no path operators). */
        @Override
        public Optional<String> historyFilterFill() {
            return Optional.empty();
        }

        @Override
        public Optional<DeferredHistory> deferredHistory() {
            return Optional.empty();
        }

        @Override
        public List<String> reorder(List<String[]> tablesAndIndexes) {
            return List.of();
        }

        /** H2 analyses one table per statement. */
        @Override
        public List<String> analyze(List<String> tables) {
            return tables.stream().map(t -> "ANALYZE TABLE " + t).toList();
        }

        /** The generated bounding-box columns (V28): no geometry is read. */
        @Override
        public String extentAggregates(String column) {
            return "MIN(" + column + "_xmin), MIN(" + column + "_ymin), MAX(" + column + "_xmax), MAX(" + column
                    + "_ymax)";
        }
    }

    record PostgisDialect() implements SpatialDialect {
        /**
         * One tile: {@code %1$s} the layer, {@code %2$s} the attribute columns, {@code %3$s} the geometry column,
         * {@code %4$s} the table, {@code %5$s} the conditions. No {@code WHERE geom IS NOT NULL}: ST_AsMVT skips
         * features whose clipped geometry is null, and PostgreSQL pushed that condition down into the scan,
         * which then ran ST_AsMVTGeom twice a row.
         */
        static final String MVT = """
                SELECT ST_AsMVT(t, '%1$s', 4096, 'geom') FROM (
                  SELECT %2$s, ST_AsMVTGeom(%3$s, ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom
                  FROM %4$s WHERE %3$s && ST_TileEnvelope(?, ?, ?, margin => 0.016)
                  %5$s
                ) t""";

        /**
         * {@link #historyFilterFill()}: the Feature read as jsonb once per row, each column as the Java fill takes it
         * from the parsed incident (killed_max the largest claimed {@code killed}, parties {@code |a|b|} in first-seen
         * order, the geometry the Feature's own). A batch at a time through the V53 partial index on the unfilled rows.
         */
        static final String HISTORY_FILL = """
                UPDATE incident_history h SET
                  status = CASE WHEN x.bad THEN 'unreadable' ELSE x.p ->> 'status' END,
                  type = CASE WHEN x.bad THEN NULL ELSE x.p ->> 'type' END,
                  title = CASE WHEN x.bad THEN NULL ELSE x.p ->> 'title' END,
                  summary = CASE WHEN x.bad THEN NULL ELSE x.p ->> 'summary' END,
                  operation_name = CASE WHEN x.bad THEN NULL ELSE x.p ->> 'operation' END,
                  occurred_start = CASE WHEN x.bad THEN NULL ELSE (x.p -> 'occurred' ->> 'start')::timestamptz END,
                  occurred_end = CASE WHEN x.bad THEN NULL ELSE (x.p -> 'occurred' ->> 'end')::timestamptz END,
                  contested = CASE WHEN x.bad THEN NULL ELSE (x.p ->> 'contested')::boolean END,
                  killed_max = CASE WHEN x.bad THEN NULL ELSE
                    (SELECT MAX((c ->> 'killed')::int) FROM jsonb_array_elements(x.p -> 'claims') c) END,
                  parties = CASE WHEN x.bad THEN NULL ELSE '|' || COALESCE((SELECT string_agg(q.party || '|', '' ORDER BY q.first)
                    FROM (SELECT c ->> 'party' AS party, MIN(k) AS first FROM jsonb_array_elements(x.p -> 'claims')
                      WITH ORDINALITY AS e(c, k) GROUP BY c ->> 'party') q), '') END,
                  geom = CASE WHEN x.bad THEN NULL ELSE ST_SetSRID(ST_GeomFromGeoJSON(x.d -> 'geometry'), 4326) END
                FROM (SELECT u.seq, u.d, u.d -> 'properties' AS p,
                        EXISTS (SELECT 1 FROM jsonb_array_elements(u.d -> 'properties' -> 'places') pl
                                WHERE NOT EXISTS (SELECT 1 FROM places g WHERE g.id = pl ->> 'id')) AS bad
                      FROM (SELECT seq, document::jsonb AS d FROM incident_history WHERE status IS NULL ORDER BY seq LIMIT ?) u) x
                WHERE h.seq = x.seq""";

        @Override
        public Vendor vendor() {
            return Vendor.POSTGIS;
        }

        @Override
        public boolean embedded() {
            return false;
        }

        /** Checks that PostGIS is installed and enabled ({@link StoreConfiguration.PostgisCheck}). */
        @Override
        public String prepare(Connection c) throws SQLException {
            return "PostGIS store: " + StoreConfiguration.PostgisCheck.requirePostgis(c);
        }

        /**
         * {@code ST_Intersects} alone: PostGIS adds the index condition {@code &&} itself and estimates the
         * rows from it. Written out as {@code && AND ST_Intersects}, the planner multiplied the two
         * selectivities, expected 7,900 rows where 43,000 matched, and sorted them on disk instead of
         * reading the (occurred_start, id) index in order: 200 ms instead of 56 for 10,000 items.
         */
        @Override
        public String intersectsEnvelope(String column) {
            return "ST_Intersects(" + column + ", ST_MakeEnvelope(?, ?, ?, ?, 4326))";
        }

        @Override
        public int envelopeBindings() {
            return 1;
        }

        /** The GiST index finds them from {@link #intersectsEnvelope}. */
        @Override
        public Optional<String> nearEnvelope(double minLon, double minLat, double maxLon, double maxLat) {
            return Optional.empty();
        }

        /** The function alone, for the reason {@link #intersectsEnvelope} gives: PostGIS adds {@code &&} itself. */
        @Override
        public String relate(String function, String column) {
            return function + "(" + column + ", " + geometryFromWkb() + ")";
        }

        @Override
        public int relateBindings() {
            return 1;
        }

        /**
         * The driver's own bytes: the text arrives as UTF-8 and is never decoded into a String and encoded
         * back (that round trip was half the server's CPU time on 10,000 OGC items).
         */
        @Override
        public byte[] utf8(ResultSet rs, int column) throws SQLException {
            return rs.getBytes(column);
        }

        @Override
        public Optional<String> vectorTile(
                String layer, String table, String geometry, String columns, String conditions) {
            return Optional.of(MVT.formatted(layer, columns, geometry, table, conditions));
        }

        /**
         * A lon/lat table's tile: {@code %1$s} the layer, {@code %2$s} the attribute columns, {@code %3$s} the geometry
         * column, {@code %4$s} the table, {@code %5$s} the conditions (whose box the GiST index over the geometry
         * serves); the geometry is projected to EPSG:3857 row by row.
         */
        static final String MVT_OF_LON_LAT = """
                SELECT ST_AsMVT(t, '%1$s', 4096, 'geom') FROM (
                  SELECT %2$s, ST_AsMVTGeom(ST_Transform(%3$s, 3857), ST_TileEnvelope(?, ?, ?), 4096, 64, true) AS geom
                  FROM %4$s WHERE %5$s
                ) t""";

        /** A time as RFC 3339 text in UTC, as the server's encoder writes it (ST_AsMVT would write timestamptz's own text). */
        static final String TIME_TEXT =
                "to_char(%1$s AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') AS \"%1$s\"";

        @Override
        public Optional<String> vectorTileOfLonLat(
                String layer,
                String table,
                String geometry,
                List<String> columns,
                Set<String> times,
                String conditions) {
            String attributes = String.join(
                    ", ",
                    columns.stream()
                            .map(c -> times.contains(c) ? TIME_TEXT.formatted(c) : "\"" + c + "\"")
                            .toList());
            return Optional.of(MVT_OF_LON_LAT.formatted(layer, attributes, geometry, table, conditions));
        }

        @Override
        public boolean encodesVectorTiles() {
            return true;
        }

        @Override
        public Optional<String> historyFilterFill() {
            return Optional.of(HISTORY_FILL);
        }

        /**
         * {@link #deferredHistory()}: seqs from the identity column's own sequence; the copy joins the written ids to
         * {@code incidents} by its primary key. Before (V44 to V56) an import's history rows were inserted with
         * change_version null and all rewritten by one UPDATE at its end: 7.2 s for 30,000 rows at load 26, each
         * wide V53 row and its five index entries written a second time.
         */
        static final DeferredHistory DEFERRED_HISTORY = new DeferredHistory(
                "SELECT nextval(pg_get_serial_sequence('incident_history', 'seq')) FROM generate_series(1, ?)", """
                INSERT INTO incident_history (seq, incident_id, version, operation, editor, recorded_at, document,
                  status, type, title, summary, operation_name, occurred_start, occurred_end, contested, killed_max,
                  parties, geom, change_version)
                SELECT w.seq, i.id, i.version, w.op, ?, i.updated_at, i.feature, i.status, i.type, i.title, i.summary,
                  i.operation, i.occurred_start, i.occurred_end, i.contested, i.killed_max, i.parties, i.geom, ?
                FROM unnest(?::text[], ?::bigint[], ?::text[]) AS w(id, seq, op) JOIN incidents i ON i.id = w.id""");

        @Override
        public Optional<DeferredHistory> deferredHistory() {
            return Optional.of(DEFERRED_HISTORY);
        }

        /**
         * CLUSTER each table by its index, then one VACUUM (ANALYZE) of them all: it sets the rewritten tables'
         * visibility maps and statistics at once, so autovacuum does not do it under the first requests after
         * a bulk load (it slowed the benchmark's first tiles). Outside any transaction, as VACUUM must be.
         */
        @Override
        public List<String> reorder(List<String[]> tablesAndIndexes) {
            List<String> out = new ArrayList<>();
            tablesAndIndexes.forEach(t -> out.add("CLUSTER " + t[0] + " USING " + t[1]));
            out.add("VACUUM (ANALYZE) "
                    + String.join(", ", tablesAndIndexes.stream().map(t -> t[0]).toList()));
            return out;
        }

        @Override
        public List<String> analyze(List<String> tables) {
            return List.of("ANALYZE " + String.join(", ", tables));
        }

        /** {@code ST_Extent}, one aggregate (PostgreSQL computes the four identical calls once). */
        @Override
        public String extentAggregates(String column) {
            String e = "ST_Extent(" + column + ")";
            return "ST_XMin(" + e + "), ST_YMin(" + e + "), ST_XMax(" + e + "), ST_YMax(" + e + ")";
        }
    }
}
