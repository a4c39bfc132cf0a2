package org.conflictmap.incidents;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import org.conflictmap.errors.AlreadyExists;
import org.conflictmap.errors.Invalid;
import org.conflictmap.errors.NotFound;
import org.conflictmap.errors.VersionConflict;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geo.Wkb;
import org.conflictmap.store.DataVersion;
import org.conflictmap.store.SpatialDialect;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The incidents table and its history, on either store. Reads stream row by row (a JDBC fetch
 * size, inside a read-only transaction so PostgreSQL uses a cursor), so 100k incidents never sit
 * in memory at once. Every write runs in one transaction with its history row and the data-version
 * bump.
 */
@Repository
public class IncidentRepository {
    private static final Logger log = LoggerFactory.getLogger(IncidentRepository.class);
    static final String COLUMNS = "id, title, summary, type, status, occurred_start, occurred_end, time_precision, "
            + "geo_precision, places, actors, operation, tags, claims, sources, version, created_at, updated_at";
    /** Every column a write sets besides {@code id}, in the order {@link #bindColumns} binds them. */
    static final List<String> WRITTEN = List.of(
            "title",
            "summary",
            "type",
            "status",
            "occurred_start",
            "occurred_end",
            "time_precision",
            "geo_precision",
            "places",
            "actors",
            "operation",
            "tags",
            "claims",
            "sources",
            "claims_summary",
            "claims_count",
            "killed_min",
            "killed_max",
            "wounded_min",
            "wounded_max",
            "parties",
            "contested",
            "version",
            "created_at",
            "updated_at",
            "place_names",
            "place_ids",
            "party_names",
            "source_outlets",
            "feature",
            "geom",
            "geom_point");
    /** The geometry columns, bound as WKB through the dialect's {@code %s}. */
    static final List<String> GEOMETRIES = List.of("geom", "geom_point");

    static final String INSERT = "INSERT INTO incidents (id, " + String.join(", ", WRITTEN) + ") VALUES (?, "
            + String.join(
                    ", ",
                    WRITTEN.stream()
                            .map(c -> GEOMETRIES.contains(c) ? "%s" : "?")
                            .toList()) + ")";
    /**
     * Replaces a row in place, only at the version the writer read: an UPDATE (not DELETE and INSERT) so that a
     * writer waiting on the row's lock finds the row again, at its new version (PostgreSQL's FOR UPDATE follows
     * an updated row, but skips a deleted one: DELETE + INSERT turned the loser of a race into a
     * duplicate-key 500).
     */
    static final String UPDATE = "UPDATE incidents SET "
            + String.join(
                    ", ",
                    WRITTEN.stream()
                            .map(c -> c + " = " + (GEOMETRIES.contains(c) ? "%s" : "?"))
                            .toList()) + " WHERE id = ? AND version = ?";
    /** Takes an incident's row lock for the rest of the transaction: every write of an incident starts here. */
    static final String LOCK = "SELECT version FROM incidents WHERE id = ? FOR UPDATE";

    static final String VERSION_OF = "SELECT version FROM incidents WHERE id = ?";
    /** The last version history holds of an id (a deleted incident created again continues from it). */
    static final String LAST_RECORDED = "SELECT MAX(version) FROM incident_history WHERE incident_id = ?";

    static final String LAST_RECORDED_OF =
            "SELECT incident_id, MAX(version) FROM incident_history WHERE incident_id IN (%s) "
                    + "GROUP BY incident_id";
    /** Rows written before the derived columns existed (V21), a batch at a time. */
    static final String UNDERIVED = "SELECT %s FROM incidents WHERE feature IS NULL LIMIT 1000";

    static final String DERIVE =
            "UPDATE incidents SET place_names = ?, place_ids = ?, party_names = ?, source_outlets = ?, "
                    + "feature = ? WHERE id = ?";
    static final String DELETE = "DELETE FROM incidents WHERE id = ?";
    /** What a published draft's new id is written to ({@link #rename}): each statement takes (to, from). */
    static final List<String> RENAMES = List.of(
            "UPDATE incidents SET id = ? WHERE id = ?",
            "UPDATE incident_history SET incident_id = ? WHERE incident_id = ?",
            "UPDATE article_incidents SET incident_id = ? WHERE incident_id = ?",
            "UPDATE ingest_provenance SET incident_id = ? WHERE incident_id = ?",
            "UPDATE desk_presence SET incident_id = ? WHERE incident_id = ?");

    static final String ALIAS_INSERT = "INSERT INTO incident_aliases (alias, incident_id, created_at) VALUES (?, ?, ?)";
    /** Aliases of the renamed id follow it (none today: only draft ids are renamed, and only once). */
    static final String ALIAS_FOLLOW = "UPDATE incident_aliases SET incident_id = ? WHERE incident_id = ?";

    static final String ALIAS_OF = "SELECT incident_id FROM incident_aliases WHERE alias = ?";
    static final String ID_TAKEN = "SELECT 1 FROM incidents WHERE id = ? UNION ALL "
            + "SELECT 1 FROM incident_history WHERE incident_id = ? UNION ALL "
            + "SELECT 1 FROM incident_aliases WHERE alias = ?";
    /** The incidents table laid out in the paging order, where the store can reorder a table. */
    static final String[] ORDERED = {"incidents", "incidents_order_idx"};
    /** Vector tiles' table (V22, PostGIS) laid out in space: a tile's rows then share pages. */
    static final String[] TILES_ORDERED = {"incident_tiles", "incident_tiles_geom_idx"};
    /** The rows an upsert replaces, locked as {@link #LOCK} locks one. */
    static final String EXISTING = "SELECT id, version, created_at FROM incidents WHERE id IN (%s) FOR UPDATE";
    /**
     * A history row: the write and the Feature after it (before it, for a delete), with the columns the filter
     * compares (V53) so that {@code asof} filters in SQL; {@code %s} the dialect's geometry from WKB.
     */
    static final String HISTORY_INSERT = "INSERT INTO incident_history (incident_id, version, operation, editor, "
            + "recorded_at, document, change_note, status, type, title, summary, operation_name, occurred_start, occurred_end, "
            + "contested, killed_max, parties, geom, change_version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s, ?)";
    /**
     * Gives this transaction's history rows still without one the data version it bumps to (V44), where the store
     * cannot defer a bulk write's history rows ({@link SpatialDialect#deferredHistory()}: H2): under data_version's
     * row lock, held to the commit, so the event stream's order (change_version, seq) is commit order.
     */
    static final String STAMP_HISTORY = "UPDATE incident_history SET change_version = ? WHERE change_version IS NULL";

