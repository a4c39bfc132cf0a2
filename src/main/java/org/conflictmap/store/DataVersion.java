package org.conflictmap.store;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One counter for the whole data set, bumped in the same transaction as every write. ETags,
 * Last-Modified headers, tile caches and pinned embeds ({@code asof=}) all derive from it, so a
 * cached answer can never outlive the data it was made from.
 */
@Component
public class DataVersion {
    static final String SELECT = "SELECT version, updated_at FROM data_version WHERE id = 1";
    static final String BUMP = "UPDATE data_version SET version = version + 1, updated_at = ? WHERE id = 1";

    /** How long a remembered version is trusted when nothing in this process wrote: writes by another process (the import command) show within this time. */
    static final long TRUST_NANOS = 2_000_000_000L;

    private final JdbcClient jdbc;
    private volatile Stamp remembered;
    private volatile long rememberedAt;
    private final java.util.concurrent.atomic.AtomicLong writes = new java.util.concurrent.atomic.AtomicLong();

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

        /**
         * A weak ETag for a representation that depends on nothing but the data and {@code variant}.
         * Weak, because the bytes differ with the content coding: Tomcat never gzips a response that
         * carries a strong ETag, which left every list and page of features uncompressed.
         */
        public String etag(String variant) {
            return "W/\"v" + version + (variant == null || variant.isEmpty() ? "" : "-" + Integer.toHexString(variant.hashCode())) + "\"";
        }
    }

    /**
     * The current version. Kept in memory (tiles and ETags ask on every request): a write in this
     * process forgets it the moment its transaction commits, so nothing stale is ever served from here;
     * a write by another process is seen within {@link #TRUST_NANOS}.
     */
    public Stamp current() {
        Stamp s = remembered;
        if (s != null && System.nanoTime() - rememberedAt < TRUST_NANOS) {
            return s;
        }
        long before = writes.get();
        s = read();
        if (writes.get() == before) {
            rememberedAt = System.nanoTime();
            remembered = s;
        }
        return s;
    }

    private void forget() {
        writes.incrementAndGet();
        remembered = null;
    }

    private Stamp read() {
        return jdbc.sql(SELECT).query((rs, n) -> new Stamp(rs.getLong(1), rs.getTimestamp(2).toInstant())).single();
    }

    /** Bumps the version; call inside the write's transaction so both commit or neither does. */
    public Stamp bump() {
        jdbc.sql(BUMP).param(Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS))).update();
        forget();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    forget();
                }
            });
        }
        return read();
    }
}
