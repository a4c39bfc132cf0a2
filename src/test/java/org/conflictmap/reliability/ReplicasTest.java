package org.conflictmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.Http;
import org.conflictmap.TestStores;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Two server processes on one PostGIS database, as replicas behind a proxy run: an editor changes an
 * incident through replica A while readers poll replica B for the incident, a list of incidents (with
 * {@code If-None-Match}, so a stale ETag shows as a 304), a vector tile (its bytes carry the title)
 * and a raster tile's ETag. Every answer to a request sent after a write's answer came back must show
 * that write: 0 stale answers. (Before the data version was read from the store, B served the old
 * tile for up to 1.9 s after an edit and answered 304 to the old list ETag every time.)
 */
class ReplicasTest {
    static final String TOKEN = "replicas-test-token";
    static final String AUTH = "Bearer " + TOKEN;
    static final String DB = TestStores.Postgis.DB + "_replicas";
    static final int ROUNDS = 40;
    static final Pattern ROUND = Pattern.compile("replica probe round (\\d{3})");
    static final String ID = "test-replica-probe";
    static final Pattern TILE_VERSION = Pattern.compile("^\"t(\\d+)-");
    static final Pattern LIST_VERSION = Pattern.compile("^W/\"v(\\d+)");

    @Test
    void anEditThroughOneReplicaIsSeenByTheOtherAtItsFirstRequestAfterwards(@TempDir Path tmp) throws Exception {
        recreateDatabase();
        String[] store = {
            "--spring.datasource.url=" + TestStores.Postgis.SERVER + DB,
            "--spring.datasource.username=" + TestStores.Postgis.USER,
            "--spring.datasource.password=",
            "--conflictmap.security.editor-tokens=replicas:" + TOKEN
        };
        try (ChildServer a = ChildServer.start(tmp.resolve("a"), tmp.resolve("a.log"), store);
                ChildServer b = ChildServer.start(tmp.resolve("b"), tmp.resolve("b.log"), store)) {
            Http editor = new Http(a.port);
            Http reader = new Http(b.port);
            Http.Response created = editor.send(
                    "POST", "/api/incidents", incident(0), "Content-Type", "application/json", "Authorization", AUTH);
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            JsonNode point = created.json().get("geometry").get("coordinates");
            double lon = point.get(0).asDouble();
            double lat = point.get(1).asDouble();
            int z = 12;
            String tile = z + "/" + tileX(lon, z) + "/" + tileY(lat, z);
            String mvt = "/tiles/incidents/" + tile + ".mvt";
            String png = "/tiles/incidents/" + tile + ".png";
            String list = "/api/incidents?bbox=" + (lon - 0.01) + "," + (lat - 0.01) + "," + (lon + 0.01) + ","
                    + (lat + 0.01);
            String item = "/api/incidents/" + ID;
            assertThat(round(reader.get(mvt).bytes()))
                    .as("B's tile shows A's first write")
                    .isEqualTo(0);

            // commitAt[k]: System.nanoTime() when A's answer to write k had come back (0: not yet);
            // versionAfter[k]: the data version then (published first, so a reader never sees a round without it)
            AtomicLongArray commitAt = new AtomicLongArray(ROUNDS + 1);
            AtomicLongArray versionAfter = new AtomicLongArray(ROUNDS + 1);
            versionAfter.set(0, dataVersion(editor));
            commitAt.set(0, System.nanoTime());
            List<String> stale = new CopyOnWriteArrayList<>();
            Map<String, AtomicInteger> checked = new ConcurrentHashMap<>();
            AtomicBoolean running = new AtomicBoolean(true);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            List<Future<?>> readers = new ArrayList<>();
            readers.add(pool.submit(poll(
                    running,
                    commitAt,
                    stale,
                    checked,
                    "tile",
                    () -> round(reader.get(mvt).bytes()))));
            readers.add(pool.submit(poll(
                    running,
                    commitAt,
                    stale,
                    checked,
                    "item",
                    () -> round(reader.get(item).bytes()))));
            readers.add(pool.submit(poll(running, commitAt, stale, checked, "list-etag", conditional(reader, list))));
            readers.add(pool.submit(
                    poll(running, commitAt, stale, checked, "png-etag", pngTag(reader, png, versionAfter))));
            try {
                for (int k = 1; k <= ROUNDS; k++) {
                    Http.Response w = editor.send(
                            "PATCH",
                            item,
                            "{\"title\": \"" + title(k) + "\"}",
                            "Content-Type",
                            "application/merge-patch+json",
                            "Authorization",
                            AUTH,
                            "If-Match",
                            "\"" + k + "\"");
                    assertThat(w.status()).as(w.body()).isEqualTo(200);
                    long returned = System.nanoTime();
                    versionAfter.set(k, dataVersion(editor));
                    commitAt.set(k, returned);
                    // and the first request of each kind after the commit, sent at once by the editor itself
                    check(stale, checked, "first-tile", k, round(reader.get(mvt).bytes()));
                    check(
                            stale,
                            checked,
                            "first-item",
                            k,
                            round(reader.get(item).bytes()));
                    Thread.sleep(20 + k % 5 * 20);
                }
            } finally {
                running.set(false);
                pool.shutdown();
            }
            for (Future<?> f : readers) {
                f.get();
            }
            System.out.println("ReplicasTest: answers checked " + checked + "; stale " + stale.size());
            assertThat(stale)
                    .as("stale answers from B after A's write returned")
                    .isEmpty();
            for (String kind : List.of("tile", "item", "list-etag", "png-etag", "first-tile", "first-item")) {
                assertThat(checked.getOrDefault(kind, new AtomicInteger()).get())
                        .as("answers checked: " + kind)
                        .isGreaterThanOrEqualTo(ROUNDS);
            }
        }
    }

