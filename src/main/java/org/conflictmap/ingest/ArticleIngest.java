package org.conflictmap.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.incidents.DateRange;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.IncidentQuery;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.incidents.PlaceRef;
import org.conflictmap.incidents.Source;
import org.conflictmap.incidents.TimeInterval;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Texts;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a submitted article into drafts, one per event {@link EventExtractor} finds, in one
 * transaction. An event that matches an existing draft (overlapping time, same or adjacent place,
 * compatible type) adds the article to it as a source with its claims (the same claimant's same
 * figures become one claim with two sources); one that matches a published incident makes a draft
 * linked to it (tag {@code amends:<id>}) for an editor to accept, never a silent change. Every field
 * and claim records where in the article it came from ({@code ingest_provenance}). The draft never
 * copies the article's sentences.
 */
@Component
class ArticleIngest {
    /** The earlier article with this text first (then one with this URL but another text). */
    static final String BY_URL_OR_HASH =
            "SELECT id, text_hash = ? AS same_text FROM articles WHERE url = ? OR text_hash = ? "
                    + "ORDER BY same_text DESC, id LIMIT 1";

    static final String INSERT =
            "INSERT INTO articles (id, url, outlet, title, published, text_hash, text, editor, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String LINK = "INSERT INTO article_incidents (article_id, incident_id) VALUES (?, ?)";
    static final String DRAFTS_OF =
            "SELECT incident_id FROM article_incidents WHERE article_id = ? ORDER BY incident_id";
    static final String ARTICLES_OF =
            "SELECT article_id FROM article_incidents WHERE incident_id = ? ORDER BY article_id";
    static final String ARTICLE =
            "SELECT id, url, outlet, title, published, text, created_at FROM articles WHERE id = ?";
    static final String PROVENANCE_INSERT =
            "INSERT INTO ingest_provenance (incident_id, article_id, field, start_offset, end_offset) "
                    + "VALUES (?, ?, ?, ?, ?)";
    static final String PROVENANCE_OF = "SELECT article_id, field, start_offset, end_offset FROM ingest_provenance "
            + "WHERE incident_id = ? ORDER BY article_id, start_offset, field";
    /** The longest article text read (characters): ten times a long wire report; more is a 413. */
    static final int MAX_TEXT_CHARS = 100_000;

    /** An article as submitted. */
    record Article(String text, String outlet, String url, LocalDate published, String title) {}

    /** An event found in the article and what became of it: the draft it created or was added to. */
    record Found(EventExtractor.Event event, String draft, String action) {}

    /**
     * What ingest did: the article id, whether it was new, the drafts linked to it and the events found;
     * {@code matched}: null for a new article, else how the earlier one was found: {@code "text"} (the same text)
     * or {@code "url"} (the same URL with another text, which was not read).
     */
    record Outcome(
            String articleId, boolean created, List<String> drafts, String note, List<Found> events, String matched) {}

