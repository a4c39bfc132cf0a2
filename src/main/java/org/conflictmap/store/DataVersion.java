package org.conflictmap.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One counter for the whole data set, bumped in the same transaction as every write. ETags,
 * Last-Modified headers, tile caches and pinned embeds ({@code asof=}) all derive from it, so a
 * cached answer can never outlive the data it was made from.
 */
@Component
public class DataVersion {
    static final String SELECT = "SELECT version, updated_at FROM data_version WHERE id = 1";
    static final String BUMP = "UPDATE data_version SET version = version + 1, updated_at = ? WHERE id = 1";

    private final JdbcClient jdbc;

    DataVersion(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The version of the data and when it last changed. */
    public record Stamp(long version, Instant updated) {
        public Stamp {
            if (version < 1) {
                throw new IllegalArgumentException("data versions start at 1");
            }
        }

        /** A strong ETag for a representation that depends on nothing but the data and {@code variant}. */
        public String etag(String variant) {
            return "\"v" + version + (variant == null || variant.isEmpty() ? "" : "-" + Integer.toHexString(variant.hashCode())) + "\"";
        }
    }

    public Stamp current() {
        return jdbc.sql(SELECT).query((rs, n) -> new Stamp(rs.getLong(1), rs.getTimestamp(2).toInstant())).single();
    }

    /** Bumps the version; call inside the write's transaction so both commit or neither does. */
    public Stamp bump() {
        jdbc.sql(BUMP).param(Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS))).update();
        return current();
    }
}
