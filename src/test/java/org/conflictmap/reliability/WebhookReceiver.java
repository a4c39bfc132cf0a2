package org.conflictmap.reliability;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A webhook receiver on 127.0.0.1 for the child-server tests, as a newsroom's endpoint behaves on a bad day: it
 * holds the next {@link #hang} requests open until {@link #release()}, answers 500 while {@link #failing}, else 204.
 * It records every request it got (also the ones it failed or held) with its headers, body and when it began and
 * ended, and checks each signature itself (HMAC-SHA256 of {@code timestamp + "." + body}, not the server's code).
 */
final class WebhookReceiver implements AutoCloseable {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One request: the delivery and event ids, the event, whether its signature verifies, what it was answered. */
    record Received(
            String delivery,
            String eventId,
            String kind,
            String incident,
            int version,
            String body,
            boolean signed,
            boolean held,
            int answered,
            long began,
            long ended) {
        boolean delivered() {
            return answered / 100 == 2;
        }

        /** The change it tells of, as a test writes it down: incident, version, kind. */
        String change() {
            return incident + " v" + version + " " + kind;
        }
    }

    final AtomicInteger hang = new AtomicInteger();
    final AtomicInteger holding = new AtomicInteger();
    /** {@link System#nanoTime()} when the last held request began. */
    volatile long lastHold;

    volatile boolean failing;
    private final String secret;
    private final HttpServer server;
    private final ExecutorService pool = Executors.newFixedThreadPool(16);
    private final List<Received> all = new ArrayList<>();
    private volatile CountDownLatch gate = new CountDownLatch(1);

    WebhookReceiver(String secret) throws IOException {
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(pool);
        server.createContext("/hook", ex -> {
            long began = System.nanoTime();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, String> h = new TreeMap<>();
            ex.getRequestHeaders().forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), v.get(0)));
            boolean held = hang.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
            if (held) {
                lastHold = began;
                holding.incrementAndGet();
                try {
                    gate.await(10, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            int status = failing ? 500 : 204;
            try {
                ex.sendResponseHeaders(status, -1);
            } catch (IOException e) {
                status = 0; // the sender is gone (killed, or it gave up on the attempt); often the write still succeeds
            } finally {
                ex.close();
            }
            record(h, body, held, status, began);
        });
        server.start();
    }

    private void record(Map<String, String> h, String body, boolean held, int status, long began) {
        JsonNode event = JSON.readTree(body);
        String timestamp = h.getOrDefault("x-conflictmap-timestamp", "");
        boolean signed = ("sha256=" + hmac(secret, timestamp + "." + body)).equals(h.get("x-conflictmap-signature"))
                && h.getOrDefault("x-conflictmap-event-id", "")
                        .equals(event.path("id").asString());
        Received r = new Received(
                h.get("x-conflictmap-delivery"),
                event.path("id").asString(),
                event.path("kind").asString(),
                event.path("incident").asString(),
                event.path("version").asInt(),
                body,
                signed,
                held,
                status,
                began,
                System.nanoTime());
        synchronized (all) {
            all.add(r);
        }
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Ends every held request (each answered as {@link #failing} says then); later ones are held again while {@link #hang} says so. */
    void release() {
        CountDownLatch l = gate;
        gate = new CountDownLatch(1);
        l.countDown();
    }

    List<Received> all() {
        synchronized (all) {
            return List.copyOf(all);
        }
    }

    static String hmac(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        gate.countDown();
        server.stop(0);
        pool.shutdownNow();
    }
}
