package org.conflictmap.ingest;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.incidents.ClaimMoved;
import org.conflictmap.incidents.IncidentsRegrouped;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the links between articles and incidents, and the claims' provenance, true when the desk merges or
 * splits drafts or moves a claim; runs inside that write's transaction.
 */
@Component
class ArticleLinks {
    /** A merge: the merged-away draft's articles now belong to the incident it went into (once each). */
    static final String MOVE =
            "INSERT INTO article_incidents (article_id, incident_id) SELECT article_id, ? FROM article_incidents "
                    + "WHERE incident_id = ? AND article_id NOT IN (SELECT article_id FROM article_incidents WHERE incident_id = ?)";

    static final String DROP = "DELETE FROM article_incidents WHERE incident_id = ?";
    /** A split: the new draft came from the same articles. */
    static final String COPY =
            "INSERT INTO article_incidents (article_id, incident_id) SELECT article_id, ? FROM article_incidents "
                    + "WHERE incident_id = ?";

    /** A claim moved: the incident it went to came (in part) from the same articles. */
    static final String LINK =
            "INSERT INTO article_incidents (article_id, incident_id) SELECT article_id, ? FROM article_incidents "
                    + "WHERE incident_id = ? AND article_id NOT IN (SELECT article_id FROM article_incidents WHERE incident_id = ?)";

    static final String CLAIM_SPANS = "SELECT article_id, field, start_offset, end_offset FROM ingest_provenance "
            + "WHERE incident_id = ? AND field LIKE 'claims[%'";
    static final String DROP_CLAIM_SPANS =
            "DELETE FROM ingest_provenance WHERE incident_id = ? AND field LIKE 'claims[%'";
    static final String SPAN_INSERT =
            "INSERT INTO ingest_provenance (incident_id, article_id, field, start_offset, end_offset) "
                    + "VALUES (?, ?, ?, ?, ?)";
    static final String SPANS =
            "SELECT article_id, field, start_offset, end_offset FROM ingest_provenance WHERE incident_id = ? "
                    + "ORDER BY article_id, start_offset, field";
    static final String DROP_SPANS = "DELETE FROM ingest_provenance WHERE incident_id = ?";
    static final Pattern CLAIM_FIELD = Pattern.compile("claims\\[(\\d+)](.*)");

    private final JdbcTemplate jdbc;

    ArticleLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A merge or split: the links follow, and so does the provenance. After a merge the merged-away draft's
     * spans go to the incident it went into, each claim's under the index it has there; after a split the new
     * draft gets the spans of its place, time and type (the same as the old one's) and of the claims it took,
     * and the old one's remaining claims' spans are renumbered.
     */
    @EventListener
    void regrouped(IncidentsRegrouped e) {
        if (e.merged()) {
            jdbc.update(MOVE, e.into(), e.from(), e.into());
            jdbc.update(DROP, e.from());
        } else {
            jdbc.update(COPY, e.into(), e.from());
        }
        List<Span> spans = spans(e.from());
        Set<Span> there = new HashSet<>(spans(e.into()));
        jdbc.update(DROP_SPANS, e.from());
        for (Span s : spans) {
            Matcher m = CLAIM_FIELD.matcher(s.field());
            if (!m.matches()) {
                // a field of the incident as a whole: a merge's target and a split's new draft have it from here too
                insert(there, new Span(e.into(), s.article(), s.field(), s.start(), s.end()));
                if (!e.merged()) {
                    insert(null, new Span(e.from(), s.article(), s.field(), s.start(), s.end()));
                }
                continue;
            }
            int k = Integer.parseInt(m.group(1));
            int to = k < e.claims().size() ? e.claims().get(k) : -1;
            int stays = k < e.kept().size() ? e.kept().get(k) : -1;
            if (to >= 0) {
                insert(there, new Span(e.into(), s.article(), "claims[" + to + "]" + m.group(2), s.start(), s.end()));
            }
            if (stays >= 0) {
                insert(null, new Span(e.from(), s.article(), "claims[" + stays + "]" + m.group(2), s.start(), s.end()));
            }
        }
    }

    private List<Span> spans(String incident) {
        return jdbc.query(
                SPANS,
                (rs, n) -> new Span(incident, rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)),
                incident);
    }

    /** Writes a span once: a merge of two drafts from the same article has some spans on both. */
    private void insert(Set<Span> there, Span s) {
        if (there == null || there.add(s)) {
            jdbc.update(SPAN_INSERT, s.incident(), s.article(), s.field(), s.start(), s.end());
        }
    }

    private record Span(String incident, String article, String field, int start, int end) {}

    /**
     * A claim moved: its sentence's spans go with it under its new index, the spans of the claims after it in the
     * incident it left shift down by one, and the other incident is linked to the articles.
     */
    @EventListener
    void claimMoved(ClaimMoved e) {
        jdbc.update(LINK, e.into(), e.from(), e.into());
        record ClaimSpan(String article, int claim, String rest, int start, int end) {}
        List<ClaimSpan> spans = jdbc
                .query(
                        CLAIM_SPANS,
                        (rs, n) -> {
                            Matcher m = CLAIM_FIELD.matcher(rs.getString(2));
                            return m.matches()
                                    ? new ClaimSpan(
                                            rs.getString(1),
                                            Integer.parseInt(m.group(1)),
                                            m.group(2),
                                            rs.getInt(3),
                                            rs.getInt(4))
                                    : null;
                        },
                        e.from())
                .stream()
                .filter(Objects::nonNull)
                .toList();
        jdbc.update(DROP_CLAIM_SPANS, e.from());
        for (ClaimSpan s : spans) {
            if (s.claim() == e.claim()) {
                jdbc.update(
                        SPAN_INSERT, e.into(), s.article(), "claims[" + e.as() + "]" + s.rest(), s.start(), s.end());
            } else {
                jdbc.update(
                        SPAN_INSERT,
                        e.from(),
                        s.article(),
                        "claims[" + (s.claim() > e.claim() ? s.claim() - 1 : s.claim()) + "]" + s.rest(),
                        s.start(),
                        s.end());
            }
        }
    }
}
