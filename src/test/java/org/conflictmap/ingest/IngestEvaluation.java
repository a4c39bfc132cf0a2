package org.conflictmap.ingest;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The team's evaluation set (src/test/resources/ingest/eval: wire-style articles written for the
 * project and gold.json, their events and claims) and the measures over what the extractor
 * found: event F1, claim F1 (party, field and value right), side right on matched claims, the event's
 * time inside the gold interval, places outside the event.
 */
final class IngestEvaluation {
    /** A gold article. */
    record Article(String file, String outlet, LocalDate published, String text, List<GoldEvent> events) {}

    /** A gold event: a key shared across outlets, type, interval, acceptable places (null: not judged), claims. */
    record GoldEvent(String key, String type, Instant from, Instant to, Set<String> places, List<GoldClaim> claims) {}

    /** One gold figure. */
    record GoldClaim(String claimant, String party, String side, String field, Integer value) {
        String key() {
            return party + "|" + field + "|" + value;
        }
    }

    /** One found event, reduced to what the measures read. */
    record Found(String type, Instant from, Instant to, Set<String> places, List<GoldClaim> claims) {}

    /** The measures, with the counts behind them. */
    record Measures(
            int events,
            int found,
            int eventHits,
            int claims,
            int claimsFound,
            int claimHits,
            int sideRight,
            int datesRight,
            int placesFound,
            int placesOutside,
            int typesRight,
            StringBuilder misses) {
        double eventF1() {
            return f1(eventHits, found, events);
        }

        double claimF1() {
            return f1(claimHits, claimsFound, claims);
        }

        double side() {
            return claimHits == 0 ? 0 : (double) sideRight / claimHits;
        }

        double dates() {
            return eventHits == 0 ? 0 : (double) datesRight / eventHits;
        }

        /** The share of matched events whose type is the gold's. */
        double types() {
            return eventHits == 0 ? 0 : (double) typesRight / eventHits;
        }

        double outside() {
            return placesFound == 0 ? 0 : (double) placesOutside / placesFound;
        }

        static double f1(int hits, int found, int expected) {
            double p = found == 0 ? 0 : (double) hits / found;
            double r = expected == 0 ? 0 : (double) hits / expected;
            return p + r == 0 ? 0 : 2 * p * r / (p + r);
        }

        String summary() {
            return String.format(
                    "events %d found %d matched %d (F1 %.3f); claims %d found %d right %d (F1 %.3f); side %.3f; "
                            + "date in interval %.3f; places outside %d/%d (%.3f); type right %d/%d (%.3f)",
                    events,
                    found,
                    eventHits,
                    eventF1(),
                    claims,
                    claimsFound,
                    claimHits,
                    claimF1(),
                    side(),
                    dates(),
                    placesOutside,
                    placesFound,
                    outside(),
                    typesRight,
                    eventHits,
                    types());
        }
    }

    private IngestEvaluation() {}

    private static InputStream open(String set, String file) throws IOException {
        if (set.startsWith("/")) {
            return Files.newInputStream(Path.of(set, file));
        }
        InputStream in = IngestEvaluation.class.getResourceAsStream("/ingest/" + set + "/" + file);
        if (in == null) {
            throw new FileNotFoundException("/ingest/" + set + "/" + file);
        }
        return in;
    }

    static List<Article> load(ObjectMapper json) throws IOException {
        return load(json, "eval");
    }

    /**
     * A set under src/test/resources/ingest/: {@code eval} (developed against) or {@code heldout} (never tuned on); or,
     * named by an absolute path ({@code -Dingest.sets=/work/real1}), a directory outside the project of the same
     * form, for copy that may not be committed (real reports read for a measurement).
     */
    static List<Article> load(ObjectMapper json, String set) throws IOException {
        JsonNode gold;
        try (InputStream in = open(set, "gold.json")) {
            gold = json.readTree(in);
        }
        List<Article> out = new ArrayList<>();
        for (JsonNode a : gold) {
            String text;
            try (InputStream in = open(set, a.get("file").asString())) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            List<GoldEvent> events = new ArrayList<>();
            for (JsonNode e : a.get("events")) {
                Set<String> places = null;
                if (e.hasNonNull("places")) {
                    places = new HashSet<>();
                    for (JsonNode p : e.get("places")) {
                        places.add(p.asString());
                    }
                }
                events.add(new GoldEvent(
                        e.get("key").asString(),
                        e.get("type").asString(),
                        instant(e.get("from").asString()),
                        instant(e.get("to").asString()),
                        places,
                        claims(e.get("claims"))));
            }
            out.add(new Article(
                    a.get("file").asString(),
                    a.get("outlet").asString(),
                    LocalDate.parse(a.get("published").asString()),
                    text,
                    events));
        }
        return out;
    }

    private static List<GoldClaim> claims(JsonNode list) {
        List<GoldClaim> out = new ArrayList<>();
        for (JsonNode c : list) {
            out.add(new GoldClaim(
                    c.get("claimant").asString(),
                    c.get("party").asString(),
                    c.get("side").asString(),
                    c.get("field").asString(),
                    c.get("value").isNull() ? null : c.get("value").asInt()));
        }
        return out;
    }

    private static Instant instant(String s) {
        return s.length() > 16
                ? OffsetDateTime.parse(s.length() == 22 ? s.substring(0, 16) + ":00" + s.substring(16) : s)
                        .toInstant()
                : LocalDateTime.parse(s).toInstant(java.time.ZoneOffset.ofHoursMinutes(4, 30));
    }

    /** The measures after one more article, and per found event the gold key it matched (or null). */
    record Scored(Measures measures, List<String> keys) {}

    static Measures empty() {
        return new Measures(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, new StringBuilder());
    }