    static final String WRITERS_OF =
            "SELECT incident_id, operation, editor FROM incident_history WHERE incident_id IN (%s) "
                    + "ORDER BY incident_id, seq";
    static final String HISTORY_OF =
            "SELECT version, operation, editor, recorded_at, document, change_note FROM incident_history "
                    + "WHERE incident_id = ? ORDER BY seq";
    /**
     * The latest history row of each incident recorded by a time, deletes left out: the data set as it was then.
     * {@code %s} the filter's further conditions (over the history's V53 columns) and the order and page.
     */
    static final String AS_OF = "SELECT %s FROM incident_history h WHERE h.seq IN (SELECT MAX(seq) FROM "
            + "incident_history WHERE recorded_at <= ? GROUP BY incident_id) AND h.operation <> 'delete'%s";
    /**
     * History rows written before V53, a batch at a time after the last one (their filter columns are filled from the
     * Feature). From the last seq on: {@code WHERE status IS NULL ORDER BY seq LIMIT} alone walked the filled rows
     * again for every batch on H2, which has no partial index.
     */
    static final String HISTORY_UNFILLED =
            "SELECT seq, document FROM incident_history WHERE status IS NULL AND seq > ? " + "ORDER BY seq LIMIT 1000";
    /** Rows the SQL fill ({@link SpatialDialect#historyFilterFill()}) fills per statement. */
    static final int SQL_FILL_BATCH = 10_000;

    static final String HISTORY_FILL = "UPDATE incident_history SET status = ?, type = ?, title = ?, summary = ?, "
            + "operation_name = ?, occurred_start = ?, occurred_end = ?, contested = ?, killed_max = ?, parties = ?, geom = %s "
            + "WHERE seq = ?";
    /** What a history row whose Feature cannot be read any more is marked: no filter selects it. */
    static final String UNREADABLE = "unreadable";

    static final int FETCH_SIZE = 500;

    /**
     * The largest page that {@link #streamFeatures} fetches in one round trip (OGC API's largest page): its
     * caller holds such a page anyway, and on PostgreSQL each fetch of {@link #FETCH_SIZE} rows waited for its
     * own round trip, 20 for 10,000 items. Still a fetch size, not all rows: PostgreSQL runs a statement whose
     * rows are fetched in parts without parallel workers, as before, where a plain execution of the 10,000 items
     * planned two workers that passed the 11 MB of Features to the leader (2.5x slower at load ~18).
     */
    static final int PAGE_FETCHED_AT_ONCE = 10_000;

    /** How many vector tile statements are remembered (one per layer, zoom's attributes and filter shape). */
    static final int TILE_STATEMENTS_REMEMBERED = 256;

    /** What a vector layer (a collection id) may be named: it is written into the tile's SQL. */
    static final Pattern VECTOR_LAYER = Pattern.compile("[a-z][a-z0-9-]*");

    /** How many counts (numberMatched) are remembered, each for one data version. */
    static final int COUNTS_REMEMBERED = 1000;

    private final JdbcTemplate jdbc;
    /** {@link #jdbc} with room for a whole page of {@link #PAGE_FETCHED_AT_ONCE} rows in one fetch. */
    private final JdbcTemplate pageJdbc;

    private final SpatialDialect dialect;
    private final FilterCompiler compiler;
    private final DataVersion dataVersion;
    private final TransactionTemplate tx;
    private final TransactionTemplate readTx;
    private final ObjectMapper json;
    private final Gazetteer gazetteer;
    private final StoredClaims storedClaims;
    private final Cache<CountKey, Long> counts =
            Caffeine.newBuilder().maximumSize(COUNTS_REMEMBERED).build();

    /**
     * The vector tile statements written so far, by shape: a layer, its attributes at the zoom and the filter's SQL,
     * a few dozen at most (formatting the statement and checking the layer's name was ~4 % of a cold z12 tile's
     * time in the server).
     */
    private final Cache<TileStatement, Optional<String>> tileStatements =
            Caffeine.newBuilder().maximumSize(TILE_STATEMENTS_REMEMBERED).build();

    private final ObjectProvider<WriteOutbox> outboxes;
    /** Binds this repository's {@link #unrecorded} rows to the transaction. */
    private final Object unrecordedKey = new Object();

    IncidentRepository(
            JdbcTemplate jdbc,
            SpatialDialect dialect,
            DataVersion dataVersion,
            TransactionTemplate tx,
            ObjectMapper json,
            Gazetteer gazetteer,
            ObjectProvider<WriteOutbox> outboxes) {
        this.outboxes = outboxes;
        this.jdbc = new JdbcTemplate(jdbc.getDataSource());
        this.jdbc.setFetchSize(FETCH_SIZE);
        this.pageJdbc = new JdbcTemplate(jdbc.getDataSource());
        this.pageJdbc.setFetchSize(PAGE_FETCHED_AT_ONCE + 1);
        this.dialect = dialect;
        this.compiler = new FilterCompiler(dialect);
        this.dataVersion = dataVersion;
        this.tx = tx;
        this.readTx = new TransactionTemplate(tx.getTransactionManager());
        this.readTx.setReadOnly(true);
        this.json = json;
        this.gazetteer = gazetteer;
        this.storedClaims = new StoredClaims(json, gazetteer);
    }

    // ------------------------------------------------------------------ reads

