package org.conflictmap.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The circuit before the pool, against a pool that fails as Hikari does: a timeout whose cause is the
 * failed connect (SQL state 08001) while the store is down, a timeout with no cause when it is only busy.
 * (The real outage, PostGIS stopped under load, is {@code reliability.DatabaseFaultTest}.)
 */
class FailFastDataSourceTest {
    /** A pool that answers as told and counts who asked it. */
    static final class Pool extends AbstractDataSource {
        final AtomicReference<SQLException> failure = new AtomicReference<>();
        final AtomicInteger asked = new AtomicInteger();
        volatile CountDownLatch hold = new CountDownLatch(0);

        @Override
        public Connection getConnection() throws SQLException {
            asked.incrementAndGet();
            try {
                hold.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            SQLException e = failure.get();
            if (e != null) {
                throw e;
            }
            return null; // no real connection is needed to tell success from failure
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return getConnection();
        }
    }

    static SQLException down() {
        return new SQLTransientConnectionException(
                "pool - Connection is not available, request timed out after 3000ms",
                "08001",
                new SQLException("Connection to 127.0.0.1:55433 refused", "08001"));
    }

    @Test
    void anUnreachableStoreIsRefusedAtOnce() {
        Pool pool = new Pool();
        FailFastDataSource store =
                new FailFastDataSource(pool, 3_600_000); // no retry within the test, however slow the machine
        pool.failure.set(down());
        assertThatThrownBy(store::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        assertThat(pool.asked).hasValue(1);
        for (int i = 0; i < 100; i++) {
            assertThatThrownBy(store::getConnection)
                    .isInstanceOf(SQLTransientConnectionException.class)
                    .extracting(e -> ((SQLException) e).getSQLState())
                    .isEqualTo("08001");
        }
        assertThat(pool.asked).as("refused without asking the pool").hasValue(1);
    }

    @Test
    void thenOneCallerAtATimeTriesThePoolUntilItIsBack() throws Exception {
        Pool pool = new Pool();
        FailFastDataSource store = new FailFastDataSource(pool, 0); // every caller may try, but only one at a time
        pool.failure.set(down());
        assertThatThrownBy(store::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        pool.failure.set(null);
        pool.hold = new CountDownLatch(1);
        Thread trying = new Thread(() -> {
            try {
                store.getConnection();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        trying.start();
        while (pool.asked.get() < 2) {
            Thread.sleep(5);
        }
        assertThatThrownBy(store::getConnection)
                .as("while one caller tries")
                .isInstanceOf(SQLTransientConnectionException.class);
        assertThat(pool.asked).hasValue(2);
        pool.hold.countDown();
        trying.join(60_000);
        assertThat(trying.isAlive()).isFalse();

        // back: every caller goes to the pool again
        store.getConnection();
        store.getConnection();
        assertThat(pool.asked).hasValue(4);
    }

    @Test
    void aBusyPoolNeverOpensTheCircuit() throws Exception {
        Pool pool = new Pool();
        FailFastDataSource store = new FailFastDataSource(pool);
        pool.failure.set(new SQLTransientConnectionException(
                "pool - Connection is not available, request timed out after 3000ms"));
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(store::getConnection).isInstanceOf(SQLTransientConnectionException.class);
        }
        assertThat(pool.asked).as("every caller asked the pool").hasValue(3);
        pool.failure.set(null);
        store.getConnection();
        assertThat(pool.asked).hasValue(4);
    }
}
