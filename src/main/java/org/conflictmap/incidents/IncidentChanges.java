package org.conflictmap.incidents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * What readers may learn of the edit history: each history row (its {@code seq} is the change's id)
 * seen from outside. A draft becoming published is a {@code publish}, a published incident written again
 * an {@code update}, a published incident deleted or taken back to draft a {@code delete}; writes to
 * drafts are nothing at all. Read from the store, so every server over the same store tells the same.
 */
@Component
class IncidentChanges {
    static final String AFTER_SEQ = "SELECT seq, incident_id, operation, recorded_at, document FROM incident_history "
            + "WHERE seq > ? ORDER BY seq LIMIT ?";
    static final String AFTER_TIME = "SELECT seq, incident_id, operation, recorded_at, document FROM incident_history "
            + "WHERE recorded_at > ? ORDER BY seq LIMIT ?";
    static final String PREVIOUS = "SELECT document FROM incident_history WHERE incident_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1";
    static final String LAST_SEQ = "SELECT COALESCE(MAX(seq), 0) FROM incident_history";
    /** The feed's entries: the published incidents written last. */
    static final String LATEST = "SELECT feature FROM incidents WHERE status = 'published' ORDER BY updated_at DESC, id LIMIT ?";

    /** One change as readers see it; {@code feature} is the incident after it (null for a delete). */
    record Change(long seq, String id, String kind, Instant at, JsonNode feature) {
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    IncidentChanges(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long lastSeq() {
        Long n = jdbc.queryForObject(LAST_SEQ, Long.class);
        return n == null ? 0 : n;
    }

    /** The stored Features of the {@code n} published incidents written last, newest first. */
    List<JsonNode> latest(int n) {
        return jdbc.query(LATEST, (rs, k) -> json.readTree(rs.getString(1)), n);
    }

    /** Public changes after history row {@code seq}, reading at most {@code rows} rows; the last row read is returned in {@code upTo[0]}. */
    List<Change> afterSeq(long seq, int rows, long[] upTo) {
        return read(AFTER_SEQ, seq, rows, upTo);
    }

    /** Public changes recorded after {@code since}. */
    List<Change> since(Instant since, int rows, long[] upTo) {
        return read(AFTER_TIME, OffsetDateTime.ofInstant(since, ZoneOffset.UTC), rows, upTo);
    }

    private List<Change> read(String sql, Object after, int rows, long[] upTo) {
        record Row(long seq, String id, String op, Instant at, String doc) {
        }
        List<Row> found = jdbc.query(sql, (rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3),
                rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)), after, rows);
        List<Change> out = new ArrayList<>();
        for (Row r : found) {
            upTo[0] = Math.max(upTo[0], r.seq());
            JsonNode doc = json.readTree(r.doc());
            boolean published = "published".equals(doc.path("properties").path("status").asString());
            if (r.op().equals("delete")) {
                if (published) {
                    out.add(new Change(r.seq(), r.id(), "delete", r.at(), null));
                }
                continue;
            }
            boolean wasPublished = !r.op().equals("create") && jdbc.queryForList(PREVIOUS, String.class, r.id(), r.seq()).stream()
                    .findFirst().map(d -> "published".equals(json.readTree(d).path("properties").path("status").asString()))
                    .orElse(false);
            if (published) {
                out.add(new Change(r.seq(), r.id(), wasPublished ? "update" : "publish", r.at(), doc));
            } else if (wasPublished) {
                out.add(new Change(r.seq(), r.id(), "delete", r.at(), null));
            }
        }
        return out;
    }
}
