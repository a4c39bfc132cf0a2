package org.conflictmap.overload;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/health}'s {@code vitalThreads}: DOWN when a thread the server cannot answer without
 * has died. Tomcat's acceptor and poller threads are remembered once the server is ready; when one of them
 * is gone (an OutOfMemoryError killed the poller in issue 18) no request is answered again, so the
 * liveness group ({@code /actuator/health/liveness}) includes this indicator and a supervisor can see it.
 */
@Component("vitalThreads")
class VitalThreads implements HealthIndicator {
    private final List<Thread> watched = new CopyOnWriteArrayList<>();

    @EventListener(ApplicationReadyEvent.class)
    void rememberWebServerThreads() {
        Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().endsWith("-Acceptor") || t.getName().endsWith("-Poller"))
                .forEach(this::watch);
    }

    /** Watches one more thread. */
    void watch(Thread t) {
        watched.add(t);
    }

    @Override
    public Health health() {
        List<String> dead =
                watched.stream().filter(t -> !t.isAlive()).map(Thread::getName).toList();
        return dead.isEmpty()
                ? Health.up().withDetail("watched", watched.size()).build()
                : Health.down().withDetail("dead", dead).build();
    }
}