    private final EventExtractor extractor;
    private final Gazetteer gazetteer;
    private final IncidentRepository incidents;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ArticleIngest(
            EventExtractor extractor,
            Gazetteer gazetteer,
            IncidentRepository incidents,
            JdbcTemplate jdbc,
            TransactionTemplate tx) {
        this.extractor = extractor;
        this.gazetteer = gazetteer;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * Refuses what cannot be read, for the API and the command alike: a control character in a text
     * field (400), an over-size text (413) or one not in English (422), with the reason.
     */
    static void check(Article a) {
        Texts.require("text", a.text());
        Texts.require("outlet", a.outlet());
        Texts.require("title", a.title());
        Texts.require("url", a.url());
        if (a.text().length() > MAX_TEXT_CHARS) {
            throw new ApiProblem(
                    HttpStatus.PAYLOAD_TOO_LARGE,
                    "Article too long",
                    "the text has " + a.text().length() + " characters; at most " + MAX_TEXT_CHARS + " are read",
                    List.of());
        }
        String foreign = Language.notEnglish(a.text());
        if (foreign != null) {
            throw new ApiProblem(
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "Article not in English",
                    foreign,
                    List.of(new ApiProblem.FieldError("text", foreign)));
        }
    }

    Outcome ingest(Article a, String editor) {
        String hash = hash(a.text());
        return tx.execute(s -> {
            List<Map<String, Object>> existing = jdbc.queryForList(BY_URL_OR_HASH, hash, a.url(), hash);
            if (!existing.isEmpty()) {
                String id = (String) existing.get(0).get("id");
                boolean sameText = Boolean.TRUE.equals(existing.get(0).get("same_text"));
                String note = sameText
                        ? "this article was submitted before; nothing new was created"
                        : "this URL was submitted before with a different text (" + id
                                + "); the new text was not read and nothing new was created: the drafts are the earlier text's";
                return new Outcome(id, false, drafts(id), note, List.of(), sameText ? "text" : "url");
            }
            String id = "a-" + hash.substring(0, 16);
            jdbc.update(
                    INSERT,
                    id,
                    a.url(),
                    a.outlet(),
                    a.title(),
                    a.published(),
                    hash,
                    a.text(),
                    editor,
                    OffsetDateTime.now(ZoneOffset.UTC));
            List<Found> found = new ArrayList<>();
            Set<String> linked = new HashSet<>();
            for (EventExtractor.Event e : extractor.extract(a.text(), a.published())) {
                found.add(file(id, a, e, editor, linked));
            }
            List<String> drafts = new ArrayList<>(linked);
            drafts.sort(null);
            String note = drafts.isEmpty()
                    ? "no event with a place of the region was found in the text; no draft proposed"
                    : null;
            return new Outcome(id, true, drafts, note, found, null);
        });
    }

    /**
     * The event's places for its geometry: a district the text names as such stands in for its province
     * (ACLED's admin2 precision), unless a town or crossing of the event lies inside it, which is finer.
     */
    static List<Place> withDistricts(EventExtractor.Event e) {
        List<Place> out = new ArrayList<>(e.places().values());
        for (Place d : e.districts().values()) {
            boolean finer = out.stream()
                    .anyMatch(p -> !p.kind().equals("province")
                            && !p.kind().equals("border")
                            && !p.kind().equals("country")
                            && !p.kind().equals("district")
                            && d.geometry().covers(p.geometry().getInteriorPoint()));
            if (!finer) {
                out.removeIf(p -> p.kind().equals("province")
                        && p.admin1() != null
                        && p.admin1().equals(d.admin1()));
                out.add(d);
            }
        }
        return out;
    }

    /** Creates or extends the draft for one event. */
    private Found file(String articleId, Article a, EventExtractor.Event e, String editor, Set<String> linked) {
        Place line = gazetteer.get("border-durand-line").orElse(null);
        boolean alongBorder = e.sentences().stream()
                .anyMatch(x -> EventExtractor.BORDER_WORDS.matcher(x.text()).find());
        Places.Where where = Places.where(withDistricts(e), alongBorder, line);
        if (where == null) {
            where = country(e);
        }
        if (where == null) {
            return new Found(e, null, "no place");
        }
        Source source = new Source("S1", a.outlet(), wire(a.text()), a.published(), a.url());
        Drafts.Proposal p = Drafts.propose(articleId, a, e, where, source);
        Incident match = match(p.incident(), linked);
        if (match == null) {
            Incident created = incidents.create(p.incident(), editor);
            return record(articleId, created, p, e, linked, "created");
        }
        if (match.status().equals("published")) {
            Incident draft = Drafts.amending(p.incident(), match);
            Incident created = incidents.create(draft, editor);
            return record(articleId, created, p, e, linked, "amends " + match.id());
        }
        Drafts.Merged merged = Drafts.merge(match, p, source);
        // under the draft's row lock, at the version merged from (412 if an editor changed it meanwhile)
        Incident updated = incidents.update(match.id(), match.version(), editor, stored -> merged.incident());
        return record(
                articleId,
                updated,
                new Drafts.Proposal(updated, merged.claimIndex(), p.provenance()),
                e,
                linked,
                "added");
    }

    private Found record(
            String articleId,
            Incident i,
            Drafts.Proposal p,
            EventExtractor.Event e,
            Set<String> linked,
            String action) {
        if (linked.add(i.id())) {
            jdbc.update(LINK, articleId, i.id());
        }
        for (Drafts.Provenance pr : p.provenance()) {
            String field = pr.claim() >= 0 ? "claims[" + p.claimIndex().get(pr.claim()) + "]" : pr.field();
            jdbc.update(PROVENANCE_INSERT, i.id(), articleId, field, pr.start(), pr.end());
        }
        return new Found(e, i.id(), action);
    }

    /**
     * A draft or published incident this event is also about, or null: of those whose kind, place and time agree
     * with it ({@link SameEvent}), drafts first, then the best by {@link SameEvent#rank}; a published incident gives way to
     * another outlet's amendment of it dated to the same month ({@link #amendsTheSameMonth}).
     */
    private Incident match(Incident candidate, Set<String> fromThisArticle) {
        Duration window = SameEvent.DAY_OFF;
        IncidentQuery q = new IncidentQuery(
                null,
                new DateRange(
                        candidate.occurred().start().minus(window),
                        candidate.occurred().end().plus(window)),
                null,
                null,
                null,
                null,
                null,
                Set.of("draft", "published"),
                null,
                200,
                0);
        Incident best = null;
        List<Incident> found = incidents.find(q);
        for (Incident i : found) {
            boolean told = EventTypes.compatible(i.type(), candidate.type())
                    // another outlet's word for the kind: only at a place both name (a province, a town), not adjacent
                    || SameEvent.kindsAgree(i.type(), candidate.type()) && shares(i, candidate, WIDE);
            if (fromThisArticle.contains(i.id())
                    || !told
                    || !sameMonthAlongTheBorder(i, candidate)
                            && !(placesAgree(i, candidate)
                                    && SameEvent.timesAgree(i, candidate, shares(i, candidate, SITE_NOT)))) {
                continue;
            }
            if (best == null || SameEvent.rank(i, candidate) > SameEvent.rank(best, candidate)) {
                best = i;
            }
        }
        if (best != null && best.status().equals("published")) {
            for (Incident i : found) {
                if (!fromThisArticle.contains(i.id()) && amendsTheSameMonth(i, best, candidate)) {
                    return i;
                }
            }
        }
        return best;
    }

    /**
     * Whether a draft is another outlet's amendment of the published incident the report also matches, and both it and
     * the report are dated only to a month overlapping each other: two outlets' "October clashes" in the background, one
     * placed in the country, the other on a stretch of the border, are one amendment, not two. Reports dated finer are
     * left to the usual place and time rules (one month's incident may hold several nights).
     */
    static boolean amendsTheSameMonth(Incident draft, Incident published, Incident report) {
        return draft.status().equals("draft")
                && draft.tags().contains(Drafts.AMENDS + published.id())
                && sameMonth(draft.occurred(), report.occurred());
    }

    /**
     * Two outlets' "October clashes along the border": both known only as the same month, and placed on the same stretch of
     * the border or the same place, are one event (a month's events are few, and the border's segment is all either says).
     */
    static boolean sameMonthAlongTheBorder(Incident a, Incident b) {
        return sameMonth(a.occurred(), b.occurred())
                && a.places().stream().anyMatch(p -> b.places().stream().anyMatch(q -> q.id().equals(p.id())));
    }

    /** Whether both are known only as a month, the middle of the first within the second. */
    static boolean sameMonth(TimeInterval x, TimeInterval y) {
        if (!"month".equals(x.precision()) || !"month".equals(y.precision())) {
            return false;
        }
        Instant mid = x.start().plus(Duration.between(x.start(), x.end()).dividedBy(2));
        return !mid.isBefore(y.start()) && !mid.isAfter(y.end());
    }

    /**
     * Whether the report's place fits the draft's: the same or adjacent ({@link #samePlace}), or the report names
     * no place of the event (a country, the last resort of {@link #country}) and is the same kind with a figure of
     * the draft: the place is then no evidence either way ("a suicide attack that killed five soldiers").
     */
    private boolean placesAgree(Incident draft, Incident report) {
        return samePlace(draft, report)
                || report.geoPrecision().equals("country")
                        && draft.type().equals(report.type())
                        && SameEvent.sharedFigure(draft.claims(), report.claims());
    }

    private boolean samePlace(Incident a, Incident b) {
        for (PlaceRef x : a.places()) {
            for (PlaceRef y : b.places()) {
                Place px = gazetteer.get(x.id()).orElse(null);
                Place py = gazetteer.get(y.id()).orElse(null);
                if (x.id().equals(y.id()) && !x.id().equals("border-durand-line")
                        || px != null && py != null && Places.near(px, py)) {
                    return true;
                }
            }
        }
        return a.geometry().distance(b.geometry()) <= Places.ADJACENT / 5
                && !a.places().isEmpty()
                && !b.places().isEmpty();
    }

    /** Kinds of place too wide to tell one event from another: the border, a country. */
    static final Set<String> WIDE = Set.of("border", "country");

    /** Kinds of place that are no site of their own (a town, crossing or district is one). */
    static final Set<String> SITE_NOT = Set.of("province", "border", "country");

    /** Whether both name one place whose kind is not one of {@code not}. */
    private boolean shares(Incident a, Incident b, Set<String> not) {
        return a.places().stream()
                .filter(x -> b.places().stream().anyMatch(y -> y.id().equals(x.id())))
                .map(x -> gazetteer.get(x.id()).orElse(null))
                .anyMatch(p -> p != null && !not.contains(p.kind()));
    }

    /** An event the article places nowhere more precisely: the country its sentences name, as a last resort. */
    private Places.Where country(EventExtractor.Event e) {
        String words = String.join(
                        " ",
                        e.sentences().stream().map(Sentences.Sentence::text).toList())
                .toLowerCase(Locale.ROOT);
        String id = words.matches("(?s).*\\b(afghan|afghanistan|taliban|kabul)\\b.*")
                ? "country-afg"
                : words.matches("(?s).*\\b(pakistan|pakistani)\\b.*") ? "country-pak" : null;
        return id == null
                ? null
                : gazetteer
                        .get(id)
                        .map(p -> new Places.Where(p.geometry(), "country", List.of(p)))
                        .orElse(null);
    }

    static String wire(String text) {
        String head = text.substring(0, Math.min(200, text.length()));
        for (String w : List.of("AFP", "AP", "Reuters", "Xinhua")) {
            if (head.contains("(" + w + ")")) {
                return w;
            }
        }
        return null;
    }

    List<String> drafts(String articleId) {
        return jdbc.queryForList(DRAFTS_OF, String.class, articleId);
    }

    List<String> articlesOf(String incidentId) {
        return jdbc.queryForList(ARTICLES_OF, String.class, incidentId);
    }

    /** The provenance of one draft, in the shape docs/INGEST.md gives. */
    List<Map<String, Object>> provenance(String incidentId) {
        return jdbc.query(
                PROVENANCE_OF,
                (rs, n) -> {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("article", rs.getString(1));
                    m.put("field", rs.getString(2));
                    m.put("start", rs.getInt(3));
                    m.put("end", rs.getInt(4));
                    return m;
                },
                incidentId);
    }

    /** The stored article, keys in lower case on both stores (H2 reports column names in upper case). */
    Map<String, Object> article(String id) {
        List<Map<String, Object>> rows = jdbc.queryForList(ARTICLE, id);
        if (rows.isEmpty()) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        rows.get(0).forEach((k, v) -> out.put(k.toLowerCase(Locale.ROOT), v));
        return out;
    }

    static String hash(String text) {
        try {
            String normal = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
