package org.conflictmap.ingest;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import org.conflictmap.incidents.Claim;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.PlaceRef;
import org.conflictmap.incidents.Source;
import org.conflictmap.incidents.TimeInterval;

/**
 * The draft incident an event proposes, with where each field came from, and the merge of a second
 * outlet's report into an existing draft. Titles and statements are the project's own words; the
 * article's sentences are never copied.
 */
final class Drafts {
    static final Map<String, String> LABELS = Map.of(
            "air_strike",
            "Air strike",
            "armed_clash",
            "Armed clash",
            "shelling",
            "Shelling",
            "suicide_bomb",
            "Suicide bombing",
            "remote_explosive",
            "Explosive device",
            "shoot_down_claim",
            "Shoot-down claim",
            "cross_border_fire",
            "Cross-border fire",
            "other",
            "Violence");
    static final List<String> FIELDS =
            List.of("killed", "wounded", "captured", "posts_captured", "posts_destroyed", "aircraft_downed");

    /** Where a field came from; {@code claim} is the proposal's claim index, or -1 for another field. */
    record Provenance(String field, int claim, int start, int end) {}

    /** A proposed draft; {@code claimIndex} maps each proposed claim to its index in the incident's claims. */
    record Proposal(Incident incident, List<Integer> claimIndex, List<Provenance> provenance) {}

    /** An existing draft with a second report merged in. */
    record Merged(Incident incident, List<Integer> claimIndex) {}

    private Drafts() {}

    static Proposal propose(
            String articleId, ArticleIngest.Article a, EventExtractor.Event e, Places.Where where, Source source) {
        List<Provenance> provenance = new ArrayList<>();
        Sentences.Sentence first = e.sentences().get(0);
        Sentences.Sentence typed = e.cue() == null
                ? first
                : e.sentences().stream()
                        .filter(s -> s.start() <= e.cue().start() && e.cue().end() <= s.end())
                        .findFirst()
                        .orElse(first);
        provenance.add(new Provenance("type", -1, typed.start(), typed.end()));
        provenance.add(new Provenance("title", -1, first.start(), first.end()));
        Sentences.Sentence timed = e.when().start() < 0
                ? first
                : e.sentences().stream()
                        .filter(s -> s.start() <= e.when().start() && e.when().end() <= s.end())
                        .findFirst()
                        .orElse(first);
        provenance.add(new Provenance("occurred", -1, timed.start(), timed.end()));
        Set<String> placeSpans = new LinkedHashSet<>();
        for (int[] span : e.placeSpans()) {
            placeSpans.add(span[0] + ":" + span[1]);
        }
        if (placeSpans.isEmpty()) {
            placeSpans.add(first.start() + ":" + first.end());
        }
        for (String span : placeSpans) {
            String[] p = span.split(":");
            provenance.add(new Provenance("places", -1, Integer.parseInt(p[0]), Integer.parseInt(p[1])));
            provenance.add(new Provenance("geometry", -1, Integer.parseInt(p[0]), Integer.parseInt(p[1])));
        }
        List<List<Claims.Stated>> groups = group(e.claims());
        List<Claim> claims = new ArrayList<>();
        List<Integer> index = new ArrayList<>();
        for (List<Claims.Stated> g : groups) {
            index.add(claims.size());
            claims.add(claim(g, a, source.id()));
            Set<String> spans = new LinkedHashSet<>();
            for (Claims.Stated s : g) {
                if (spans.add(s.sentenceStart() + ":" + s.sentenceEnd())) {
                    provenance.add(new Provenance("claims", index.size() - 1, s.sentenceStart(), s.sentenceEnd()));
                }
            }
        }
        List<PlaceRef> named = where.places().stream()
                .filter(p -> !p.kind().equals("border"))
                .map(p -> new PlaceRef(p.id(), p.name()))
                .toList();
        String title = title(e.type(), named, e.occurred(), e.country());
        Instant now = Instant.now();
        Incident i = new Incident(
                "draft-" + articleId + "-" + (e.index() + 1),
                title,
                null,
                e.type(),
                "draft",
                e.occurred(),
                where.precision(),
                where.places().stream().map(p -> new PlaceRef(p.id(), p.name())).toList(),
                List.of(),
                null,
                List.of("ingest"),
                claims,
                List.of(source),
                where.geometry(),
                0,
                now,
                now);
        return new Proposal(i, index, provenance);
    }

    /**
     * A draft's title in the project's words: its kind, where and the local day of the event's country
     * ("Armed clash — Kurram (2027-01-04)"; Pakistan UTC+05:00, else Afghanistan UTC+04:30).
     */
    static String title(String type, List<PlaceRef> places, TimeInterval occurred, String country) {
        List<PlaceRef> named =
                places.stream().filter(p -> !p.id().startsWith("border-")).toList();
        String placeNames = String.join(", ", named.stream().map(PlaceRef::name).toList());
        String day = occurred.start()
                .atOffset("PK".equals(country) ? EventTime.PAKISTAN : EventTime.AFGHANISTAN)
                .toLocalDate()
                .toString();
        return LABELS.getOrDefault(type, "Violence") + (placeNames.isEmpty() ? "" : " — " + clip(placeNames, 200))
                + " (" + day + ")";
    }