    interface Probe {
        /** The newest write round the answer shows. */
        int round() throws Exception;
    }

    /** Polls B until stopped; an answer is checked against the writes whose answers came back before it was sent. */
    static Runnable poll(
            AtomicBoolean running,
            AtomicLongArray commitAt,
            List<String> stale,
            Map<String, AtomicInteger> checked,
            String kind,
            Probe probe) {
        return () -> {
            try {
                while (running.get()) {
                    int mustShow = committedBy(commitAt, System.nanoTime());
                    check(stale, checked, kind, mustShow, probe.round());
                }
            } catch (Exception e) {
                stale.add(kind + ": " + e);
            }
        };
    }

    static void check(List<String> stale, Map<String, AtomicInteger> checked, String kind, int mustShow, int shown) {
        checked.computeIfAbsent(kind, k -> new AtomicInteger()).incrementAndGet();
        if (shown < mustShow && stale.size() < 20) {
            stale.add(kind + ": showed write " + shown + " after write " + mustShow + " had returned");
        }
    }

    /** The last write whose answer had come back at {@code now}. */
    static int committedBy(AtomicLongArray commitAt, long now) {
        int k = 0;
        while (k + 1 < commitAt.length() && commitAt.get(k + 1) != 0 && commitAt.get(k + 1) - now <= 0) {
            k++;
        }
        return k;
    }

    /** The list with If-None-Match of the last ETag seen: a 304 shows what the last 200 showed. */
    static Probe conditional(Http reader, String list) {
        String[] last = {null};
        int[] shown = {-1};
        return () -> {
            Http.Response r = last[0] == null ? reader.get(list) : reader.get(list, "If-None-Match", last[0]);
            if (r.status() == 200) {
                last[0] = r.header("etag");
                shown[0] = round(r.bytes());
            } else {
                assertThat(r.status()).isEqualTo(304);
            }
            return shown[0];
        };
    }

    /**
     * The raster tile's ETag, which carries the data version ({@code "t<version>-…"}): the newest write
     * whose version it has reached. A request with an older round's tag must not get a 304.
     */
    static Probe pngTag(Http reader, String png, AtomicLongArray versionAfter) {
        String[] last = {null};
        return () -> {
            Http.Response r = last[0] == null ? reader.get(png) : reader.get(png, "If-None-Match", last[0]);
            if (r.status() == 200) {
                last[0] = r.header("etag");
            } else {
                assertThat(r.status()).isEqualTo(304);
            }
            Matcher m = TILE_VERSION.matcher(last[0]);
            assertThat(m.find()).as(last[0]).isTrue();
            long version = Long.parseLong(m.group(1));
            int k = -1;
            while (k + 1 < versionAfter.length()
                    && versionAfter.get(k + 1) != 0
                    && versionAfter.get(k + 1) <= version) {
                k++;
            }
            return k;
        };
    }

    /** The data version A answers with right after a write: its list ETag ({@code W/"v<version>-…"}). */
    static long dataVersion(Http a) {
        Matcher m = LIST_VERSION.matcher(a.get("/api/incidents?limit=1").header("etag"));
        assertThat(m.find()).isTrue();
        return Long.parseLong(m.group(1));
    }

    static int round(byte[] answer) {
        Matcher m = ROUND.matcher(new String(answer, StandardCharsets.ISO_8859_1));
        int newest = -1;
        while (m.find()) {
            newest = Math.max(newest, Integer.parseInt(m.group(1)));
        }
        return newest;
    }

    static String title(int k) {
        return "replica probe round %03d".formatted(k);
    }

    static String incident(int k) {
        return """
                {"id": "%s", "title": "%s", "type": "shelling",
                 "occurred": {"start": "2031-03-02T10:00:00+04:30", "end": "2031-03-02T11:00:00+04:30", "precision": "hour"},
                 "places": ["crossing-torkham"],
                 "sources": [{"id": "S1", "outlet": "Test wire", "published": "2031-03-02"}],
                 "claims": [{"claimant": "Nangarhar police", "party": "local_official", "side": "civilians", "wounded": 2, "sources": ["S1"]}]}
                """.formatted(ID, title(k));
    }

    static int tileX(double lon, int z) {
        return (int) Math.floor((lon + 180) / 360 * (1 << z));
    }

    static int tileY(double lat, int z) {
        double r = Math.toRadians(lat);
        return (int) Math.floor((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * (1 << z));
    }

    static void recreateDatabase() throws Exception {
        recreateDatabase(DB);
    }

    /** Drops and creates the PostGIS database {@code DB} (two child servers share it). */
    static void recreateDatabase(String db) throws Exception {
        try (Connection c = DriverManager.getConnection(
                        TestStores.Postgis.SERVER + "postgres", TestStores.Postgis.USER, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + db + " WITH (FORCE)");
            s.execute("CREATE DATABASE " + db);
        }
        try (Connection c = DriverManager.getConnection(TestStores.Postgis.SERVER + db, TestStores.Postgis.USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE EXTENSION postgis");
        }
    }
}
