package org.conflictmap.ingest;

import org.conflictmap.incidents.IncidentsRegrouped;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps the links between articles and incidents true when the desk merges or splits drafts; runs
 * inside the merge's or split's transaction.
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
}