    /** Calls {@code each} for every incident the query selects, in time order, without holding them all. */
    public void stream(IncidentQuery query, Consumer<Incident> each) {
        FilterCompiler.Sql sql = where(query);
        String select = "SELECT " + COLUMNS + ", " + dialect.geometryAsWkb("geom") + " AS wkb FROM incidents"
                + sql.where() + " ORDER BY occurred_start, id LIMIT " + query.limit() + " OFFSET " + query.offset();
        readTx.executeWithoutResult(s -> jdbc.query(
                select,
                (RowCallbackHandler) rs -> each.accept(row(rs)),
                sql.params().toArray()));
    }

    /**
     * Streams chosen columns of the incidents the query selects, without building {@link Incident}s:
     * for hot paths that need a few flat columns (tiles). {@code columns} are SQL expressions over the
     * incidents table; the geometry as WKB is added last, as column {@code wkb}.
     */
    void streamColumns(IncidentQuery query, String columns, RowCallbackHandler each) {
        FilterCompiler.Sql sql = where(query);
        String select = "SELECT " + columns + ", " + dialect.geometryAsWkb("geom") + " AS wkb FROM incidents"
                + sql.where() + " ORDER BY occurred_start, id LIMIT " + query.limit() + " OFFSET " + query.offset();
        readTx.executeWithoutResult(s -> jdbc.query(select, each, sql.params().toArray()));
    }

    /**
     * Streams the geometry and chosen attributes of the incidents the query selects as typed {@link MapRow}s:
     * what the tiles and static maps draw. {@code attributes} are {@link Queryables} by name (their columns are
     * this package's), in the order the row keeps.
     */
    public void streamMapRows(IncidentQuery query, List<String> attributes, Consumer<MapRow> each) {
        List<String> names = List.copyOf(attributes);
        int n = names.size();
        String columns =
                String.join(", ", names.stream().map(Queryables::column).toList());
        streamColumns(query, columns, rs -> {
            Map<String, Object> values = new LinkedHashMap<>();
            for (int k = 0; k < n; k++) {
                Object v = rs.getObject(k + 1);
                if (v != null) {
                    values.put(
                            names.get(k),
                            v instanceof TemporalAccessor || v instanceof Timestamp
                                    ? rs.getObject(k + 1, OffsetDateTime.class)
                                            .toInstant()
                                            .toString()
                                    : v);
                }
            }
            each.accept(new MapRow(rs.getBytes(n + 1), values));
        });
    }

    /**
     * Streams chosen columns of the incidents the query selects as typed {@link StoredRow}s, with the
     * point inside each location and the whole geometry as WKB and the claims and sources JSON: the
     * flat exports' rows, read here so that no {@code ResultSet} (nor a column name) leaves the incidents package.
     * The values follow {@code attributes}, each read as its type.
     */
    public void streamStored(IncidentQuery query, List<Queryables.Attribute> attributes, Consumer<StoredRow> each) {
        List<StoredRow.Column> columns = attributes.stream()
                .map(a -> new StoredRow.Column(Queryables.column(a), a.type()))
                .toList();
        FilterCompiler.Sql sql = where(query);
        int n = columns.size();
        String select =
                "SELECT " + StoredRow.selectList(columns) + ", claims, sources, " + dialect.geometryAsWkb("geom_point")
                        + " AS point_wkb, " + dialect.geometryAsWkb("geom") + " AS wkb FROM incidents" + sql.where()
                        + " ORDER BY occurred_start, id LIMIT " + query.limit() + " OFFSET " + query.offset();
        readTx.executeWithoutResult(s -> jdbc.query(
                select,
                (RowCallbackHandler) rs -> {
                    Object[] values = new Object[n];
                    for (int k = 0; k < n; k++) {
                        Class<?> type = columns.get(k).type();
                        if (type == Instant.class) {
                            OffsetDateTime t = rs.getObject(k + 1, OffsetDateTime.class);
                            values[k] = t == null ? null : t.toInstant();
                        } else if (type == String.class) {
                            values[k] = rs.getString(k + 1);
                        } else {
                            values[k] = rs.getObject(k + 1, type);
                        }
                    }
                    each.accept(new StoredRow(
                            values, rs.getBytes(n + 3), rs.getBytes(n + 4), rs.getString(n + 1), rs.getString(n + 2)));
                },
                sql.params().toArray()));
    }

    /**
     * Reads the {@code claims} and {@code sources} JSON columns, for readers of {@link #streamColumns}
     * that need an incident's claims but not the rest of it. A plain object, not this (proxied)
     * repository: a call per row through the proxy was a tenth of a Shapefile export's claims thread.
     */
    public StoredClaims storedClaims() {
        return storedClaims;
    }

    /** Parses the stored claims and sources JSON of one incident at a time; safe to share between threads. */
    public static final class StoredClaims {
        private final ObjectMapper json;
        private final Gazetteer gazetteer;

        private StoredClaims(ObjectMapper json, Gazetteer gazetteer) {
            this.json = json;
            this.gazetteer = gazetteer;
        }

        /** An incident's claims from its {@code claims} column. */
        public List<Claim> claims(String claimsJson) {
            return new IncidentJson(gazetteer).claimsOnly(json.readTree(claimsJson));
        }

        /** An incident's sources from its {@code sources} column. */
        public List<Source> sources(String sourcesJson) {
            return new IncidentJson(gazetteer).sourcesOnly(json.readTree(sourcesJson));
        }
    }

    /**
     * Streams the stored GeoJSON Feature text of each incident the query selects, in time order, as
     * UTF-8 bytes: what OGC items and GeoJSON exports send, without parsing or building anything per
     * row. On PostgreSQL the bytes are the driver's own (the text arrives as UTF-8 and is never decoded
     * into a String and encoded back: that round trip was half the server's CPU time on 10,000 items).
     */
    public void streamFeatures(IncidentQuery query, Consumer<byte[]> each) {
        FilterCompiler.Sql sql = where(query);
        String select = "SELECT feature FROM incidents" + sql.where() + " ORDER BY occurred_start, id LIMIT "
                + query.limit() + " OFFSET " + query.offset();
        JdbcTemplate fetching = query.limit() <= PAGE_FETCHED_AT_ONCE ? pageJdbc : jdbc;
        readTx.executeWithoutResult(s -> fetching.query(
                select,
                (RowCallbackHandler) rs -> each.accept(dialect.utf8(rs, 1)),
                sql.params().toArray()));
    }

