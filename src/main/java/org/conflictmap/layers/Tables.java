package org.conflictmap.layers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.conflictmap.store.SpatialDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one reader of every {@link Source.Table}: a layer over a new table is its registration, its migration and its
 * style, and this reads its rows for the OGC items and an item (by bbox and datetime), for the vector tiles (on
 * PostGIS encoded by {@code ST_AsMVT}, elsewhere handed to the server's encoder) and, through {@link Extents}, its
 * extent. The SQL is written from the source's names (checked when it was registered), never from a request's; the
 * request's values are parameters.
 */
@Component
public class Tables {
    /** The selected columns ({@code %1$s}), the table ({@code %2$s}) and the conditions ({@code %3$s}). */
    static final String ROWS = "SELECT %1$s FROM %2$s WHERE %3$s";
    /** {@link #ROWS} in the order of the id ({@code %4$s}), one page. */
    static final String PAGE = ROWS + " ORDER BY %4$s LIMIT ? OFFSET ?";

    /** {@link #ROWS} in the order of the id ({@code %4$s}), all of them: a download's, read forward only. */
    static final String ORDERED = ROWS + " ORDER BY %4$s";

    static final String COUNT = "SELECT COUNT(*) FROM %1$s WHERE %2$s";

    /** Rows fetched at a time by {@link #forEach}: the incidents' exports' fetch size. */
    static final int FETCH_SIZE = 500;

    private final JdbcTemplate jdbc;
    /** {@link #jdbc} fetching {@link #FETCH_SIZE} rows at a time (on PostgreSQL a cursor, in {@link #readTx}). */
    private final JdbcTemplate streaming;

    private final TransactionTemplate readTx;
    private final SpatialDialect dialect;

    Tables(JdbcTemplate jdbc, SpatialDialect dialect, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.streaming = new JdbcTemplate(jdbc.getDataSource());
        this.streaming.setFetchSize(FETCH_SIZE);
        this.readTx = new TransactionTemplate(tx.getTransactionManager());
        this.readTx.setReadOnly(true);
    }

    /**
     * One row as a feature: its id (a {@code String} or {@code Long}), its geometry as WKB (lon/lat) and its published
     * columns by name ({@code String}, {@code Long}, {@code Double}, {@code Boolean}, a time as RFC 3339 text; null
     * where the row has none).
     */
    public record Row(Object id, byte[] wkb, Map<String, Object> properties) {}

    /**
     * A condition over a table source's columns, compiled from a request's CQL2 {@code filter} by the one filter
     * compiler ({@code incidents.TableFilters}): {@code sql} with one {@code ?} per parameter, its columns the
     * source's own and every value a parameter.
     */
    public record Where(String sql, List<Object> params) {
        public Where {
            if (sql == null || sql.isBlank() || sql.indexOf(';') >= 0) {
                throw new IllegalArgumentException("a condition is SQL with parameters: " + sql);
            }
            params = Collections.unmodifiableList(new ArrayList<>(params));
        }
    }

    /**
     * Which rows of a table source a request selects; null members do not select.
     *
     * @param boxes  lon/lat boxes (minLon, minLat, maxLon, maxLat) any of which a row's geometry meets
     * @param start  the earliest time a row's span reaches
     * @param end    the latest time a row's span starts at
     * @param filter the request's CQL2 filter as a condition over the source's columns
     */
    public record Select(List<double[]> boxes, Instant start, Instant end, Where filter) {

        /** Every row of the source. */
        public static final Select ALL = new Select(null, null, null, null);

        public Select {
            boxes = boxes == null ? null : boxes.stream().map(double[]::clone).toList();
            if (boxes != null && (boxes.isEmpty() || boxes.stream().anyMatch(b -> b.length != 4))) {
                throw new IllegalArgumentException("a selection's boxes are four numbers each");
            }
        }

        /** The rows meeting {@code boxes} in the span {@code start} to {@code end}, without a filter. */
        public Select(List<double[]> boxes, Instant start, Instant end) {
            this(boxes, start, end, null);
        }
    }

    /** How many rows of {@code s} the selection holds. */
    public long count(Source.Table s, Select q) {
        List<Object> params = new ArrayList<>();
        String where = conditions(s, q, params);
        Long n = jdbc.queryForObject(COUNT.formatted(s.table(), where), Long.class, params.toArray());
        return n == null ? 0 : n;
    }

    /** One page of the selected rows, in the order of their ids. */
    public List<Row> page(Source.Table s, Select q, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = conditions(s, q, params);
        params.add(limit);
        params.add(offset);
        List<String> names = s.names();
        return jdbc.query(
                PAGE.formatted(columns(s, names), s.table(), where, s.id().name()),
                (rs, n) -> row(s, names, rs, false),
                params.toArray());
    }

    /**
     * Calls {@code each} for every selected row, in the order of their ids, as the store hands them out: read
     * forward only, {@link #FETCH_SIZE} at a time inside a read-only transaction (on PostgreSQL a cursor), as the
     * incidents' exports are, so a download never holds the table. A runtime exception of {@code each} ends the read
     * and comes out as itself.
     */
    public void forEach(Source.Table s, Select q, Consumer<Row> each) {
        List<Object> params = new ArrayList<>();
        String where = conditions(s, q, params);
        List<String> names = s.names();
        readTx.executeWithoutResult(tx -> streaming.query(
                ORDERED.formatted(columns(s, names), s.table(), where, s.id().name()),
                (ResultSet rs) -> {
                    each.accept(row(s, names, rs, false));
                },
                params.toArray()));
    }

    /** The row of id {@code id} among the source's, or empty (also when {@code id} cannot be one of its ids). */
    public Optional<Row> byId(Source.Table s, String id) {
        Object key = id;
        if (s.id().type().equals("integer")) {
            try {
                key = Long.parseLong(id);
            } catch (NumberFormatException notAnId) {
                return Optional.empty();
            }
        }
        List<String> names = s.names();
        return jdbc
                .query(
                        ROWS.formatted(columns(s, names), s.table(), s.condition() + " AND " + s.id().name() + " = ?"),
                        (rs, n) -> row(s, names, rs, false),
                        key)
                .stream()
                .findFirst();
    }

    /**
     * Every row of the source whose geometry meets the lon/lat box, with these {@code attributes} (of its
     * {@link Source.Table#names()}) as properties, times to the second: a vector tile's features.
     */
    public void within(Source.Table s, double[] box, List<String> attributes, Consumer<Row> each) {
        List<Object> params = new ArrayList<>();
        String where = conditions(s, new Select(List.of(box), null, null), params);
        jdbc.query(
                ROWS.formatted(columns(s, attributes), s.table(), where),
                (ResultSet rs) -> {
                    each.accept(row(s, attributes, rs, true));
                },
                params.toArray());
    }

    /**
     * Vector tile z/x/y of the source, its layer named {@code layer}, with these attributes, encoded by the store
     * from the rows that meet the lon/lat {@code box} (the tile with its margin); empty where the store does not
     * encode tiles (the caller encodes the rows of {@link #within}).
     */
    public Optional<byte[]> vectorTile(
            String layer, Source.Table s, List<String> attributes, int z, int x, int y, double[] box) {
        List<Object> params = new ArrayList<>(List.of(z, x, y));
        String where = conditions(s, new Select(List.of(box), null, null), params);
        Set<String> times =
                attributes.stream().filter(a -> "date-time".equals(s.type(a))).collect(Collectors.toSet());
        return dialect.vectorTileOfLonLat(layer, s.table(), s.geometry(), attributes, times, where)
                .map(sql -> {
                    byte[] mvt = jdbc.queryForObject(sql, byte[].class, params.toArray());
                    return mvt == null ? new byte[0] : mvt;
                });
    }

    /** The source's condition and the selection's, their values added to {@code params}. */
    private String conditions(Source.Table s, Select q, List<Object> params) {
        StringBuilder w = new StringBuilder(s.condition());
        if (q.boxes() != null) {
            List<String> any = new ArrayList<>();
            for (double[] b : q.boxes()) {
                any.add(dialect.intersectsEnvelope(s.geometry()));
                for (int i = 0; i < dialect.envelopeBindings(); i++) {
                    params.addAll(List.of(b[0], b[1], b[2], b[3]));
                }
            }
            w.append(" AND (").append(String.join(" OR ", any)).append(')');
        }
        String[] time = s.temporal();
        if (time != null && q.end() != null) {
            w.append(" AND ").append(time[0]).append(" <= ?");
            params.add(OffsetDateTime.ofInstant(q.end(), ZoneOffset.UTC));
        }
        if (time != null && q.start() != null) {
            // a row without an end has not ended
            w.append(" AND (").append(time[1]).append(" >= ?");
            w.append(time[1].equals(time[0]) ? ")" : " OR " + time[1] + " IS NULL)");
            params.add(OffsetDateTime.ofInstant(q.start(), ZoneOffset.UTC));
        }
        if (q.filter() != null) {
            w.append(" AND (").append(q.filter().sql()).append(')');
            params.addAll(q.filter().params());
        }
        return w.toString();
    }

    /** The id, the geometry as WKB, then {@code names} but the id. */
    private String columns(Source.Table s, List<String> names) {
        List<String> out = new ArrayList<>(List.of(s.id().name(), dialect.geometryAsWkb(s.geometry())));
        names.stream().filter(n -> !n.equals(s.id().name())).forEach(out::add);
        return String.join(", ", out);
    }

    private static Row row(Source.Table s, List<String> names, ResultSet rs, boolean tile) throws SQLException {
        Object id = value(rs, 1, s.id().type(), tile);
        Map<String, Object> properties = new LinkedHashMap<>();
        int column = 3;
        for (String n : names) {
            if (n.equals(s.id().name())) {
                properties.put(n, id);
            } else {
                Object v = value(rs, column++, s.type(n), tile);
                if (v != null || !tile) { // a tile's feature has no attribute where its row has no value
                    properties.put(n, v);
                }
            }
        }
        return new Row(id, rs.getBytes(2), properties);
    }

    private static Object value(ResultSet rs, int column, String type, boolean seconds) throws SQLException {
        Object v = switch (type) {
            case "integer" -> rs.getLong(column);
            case "number" -> rs.getDouble(column);
            case "boolean" -> rs.getBoolean(column);
            case "date-time" -> {
                Instant t = Extents.instant(rs.getObject(column));
                yield t == null ? null : (seconds ? t.truncatedTo(ChronoUnit.SECONDS) : t).toString();
            }
            default -> rs.getString(column);
        };
        return rs.wasNull() ? null : v;
    }
}
