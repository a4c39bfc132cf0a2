package org.conflictmap.ingest;

import java.util.List;
import java.util.Objects;
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
    static final String MOVE = "INSERT INTO article_incidents (article_id, incident_id) SELECT article_id, ? FROM article_incidents "
            + "WHERE incident_id = ? AND article_id NOT IN (SELECT article_id FROM article_incidents WHERE incident_id = ?)";
    static final String DROP = "DELETE FROM article_incidents WHERE incident_id = ?";
    /** A split: the new draft came from the same articles. */
    static final String COPY = "INSERT INTO article_incidents (article_id, incident_id) SELECT article_id, ? FROM article_incidents "
            + "WHERE incident_id = ?";

    /** A claim moved: the incident it went to came (in part) from the same articles. */
    static final String LINK = "INSERT INTO article_incidents (article_id, incident_id) SELECT article_id, ? FROM article_incidents "
            + "WHERE incident_id = ? AND article_id NOT IN (SELECT article_id FROM article_incidents WHERE incident_id = ?)";
    static final String CLAIM_SPANS = "SELECT article_id, field, start_offset, end_offset FROM ingest_provenance "
            + "WHERE incident_id = ? AND field LIKE 'claims[%'";
    static final String DROP_CLAIM_SPANS = "DELETE FROM ingest_provenance WHERE incident_id = ? AND field LIKE 'claims[%'";
    static final String SPAN_INSERT = "INSERT INTO ingest_provenance (incident_id, article_id, field, start_offset, end_offset) "
            + "VALUES (?, ?, ?, ?, ?)";
    static final Pattern CLAIM_FIELD = Pattern.compile("claims\\[(\\d+)](.*)");

    private final JdbcTemplate jdbc;

    ArticleLinks(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @EventListener
    void regrouped(IncidentsRegrouped e) {
        if (e.merged()) {
            jdbc.update(MOVE, e.into(), e.from(), e.into());
            jdbc.update(DROP, e.from());
        } else {
            jdbc.update(COPY, e.into(), e.from());
        }
    }

    /**
     * A claim moved: its sentence's spans go with it under its new index, the spans of the claims after it in the
     * incident it left shift down by one, and the other incident is linked to the articles.
     */
    @EventListener
    void claimMoved(ClaimMoved e) {
        jdbc.update(LINK, e.into(), e.from(), e.into());
        record Span(String article, int claim, String rest, int start, int end) {
        }
        List<Span> spans = jdbc.query(CLAIM_SPANS, (rs, n) -> {
            Matcher m = CLAIM_FIELD.matcher(rs.getString(2));
            return m.matches() ? new Span(rs.getString(1), Integer.parseInt(m.group(1)), m.group(2), rs.getInt(3), rs.getInt(4))
                    : null;
        }, e.from()).stream().filter(Objects::nonNull).toList();
        jdbc.update(DROP_CLAIM_SPANS, e.from());
        for (Span s : spans) {
            if (s.claim() == e.claim()) {
                jdbc.update(SPAN_INSERT, e.into(), s.article(), "claims[" + e.as() + "]" + s.rest(), s.start(), s.end());
            } else {
                jdbc.update(SPAN_INSERT, e.from(), s.article(), "claims[" + (s.claim() > e.claim() ? s.claim() - 1 : s.claim()) + "]"
                        + s.rest(), s.start(), s.end());
            }
        }
    }
}