    /**
     * Fills the derived columns (V21) of rows written before they existed; returns how many. Runs at
     * start-up, before the server answers.
     */
    int fillDerived() {
        String select = UNDERIVED.formatted(COLUMNS + ", " + dialect.geometryAsWkb("geom") + " AS wkb");
        int total = 0;
        while (true) {
            List<Incident> batch = jdbc.query(select, (rs, n) -> row(rs));
            if (batch.isEmpty()) {
                return total;
            }
            tx.executeWithoutResult(s -> jdbc.batchUpdate(
                    DERIVE,
                    batch.stream()
                            .map(i -> new Object[] {
                                i.placeNames(),
                                i.placeIds(),
                                i.partyNames(),
                                i.sourceOutlets(),
                                IncidentFeatures.feature(i).toString(),
                                i.id()
                            })
                            .toList()));
            total += batch.size();
        }
    }

    /**
     * On PostgreSQL, rewrites the incidents table in the paging order (occurred_start, id) and the vector
     * tiles' table in the order of its spatial index, then vacuums both and refreshes their statistics; false on the
     * embedded store, where it does nothing. Locks the tables while it runs.
     */
    boolean cluster() {
        List<String> statements = dialect.reorder(
                dialect.encodesVectorTiles() ? List.<String[]>of(ORDERED, TILES_ORDERED) : List.<String[]>of(ORDERED));
        statements.forEach(jdbc::execute);
        return !statements.isEmpty();
    }

    /** Refreshes the query planner's statistics of the incidents table, and on PostGIS its tiles' table (after a bulk import). */
    void analyze() {
        dialect.analyze(dialect.encodesVectorTiles() ? List.of("incidents", "incident_tiles") : List.of("incidents"))
                .forEach(jdbc::execute);
    }

    /**
     * An incidents layer's vector tile z/x/y encoded by the store from its tiles' table, its MVT layer named
     * {@code layer} (a collection id), with these attributes (columns of {@code incident_tiles}), filtered by
     * {@code query} (no bbox: the tile's own envelope; a collection's condition as its {@code where});
     * empty where the store does not encode tiles (the caller encodes them from {@link #streamMapRows}).
     */
    public Optional<byte[]> vectorTile(
            String layer, int z, int x, int y, List<String> attributes, IncidentQuery query) {
        FilterCompiler.Sql sql = compiler.tileConditions(query);
        return tileStatements
                .get(new TileStatement(layer, List.copyOf(attributes), sql.sql()), this::tileStatement)
                .map(select -> {
                    List<Object> params = new ArrayList<>(List.of(z, x, y, z, x, y));
                    params.addAll(sql.params());
                    byte[] mvt = jdbc.queryForObject(select, byte[].class, params.toArray());
                    return mvt == null ? new byte[0] : mvt;
                });
    }

    /** A vector tile statement's shape: the layer, its attributes and the filter's SQL (its values are parameters). */
    private record TileStatement(String layer, List<String> attributes, String conditions) {}

    /** The store's statement for one {@link TileStatement}: written once, not per tile request. */
    private Optional<String> tileStatement(TileStatement t) {
        if (!VECTOR_LAYER.matcher(t.layer()).matches()) {
            throw new IllegalArgumentException("a vector layer is named as its collection: " + t.layer());
        }
        String columns = String.join(
                ", ", t.attributes().stream().map(a -> "\"" + a + "\"").toList());
        return dialect.vectorTile(t.layer(), "incident_tiles", "geom_3857", columns, t.conditions());
    }

    public List<Incident> find(IncidentQuery query) {
        List<Incident> out = new ArrayList<>();
        stream(query, out::add);
        return out;
    }

