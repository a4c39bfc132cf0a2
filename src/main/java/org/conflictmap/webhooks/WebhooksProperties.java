package org.conflictmap.webhooks;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Outgoing webhooks.
 *
 * @param poll          how often the worker looks for due deliveries (default 500 ms), 50 ms to 1 min
 * @param timeout       how long one delivery may take, connecting included (default 10 s), 1 s to 2 min
 * @param firstRetry    the wait after the first failed attempt; each further failure doubles it (default 1 s), 100 ms to 1 h
 * @param maxRetryDelay the longest wait between two attempts (default 1 h), at least {@code firstRetry}
 * @param maxAttempts   attempts before a delivery is given up as failed (default 15: about four hours), 1 to 100
 * @param lease         how long a claimed delivery is left to the server that claimed it before another may send it
 *                      again (a server stopped mid-delivery); longer than {@code timeout} (default 2 min)
 * @param workers       deliveries sent at once (default 4), 1 to 32
 * @param retention     how long a delivered outbox row is kept after its delivery before it is deleted (default 7 days),
 *                      1 min to 10 years; the list's {@code delivered} counts the deliveries of this window
 */
@ConfigurationProperties("conflictmap.webhooks")
record WebhooksProperties(
        @DefaultValue("500ms") Duration poll,
        @DefaultValue("10s") Duration timeout,
        @DefaultValue("1s") Duration firstRetry,
        @DefaultValue("1h") Duration maxRetryDelay,
        @DefaultValue("15") int maxAttempts,
        @DefaultValue("2m") Duration lease,
        @DefaultValue("4") int workers,
        @DefaultValue("7d") Duration retention) {
    WebhooksProperties {
        within("poll", poll, Duration.ofMillis(50), Duration.ofMinutes(1));
        within("timeout", timeout, Duration.ofSeconds(1), Duration.ofMinutes(2));
        within("first-retry", firstRetry, Duration.ofMillis(100), Duration.ofHours(1));
        within("max-retry-delay", maxRetryDelay, firstRetry, Duration.ofDays(1));
        within("lease", lease, timeout.plusSeconds(1), Duration.ofHours(1));
        within("retention", retention, Duration.ofMinutes(1), Duration.ofDays(3650));
        if (maxAttempts < 1 || maxAttempts > 100) {
            throw new IllegalArgumentException("conflictmap.webhooks.max-attempts must be 1..100");
        }
        if (workers < 1 || workers > 32) {
            throw new IllegalArgumentException("conflictmap.webhooks.workers must be 1..32");
        }
    }

    private static void within(String name, Duration d, Duration min, Duration max) {
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException("conflictmap.webhooks." + name + " must be " + min + ".." + max);
        }
    }

    /** The wait after {@code failures} failed attempts: {@code firstRetry} doubled each time, at most {@code maxRetryDelay}. */
    Duration backOff(int failures) {
        Duration d = firstRetry;
        for (int k = 1; k < failures && d.compareTo(maxRetryDelay) < 0; k++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : d;
    }
}
