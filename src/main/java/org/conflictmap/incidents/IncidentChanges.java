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
    /**
     * The history after a position, in commit order (V44: change_version is the data version the row's transaction
     * bumped to, NULL until it commits; rows of one transaction in seq order).
     */
    static final String AFTER = "SELECT seq, incident_id, operation, recorded_at, document, change_version FROM incident_history "
            + "WHERE change_version > ? OR (change_version = ? AND seq > ?) ORDER BY change_version, seq LIMIT ?";
    static final String AFTER_TIME = "SELECT seq, incident_id, operation, recorded_at, document, change_version FROM incident_history "
            + "WHERE recorded_at > ? ORDER BY seq LIMIT ?";
    /** Where an event id (a history seq) stands in commit order. */
    static final String POSITION_OF = "SELECT change_version FROM incident_history WHERE seq = ? AND change_version IS NOT NULL";
    static final String PREVIOUS = "SELECT document FROM incident_history WHERE incident_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1";
    static final String LAST = "SELECT change_version, seq FROM incident_history WHERE change_version IS NOT NULL "
            + "ORDER BY change_version DESC, seq DESC LIMIT 1";
    /** The feed's entries: the published incidents written last. */
    static final String LATEST = "SELECT feature FROM incidents WHERE status = 'published' ORDER BY updated_at DESC, id LIMIT ?";

    /** One change as readers see it; {@code feature} is the incident after it (null for a delete). */
    record Change(Position position, String id, String kind, Instant at, JsonNode feature) {
        long seq() {
            return position.seq();
        }
    }

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    IncidentChanges(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /**
     * A place in the history's commit order: the data version a row's transaction bumped to, then its seq (the
     * event id). Every row before it committed before any row after it.
     */
    record Position(long version, long seq) implements Comparable<Position> {
        static final Position START = new Position(-1, 0);

        @Override
        public int compareTo(Position o) {
            return version != o.version ? Long.compare(version, o.version) : Long.compare(seq, o.seq);
        }

        Position max(Position o) {
            return compareTo(o) >= 0 ? this : o;
        }
    }

    /** The last committed history row. */
    Position last() {
        return jdbc.query(LAST, (rs, n) -> new Position(rs.getLong(1), rs.getLong(2))).stream().findFirst().orElse(Position.START);
    }

    /**
     * Where the event with this id stands; an id the history does not hold (none is ever removed: an id from
     * before V44 or from another store) is taken as the rows of old order up to it.
     */
    Position positionOf(long seq) {
        return jdbc.queryForList(POSITION_OF, Long.class, seq).stream().findFirst().map(v -> new Position(v, seq))
                .orElse(new Position(0, seq));
    }

    /** The stored Features of the {@code n} published incidents written last, newest first. */
    List<JsonNode> latest(int n) {
        return jdbc.query(LATEST, (rs, k) -> json.readTree(rs.getString(1)), n);
    }

    /**
     * Public changes after {@code after} in commit order, reading at most {@code rows} rows; the last row read is
     * returned in {@code upTo[0]}.
     */
    List<Change> after(Position after, int rows, Position[] upTo) {
        return read(AFTER, new Object[] {after.version(), after.version(), after.seq(), rows}, upTo);
    }

    /** Public changes recorded after {@code since}. */
    List<Change> since(Instant since, int rows, Position[] upTo) {
        return read(AFTER_TIME, new Object[] {OffsetDateTime.ofInstant(since, ZoneOffset.UTC), rows}, upTo);
    }

    private List<Change> read(String sql, Object[] params, Position[] upTo) {
        record Row(Position at, String id, String op, Instant time, String doc) {
        }
        List<Row> found = jdbc.query(sql, (rs, n) -> new Row(new Position(rs.getLong(6), rs.getLong(1)), rs.getString(2),
                rs.getString(3), rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5)), params);
        List<Change> out = new ArrayList<>();
        for (Row r : found) {
            upTo[0] = upTo[0].max(r.at());
            JsonNode doc = json.readTree(r.doc());
            boolean published = "published".equals(doc.path("properties").path("status").asString());
            if (r.op().equals("delete")) {
                if (published) {
                    out.add(new Change(r.at(), r.id(), "delete", r.time(), null));
                }
                continue;
            }
            boolean wasPublished = !r.op().equals("create") && jdbc.queryForList(PREVIOUS, String.class, r.id(), r.at().seq()).stream()
                    .findFirst().map(d -> "published".equals(json.readTree(d).path("properties").path("status").asString()))
                    .orElse(false);
            if (published) {
                out.add(new Change(r.at(), r.id(), wasPublished ? "update" : "publish", r.time(), doc));
            } else if (wasPublished) {
                out.add(new Change(r.at(), r.id(), "delete", r.time(), null));
            }
        }
        return out;
    }
}