    /**
     * The title of a draft a second report refined: made anew from the merged place and day when the draft's
     * title is still the one the ingest made (an editor's own title is kept). The report's places name the
     * event when they are finer than the draft's; otherwise the draft's own places stay in the title.
     */
    static String retitled(Incident draft, TimeInterval occurred, List<PlaceRef> places) {
        for (String country : List.of("AF", "PK")) {
            if (draft.title().equals(title(draft.type(), draft.places(), draft.occurred(), country))) {
                return title(draft.type(), places, occurred, country);
            }
        }
        return draft.title();
    }

    /** The tag of a draft amending a published incident, before that incident's id. */
    static final String AMENDS = "amends:";

    /** The draft proposed for an event that a published incident already covers: linked to it, for an editor to accept. */
    static Incident amending(Incident proposal, Incident published) {
        List<String> tags = new ArrayList<>(proposal.tags());
        tags.add(AMENDS + published.id());
        return new Incident(
                proposal.id(),
                clip("Amendment to " + published.id() + ": " + proposal.title(), 300),
                null,
                proposal.type(),
                "draft",
                proposal.occurred(),
                proposal.geoPrecision(),
                proposal.places(),
                proposal.actors(),
                published.operation(),
                tags,
                proposal.claims(),
                proposal.sources(),
                proposal.geometry(),
                0,
                proposal.created(),
                proposal.updated());
    }

    /** Adds a second report to a draft: a source, its places and claims (the same claim again only gains the source). */
    static Merged merge(Incident draft, Proposal p, Source source) {
        int next = 1;
        for (Source s : draft.sources()) {
            if (s.id().matches("S\\d+")) {
                next = Math.max(next, Integer.parseInt(s.id().substring(1)) + 1);
            }
        }
        String sid = "S" + next;
        List<Source> sources = new ArrayList<>(draft.sources());
        sources.add(new Source(sid, source.outlet(), source.wire(), source.published(), source.url()));
        List<Claim> claims = new ArrayList<>(draft.claims());
        List<Integer> index = new ArrayList<>();
        for (Claim c : p.incident().claims()) {
            int same = -1;
            for (int k = 0; k < claims.size() && same < 0; k++) {
                if (sameClaim(claims.get(k), c)) {
                    same = k;
                }
            }
            if (same >= 0) {
                Claim old = claims.get(same);
                List<String> ids = new ArrayList<>(old.sources());
                ids.add(sid);
                claims.set(
                        same,
                        new Claim(
                                old.claimant(),
                                old.party(),
                                old.side(),
                                old.killed(),
                                old.wounded(),
                                old.captured(),
                                old.postsCaptured(),
                                old.postsDestroyed(),
                                old.aircraftDowned(),
                                old.statement(),
                                old.statedAt(),
                                ids));
                index.add(same);
            } else {
                index.add(claims.size());
                claims.add(new Claim(
                        c.claimant(),
                        c.party(),
                        c.side(),
                        c.killed(),
                        c.wounded(),
                        c.captured(),
                        c.postsCaptured(),
                        c.postsDestroyed(),
                        c.aircraftDowned(),
                        c.statement(),
                        c.statedAt(),
                        List.of(sid)));
            }
        }
        List<PlaceRef> places = new ArrayList<>(draft.places());
        for (PlaceRef r : p.incident().places()) {
            if (places.stream().noneMatch(x -> x.id().equals(r.id()))) {
                places.add(r);
            }
        }
        Incident report = p.incident();
        boolean finer = finerPlace(report, draft);
        TimeInterval occurred = narrower(draft.occurred(), report.occurred());
        String title = retitled(draft, occurred, finer ? report.places() : draft.places());
        return new Merged(
                new Incident(
                        draft.id(),
                        title,
                        draft.summary(),
                        draft.type(),
                        draft.status(),
                        occurred,
                        finer ? report.geoPrecision() : draft.geoPrecision(),
                        places,
                        draft.actors(),
                        draft.operation(),
                        draft.tags(),
                        claims,
                        sources,
                        finer ? report.geometry() : draft.geometry(),
                        draft.version(),
                        draft.created(),
                        draft.updated()),
                index);
    }

    /** Geo precisions from the finest; "multiple" (several places) and "country" are the coarsest. */
    static final List<String> FINEST_FIRST =
            List.of("exact", "near", "district", "border_segment", "province", "multiple", "country");

    /**
     * The second report's interval when it is narrower and lies inside the draft's (a first report's
     * "Thursday" and a second's "Thursday night"); otherwise the draft keeps its own.
     */
    static TimeInterval narrower(TimeInterval kept, TimeInterval report) {
        boolean inside = !report.start().isBefore(kept.start()) && !report.end().isAfter(kept.end());
        boolean shorter =
                Duration.between(report.start(), report.end()).compareTo(Duration.between(kept.start(), kept.end()))
                        < 0;
        return inside && shorter ? report : kept;
    }

