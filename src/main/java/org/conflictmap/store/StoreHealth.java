package org.conflictmap.store;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code store}: UP when the store answers a read of one of its own tables
 * within {@link #TIMEOUT_SECONDS}. Spring's {@code db} indicator asks {@code SELECT 1}, which an embedded
 * store whose file H2 had closed after an OutOfMemoryError still answered: every request was a 503 "The
 * database has been closed" while health said UP (issue 18). The wait is bounded here, not with a JDBC
 * query timeout: H2 sets that on the whole session, and the pooled connection kept it for the next
 * user (a count of 60,000 incidents then failed after 3 s). At most one read is outstanding: while it
 * hangs, health says DOWN without starting another. The reason stays general: no exception class or
 * message leaves the server.
 */
@Component("store")
class StoreHealth implements HealthIndicator {
    /** The longest health waits for the store's answer, in seconds. */
    static final int TIMEOUT_SECONDS = 3;

    private final JdbcTemplate jdbc;
    private CompletableFuture<Void> outstanding = CompletableFuture.completedFuture(null);

    StoreHealth(DataSource dataSource) {
        this.jdbc = new JdbcTemplate(dataSource);
    }

    @Override
    public Health health() {
        CompletableFuture<Void> read;
        synchronized (this) {
            if (outstanding.isDone()) {
                outstanding = CompletableFuture.runAsync(() -> jdbc.queryForList(DataVersion.SELECT), task -> {
                    Thread t = new Thread(task, "store-health");
                    t.setDaemon(true);
                    t.start();
                });
            }
            read = outstanding;
        }
        try {
            read.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            return Health.up().build();
        } catch (TimeoutException e) {
            return Health.down()
                    .withDetail(
                            "reason", "the store did not answer a read of its data within " + TIMEOUT_SECONDS + " s")
                    .build();
        } catch (ExecutionException e) {
            return Health.down()
                    .withDetail("reason", "the store does not answer a read of its data")
                    .build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.down().withDetail("reason", "interrupted").build();
        }
    }
}
