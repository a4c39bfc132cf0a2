package org.conflictmap.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The store's connections, refused at once while the store is unreachable. Without it every request
 * that needed the store waited the pool's {@code connection-timeout} (3 s) for a connection that could
 * not be made, holding its bulkhead permit meanwhile: in {@code DatabaseFaultTest} on a busy machine
 * (load ~35, 200 clients) the lists' two permits let one 503 out every 1.5 s, the queued requests
 * waited up to the bulkheads' 45 s (the log: about three store 503s every 3 s), the 200 requests the
 * clients sent while PostGIS was away were answered only after it was back, and in a CI run none was.
 *
 * <p>A failure to connect (SQL state class 08, also as the cause of the pool's timeout) opens the
 * circuit: for {@link #RETRY_MS} every caller is refused without asking the pool, then one caller at a
 * time tries the pool again (the others are still refused) until one gets a connection. A pool that is
 * merely busy (a timeout with no failure to connect behind it) never opens it.
 */
final class FailFastDataSource extends DelegatingDataSource implements AutoCloseable {
    /** How long callers are refused at once after the store was found unreachable, before one tries again. */
    static final long RETRY_MS = 500;

    private final long retryNanos;
    private final AtomicBoolean trying = new AtomicBoolean();
    // the last failure to connect while the store is unreachable (null: reachable), and when to try again
    private volatile SQLException unreachable;
    private volatile long retryAt;

    FailFastDataSource(DataSource pool) {
        this(pool, RETRY_MS);
    }

    /** With another wait before a caller tries the pool again (tests). */
    FailFastDataSource(DataSource pool, long retryMs) {
        super(pool);
        this.retryNanos = TimeUnit.MILLISECONDS.toNanos(retryMs);
    }

    /** A connection opened one way or another. */
    private interface Opener {
        Connection open() throws SQLException;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return connect(() -> obtainTargetDataSource().getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return connect(() -> obtainTargetDataSource().getConnection(username, password));
    }

    private Connection connect(Opener opener) throws SQLException {
        SQLException down = unreachable;
        boolean retry = false;
        if (down != null) {
            if (System.nanoTime() - retryAt < 0 || !trying.compareAndSet(false, true)) {
                throw new SQLTransientConnectionException(
                        "the store was unreachable a moment ago", down.getSQLState(), down);
            }
            retry = true;
        }
        try {
            Connection c = opener.open();
            if (retry) {
                unreachable = null;
            }
            return c;
        } catch (SQLException e) {
            if (unreachable(e)) {
                retryAt = System.nanoTime() + retryNanos;
                unreachable = e;
            }
            throw e;
        } finally {
            if (retry) {
                trying.set(false);
            }
        }
    }

    /** Whether a failure to get a connection says the store cannot be reached (SQL state class 08), not that the pool is busy. */
    static boolean unreachable(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s
                    && s.getSQLState() != null
                    && s.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }

    /** Closes the pool with the application context (Hikari's {@code close}). */
    @Override
    public void close() throws Exception {
        if (obtainTargetDataSource() instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    @Override
    public String toString() {
        return "FailFastDataSource[" + obtainTargetDataSource() + "]";
    }
}
