package org.conflictmap.incidents;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.conflictmap.gazetteer.Gazetteer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The open event streams of {@code /api/incidents/changes}. While any is open, one thread reads the
 * history after the last row it saw every {@link #POLL_MS} ms (an index range read: nothing when
 * nothing changed) and sends each public change to every stream, with the history row's seq as the
 * event id. The history is read in commit order ({@link IncidentChanges.Position}, V44), so a write
 * whose transaction commits after a later-numbered one's is still sent, and a {@code Last-Event-ID}
 * resumes exactly after the event it names. Reading the store rather than hearing the write means every server over one store
 * announces every write, whichever server took it.
 */
@Component
class LiveChanges {
    static final long POLL_MS = 300;
    static final long HEARTBEAT_MS = 15_000;
    static final int BACKLOG_ROWS = 1000;
    /** How long stopping waits for a poll under way (a read of the store) before it ends the streams. */
    static final long CLOSE_WAIT_MS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(LiveChanges.class);

    private final IncidentChanges changes;
    private final ObjectMapper json;
    private final Gazetteer gazetteer;
    private final List<Stream> streams = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "incident-changes");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> polling;
    private IncidentChanges.Position last;
    private long lastBeat = System.currentTimeMillis();
    private boolean closed;

    LiveChanges(IncidentChanges changes, ObjectMapper json, Gazetteer gazetteer) {
        this.changes = changes;
        this.json = json;
        this.gazetteer = gazetteer;
    }

    /** A new stream; with {@code lastEventId} it first receives every public change after that one. */
    synchronized SseEmitter open(Long lastEventId) throws IOException {
        if (last == null) {
            last = changes.last();
        }
        SseEmitter s = new SseEmitter(30 * 60_000L);
        IncidentChanges.Position from = lastEventId == null ? null : changes.positionOf(lastEventId);
        if (from != null && from.compareTo(last) < 0) {
            IncidentChanges.Position[] upTo = {from};
            for (IncidentChanges.Change c : changes.after(from, BACKLOG_ROWS, upTo)) {
                if (c.position().compareTo(last) <= 0) {
                    s.send(event(c));
                }
            }
        }
        // the ready event's id is where this stream stands: a client that resumes from it misses nothing
        IncidentChanges.Position at = from == null ? last : last.max(from);
        s.send(SseEmitter.event().name("ready").id(String.valueOf(at.seq())).data(Map.of("seq", at.seq())));
        if (closed) {
            s.complete(); // the server is stopping: the client resumes from the ready event's id elsewhere or later
            return s;
        }
        Stream open = new Stream(s, at);
        streams.add(open);
        s.onCompletion(() -> streams.remove(open));
        s.onTimeout(() -> streams.remove(open));
        s.onError(e -> streams.remove(open));
        if (polling == null) {
            polling = poller.scheduleWithFixedDelay(this::poll, POLL_MS, POLL_MS, TimeUnit.MILLISECONDS);
        }
        return s;
    }

    private synchronized void poll() {
        try {
            if (streams.isEmpty()) {
                polling.cancel(false);
                polling = null;
                last = null;
                return;
            }
            boolean beat = System.currentTimeMillis() - lastBeat > HEARTBEAT_MS;
            if (beat) {
                lastBeat = System.currentTimeMillis();
            }
            sendNew(beat);
        } catch (RuntimeException e) {
            log.warn("reading incident changes failed: {}", e.getClass().getSimpleName());
        }
    }

    /** Reads the history after the last row seen and sends each change to every stream that has not had it. */
    private void sendNew(boolean beat) {
        IncidentChanges.Position[] upTo = {last};
        List<IncidentChanges.Change> found = changes.after(last, BACKLOG_ROWS, upTo);
        last = upTo[0];
        for (Stream s : streams) {
            try {
                for (IncidentChanges.Change c : found) {
                    if (c.position().compareTo(s.sentUpTo()) > 0) {
                        s.emitter().send(event(c));
                    }
                }
                if (beat) {
                    s.emitter().send(SseEmitter.event().comment("keep-alive"));
                }
            } catch (IOException | IllegalStateException e) {
                streams.remove(s);
            }
        }
    }

    /**
     * An open stream and the change it was told of last when it opened (a stream resumed from an event this
     * server's poller has not reached yet is not sent that event again).
     */
    private record Stream(SseEmitter emitter, IncidentChanges.Position sentUpTo) {}

    /** The event of one change: the incident as the map's lean view has it ({@code view=map}), what the map adds. */
    private SseEmitter.SseEventBuilder event(IncidentChanges.Change c) {
        ObjectNode data = json.createObjectNode();
        data.put("kind", c.kind()).put("id", c.id()).put("at", c.at().toString());
        if (c.feature() != null) {
            JsonNode p = c.feature().path("properties");
            try {
                data.set(
                        "feature",
                        IncidentFeatures.mapFeature(new IncidentJson(gazetteer)
                                .read(
                                        c.feature(),
                                        c.id(),
                                        p.path("version").asInt(),
                                        Instant.parse(p.path("created").asString()),
                                        Instant.parse(p.path("updated").asString()))));
            } catch (RuntimeException e) {
                data.set("feature", c.feature()); // a document an older version wrote: the whole Feature
            }
        }
        return SseEmitter.event().id(String.valueOf(c.seq())).data(data.toString());
    }

    int open() {
        return streams.size();
    }

    /**
     * Ends every stream when the server begins to stop, before the graceful shutdown waits for open
     * requests: an event stream never ends by itself and would hold the shutdown for its whole timeout.
     * The poll under way ends first (never interrupted: a thread interrupted inside H2's file I/O closes the
     * embedded store for every other user, and its changes would be read but not sent), then one last read
     * sends every change committed so far, then each stream ends as a complete response. A write committed
     * after that is read by the stream's client when it resumes from the last event id it got.
     */
    @EventListener(ContextClosedEvent.class)
    @PreDestroy
    void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (polling != null) {
                polling.cancel(false);
                polling = null;
            }
        }
        poller.shutdown();
        try {
            if (!poller.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                log.warn(
                        "the incident changes poll did not end in {} ms; the streams end without a last read",
                        CLOSE_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (this) {
            if (!streams.isEmpty() && last != null && poller.isTerminated()) {
                try {
                    sendNew(false);
                } catch (RuntimeException e) {
                    log.warn(
                            "the last read of incident changes failed: {}",
                            e.getClass().getSimpleName());
                }
            }
            streams.forEach(s -> s.emitter().complete());
            streams.clear();
        }
    }
}
