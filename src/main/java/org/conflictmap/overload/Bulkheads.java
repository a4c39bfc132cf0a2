package org.conflictmap.overload;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The bulkheads: a request of an expensive {@link RouteClass} takes one of its class's permits for as
 * long as it runs (a streamed answer until its last byte), waits in the class's bounded queue when none
 * is free, and is refused with {@code application/problem+json} and {@code Retry-After} beyond them —
 * 429 when the queue is full, 503 when it waited {@code max-wait} in vain. Permits are handed out in
 * arrival order ({@link Semaphore} fair). The queue is bounded because a waiting request holds a Tomcat
 * thread: without it, 50 large static maps held every thread and a request for one place took 5.8 s.
 * It runs after the tile cache's filter, so cached tiles never wait.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 100)
class Bulkheads extends OncePerRequestFilter {
    private static final Logger log = LoggerFactory.getLogger(Bulkheads.class);

    private final Map<RouteClass, Gate> gates = new EnumMap<>(RouteClass.class);
    private final OverloadProperties properties;

    Bulkheads(OverloadProperties properties, Environment environment) {
        this.properties = properties;
        int pool = environment.getProperty("spring.datasource.hikari.maximum-pool-size", Integer.class, 10);
        int threads = environment.getProperty("server.tomcat.threads.max", Integer.class, 200);
        int permits = 0;
        int held = 0;
        for (RouteClass c : RouteClass.values()) {
            permits += properties.permits(c);
            held += properties.permits(c) + properties.queue(c);
        }
        if (permits > pool - properties.reservedConnections() || held > threads - properties.reservedThreads()) {
            throw new IllegalStateException("conflictmap.overload: the classes' permits (" + permits + ") must leave "
                    + properties.reservedConnections() + " of the " + pool
                    + " store connections (spring.datasource.hikari."
                    + "maximum-pool-size) and their permits and queues (" + held + ") " + properties.reservedThreads()
                    + " of the "
                    + threads + " Tomcat threads (server.tomcat.threads.max) to the requests that never wait");
        }
        for (RouteClass c : RouteClass.values()) {
            gates.put(c, new Gate(properties.permits(c), properties.queue(c)));
        }
    }

    /** One class's permits and the requests waiting for them. */
    static final class Gate {
        final Semaphore permits;
        final int queue;
        final AtomicInteger waiting = new AtomicInteger();

        Gate(int permits, int queue) {
            this.permits = new Semaphore(permits, true);
            this.queue = queue;
        }
    }

    /** What became of a request at the gate. */
    enum Entry {
        ADMITTED,
        QUEUE_FULL,
        WAITED_TOO_LONG
    }

    static Entry enter(Gate gate, long waitNanos) throws InterruptedException {
        if (gate.permits.tryAcquire()) {
            return Entry.ADMITTED;
        }
        if (gate.waiting.incrementAndGet() > gate.queue) {
            gate.waiting.decrementAndGet();
            return Entry.QUEUE_FULL;
        }
        try {
            return gate.permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS) ? Entry.ADMITTED : Entry.WAITED_TOO_LONG;
        } finally {
            gate.waiting.decrementAndGet();
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RouteClass c = RouteClass.of(
                request.getMethod(),
                request.getRequestURI().substring(request.getContextPath().length()));
        if (c == null) {
            chain.doFilter(request, response);
            return;
        }
        Gate gate = gates.get(c);
        Entry entry;
        try {
            entry = enter(gate, properties.maxWait().toNanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            entry = Entry.WAITED_TOO_LONG;
        }
        if (entry != Entry.ADMITTED) {
            refuse(c, entry, response);
            return;
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) {
                gate.permits.release();
            }
        };
        try {
            chain.doFilter(request, response);
        } finally {
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new Release(release));
            } else {
                release.run();
            }
        }
    }

    private void refuse(RouteClass c, Entry entry, HttpServletResponse response) throws IOException {
        boolean full = entry == Entry.QUEUE_FULL;
        int status = full ? 429 : 503;
        String title = full ? "Too many requests" : "Server busy";
        String detail = full
                ? "too many " + c.label + " are running or waiting; try again in "
                        + properties.retryAfter().toSeconds() + " s"
                : "no " + c.label.replaceAll("s$", "") + " slot came free in "
                        + properties.maxWait().toSeconds() + " s; try again in "
                        + properties.retryAfter().toSeconds() + " s";
        log.debug("refused with {}: {}", status, detail);
        response.setStatus(status);
        response.setHeader(
                HttpHeaders.RETRY_AFTER, Long.toString(properties.retryAfter().toSeconds()));
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setContentType("application/problem+json");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status + ",\"detail\":\""
                        + detail + "\"}");
    }

    /** Gives the permit back when a streamed answer ends, however it ends. */
    private record Release(Runnable release) implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            release.run();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
