package org.conflictmap.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.conflictmap.incidents.PublishedChanges;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sends the outbox's deliveries, after the writes have committed and never inside them: every
 * {@link WebhooksProperties#poll()} one thread reads the due rows (in commit order), claims each for a lease
 * and hands it to a few senders. A 2xx answer delivers it; anything else (a status, a refused connection, a
 * timeout) tries again after a back-off that doubles each time, until {@link WebhooksProperties#maxAttempts()}.
 * The rows live in the store, so deliveries survive a restart, and a server stopped mid-delivery leaves its
 * claimed row to be sent again when the lease ends (a receiver may see an event twice, never lose one; the
 * event id tells repeats apart).
 *
 * <p>Each event is signed: {@code X-Conflictmap-Signature: sha256=HEX} is the HMAC-SHA256, keyed with the
 * webhook's secret, of {@code TIMESTAMP + "." + body}, where {@code TIMESTAMP} is the
 * {@code X-Conflictmap-Timestamp} header (Unix seconds), so a receiver can refuse replays of old events.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class WebhookDeliveries implements SmartLifecycle {
    static final String SIGNATURE = "X-Conflictmap-Signature";
    static final String TIMESTAMP = "X-Conflictmap-Timestamp";
    static final String EVENT_ID = "X-Conflictmap-Event-Id";
    static final String EVENT = "X-Conflictmap-Event";
    /**
     * The delivery's id (its outbox row): one per webhook and event, the same on every attempt, also after a
     * restart or on another replica, so a receiver drops repeats by it.
     */
    static final String DELIVERY = "X-Conflictmap-Delivery";
    /** How often delivered rows past {@link WebhooksProperties#retention()} are deleted. */
    static final long PRUNE_EVERY_MS = 60_000;
    /** Rows deleted by one statement of a prune. */
    static final int PRUNE_BATCH = 1000;

    private static final Logger log = LoggerFactory.getLogger(WebhookDeliveries.class);

    private final Webhooks webhooks;
    private final PublishedChanges changes;
    private final ObjectMapper json;
    private final WebhooksProperties properties;
    private final HttpClient http;
    private final Semaphore free;
    private ScheduledExecutorService poller;
    private ExecutorService senders;
    private volatile boolean running;
    private long lastPrune;

    WebhookDeliveries(Webhooks webhooks, PublishedChanges changes, ObjectMapper json, WebhooksProperties properties) {
        this.webhooks = webhooks;
        this.changes = changes;
        this.json = json;
        this.properties = properties;
        this.free = new Semaphore(properties.workers());
        this.http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public synchronized void start() {
        poller = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "webhook-outbox"));
        senders = Executors.newFixedThreadPool(properties.workers(), r -> daemon(r, "webhook-sender"));
        running = true;
        poller.scheduleWithFixedDelay(
                this::poll, properties.poll().toMillis(), properties.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Stops taking deliveries and lets those under way end (their threads are daemons): never by interrupting them,
     * since a thread interrupted inside H2's file I/O closes the embedded store's file for every other user.
     * A delivery cut short by the process ending is sent again when its lease ends.
     */
    @Override
    public synchronized void stop() {
        running = false;
        if (poller != null) {
            poller.shutdown();
            senders.shutdown();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private void poll() {
        if (System.currentTimeMillis() - lastPrune >= PRUNE_EVERY_MS) {
            lastPrune = System.currentTimeMillis();
            prune();
        }
        try {
            int room = free.availablePermits();
            if (room == 0) {
                return;
            }
            Instant now = Instant.now();
            for (Webhooks.Due d : webhooks.due(now, room)) {
                if (!running || !free.tryAcquire()) {
                    return;
                }
                if (!webhooks.claim(d, now, now.plus(properties.lease()))) {
                    free.release();
                    continue;
                }
                senders.execute(() -> {
                    try {
                        send(d);
                    } catch (RuntimeException e) {
                        log.warn(
                                "webhook delivery {} failed: {}",
                                d.id(),
                                e.getClass().getSimpleName());
                    } finally {
                        free.release();
                    }
                });
            }
        } catch (RuntimeException e) {
            log.warn("reading the webhook outbox failed: {}", e.getClass().getSimpleName());
        }
    }

    /**
     * Deletes the delivered rows older than the retention, {@link #PRUNE_BATCH} at a time until none is left or the
     * server stops; returns how many (those of the batches done when the store failed: the rest is tried again later).
     */
    int prune() {
        int n = 0;
        try {
            Instant before = Instant.now().minus(properties.retention());
            int batch;
            do {
                batch = webhooks.prune(before, PRUNE_BATCH);
                n += batch;
            } while (batch == PRUNE_BATCH && running);
            if (n > 0) {
                log.info("{} webhook deliveries older than {} pruned", n, properties.retention());
            }
            return n;
        } catch (RuntimeException e) {
            log.warn(
                    "pruning delivered webhook deliveries failed: {}",
                    e.getClass().getSimpleName());
            return n;
        }
    }

    /** One attempt at one delivery (claimed). */
    void send(Webhooks.Due d) {
        Optional<PublishedChanges.Event> event = changes.of(d.historySeq());
        if (event.isEmpty()) {
            webhooks.drop(d);
            return;
        }
        PublishedChanges.Event e = event.get();
        ObjectNode body = json.createObjectNode();
        body.put("id", String.valueOf(e.seq()))
                .put("kind", e.kind())
                .put("incident", e.incident())
                .put("version", e.version())
                .put("at", e.at().toString());
        body.set("feature", e.feature());
        String text = body.toString();
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        Integer status = null;
        String error;
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(URI.create(d.url()))
                            .timeout(properties.timeout())
                            .header("Content-Type", "application/json")
                            .header("User-Agent", "conflict-map-server webhooks")
                            .header(DELIVERY, String.valueOf(d.id()))
                            .header(EVENT_ID, String.valueOf(e.seq()))
                            .header(EVENT, e.kind())
                            .header(TIMESTAMP, timestamp)
                            .header(SIGNATURE, "sha256=" + sign(d.secret(), timestamp, text))
                            .POST(HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            status = r.statusCode();
            if (status / 100 == 2) {
                webhooks.delivered(d, status);
                return;
            }
            error = "answered " + status;
        } catch (IOException ex) {
            error = ex.getClass().getSimpleName();
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        int failures = d.attempts() + 1;
        if (failures >= properties.maxAttempts()) {
            webhooks.failed(d, status, error);
            log.warn("webhook delivery {} given up after {} attempts: {}", d.id(), failures, error);
        } else {
            webhooks.retry(d, Instant.now().plus(properties.backOff(failures)), status, error);
        }
    }

    /** The hex HMAC-SHA256 of {@code timestamp + "." + body} keyed with {@code secret}. */
    static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