    /**
     * Whether the second report places the event more precisely (a town where the first named its
     * province) and consistently: its shape lies within the draft's, or within the adjacency distance
     * of it (a town on the far side of a border segment's buffer).
     */
    static boolean finerPlace(Incident report, Incident draft) {
        if (report.geometry() == null || draft.geometry() == null) {
            return draft.geometry() == null && report.geometry() != null;
        }
        int r = FINEST_FIRST.indexOf(report.geoPrecision());
        int d = FINEST_FIRST.indexOf(draft.geoPrecision());
        return r >= 0 && d >= 0 && r < d && report.geometry().distance(draft.geometry()) <= Places.ADJACENT / 5;
    }

    /** The same claimant (name before any role) and party saying the same figures about the same side. */
    static boolean sameClaim(Claim a, Claim b) {
        return name(a.claimant()).equals(name(b.claimant()))
                && a.party().equals(b.party())
                && a.side().equals(b.side())
                && Objects.equals(a.killed(), b.killed())
                && Objects.equals(a.wounded(), b.wounded())
                && Objects.equals(a.captured(), b.captured())
                && Objects.equals(a.postsCaptured(), b.postsCaptured())
                && Objects.equals(a.postsDestroyed(), b.postsDestroyed())
                && Objects.equals(a.aircraftDowned(), b.aircraftDowned());
    }

    private static String name(String claimant) {
        int cut = claimant.indexOf(" (");
        return (cut < 0 ? claimant : claimant.substring(0, cut))
                .toLowerCase(Locale.ROOT)
                .strip();
    }

    /** The figures of one claimant about one side; a second, different value for a field starts a new claim. */
    static List<List<Claims.Stated>> group(List<Claims.Stated> stated) {
        List<List<Claims.Stated>> groups = new ArrayList<>();
        for (Claims.Stated s : stated) {
            List<Claims.Stated> into = null;
            for (List<Claims.Stated> g : groups) {
                Claims.Stated head = g.get(0);
                boolean same = head.speaker().equals(s.speaker()) && head.side().equals(s.side());
                boolean clash = g.stream()
                        .anyMatch(x -> x.figure().field().equals(s.figure().field())
                                && !Objects.equals(
                                        x.figure().value(), s.figure().value()));
                boolean repeat = g.stream()
                        .anyMatch(x -> x.figure().field().equals(s.figure().field())
                                && Objects.equals(x.figure().value(), s.figure().value()));
                if (same && !clash) {
                    into = g;
                    if (repeat) {
                        into = List.of();
                    }
                    break;
                }
            }
            if (into == null) {
                groups.add(new ArrayList<>(List.of(s)));
            } else if (!into.isEmpty()) {
                into.add(s);
            }
        }
        return groups;
    }

    private static Claim claim(List<Claims.Stated> g, ArticleIngest.Article a, String sourceId) {
        Claims.Speaker who = g.get(0).speaker();
        Integer[] v = new Integer[FIELDS.size()];
        for (Claims.Stated s : g) {
            v[FIELDS.indexOf(s.figure().field())] = s.figure().value();
        }
        String claimant = clip(who.claimant() + (who.role() == null ? "" : " (" + who.role() + ")"), 200);
        String statement = statement(g, a.text());
        return new Claim(
                claimant,
                who.party(),
                g.get(0).side(),
                v[0],
                v[1],
                v[2],
                v[3],
                v[4],
                v[5],
                statement,
                a.published() == null ? null : a.published(),
                List.of(sourceId));
    }

    /** How long the ingest's statement may be: a sentence or two of what the claimant said. */
    static final int STATEMENT_MAX = 300;

    /**
     * What the claimant stated: the claim's source sentences from the article in reading order, white space made
     * single, cut at a whole word to at most {@link #STATEMENT_MAX} characters with "…" (docs/INGEST.md).
     */
    static String statement(List<Claims.Stated> g, String text) {
        TreeMap<Integer, Integer> spans = new TreeMap<>();
        for (Claims.Stated s : g) {
            if (0 <= s.sentenceStart() && s.sentenceStart() < s.sentenceEnd() && s.sentenceEnd() <= text.length()) {
                spans.merge(s.sentenceStart(), s.sentenceEnd(), Math::max);
            }
        }
        StringBuilder said = new StringBuilder();
        spans.forEach((start, end) -> said.append(' ').append(text, start, end));
        String whole = said.toString().replaceAll("\\s+", " ").strip();
        if (whole.isEmpty()) {
            return null;
        }
        return wholeWords(whole, STATEMENT_MAX);
    }

    /** {@code s} cut at the last space that leaves it at most {@code max} characters with "…". */
    static String wholeWords(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int cut = s.lastIndexOf(' ', max - 1);
        String head = (cut > max / 2 ? s.substring(0, cut) : s.substring(0, max - 1)).stripTrailing();
        return head.replaceAll("[\\s,;:—–-]+$", "") + "…";
    }

    static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
