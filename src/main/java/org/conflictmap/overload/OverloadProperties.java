package org.conflictmap.overload;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What one anonymous user may take of the server at once (issue 18). Each class of expensive route
 * ({@link RouteClass}) has a number of permits (requests served at the same time) and a queue (requests
 * waiting for a permit, each holding a Tomcat thread). A request that finds the queue full is refused at
 * once with 429; one that waits longer than {@code maxWait} gets 503; both say when to come back
 * ({@code Retry-After}). Routes in no class (health, one place, one incident, TileJSON, the page) never
 * wait here. The permits of all classes together stay below the store's connection pool
 * ({@code spring.datasource.hikari.maximum-pool-size}, less {@code reservedConnections}) and the permits
 * and queues below Tomcat's threads ({@code server.tomcat.threads.max}, less {@code reservedThreads}), so
 * a cheap read always finds a thread and a connection: the server checks both when it starts.
 *
 * @param staticMapPermits   {@code /map.png} renders at once (default 1: a capped 8-megapixel map holds 32 MB)
 * @param staticMapQueue     {@code /map.png} requests waiting (default 8)
 * @param exportPermits      downloads ({@code /api/export/…}) at once (default 2; each holds a connection while it streams)
 * @param exportQueue        downloads waiting (default 6)
 * @param tilePermits        tile renders at once, for tiles the cache does not hold (default 3; cached tiles never wait)
 * @param tileQueue          tile renders waiting (default 200: the load test's 200 clients, each a map asking for tiles, are never refused)
 * @param listPermits        lists of features at once: {@code GET /api/incidents}, OGC items, a place search (default 2)
 * @param listQueue          lists waiting (default 100)
 * @param maxWait            the longest a request waits for a permit before its 503 (default 45 s: within a client's patience, the tests' 60 s timeout, with the 3 s a permit holder may then wait for a connection; 20 s cut off 12 of 2,249 tile requests of the load test beside a CPU hog at load average 45, p99 20.7 s; while PostgreSQL is down every permit holder spends the pool's 3 s connection timeout failing, and a queue drains slowly)
 * @param retryAfter         the {@code Retry-After} of a refusal (default 5 s)
 * @param reservedConnections store connections no class may take: the cheap reads' and the writes' (default 2)
 * @param reservedThreads    Tomcat threads no queue may take (default 40)
 * @param exitOnOutOfMemory  end the process (status 3) when any thread meets an {@code OutOfMemoryError}, so a
 *                           supervisor restarts it, as {@code -XX:+ExitOnOutOfMemoryError} does (default true)
 */
@ConfigurationProperties("conflictmap.overload")
record OverloadProperties(
        @DefaultValue("1") int staticMapPermits,
        @DefaultValue("8") int staticMapQueue,
        @DefaultValue("2") int exportPermits,
        @DefaultValue("6") int exportQueue,
        @DefaultValue("3") int tilePermits,
        @DefaultValue("200") int tileQueue,
        @DefaultValue("2") int listPermits,
        @DefaultValue("100") int listQueue,
        @DefaultValue("45s") Duration maxWait,
        @DefaultValue("5s") Duration retryAfter,
        @DefaultValue("2") int reservedConnections,
        @DefaultValue("40") int reservedThreads,
        @DefaultValue("true") boolean exitOnOutOfMemory) {
    OverloadProperties {
        if (staticMapPermits < 1
                || exportPermits < 1
                || tilePermits < 1
                || listPermits < 1
                || staticMapQueue < 0
                || exportQueue < 0
                || tileQueue < 0
                || listQueue < 0
                || maxWait.isNegative()
                || retryAfter.toSeconds() < 1
                || reservedConnections < 1
                || reservedThreads < 1) {
            throw new IllegalArgumentException(
                    "conflictmap.overload: permits >= 1, queues >= 0, max-wait >= 0, retry-after >= 1s, "
                            + "reserved-connections >= 1, reserved-threads >= 1");
        }
    }

    int permits(RouteClass c) {
        return switch (c) {
            case STATIC_MAPS -> staticMapPermits;
            case EXPORTS -> exportPermits;
            case TILES -> tilePermits;
            case LISTS -> listPermits;
        };
    }

    int queue(RouteClass c) {
        return switch (c) {
            case STATIC_MAPS -> staticMapQueue;
            case EXPORTS -> exportQueue;
            case TILES -> tileQueue;
            case LISTS -> listQueue;
        };
    }
}
