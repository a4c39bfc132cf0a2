package org.conflictmap.store;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.DataSource;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SQLExceptionSubclassTranslator;
import org.springframework.jdbc.support.SQLExceptionTranslator;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * One counter for the whole data set, bumped in the same transaction as every write. ETags,
 * Last-Modified headers, tile caches and pinned embeds ({@code asof=}) all derive from it, so a
 * cached answer can never outlive the data it was made from.
 *
 * <p>The counter lives in the store, so several server processes on one PostGIS database (replicas
 * behind a proxy, the import command beside the server) share it, and a request never sees a version
 * older than a write whose answer came back before the request began, whichever process wrote. Until
 * 2026-12 each process kept the version in memory for up to 2 s, and a second replica served the old
 * tile for up to 1.9 s after an edit through the first (55 % of polls) and answered 304 to the old
 * ETag of {@code /api/incidents}.
 *
 * <p>How, cheaply ({@link StoreProperties#versionMaxAge()}, default 50 ms): a version read from the
 * store answers the requests that arrive within the max-age after the read began, and every write
 * waits a little longer than that after its commit before it answers. So a request that arrives after
 * a write's answer is answered from a read that began after the commit. A hot tile costs one read per
 * max-age instead of one per request, and a write 50 ms more. With a max-age of 0 every request reads
 * the version and writes do not wait.
 *
 * <p>One read is in flight at a time: requests that need a newer version than the last read's wait
 * for the read under way if it began late enough, else for the next, whose answer they all share. The
 * reads use a one-connection pool of their own, outside every transaction, so the version never waits
 * for a connection behind expensive requests and never shows a write that has not committed. After a
 * failed read (the store is down) requests get that failure at once while the next read tries again,
 * and the pool refuses at once while the store is unreachable ({@link FailFastDataSource}): before,
 * every request waited for the read under way and then for the next, 3-6 s each during an outage.
 */
@Component
public class DataVersion implements DisposableBean {
    static final String SELECT = "SELECT version, updated_at FROM data_version WHERE id = 1";
    static final String BUMP = "UPDATE data_version SET version = version + 1, updated_at = ? WHERE id = 1";
    /**
     * The extents of the incidents this transaction's writes touched (tile_changes, V42: recorded by
     * triggers on incidents) get the version it bumps to: versions follow commit order (the bump holds
     * data_version's row lock to the commit), so {@code GET /tiles/changes?since=} never skips one. A second write of
     * each row, but the triggers write one row per statement: about 600 for an import of 100,000 incidents (batches of
     * 1,000 published and their tiles' extents), against the 100,000 history rows no longer rewritten (2026-12-07).
     */
    static final String STAMP_TILE_CHANGES = "UPDATE tile_changes SET version = ? WHERE version IS NULL";

    static final SQLExceptionTranslator TRANSLATOR = new SQLExceptionSubclassTranslator();
    static final String PRUNE_TILE_CHANGES = "DELETE FROM tile_changes WHERE version < ?";
    /** How many data versions' tile changes are kept: a poller further behind is told to purge everything. */
    public static final long TILE_CHANGES_KEPT = 10_000;

    private final JdbcClient jdbc;
    private final DataSource readPool;

    private final long maxAgeNanos;
    private final long writeWaitMillis;

    /** Told after each of this process's writes has committed (and waited out the readers). */
    private final List<Runnable> afterWrites = new CopyOnWriteArrayList<>();

    private final Object lock = new Object();
    // guarded by lock: whether a read is under way; the last read's answer (or failure) and when it began
    private boolean reading;
    private long lastStartedAt;
    private Stamp last;
    private RuntimeException failed;

    DataVersion(JdbcClient jdbc, DataSource dataSource, StoreProperties properties) {
        this.jdbc = jdbc;
        this.maxAgeNanos = properties.versionMaxAge().toNanos();
        // a little more than the readers trust a read, for clocks that run at slightly different rates
        this.writeWaitMillis =
                maxAgeNanos == 0 ? 0 : properties.versionMaxAge().toMillis() + 1 + maxAgeNanos / 1_000_000 / 100;
        this.readPool = ownPool(dataSource);
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
            return "W/\"v" + version
                    + (variant == null || variant.isEmpty() ? "" : "-" + Integer.toHexString(variant.hashCode()))
                    + "\"";
        }
    }

    /**
     * The current version: never older than a write whose answer came back (in any process with the
     * same {@link StoreProperties#versionMaxAge()}) before this call began. A store that cannot be
     * read throws Spring's {@code DataAccessException}, as any other read would.
     */
    public Stamp current() {
        long asked = System.nanoTime();
        long startedAt;
        synchronized (lock) {
            while (true) {
                if ((last != null || failed != null) && lastStartedAt - (asked - maxAgeNanos) > 0) {
                    return answerOf(); // read after (asked - maxAge): sees every write that had answered by then
                }
                if (!reading) {
                    break;
                }
                if (failed != null) {
                    throw failed; // the store failed the last read: a request does not wait for the one trying again
                }
                waitForRead(); // one read at a time; it may be fresh enough, or the next one is
            }
            reading = true;
            startedAt = System.nanoTime();
        }
        Stamp s = null;
        RuntimeException e = null;
        try {
            s = readOwn();
        } catch (RuntimeException ex) {
            e = ex;
        }
        synchronized (lock) {
            reading = false;
            lastStartedAt = startedAt;
            last = s;
            failed = e;
            lock.notifyAll();
            return answerOf();
        }
    }

    private Stamp answerOf() {
        if (failed != null) {
            throw failed;
        }
        return last;
    }

    private void waitForRead() {
        try {
            lock.wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the data version", e);
        }
    }

    private static Stamp read(JdbcClient client) {
        return client.sql(SELECT)
                .query((rs, n) -> new Stamp(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .single();
    }

    /**
     * A read on the pool of its own, by plain JDBC: Spring's JDBC helpers would tie the connection to
     * the asking thread's transaction until it ends (an export's read transaction: minutes), and every
     * other request's version would wait for the one connection, then fail (503s in ExportMemoryTest).
     */
    private Stamp readOwn() {
        try (Connection c = readPool.getConnection();
                PreparedStatement p = c.prepareStatement(SELECT);
                ResultSet rs = p.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the store has no data_version row");
            }
            return new Stamp(rs.getLong(1), rs.getTimestamp(2).toInstant());
        } catch (SQLException e) {
            DataAccessException translated = TRANSLATOR.translate("reading the data version", SELECT, e);
            throw translated != null
                    ? translated
                    : new UncategorizedSQLException("reading the data version", SELECT, e);
        }
    }

    /**
     * Bumps the version; call inside the write's transaction so both commit or neither does. Once it
     * has committed, the write waits a little more than the version max-age before it answers: by then
     * no process answers from a version read before the commit.
     */
    public Stamp bump() {
        jdbc.sql(BUMP)
                .param(Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)))
                .update();
        Stamp s = read(jdbc);
        jdbc.sql(STAMP_TILE_CHANGES).param(s.version()).update();
        jdbc.sql(PRUNE_TILE_CHANGES).param(s.version() - TILE_CHANGES_KEPT).update();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    waitOutReaders();
                    written();
                }
            });
        } else {
            waitOutReaders();
            written();
        }
        return s;
    }

    /**
     * Calls {@code listener} after each write of this process has committed, on the writing thread (so
     * it must be quick). Other processes' writes are seen only by reading the version.
     */
    public void afterEachWrite(Runnable listener) {
        afterWrites.add(listener);
    }

    private void written() {
        for (Runnable r : afterWrites) {
            r.run();
        }
    }

    private void waitOutReaders() {
        if (writeWaitMillis > 0) {
            try {
                Thread.sleep(writeWaitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A pool of one connection to the same store for the version reads (one is in flight at a time).
     * Anything but Hikari (no such configuration today) is used as it is.
     */
    private static DataSource ownPool(DataSource shared) {
        HikariDataSource hikari;
        try {
            if (!shared.isWrapperFor(HikariDataSource.class)) {
                return shared;
            }
            hikari = shared.unwrap(HikariDataSource.class);
        } catch (SQLException e) {
            return shared;
        }
        HikariDataSource own = new HikariDataSource(); // opened on the first read: the import command never needs it
        hikari.copyStateTo(own);
        own.setPoolName("conflictmap-data-version");
        own.setMaximumPoolSize(1);
        own.setMinimumIdle(1);
        own.setReadOnly(true);
        own.setAutoCommit(true);
        return new FailFastDataSource(own);
    }

    @Override
    public void destroy() {
        if (readPool instanceof FailFastDataSource own) {
            try {
                own.close();
            } catch (Exception e) {
                // closing a pool that could not be opened
            }
        }
    }
}
