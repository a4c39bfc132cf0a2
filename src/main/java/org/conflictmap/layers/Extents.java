package org.conflictmap.layers;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.conflictmap.store.DataVersion;
import org.conflictmap.store.SpatialDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Each collection's extent and count: one aggregate query over its source (the bounding-box columns of
 * db/migration/h2/V28 on the embedded store, no geometry read; {@code ST_Extent} on PostGIS), held for
 * the data version it was read at. The OGC collections used to parse every incident on each request
 * for it.
 */
@Component
public class Extents {
    /** A source's extent: {@code %1$s} the dialect's envelope aggregates, {@code %2$s} the time span's, then table and condition. */
    static final String EXTENT = "SELECT %1$s, %2$s, COUNT(*) FROM %3$s WHERE %4$s";

    private final JdbcTemplate jdbc;
    private final SpatialDialect dialect;
    private final DataVersion version;
    private final Map<String, Extent> held = new ConcurrentHashMap<>();

    Extents(JdbcTemplate jdbc, SpatialDialect dialect, DataVersion version) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.version = version;
    }

    /** The collection's extent and count now: one query per collection and data version. */
    public Extent of(Collection c) {
        String now = "|" + version.current().version();
        Extent e = held.get(c.id() + now);
        if (e == null) {
            e = read(c.source());
            // extents of older versions go (a collection has one current extent)
            held.keySet().removeIf(k -> !k.endsWith(now));
            held.put(c.id() + now, e);
        }
        return e;
    }

    private Extent read(Source s) {
        String[] t = s.temporal();
        String sql = EXTENT.formatted(
                dialect.extentAggregates(s.geometry()),
                t == null ? "NULL, NULL" : "MIN(" + t[0] + "), MAX(" + t[1] + ")",
                s.table(),
                s.condition());
        return jdbc.queryForObject(sql, (rs, n) -> {
            long count = rs.getLong(7);
            double[] bbox = count == 0
                    ? null
                    : new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
            return new Extent(bbox, instant(rs.getObject(5)), instant(rs.getObject(6)), count);
        });
    }

    static Instant instant(Object o) {
        if (o == null) {
            return null;
        }
        if (o instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (o instanceof Timestamp t) {
            return t.toInstant();
        }
        if (o instanceof Instant t) {
            return t;
        }
        throw new IllegalStateException("a time column read as " + o.getClass().getSimpleName());
    }
}
