package org.conflictmap.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.conflictmap.Http;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The embedded store survives {@code kill -9} in the middle of a stream of writes, round after round:
 * a child server, {@value #WRITERS} writer threads creating, PATCHing, adding claims to and deleting
 * incidents, SIGKILL at a random moment, a restart on the same directory. After every restart the
 * store must open and every acknowledged write must be there: each incident is exactly as the last
 * acknowledged answer left it, or as the one write in flight at the kill would have left it.
 *
 * <p>{@code -Dcrash.rounds=50} runs 50 rounds (the suite runs {@value #DEFAULT_ROUNDS}, a few minutes);
 * {@code -Dcrash.seed=} replays a run's choices. The figures of 50-round runs are in docs/BENCHMARKS.md.
 */
class EmbeddedCrashTest {
    static final String TOKEN = "crash-test-token";
    static final String AUTH = "Bearer " + TOKEN;
    static final int WRITERS = 4;
    static final int DEFAULT_ROUNDS = 3;
    /** An incident as a reader sees it; {@link #ABSENT} when it is not there. */
    record State(int version, String title, int claims) {
        static final State ABSENT = new State(0, null, 0);

        boolean exists() {
            return version > 0;
        }
    }

    /** What a write was acknowledged as, and what the write in flight (if any) would make it. */
    record Expectation(State acknowledged, State inFlight) {}

    /** Rows in one atomic CSV import ({@code POST /api/import?atomic=true}). */
    static final int IMPORT_ROWS = 40;

    /** An atomic import batch: acknowledged (all its rows must be there) or in flight at the kill (all or none). */
    record Batch(String prefix, boolean acknowledged) {}

    @Test
    void everyAcknowledgedWriteSurvivesKillMinus9RoundAfterRound(@TempDir Path dir) throws Exception {
        int rounds = Integer.getInteger("crash.rounds", DEFAULT_ROUNDS);
        long seed = Long.getLong("crash.seed", System.nanoTime());
        Random random = new Random(seed);
        Path log = Files.createDirectories(Path.of("target")).resolve("embedded-crash-test.log");
        String[] args = {"--conflictmap.security.editor-tokens=crash:" + TOKEN};
        Map<String, Expectation> ledger = new ConcurrentHashMap<>();
        Map<String, Batch> batches = new ConcurrentHashMap<>();
        List<String> refusals = new CopyOnWriteArrayList<>();
        List<String> losses = new ArrayList<>();
        int unopenable = 0;
        int lost = 0;
        long acknowledged = 0;
        int store = 0;
        Path data = dir.resolve("store-" + store);
        ChildServer server = ChildServer.start(data, log, args);
        try {
            for (int round = 1; round <= rounds; round++) {
                acknowledged += writeUntilKilled(server, round, random, ledger, batches, refusals);
                try {
                    server = ChildServer.start(data, log, args);
                } catch (IllegalStateException e) {
                    unopenable++;
                    long gone = ledger.values().stream()
                            .filter(x -> x.acknowledged().exists())
                            .count();
                    lost += (int) gone;
                    losses.add("round " + round + ": the store did not open (" + e.getMessage() + "), " + gone
                            + " acknowledged incidents with it");
                    keepForAnalysis(data, round);
                    System.out.printf("round %d: UNOPENABLE, %d acknowledged incidents lost%n", round, gone);
                    ledger.clear();
                    batches.clear();
                    data = dir.resolve("store-" + ++store);
                    server = ChildServer.start(data, log, args);
                    continue;
                }
                int wrong = check(new Http(server.port), ledger, losses);
                int halfImports = checkImports(new Http(server.port), batches, losses);
                lost += wrong + halfImports;
                System.out.printf(
                        "round %d: opened, %d incidents as acknowledged, %d wrong; %d import batches, %d wrong%n",
                        round, ledger.size() - wrong, wrong, batches.size(), halfImports);
            }
        } finally {
            server.close();
        }
        System.out.printf(
                "kill -9 loop (seed %d): %d rounds, %d unopenable, %d acknowledged writes, %d lost%n",
                seed, rounds, unopenable, acknowledged, lost);
        losses.stream().limit(20).forEach(System.out::println);
        assertThat(losses).as("kill -9 loop, seed " + seed).isEmpty();
        assertThat(unopenable).isZero();
        assertThat(lost).isZero();
        assertThat(acknowledged).as("writes acknowledged over all rounds").isGreaterThanOrEqualTo(10L * rounds);
        assertThat(refusals).as("server errors while it was up").isEmpty();
    }

    /** Starts the writers, kills the server at a random moment and returns how many writes were acknowledged. */
    private static long writeUntilKilled(
            ChildServer server,
            int round,
            Random random,
            Map<String, Expectation> ledger,
            Map<String, Batch> batches,
            List<String> refusals)
            throws Exception {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger acks = new AtomicInteger();
        Http http = new Http(server.port);
        List<Thread> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            Writer writer = new Writer(
                    "r" + round + "-w" + w, new Random(random.nextLong()), http, ledger, stop, acks, refusals);
            Thread t = new Thread(writer, "crash-writer-" + w);
            t.start();
            writers.add(t);
        }
        Thread importer =
                new Thread(() -> importUntilStopped(http, round, batches, stop, acks, refusals), "crash-importer");
        importer.start();
        writers.add(importer);
        long minimum = System.nanoTime() + 30_000_000_000L;
        while (acks.get() < 10 && System.nanoTime() < minimum) {
            Thread.sleep(10);
        }
        Thread.sleep(random.nextInt(4000));
        server.kill();
        stop.set(true);
        for (Thread t : writers) {
            t.join();
        }
        return acks.get();
    }

    /** Compares the restarted store with the ledger, adopts what it finds and returns how many incidents were wrong. */
    private static int check(Http http, Map<String, Expectation> ledger, List<String> losses) {
        Http.Response all = http.get("/api/incidents?datetime=2031-01-01&limit=100000", "Authorization", AUTH);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        Map<String, State> found = new HashMap<>();
        for (JsonNode f : all.json().get("features")) {
            JsonNode p = f.get("properties");
            found.put(
                    f.get("id").asString(),
                    new State(
                            p.get("version").asInt(),
                            p.get("title").asString(),
                            p.get("claims").size()));
        }
        int wrong = 0;
        for (Map.Entry<String, Expectation> e : ledger.entrySet()) {
            State actual = found.getOrDefault(e.getKey(), State.ABSENT);
            Expectation x = e.getValue();
            if (!actual.equals(x.acknowledged()) && !actual.equals(x.inFlight())) {
                wrong++;
                losses.add(e.getKey() + ": acknowledged " + x.acknowledged() + ", in flight " + x.inFlight()
                        + ", found " + actual);
            }
            e.setValue(new Expectation(actual, null));
        }
        return wrong;
    }

    /**
     * Atomic CSV imports of {@value #IMPORT_ROWS} rows each, one after another, until the kill: each batch is
     * entered in flight before it is sent and acknowledged when its answer came back.
     */
    private static void importUntilStopped(
            Http http,
            int round,
            Map<String, Batch> batches,
            AtomicBoolean stop,
            AtomicInteger acks,
            List<String> refusals) {
        for (int b = 0; !stop.get(); b++) {
            String prefix = "crashimpr" + round + "b" + b + "n";
            StringBuilder csv =
                    new StringBuilder("event_id_cnty,event_date,event_type,latitude,longitude,fatalities\n");
            for (int i = 0; i < IMPORT_ROWS; i++) {
                csv.append(prefix)
                        .append(i)
                        .append(",1 January 2031,Battles,34.")
                        .append(i)
                        .append(",70,1\n");
            }
            batches.put(prefix, new Batch(prefix, false));
            Http.Response r;
            try {
                r = http.send(
                        "POST",
                        "/api/import?atomic=true",
                        csv.toString(),
                        "Content-Type",
                        "text/csv",
                        "Authorization",
                        AUTH);
            } catch (IllegalStateException e) {
                return; // the server is gone with this batch in flight: all of it or none
            }
            if (r.status() / 100 != 2) {
                refusals.add("import " + prefix + ": " + r.status() + " " + r.body());
                batches.remove(prefix);
                return;
            }
            batches.put(prefix, new Batch(prefix, true));
            acks.incrementAndGet();
        }
    }

    /**
     * Every acknowledged import batch has all its rows; one in flight at the kill has all or none, never part
     * (it is adopted as it was found). Returns how many batches were wrong.
     */
    private static int checkImports(Http http, Map<String, Batch> batches, List<String> losses) {
        Http.Response all = http.get("/api/incidents?datetime=2031-01-01&limit=100000", "Authorization", AUTH);
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        Map<String, Integer> rows = new HashMap<>();
        for (JsonNode f : all.json().get("features")) {
            String id = f.get("id").asString();
            if (id.startsWith("acled-crashimp")) {
                rows.merge(id.substring("acled-".length(), id.lastIndexOf('n') + 1), 1, Integer::sum);
            }
        }
        int wrong = 0;
        for (Batch b : List.copyOf(batches.values())) {
            int found = rows.getOrDefault(b.prefix(), 0);
            if (found == IMPORT_ROWS) {
                batches.put(b.prefix(), new Batch(b.prefix(), true));
            } else if (found == 0 && !b.acknowledged()) {
                batches.remove(b.prefix());
            } else {
                wrong++;
                losses.add("import " + b.prefix() + (b.acknowledged() ? " (acknowledged)" : " (in flight)") + ": "
                        + found + " of " + IMPORT_ROWS + " rows");
                batches.remove(b.prefix());
            }
        }
        return wrong;
    }

    private static void keepForAnalysis(Path data, int round) {
        try {
            Path kept = Files.createDirectories(Path.of("target", "embedded-crash", "unopenable-round-" + round));
            try (var files = Files.list(data)) {
                for (Path f : files.toList()) {
                    Files.copy(f, kept.resolve(f.getFileName()));
                }
            }
        } catch (IOException e) {
            System.out.println("could not keep the damaged store: " + e);
        }
    }

    /** One writer thread: its own incidents, so it always knows their version and sends it as If-Match. */
    private record Writer(
            String prefix,
            Random random,
            Http http,
            Map<String, Expectation> ledger,
            AtomicBoolean stop,
            AtomicInteger acks,
            List<String> refusals)
            implements Runnable {
        @Override
        public void run() {
            String owner =
                    prefix.substring(prefix.indexOf('-')) + "-"; // "-w2-": this writer's incidents of every round
            List<String> mine = new ArrayList<>(ledger.entrySet().stream()
                    .filter(e -> e.getKey().contains(owner)
                            && e.getValue().acknowledged().exists())
                    .map(Map.Entry::getKey)
                    .toList());
            int n = 0;
            while (!stop.get()) {
                boolean create = mine.size() < 3 || random.nextInt(10) < 3;
                String id = create ? "crash-" + prefix + "-" + n++ : mine.get(random.nextInt(mine.size()));
                State now = create ? State.ABSENT : ledger.get(id).acknowledged();
                int op = create ? 0 : 1 + random.nextInt(5);
                String title = "Crash " + prefix + " " + n;
                State next = switch (op) {
                    case 0 -> new State(1, title, 2);
                    case 1, 2 -> new State(now.version() + 1, title, now.claims());
                    case 3, 4 -> new State(now.version() + 1, now.title(), now.claims() + 1);
                    default -> State.ABSENT;
                };
                ledger.put(id, new Expectation(now, next));
                Http.Response r;
                try {
                    r = switch (op) {
                        case 0 ->
                            http.send(
                                    "POST",
                                    "/api/incidents",
                                    incident(id, title),
                                    "Content-Type",
                                    "application/json",
                                    "Authorization",
                                    AUTH);
                        case 1, 2 ->
                            http.send(
                                    "PATCH",
                                    "/api/incidents/" + id,
                                    "{\"title\": \"" + title + "\"}",
                                    "Content-Type",
                                    "application/merge-patch+json",
                                    "Authorization",
                                    AUTH,
                                    "If-Match",
                                    "\"" + now.version() + "\"");
                        case 3, 4 ->
                            http.send(
                                    "POST",
                                    "/api/incidents/" + id + "/claims",
                                    CLAIM,
                                    "Content-Type",
                                    "application/json",
                                    "Authorization",
                                    AUTH,
                                    "If-Match",
                                    "\"" + now.version() + "\"");
                        default ->
                            http.send(
                                    "DELETE",
                                    "/api/incidents/" + id,
                                    (String) null,
                                    "Authorization",
                                    AUTH,
                                    "If-Match",
                                    "\"" + now.version() + "\"");
                    };
                } catch (IllegalStateException e) {
                    return; // the server is gone: this write is in flight, either outcome is right
                }
                if (r.status() / 100 != 2) {
                    refusals.add(id + " op " + op + ": " + r.status() + " " + r.body());
                    mine.remove(id);
                    continue;
                }
                ledger.put(id, new Expectation(next, null));
                acks.incrementAndGet();
                if (create) {
                    mine.add(id);
                } else if (!next.exists()) {
                    mine.remove(id);
                }
            }
        }
    }

    static final String CLAIM = "{\"claimant\": \"UNAMA\", \"party\": \"un\", \"side\": \"civilians\", \"wounded\": 3,"
            + " \"sources\": [\"S1\"]}";

    static String incident(String id, String title) {
        return """
                {"id": "%s", "title": "%s", "type": "shelling",
                 "occurred": {"start": "2031-01-01T10:00:00Z", "end": "2031-01-01T11:00:00Z", "precision": "hour"},
                 "places": ["crossing-torkham"],
                 "sources": [{"id": "S1", "outlet": "Test wire", "published": "2031-01-01"}],
                 "claims": [{"claimant": "Nangarhar police", "party": "local_official", "side": "civilians", "wounded": 2, "sources": ["S1"]},
                            {"claimant": "Pakistani army", "party": "pk_government", "side": "civilians", "wounded": 0, "sources": ["S1"]}]}
                """.formatted(id, title);
    }
}
