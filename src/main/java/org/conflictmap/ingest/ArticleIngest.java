package org.conflictmap.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.conflictmap.gazetteer.Place;
import org.conflictmap.geocoding.DateResolver;
import org.conflictmap.geocoding.Geocoder;
import org.conflictmap.incidents.Claim;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.incidents.Locations;
import org.conflictmap.incidents.PlaceRef;
import org.conflictmap.incidents.Source;
import org.conflictmap.incidents.TimeInterval;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Turns a submitted article into a proposed draft incident: the geocoder's places (metonymic capitals
 * left out) give the location at its precision, the first date the time, keywords the type, and
 * {@link ClaimExtractor} the claims with their claimants. The article's text is stored for editors
 * only; the draft never copies its sentences (title and summary are for the editor to write).
 */
@Component
class ArticleIngest {
    static final String BY_URL_OR_HASH = "SELECT id FROM articles WHERE url = ? OR text_hash = ?";
    static final String INSERT = "INSERT INTO articles (id, url, outlet, title, published, text_hash, text, editor, created_at) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static final String LINK = "INSERT INTO article_incidents (article_id, incident_id) VALUES (?, ?)";
    static final String DRAFTS_OF = "SELECT incident_id FROM article_incidents WHERE article_id = ? ORDER BY incident_id";
    static final String ARTICLES_OF = "SELECT article_id FROM article_incidents WHERE incident_id = ? ORDER BY article_id";
    static final String ARTICLE = "SELECT id, url, outlet, title, published, text, created_at FROM articles WHERE id = ?";
    static final Map<String, String> TYPE_WORDS = new LinkedHashMap<>();

    static {
        TYPE_WORDS.put("suicide", "suicide_bomb");
        TYPE_WORDS.put("shot down|shoot down|downed", "shoot_down_claim");
        TYPE_WORDS.put("air ?strike|airstrike|drone|jets|aircraft|bombed|bombing raid", "air_strike");
        TYPE_WORDS.put("mortar|shell|artillery|missile|rocket", "shelling");
        TYPE_WORDS.put("roadside bomb|ied|landmine|improvised explosive", "remote_explosive");
        TYPE_WORDS.put("cross-border fire|exchanged fire|exchange of fire", "cross_border_fire");
        TYPE_WORDS.put("clash|fighting|attacked|assault|gunfight|posts", "armed_clash");
    }

    /** An article as submitted. */
    record Article(String text, String outlet, String url, LocalDate published, String title) {
    }

    /** What ingest did: the article id, whether it was new, and the drafts linked to it. */
    record Outcome(String articleId, boolean created, List<String> drafts, String note) {
    }

    private final Geocoder geocoder;
    private final IncidentRepository incidents;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    ArticleIngest(Geocoder geocoder, IncidentRepository incidents, JdbcTemplate jdbc, TransactionTemplate tx) {
        this.geocoder = geocoder;
        this.incidents = incidents;
        this.jdbc = jdbc;
        this.tx = tx;
    }

    Outcome ingest(Article a, String editor) {
        String hash = hash(a.text());
        return tx.execute(s -> {
            List<String> existing = jdbc.queryForList(BY_URL_OR_HASH, String.class, a.url(), hash);
            if (!existing.isEmpty()) {
                String id = existing.get(0);
                return new Outcome(id, false, drafts(id), "this article was submitted before; nothing new was created");
            }
            String id = "a-" + hash.substring(0, 16);
            jdbc.update(INSERT, id, a.url(), a.outlet(), a.title(), a.published(), hash, a.text(), editor,
                    OffsetDateTime.now(ZoneOffset.UTC));
            Incident draft = draft(id, a);
            if (draft == null) {
                return new Outcome(id, true, List.of(), "no place of the region was found in the text; no draft proposed");
            }
            incidents.create(draft, editor);
            jdbc.update(LINK, id, draft.id());
            return new Outcome(id, true, List.of(draft.id()), null);
        });
    }

    List<String> drafts(String articleId) {
        return jdbc.queryForList(DRAFTS_OF, String.class, articleId);
    }

    List<String> articlesOf(String incidentId) {
        return jdbc.queryForList(ARTICLES_OF, String.class, incidentId);
    }

    Map<String, Object> article(String id) {
        List<Map<String, Object>> rows = jdbc.queryForList(ARTICLE, id);
        return rows.isEmpty() ? null : rows.get(0);
    }

    Incident draft(String articleId, Article a) {
        Geocoder.Result r = geocoder.parse(a.text(), a.published());
        Map<String, Place> places = new LinkedHashMap<>();
        for (Geocoder.Mention m : r.mentions()) {
            if (!m.metonymic()) {
                places.putIfAbsent(m.place().id(), m.place());
            }
        }
        if (places.isEmpty()) {
            return null;
        }
        List<Place> found = new ArrayList<>(places.values());
        LocalDate day = r.dates().isEmpty() ? a.published() : r.dates().get(0).date();
        String precision = r.dates().isEmpty() ? "day" : r.dates().get(0).precision();
        if (day == null) {
            day = LocalDate.now(ZoneOffset.UTC);
        }
        LocalDate last = switch (precision) {
            case "week" -> day.plusDays(6);
            case "month" -> day.withDayOfMonth(day.lengthOfMonth());
            default -> day;
        };
        TimeInterval when = new TimeInterval(day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1), precision);
        Source source = new Source("S1", a.outlet(), null, a.published(), a.url());
        Map<String, Integer[]> grouped = new LinkedHashMap<>();
        Map<String, String[]> who = new LinkedHashMap<>();
        for (ClaimExtractor.Figure f : ClaimExtractor.extract(a.text())) {
            String key = f.claimant() + "|" + f.side();
            Integer[] figures = grouped.computeIfAbsent(key, k -> new Integer[3]);
            int slot = f.measure().equals("killed") ? 0 : f.measure().equals("wounded") ? 1 : 2;
            figures[slot] = figures[slot] == null ? f.value() : Math.max(figures[slot], f.value());
            who.putIfAbsent(key, new String[] {f.claimant(), f.party(), f.side()});
        }
        List<Claim> claims = new ArrayList<>();
        grouped.forEach((key, fig) -> {
            String[] w = who.get(key);
            claims.add(new Claim(w[0], w[1], w[2], fig[0], fig[1], fig[2], null, null, null,
                    "proposed from the article by the ingest; check against the text", a.published(), List.of("S1")));
        });
        String title = a.title() != null ? "Draft: " + clip(a.title(), 280)
                : "Draft from " + clip(a.outlet(), 120) + (a.published() == null ? "" : " of " + a.published());
        return new Incident("draft-" + articleId, title, null, type(a.text()), "draft", when, Locations.precision(found),
                found.stream().map(p -> new PlaceRef(p.id(), p.name())).toList(), List.of(), null, List.of("ingest"), claims,
                List.of(source), Locations.union(found), 0, Instant.now(), Instant.now());
    }

    static String type(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, String> e : TYPE_WORDS.entrySet()) {
            if (java.util.regex.Pattern.compile("\\b(" + e.getKey() + ")").matcher(t).find()) {
                return e.getValue();
            }
        }
        return "other";
    }

    static String hash(String text) {
        try {
            String normal = text.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(normal.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String clip(String s, int max) {
        return s.length() > max ? s.substring(0, max - 1) + "…" : s;
    }
}