    /** Adds one article's found events to the running measures. */
    static Scored score(Article a, List<Found> found, Measures m) {
        List<GoldEvent> gold = a.events();
        int[] goldMatch = new int[gold.size()];
        java.util.Arrays.fill(goldMatch, -1);
        int[] foundMatch = new int[found.size()];
        java.util.Arrays.fill(foundMatch, -1);
        List<int[]> pairs = new ArrayList<>();
        for (int g = 0; g < gold.size(); g++) {
            for (int f = 0; f < found.size(); f++) {
                int s = pairScore(gold.get(g), found.get(f));
                if (s > 0) {
                    pairs.add(new int[] {s, g, f});
                }
            }
        }
        pairs.sort((x, y) -> y[0] - x[0]);
        for (int[] p : pairs) {
            if (goldMatch[p[1]] < 0 && foundMatch[p[2]] < 0) {
                goldMatch[p[1]] = p[2];
                foundMatch[p[2]] = p[1];
            }
        }
        int events = gold.size();
        int hits = 0;
        int claims = 0;
        int claimsFound = 0;
        int claimHits = 0;
        int side = 0;
        int dates = 0;
        int placesFound = 0;
        int outside = 0;
        int types = 0;
        StringBuilder misses = m.misses();
        List<String> keys = new ArrayList<>();
        for (int f = 0; f < found.size(); f++) {
            claimsFound += found.get(f).claims().size();
            keys.add(foundMatch[f] < 0 ? null : gold.get(foundMatch[f]).key());
            if (foundMatch[f] < 0) {
                misses.append("\n  ").append(a.file()).append(": extra event ").append(describe(found.get(f)));
            }
        }
        for (int g = 0; g < gold.size(); g++) {
            GoldEvent ge = gold.get(g);
            claims += ge.claims().size();
            if (goldMatch[g] < 0) {
                misses.append("\n  ")
                        .append(a.file())
                        .append(": missed event ")
                        .append(ge.key())
                        .append(' ')
                        .append(ge.type());
                continue;
            }
            hits++;
            Found fe = found.get(goldMatch[g]);
            Instant mid =
                    fe.from().plusMillis((fe.to().toEpochMilli() - fe.from().toEpochMilli()) / 2);
            if (!mid.isBefore(ge.from()) && !mid.isAfter(ge.to())) {
                dates++;
            } else {
                misses.append("\n  ")
                        .append(a.file())
                        .append(": ")
                        .append(ge.key())
                        .append(" time ")
                        .append(fe.from())
                        .append("..")
                        .append(fe.to())
                        .append(" not in ")
                        .append(ge.from())
                        .append("..")
                        .append(ge.to());
            }
            if (ge.places() != null) {
                for (String p : fe.places()) {
                    placesFound++;
                    if (!ge.places().contains(p)) {
                        outside++;
                        misses.append("\n  ")
                                .append(a.file())
                                .append(": ")
                                .append(ge.key())
                                .append(" place outside ")
                                .append(p);
                    }
                }
            }
            if (fe.type().equals(ge.type())) {
                types++;
            } else {
                misses.append("\n  ")
                        .append(a.file())
                        .append(": ")
                        .append(ge.key())
                        .append(" type ")
                        .append(fe.type())
                        .append(" want ")
                        .append(ge.type());
            }
            List<GoldClaim> left = new ArrayList<>(fe.claims());
            for (GoldClaim gc : ge.claims()) {
                GoldClaim hit = left.stream()
                        .filter(x -> x.key().equals(gc.key()) && x.side().equals(gc.side()))
                        .findFirst()
                        .orElse(left.stream()
                                .filter(x -> x.key().equals(gc.key()))
                                .findFirst()
                                .orElse(null));
                if (hit == null) {
                    misses.append("\n  ")
                            .append(a.file())
                            .append(": ")
                            .append(ge.key())
                            .append(" missed claim ")
                            .append(gc);
                    continue;
                }
                left.remove(hit);
                claimHits++;
                if (hit.side().equals(gc.side())) {
                    side++;
                } else {
                    misses.append("\n  ")
                            .append(a.file())
                            .append(": ")
                            .append(ge.key())
                            .append(" side ")
                            .append(hit.side())
                            .append(" want ")
                            .append(gc);
                }
            }
            for (GoldClaim x : left) {
                misses.append("\n  ")
                        .append(a.file())
                        .append(": ")
                        .append(ge.key())
                        .append(" extra claim ")
                        .append(x);
            }
        }
        Measures sum = new Measures(
                m.events() + events,
                m.found() + found.size(),
                m.eventHits() + hits,
                m.claims() + claims,
                m.claimsFound() + claimsFound,
                m.claimHits() + claimHits,
                m.sideRight() + side,
                m.datesRight() + dates,
                m.placesFound() + placesFound,
                m.placesOutside() + outside,
                m.typesRight() + types,
                misses);
        return new Scored(sum, keys);
    }

    private static String describe(Found f) {
        return f.type() + " " + f.from() + " " + f.places() + " " + f.claims();
    }

    private static int pairScore(GoldEvent g, Found f) {
        boolean placeOk = g.places() == null
                || f.places().isEmpty()
                || f.places().stream().anyMatch(g.places()::contains);
        boolean timeOk = !f.to().isBefore(g.from()) && !f.from().isAfter(g.to());
        boolean typeOk = f.type().equals(g.type());
        long shared = f.claims().stream()
                .filter(c -> g.claims().stream().anyMatch(x -> x.key().equals(c.key())))
                .count();
        if (!placeOk || !(typeOk || timeOk || shared > 0)) {
            return 0;
        }
        return (typeOk ? 4 : 0) + (timeOk ? 2 : 0) + (int) shared * 2 + 1;
    }
}