    /**
     * How many incidents the query selects, ignoring its limit and offset. Remembered per data version:
     * a client paging through a large result (QGIS, ogr2ogr) asks the same count with every page, and
     * on PostGIS it costs a scan of every matching row (~80-150 ms for 43,000 of 100,000).
     */
    public long count(IncidentQuery query) {
        FilterCompiler.Sql sql = where(query);
        CountKey key = new CountKey(dataVersion.current().version(), sql.where(), new ArrayList<>(sql.params()));
        return counts.get(key, k -> {
            Long n = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM incidents" + sql.where(),
                    Long.class,
                    sql.params().toArray());
            return n == null ? 0L : n;
        });
    }

    /** A count's key: the data version it was taken at and the exact SQL condition with its values. */
    private record CountKey(long version, String where, List<Object> params) {}

    /** The incident with this id, whatever its status. */
    public Optional<Incident> byId(String id) {
        List<Incident> found = jdbc.query(
                "SELECT " + COLUMNS + ", " + dialect.geometryAsWkb("geom") + " AS wkb FROM incidents WHERE id = ?",
                (rs, n) -> row(rs),
                id);
        return found.stream().findFirst();
    }

    /**
     * The data set as it was at {@code asof}, filtered and paged by {@code query} in SQL over the history's
     * filter columns (V53), in id order; only the page's Features are read.
     */
    public void streamAsOf(Instant asof, IncidentQuery query, Consumer<Incident> each) {
        FilterCompiler.Sql sql = compiler.conditions(query, FilterCompiler.Table.HISTORY);
        String select = AS_OF.formatted(
                "h.document",
                sql.sql() + " ORDER BY h.incident_id LIMIT " + query.limit() + " OFFSET " + query.offset());
        List<Object> params = new ArrayList<>();
        params.add(OffsetDateTime.ofInstant(asof, ZoneOffset.UTC));
        params.addAll(sql.params());
        readTx.executeWithoutResult(s -> jdbc.query(
                select,
                (RowCallbackHandler) rs -> each.accept(fromDocument(json.readTree(rs.getString(1)))),
                params.toArray()));
    }

    /** How many incidents {@link #streamAsOf} selects, ignoring the query's limit and offset (remembered as {@link #count}). */
    public long countAsOf(Instant asof, IncidentQuery query) {
        FilterCompiler.Sql sql = compiler.conditions(query, FilterCompiler.Table.HISTORY);
        String select = AS_OF.formatted("COUNT(*)", sql.sql());
        List<Object> params = new ArrayList<>();
        params.add(OffsetDateTime.ofInstant(asof, ZoneOffset.UTC));
        params.addAll(sql.params());
        CountKey key = new CountKey(dataVersion.current().version(), select, params);
        return counts.get(key, k -> {
            Long n = jdbc.queryForObject(select, Long.class, params.toArray());
            return n == null ? 0L : n;
        });
    }

    /**
     * Fills the filter columns (V53) of history rows written before they existed, from each row's Feature;
     * returns how many. Runs at start-up, before the server answers: in SQL where the store reads JSON
     * ({@link SpatialDialect#historyFilterFill()}), else (or where a stored text is not JSON) in Java. A Feature
     * that no longer reads (a place the gazetteer dropped) is marked {@link #UNREADABLE}, which no filter selects.
     */
    int fillHistoryColumns() {
        int total = 0;
        if (dialect.historyFilterFill().isPresent()) {
            try {
                total = fillHistoryColumnsInSql();
            } catch (DataAccessException e) {
                log.warn(
                        "Filling the history's filter columns in SQL failed ({}); the rest is filled row by row",
                        e.getMostSpecificCause().getMessage());
            }
        }
        return total + fillHistoryColumnsInJava();
    }

    /** The SQL fill, a batch per transaction; 0 where the store has none. */
    int fillHistoryColumnsInSql() {
        String fill = dialect.historyFilterFill().orElse(null);
        int total = 0;
        while (fill != null) {
            Integer n = tx.execute(s -> jdbc.update(fill, SQL_FILL_BATCH));
            if (n == null || n == 0) {
                return total;
            }
            total += n;
        }
        return total;
    }

    /** The Java fill: each Feature parsed as an incident, as the write path computes the columns. */
    int fillHistoryColumnsInJava() {
        String update = HISTORY_FILL.formatted(dialect.geometryFromWkb());
        int total = 0;
        long after = 0;
        while (true) {
            List<Object[]> batch = new ArrayList<>();
            jdbc.query(
                    HISTORY_UNFILLED,
                    (RowCallbackHandler) rs -> {
                        long seq = rs.getLong(1);
                        Object[] row;
                        try {
                            row = filterColumns(fromDocument(json.readTree(rs.getString(2))));
                        } catch (RuntimeException e) {
                            row = new Object[] {UNREADABLE, null, null, null, null, null, null, null, null, null, null};
                            log.warn(
                                    "History row {} cannot be read any more ({}); asof leaves it out",
                                    seq,
                                    e.getMessage());
                        }
                        Object[] withSeq = Arrays.copyOf(row, row.length + 1);
                        withSeq[row.length] = seq;
                        batch.add(withSeq);
                    },
                    after);
            if (batch.isEmpty()) {
                return total;
            }
            tx.executeWithoutResult(s -> jdbc.batchUpdate(update, batch));
            total += batch.size();
            after = (Long) batch.get(batch.size() - 1)[batch.get(0).length - 1];
        }
    }

    /** Every recorded write to the incident, oldest first: version, operation, editor, time, the Feature. */
    public List<ObjectNode> history(String id) {
        return jdbc.query(
                HISTORY_OF,
                (rs, n) -> {
                    ObjectNode h = json.createObjectNode();
                    h.put("version", rs.getInt(1));
                    h.put("operation", rs.getString(2));
                    h.put("editor", rs.getString(3));
                    h.put(
                            "recorded_at",
                            rs.getObject(4, OffsetDateTime.class).toInstant().toString());
                    h.set("feature", json.readTree(rs.getString(5)));
                    if (rs.getString(6) != null) {
                        h.set("change", json.readTree(rs.getString(6)));
                    }
                    return h;
                },
                id);
    }

    /** Who created an incident (its last {@code create}) and who wrote it last. */
    public record Writers(String createdBy, String updatedBy) {}

    /** The {@link Writers} of each of these incidents, read from the history a thousand ids at a time. */
    public Map<String, Writers> writers(List<String> ids) {
        Map<String, Writers> out = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            jdbc.query(
                    WRITERS_OF.formatted(placeholders(chunk.size())),
                    (RowCallbackHandler) rs -> {
                        Writers w = out.get(rs.getString(1));
                        String editor = rs.getString(3);
                        out.put(
                                rs.getString(1),
                                new Writers(
                                        w == null || "create".equals(rs.getString(2)) ? editor : w.createdBy(),
                                        editor));
                    },
                    chunk.toArray());
        }
        return out;
    }

    // ------------------------------------------------------------------ writes

    /**
     * Stores a new incident: version 1, or for an id deleted before, one past the last version in its history
     * (an ETag of the deleted incident never matches the new one). An existing id is a 409, also when two
     * creates of one id race: the loser's INSERT meets the winner's key.
     */
    public Incident create(Incident incident, String editor) {
        try {
            return tx.execute(s -> {
                if (!jdbc.queryForList(LOCK, Integer.class, incident.id()).isEmpty()) {
                    throw exists(incident.id());
                }
                Integer last = jdbc.queryForObject(LAST_RECORDED, Integer.class, incident.id());
                Instant now = now();
                Incident stored = incident.withVersion(last == null ? 1 : last + 1, now, now);
                insert(List.of(stored));
                record(stored, stored.version(), "create", editor, now, null);
                bumpVersion();
                return stored;
            });
        } catch (DuplicateKeyException e) {
            throw exists(incident.id());
        }
    }

    private static AlreadyExists exists(String id) {
        return new AlreadyExists(
                "an incident with id '" + id + "' exists already; PUT /api/incidents/" + id + " replaces it");
    }

    /**
     * Changes an incident in one transaction that holds its row lock from the version check to the commit:
     * {@code change} gets the stored incident and returns the new one. {@code expectedVersion} (the editor's
     * If-Match) must be the stored version, else 412 and nothing changes; null (If-Match: *) takes whatever is
     * stored. Of two writers with one If-Match, the second waits for the first's lock and then gets the 412.
     */
    public Incident update(String id, Integer expectedVersion, String editor, UnaryOperator<Incident> change) {
        return update(id, expectedVersion, editor, change, null);
    }

    /**
     * As {@link #update(String, Integer, String, UnaryOperator)}, with what the write was ({@code note}, a JSON object
     * V54 keeps in the history row as {@code change_note}) when "update" says too little: a claim moved.
     */
    public Incident update(
            String id, Integer expectedVersion, String editor, UnaryOperator<Incident> change, JsonNode note) {
        return tx.execute(s -> {
            Incident old = locked(id, expectedVersion);
            Instant now = now();
            Incident changed = change.apply(old).withVersion(old.version() + 1, old.created(), now);
            if (!changed.id().equals(id)) {
                throw new Invalid("id", "an incident's id cannot change (it is '" + id + "')");
            }
            JsonNode recorded = note;
            if (PublishedIds.renames(old, changed)) {
                String to = PublishedIds.of(changed, gazetteer, this::idTaken);
                rename(id, to, now);
                changed = changed.withId(to);
                ObjectNode n = note instanceof ObjectNode o ? o.deepCopy() : json.createObjectNode();
                recorded = n.put("renamed_from", id);
            }
            Incident stored = changed;
            int n = jdbc.update(
                    UPDATE.formatted(dialect.geometryFromWkb(), dialect.geometryFromWkb()),
                    ps -> bindUpdate(ps, stored));
            if (n != 1) {
                throw stale(id, currentVersion(id), old.version());
            }
            record(stored, stored.version(), "update", editor, now, recorded);
            bumpVersion();
            return stored;
        });
    }

    /** The incident an earlier id of it (a published draft's, {@link PublishedIds}) now names, if any. */
    public Optional<String> aliasOf(String id) {
        return jdbc.queryForList(ALIAS_OF, String.class, id).stream().findFirst();
    }

    /** Whether {@code id} names an incident, one deleted (its history) or an earlier id of one. */
    private boolean idTaken(String id) {
        return !jdbc.queryForList(ID_TAKEN, Integer.class, id, id, id).isEmpty();
    }

    /**
     * Gives the locked incident {@code from} the id {@code to}, with its history, articles, provenance and
     * presence, and keeps {@code from} as its alias: all in the write's transaction, under the row's lock.
     */
    private void rename(String from, String to, Instant at) {
        for (String sql : RENAMES) {
            jdbc.update(sql, to, from);
        }
        jdbc.update(ALIAS_INSERT, from, to, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
        jdbc.update(ALIAS_FOLLOW, to, from);
    }

    /**
     * Deletes an incident under its row lock, as {@link #update}. History keeps it: the delete is recorded as
     * the next version, with the incident as it was.
     */
    public void delete(String id, Integer expectedVersion, String editor) {
        tx.executeWithoutResult(s -> {
            Incident old = locked(id, expectedVersion);
            jdbc.update(DELETE, id);
            record(old, old.version() + 1, "delete", editor, now(), null);
            bumpVersion();
        });
    }

    /** Locks the incident's row, checks the expected version, and reads the incident (inside a transaction). */
    private Incident locked(String id, Integer expectedVersion) {
        List<Integer> version = jdbc.queryForList(LOCK, Integer.class, id);
        if (version.isEmpty()) {
            if (expectedVersion != null && jdbc.queryForObject(LAST_RECORDED, Integer.class, id) != null) {
                // RFC 9110 §13.1.1: If-Match is false when the resource has no current representation. The client
                // held a version of an incident since deleted (the loser of two DELETEs, a stale tab): its
                // precondition failed, as against a newer version, whether the delete committed a moment before or
                // long ago. An id that never named an incident stays a 404 (OGC API Part 4, RFC 9110 §13.2.1).
                throw stale(id, null, expectedVersion);
            }
            throw new NotFound("no incident with id '" + id + "'"
                    + aliasOf(id)
                            .map(to -> "; it was published as '" + to + "'")
                            .orElse(""));
        }
        // read after the lock: on either store this statement sees the version the lock holder committed
        Incident old = byId(id).orElseThrow(() -> new NotFound("no incident with id '" + id + "'"));
        if (expectedVersion != null && expectedVersion != old.version()) {
            throw stale(id, old.version(), expectedVersion);
        }
        return old;
    }

    private static VersionConflict stale(String id, Integer stored, int expected) {
        return new VersionConflict("incident '" + id + "' is " + (stored == null ? "gone" : "at version " + stored)
                + ", not " + expected + "; reload it and apply the change again");
    }

    private Integer currentVersion(String id) {
        List<Integer> v = jdbc.queryForList(VERSION_OF, Integer.class, id);
        return v.isEmpty() ? null : v.get(0);
    }

    /**
     * Creates or replaces many incidents in one transaction with one data-version bump (the bundled dataset).
     * Returns how many were new.
     */
    public int upsertAll(List<Incident> incidents, String editor) {
        return tx.execute(s -> {
            int created = upsertInTransaction(incidents, editor);
            bumpVersion();
            return created;
        });
    }

    /**
     * As {@link #upsertAll}, for a caller that holds the transaction and bumps the data version once before it
     * commits (an import writes many batches; one bump at the end holds the data version's row lock for an
     * instant instead of the whole import, so an editor's write meanwhile cannot deadlock with it). The
     * replaced rows are locked and updated in place, as {@link #update} does.
     */
    int upsertInTransaction(List<Incident> incidents, String editor) {
        if (incidents.isEmpty()) {
            return 0;
        }
        Instant now = now();
        Map<String, Object[]> existing = new HashMap<>();
        Map<String, Integer> recorded = new HashMap<>();
        for (int from = 0; from < incidents.size(); from += 1000) {
            List<Incident> chunk = incidents.subList(from, Math.min(incidents.size(), from + 1000));
            jdbc.query(
                    EXISTING.formatted(placeholders(chunk.size())),
                    (RowCallbackHandler) rs ->
                            existing.put(rs.getString(1), new Object[] {rs.getInt(2), instant(rs, "created_at")}),
                    chunk.stream().map(Incident::id).toArray());
            Object[] fresh = chunk.stream()
                    .map(Incident::id)
                    .filter(id -> !existing.containsKey(id))
                    .toArray();
            if (fresh.length > 0) {
                jdbc.query(
                        LAST_RECORDED_OF.formatted(placeholders(fresh.length)),
                        (RowCallbackHandler) rs -> recorded.put(rs.getString(1), rs.getInt(2)),
                        fresh);
            }
        }
        List<Incident> created = new ArrayList<>();
        List<Incident> replaced = new ArrayList<>();
        for (Incident i : incidents) {
            Object[] old = existing.get(i.id());
            if (old == null) {
                created.add(i.withVersion(recorded.getOrDefault(i.id(), 0) + 1, now, now));
            } else {
                replaced.add(i.withVersion((Integer) old[0] + 1, (Instant) old[1], now));
            }
        }
        jdbc.batchUpdate(
                UPDATE.formatted(dialect.geometryFromWkb(), dialect.geometryFromWkb()),
                replaced,
                1000,
                this::bindUpdate);
        insert(created);
        dialect.deferredHistory().ifPresentOrElse(d -> deferHistory(d, created, replaced, editor), () -> {
            List<Object[]> history = new ArrayList<>(incidents.size());
            created.forEach(i -> history.add(historyRow(i, i.version(), "create", editor, now, null, null)));
            replaced.forEach(i -> history.add(historyRow(i, i.version(), "update", editor, now, null, null)));
            jdbc.batchUpdate(HISTORY_INSERT.formatted(dialect.geometryFromWkb()), history);
            unrecorded().add(version -> jdbc.update(STAMP_HISTORY, version));
        });
        return created.size();
    }

    /**
     * Takes the history seqs of a bulk write's rows now (seq follows the order of the writes, as when the rows were
     * inserted here) and copies the rows from the incidents just written once the version is known: an import holds
     * neither the rows (100,000 Features) in memory nor data_version's lock while it reads its file. Each id is
     * written once per transaction (the import refuses a repeated event), so the copy is the row as written here.
     */
    private void deferHistory(
            SpatialDialect.DeferredHistory d, List<Incident> created, List<Incident> replaced, String editor) {
        int n = created.size() + replaced.size();
        if (n == 0) {
            return;
        }
        String[] ids = new String[n];
        String[] ops = new String[n];
        int k = 0;
        for (Incident i : created) {
            ids[k] = i.id();
            ops[k++] = "create";
        }
        for (Incident i : replaced) {
            ids[k] = i.id();
            ops[k++] = "update";
        }
        Long[] seqs = jdbc.queryForList(d.reserve(), Long.class, n).toArray(new Long[0]);
        unrecorded()
                .add(version -> jdbc.update(d.copy(), ps -> {
                    ps.setString(1, editor);
                    ps.setLong(2, version);
                    ps.setArray(3, ps.getConnection().createArrayOf("text", ids));
                    ps.setArray(4, ps.getConnection().createArrayOf("bigint", seqs));
                    ps.setArray(5, ps.getConnection().createArrayOf("text", ops));
                }));
    }

    /**
     * Bumps the data version and stamps this transaction's history rows with it; the last thing every write
     * does before its commit (an import, once at its end).
     */
    void bumpVersion() {
        long version = dataVersion.bump().version();
        List<LongConsumer> history = unrecorded();
        history.forEach(h -> h.accept(version));
        history.clear();
        outboxes.forEach(o -> o.written(version));
    }

    /**
     * This transaction's history rows still to be written, each once {@link #bumpVersion} knows the data version
     * (V44's change_version): a write records its history after the bump, under data_version's row lock held to the
     * commit, so each row is written once, with its place in commit order. Until 2026-12-07 the rows were inserted with a
     * null change_version and rewritten by {@link #STAMP_HISTORY} at the bump (an import of 100,000: every wide V53 row
     * and its index entries twice). A transaction that commits with rows still here failed to bump: it is refused.
     */
    private List<LongConsumer> unrecorded() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            throw new IllegalStateException("incident writes run in a transaction");
        }
        @SuppressWarnings("unchecked")
        List<LongConsumer> rows = (List<LongConsumer>) TransactionSynchronizationManager.getResource(unrecordedKey);
        if (rows != null) {
            return rows;
        }
        List<LongConsumer> fresh = new ArrayList<>();
        TransactionSynchronizationManager.bindResource(unrecordedKey, fresh);
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                if (!fresh.isEmpty()) {
                    throw new IllegalStateException(
                            "history rows left unwritten: the write did not bump the data version");
                }
            }

            @Override
            public void suspend() { // a REQUIRES_NEW transaction inside this one records its own writes
                TransactionSynchronizationManager.unbindResourceIfPossible(unrecordedKey);
            }

            @Override
            public void resume() {
                TransactionSynchronizationManager.bindResource(unrecordedKey, fresh);
            }

            @Override
            public void afterCompletion(int status) {
                TransactionSynchronizationManager.unbindResourceIfPossible(unrecordedKey);
            }
        });
        return fresh;
    }

    private void insert(List<Incident> incidents) {
        String sql = INSERT.formatted(dialect.geometryFromWkb(), dialect.geometryFromWkb());
        jdbc.batchUpdate(sql, incidents, 1000, this::bind);
    }

    private void bind(PreparedStatement ps, Incident i) throws SQLException {
        ps.setString(1, i.id());
        bindColumns(ps, i, 2);
    }

    /** Binds the columns of {@link #UPDATE}: the new values, then the id at the version it replaces. */
    private void bindUpdate(PreparedStatement ps, Incident i) throws SQLException {
        int k = bindColumns(ps, i, 1);
        ps.setString(k, i.id());
        ps.setInt(k + 1, i.version() - 1);
    }

    /** Binds {@link #WRITTEN} from {@code k}; returns the next index. */
    private int bindColumns(PreparedStatement ps, Incident i, int k) throws SQLException {
        ps.setString(k++, i.title());
        ps.setString(k++, i.summary());
        ps.setString(k++, i.type());
        ps.setString(k++, i.status());
        ps.setObject(k++, OffsetDateTime.ofInstant(i.occurred().start(), ZoneOffset.UTC));
        ps.setObject(k++, OffsetDateTime.ofInstant(i.occurred().end(), ZoneOffset.UTC));
        ps.setString(k++, i.occurred().precision());
        ps.setString(k++, i.geoPrecision());
        ObjectNode p = IncidentFeatures.properties(i);
        ps.setString(k++, p.get("places").toString());
        ps.setString(k++, p.get("actors").toString());
        ps.setString(k++, i.operation());
        ps.setString(k++, p.get("tags").toString());
        ps.setString(k++, p.get("claims").toString());
        ps.setString(k++, p.get("sources").toString());
        ps.setString(k++, p.get("claims_summary").toString());
        ps.setInt(k++, i.claims().size());
        k = range(ps, k, i.figures(Claim::killed));
        k = range(ps, k, i.figures(Claim::wounded));
        ps.setString(k++, i.partiesKey());
        ps.setBoolean(k++, i.contested());
        ps.setInt(k++, i.version());
        ps.setObject(k++, OffsetDateTime.ofInstant(i.created(), ZoneOffset.UTC));
        ps.setObject(k++, OffsetDateTime.ofInstant(i.updated(), ZoneOffset.UTC));
        ps.setString(k++, i.placeNames());
        ps.setString(k++, i.placeIds());
        ps.setString(k++, i.partyNames());
        ps.setString(k++, i.sourceOutlets());
        ps.setString(k++, IncidentFeatures.feature(i).toString());
        ps.setBytes(k++, Wkb.write(i.geometry()));
        ps.setBytes(k++, Wkb.write(i.point()));
        return k;
    }

    private static int range(PreparedStatement ps, int k, int[] minMax) throws SQLException {
        ps.setObject(k, minMax == null ? null : minMax[0], Types.INTEGER);
        ps.setObject(k + 1, minMax == null ? null : minMax[1], Types.INTEGER);
        return k + 2;
    }

    /** Records a write of one incident in the history once the transaction has its data version. */
    private void record(Incident i, int version, String operation, String editor, Instant at, JsonNode note) {
        unrecorded()
                .add(v -> jdbc.update(
                        HISTORY_INSERT.formatted(dialect.geometryFromWkb()),
                        historyRow(i, version, operation, editor, at, note, v)));
    }

    /** A history row: {@code version} is the write's own (a delete's is one past the incident it keeps). */
    private Object[] historyRow(
            Incident i, int version, String operation, String editor, Instant at, JsonNode note, Long changeVersion) {
        Object[] head = {
            i.id(),
            version,
            operation,
            editor,
            OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
            IncidentFeatures.feature(i).toString(),
            new SqlParameterValue(Types.VARCHAR, note == null ? null : note.toString())
        };
        Object[] filter = filterColumns(i);
        Object[] row = Arrays.copyOf(head, head.length + filter.length + 1);
        System.arraycopy(filter, 0, row, head.length, filter.length);
        row[row.length - 1] = new SqlParameterValue(Types.BIGINT, changeVersion);
        return row;
    }

    /** The columns of a history row the filter compares (V53), in {@link #HISTORY_INSERT}'s order; the geometry as WKB. */
    private static Object[] filterColumns(Incident i) {
        int[] killed = i.figures(Claim::killed);
        // the values that may be null carry their SQL type: an untyped null makes the driver ask the store for it
        return new Object[] {
            i.status(),
            i.type(),
            i.title(),
            new SqlParameterValue(Types.VARCHAR, i.summary()),
            new SqlParameterValue(Types.VARCHAR, i.operation()),
            OffsetDateTime.ofInstant(i.occurred().start(), ZoneOffset.UTC),
            OffsetDateTime.ofInstant(i.occurred().end(), ZoneOffset.UTC),
            i.contested(),
            new SqlParameterValue(Types.INTEGER, killed == null ? null : killed[1]),
            i.partiesKey(),
            Wkb.write(i.geometry())
        };
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    // ------------------------------------------------------------------ rows

    private Incident row(ResultSet rs) throws SQLException {
        List<PlaceRef> places = new ArrayList<>();
        for (JsonNode p : json.readTree(rs.getString("places"))) {
            places.add(new PlaceRef(p.get("id").asString(), p.get("name").asString()));
        }
        return new Incident(
                rs.getString("id"),
                rs.getString("title"),
                rs.getString("summary"),
                rs.getString("type"),
                rs.getString("status"),
                new TimeInterval(
                        instant(rs, "occurred_start"), instant(rs, "occurred_end"), rs.getString("time_precision")),
                rs.getString("geo_precision"),
                places,
                strings(rs.getString("actors")),
                rs.getString("operation"),
                strings(rs.getString("tags")),
                storedClaims.claims(rs.getString("claims")),
                storedClaims.sources(rs.getString("sources")),
                Wkb.read(rs.getBytes("wkb")),
                rs.getInt("version"),
                instant(rs, "created_at"),
                instant(rs, "updated_at"));
    }

    private Incident fromDocument(JsonNode feature) {
        JsonNode p = feature.get("properties");
        return new IncidentJson(gazetteer)
                .read(
                        feature,
                        p.get("id").asString(),
                        p.get("version").asInt(),
                        Instant.parse(p.get("created").asString()),
                        Instant.parse(p.get("updated").asString()));
    }

    private List<String> strings(String jsonArray) {
        List<String> out = new ArrayList<>();
        json.readTree(jsonArray).forEach(n -> out.add(n.asString()));
        return out;
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static String placeholders(int n) {
        return FilterCompiler.placeholders(n);
    }

    private FilterCompiler.Sql where(IncidentQuery q) {
        return compiler.conditions(q, FilterCompiler.Table.INCIDENTS);
    }
}
