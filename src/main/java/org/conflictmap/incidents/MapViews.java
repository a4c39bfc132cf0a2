package org.conflictmap.incidents;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.conflictmap.store.DataVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * The map's lean views ({@code /api/incidents?view=map}), written once per data version and kept
 * gzipped: every reader of the map asks for the same few bytes. Writing the 10,009 incidents of
 * {@code WebMapBenchmark} cost the server 0.6-1.4 s of CPU a request (streamed, then gzipped by
 * Tomcat: 4.9 MB, 530 KB gzipped), most of the map's ready time; from here it is a copy of 530 KB.
 *
 * <p>A view is made by the first request that needs it; requests for the same view meanwhile wait
 * for that one. The last {@link #KEPT} views are kept (a data version's public view, an editor's,
 * pinned embeds' views), so the memory held is a few gzipped views (5 MB each at 100,000 incidents).
 *
 * <p>The view the map page asks for ({@link #MAP_QUERY}) is made ahead, so the first reader after an
 * edit or an import does not wait for it: {@link #SETTLE_MS} after the last of a burst of this
 * server's own writes, and, for other replicas' writes on the same store, once a new version read every
 * {@link #WARM_POLL_MS} ms has stood for one read. (Until 2026-12-06 every replica read the version
 * every 0.5 s for both.) Readers never depend on it: a view is keyed by its data version, so a view not
 * yet written ahead is written by its first reader, never served stale.
 */
@Component
class MapViews implements DisposableBean {
    static final int KEPT = 6;
    /** The request of {@code frontend/load.js}: the public lean view of every incident. */
    static final String MAP_QUERY = "limit=100000&view=map";
    /** How often the version is read for other replicas' writes. */
    static final long WARM_POLL_MS = 3000;
    /** How long after this server's last write (of a burst) its view is written ahead. */
    static final long SETTLE_MS = 500;
    /** How long stopping waits for a warm under way. */
    static final long CLOSE_WAIT_MS = 5_000;

    private static final Logger log = LoggerFactory.getLogger(MapViews.class);

    private final IncidentRepository incidents;
    private final DataVersion dataVersion;
    private final ObjectMapper json;
    /** The least heap with which views are written ahead of readers. */
    static final long MIN_HEAP_FOR_WARMING = 256L << 20;

    private final ScheduledExecutorService warmer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "map-view-warmer");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        return t;
    });
    // the warmer's own: the version its last read saw, and the one it last wrote the view of
    private long seen = -1;
    private long warmed = -1;
    // the warm after this server's last write, replaced by the next write's (guarded by this)
    private ScheduledFuture<?> afterWrite;

    MapViews(IncidentRepository incidents, DataVersion dataVersion, ObjectMapper json) {
        this.incidents = incidents;
        this.dataVersion = dataVersion;
        this.json = json;
    }

    /** Starts warming once the server answers requests (not in the import command). */
    @EventListener(WebServerInitializedEvent.class)
    void startWarming() {
        // writing a view ahead holds the whole map view at once (~30 MB of JSON streamed into ~3 MB of gzip
        // at 60,000 incidents): on a small heap that races the exports for memory. ExportMemoryTest's
        // 112 MB server ended with an OutOfMemoryError once in two CI runs with warming on; below
        // MIN_HEAP_FOR_WARMING the first reader after a write writes the view instead.
        if (Runtime.getRuntime().maxMemory() < MIN_HEAP_FOR_WARMING) {
            log.info("map view not written ahead: heap below {} MB", MIN_HEAP_FOR_WARMING >> 20);
            return;
        }
        dataVersion.afterEachWrite(this::written);
        warmer.scheduleWithFixedDelay(() -> warm(false), WARM_POLL_MS, WARM_POLL_MS, TimeUnit.MILLISECONDS);
    }

    /** This server wrote: its view is written ahead once the burst is over (no write for {@link #SETTLE_MS}). */
    private synchronized void written() {
        if (afterWrite != null) {
            afterWrite.cancel(false);
        }
        try {
            afterWrite = warmer.schedule(() -> warm(true), SETTLE_MS, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            afterWrite = null; // shutting down: the write has committed all the same
        }
    }

    /** Writes the map's view of the current version, after one of this server's writes or when the version stood for a poll. */
    private void warm(boolean ownWrite) {
        try {
            DataVersion.Stamp now = dataVersion.current();
            boolean settled = ownWrite || now.version() == seen;
            seen = now.version();
            if (!settled || warmed == now.version()) {
                return;
            }
            IncidentQuery query = new IncidentQuery(
                    null, null, null, null, null, null, null, null, null, IncidentsController.MAX_LIMIT, 0);
            IncidentPage page = new IncidentPage(
                    query,
                    null,
                    true,
                    offset -> IncidentsController.href(
                            "/api/incidents",
                            Map.of("limit", new String[] {"100000"}, "view", new String[] {"map"}),
                            offset,
                            query.limit()));
            gzipped(key(now, MAP_QUERY, query, false), out -> page.write(incidents, json, out));
            warmed = now.version();
        } catch (IOException | RuntimeException e) {
            // a store that is down, or closing: the next read tries again, and a request makes its own view
            log.debug("map view not warmed: {}", e.getClass().getName());
        }
    }

    /**
     * The cache key of a view: its data version's ETag (for a pin that has settled, only the pin: the
     * data as it was never changes), the request's parameters and the statuses shown.
     */
    static String key(DataVersion.Stamp version, String queryString, IncidentQuery query, boolean settledPin) {
        return (settledPin ? "pin" : etag(version, queryString, query)) + "|" + queryString + "|" + query.statuses();
    }

    /** The ETag of a list: the data version, the parameters and the statuses. */
    static String etag(DataVersion.Stamp version, String queryString, IncidentQuery query) {
        return version.etag(queryString + "|" + query.statuses());
    }

    /**
     * Stops warming without interrupting a warm under way: it reads the store, and a thread interrupted inside
     * the store's file I/O closed the embedded store for every other user (before the {@code retry:} file system,
     * application.yml; store.EmbeddedInterruptTest). No warm starts after this; one under way has
     * {@link #CLOSE_WAIT_MS} to end, then the store closes under it and it fails quietly (the view is a cache).
     */
    @Override
    public void destroy() {
        warmer.shutdown();
        try {
            if (!warmer.awaitTermination(CLOSE_WAIT_MS, TimeUnit.MILLISECONDS)) {
                log.info("the map view under way did not end in {} ms; it is left to fail", CLOSE_WAIT_MS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Writes a view's bytes, uncompressed. */
    interface Writer {
        void write(OutputStream out) throws IOException;
    }

    private final Map<String, CompletableFuture<byte[]>> views = new LinkedHashMap<>(16, 0.75f, true);

    /**
     * The gzipped view under this key (which must name the data version, or a pin that never changes),
     * made by {@code writer} when absent.
     */
    byte[] gzipped(String key, Writer writer) throws IOException {
        CompletableFuture<byte[]> mine = new CompletableFuture<>();
        CompletableFuture<byte[]> view;
        synchronized (views) {
            view = views.putIfAbsent(key, mine);
            if (view == null) {
                view = mine;
                while (views.size() > KEPT) {
                    views.remove(views.keySet().iterator().next());
                }
            }
        }
        if (view == mine) {
            try {
                ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
                try (GZIPOutputStream gz = new GZIPOutputStream(bytes, 1 << 16)) {
                    writer.write(gz);
                }
                mine.complete(bytes.toByteArray());
            } catch (IOException | RuntimeException | Error e) {
                synchronized (views) {
                    views.remove(key, mine); // a failed view is made again by the next request
                }
                mine.completeExceptionally(e);
                throw e;
            }
        }
        try {
            return view.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the map view", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IOException("the map view could not be written", e.getCause());
        }
    }

    /** Whether the client takes gzip ({@code Accept-Encoding}, a q of 0 refusing it). */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String coding : acceptEncoding.split(",")) {
            String[] parts = coding.strip().split(";");
            String name = parts[0].strip();
            if (name.equalsIgnoreCase("gzip") || name.equals("*")) {
                return parts.length < 2 || !parts[1].strip().matches("q\\s*=\\s*0(\\.0*)?");
            }
        }
        return false;
    }

    /** Sends a gzipped view to a client that does not take gzip. */
    static void gunzip(byte[] gzipped, OutputStream out) throws IOException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            in.transferTo(out);
        }
    }
}
