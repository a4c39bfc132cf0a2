package org.conflictmap.incidents;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.errors.Invalid;
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
     * bumped to; since 2026-12-07 each row is written after the bump, under data_version's lock held to the commit, except
     * on H2, where a bulk write's rows are NULL until its bump stamps them; rows of one transaction in seq order).
     */
    static final String AFTER =
            "SELECT seq, incident_id, operation, recorded_at, document, change_version FROM incident_history "
                    + "WHERE change_version > ? OR (change_version = ? AND seq > ?) ORDER BY change_version, seq LIMIT ?";
    /**
     * The change feed's first page: rows recorded after a time, in seq order (as {@code timeStamp} paging always read
     * them), but only up to a position read before: a row that commits later, whenever it was recorded, lies after
     * that position and comes with the cursor's next pages.
     */
    static final String AFTER_TIME =
            "SELECT seq, incident_id, operation, recorded_at, document, change_version FROM incident_history "
                    + "WHERE recorded_at > ? AND (change_version < ? OR (change_version = ? AND seq <= ?)) ORDER BY seq LIMIT ?";
    /** Of the rows a cut first page left for later, the first in commit order: the cursor goes just before it. */
    static final String FIRST_LEFT =
            "SELECT change_version, seq FROM incident_history WHERE recorded_at > ? AND seq > ? "
                    + "AND (change_version < ? OR (change_version = ? AND seq <= ?)) ORDER BY change_version, seq LIMIT 1";
    /** Where an event id (a history seq) stands in commit order. */
    static final String POSITION_OF =
            "SELECT change_version FROM incident_history WHERE seq = ? AND change_version IS NOT NULL";

    static final String PREVIOUS =
            "SELECT document FROM incident_history WHERE incident_id = ? AND seq < ? ORDER BY seq DESC LIMIT 1";
    static final String LAST = "SELECT change_version, seq FROM incident_history WHERE change_version IS NOT NULL "
            + "ORDER BY change_version DESC, seq DESC LIMIT 1";
    /** The feed's entries: the published incidents written last. */
    static final String LATEST =
            "SELECT feature FROM incidents WHERE status = 'published' ORDER BY updated_at DESC, id LIMIT ?";

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

        /** The change feed's cursor: opaque to clients ({@code c1.} and the position, base64url). */
        String cursor() {
            return Base64.getUrlEncoder()
                    .withoutPadding()
                    .encodeToString(("c1." + version + "." + seq).getBytes(StandardCharsets.US_ASCII));
        }

        /** The position a {@link #cursor()} stands for; anything else is a 400 naming the parameter. */
        static Position ofCursor(String cursor) {
            String plain;
            try {
                plain = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            } catch (IllegalArgumentException e) {
                plain = "";
            }
            Matcher m = CURSOR.matcher(plain);
            if (!m.matches()) {
                throw new Invalid("cursor", "not a cursor this server gave; start again with updated_since");
            }
            try {
                return new Position(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
            } catch (NumberFormatException e) {
                throw new Invalid("cursor", "not a cursor this server gave; start again with updated_since");
            }
        }

        private static final Pattern CURSOR = Pattern.compile("c1\\.(-1|0|[1-9][0-9]{0,17})\\.(0|[1-9][0-9]{0,17})");
    }

    /** The last committed history row. */
    Position last() {
        return jdbc.query(LAST, (rs, n) -> new Position(rs.getLong(1), rs.getLong(2))).stream()
                .findFirst()
                .orElse(Position.START);
    }

    /**
     * Where the event with this id stands; an id the history does not hold (none is ever removed: an id from
     * before V44 or from another store) is taken as the rows of old order up to it.
     */
    Position positionOf(long seq) {
        return jdbc.queryForList(POSITION_OF, Long.class, seq).stream()
                .findFirst()
                .map(v -> new Position(v, seq))
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
        Page p = read(AFTER, new Object[] {after.version(), after.version(), after.seq(), rows}, upTo[0]);
        upTo[0] = p.upTo();
        return p.changes();
    }

    /**
     * The public changes among {@code rows} history rows read, and the position of the last row read (or the
     * position the read began after, when there was none).
     */
    record Page(List<Change> changes, Position upTo, int rows, long lastSeq) {}

    /** The change feed after a cursor: public changes after {@code after} in commit order, reading at most {@code rows} rows. */
    Page page(Position after, int rows) {
        return read(AFTER, new Object[] {after.version(), after.version(), after.seq(), rows}, after);
    }

    /**
     * The change feed's first page: public changes recorded after {@code since} that committed no later than
     * {@code bound} (read with {@link #last()} before), in commit order.
     */
    Page since(Instant since, int rows, Position bound) {
        return read(
                AFTER_TIME,
                new Object[] {
                    OffsetDateTime.ofInstant(since, ZoneOffset.UTC), bound.version(), bound.version(), bound.seq(), rows
                },
                Position.START);
    }

    /**
     * Where the cursor of a first page cut after history row {@code lastSeq} stands: just before the first row, in commit
     * order, that the page left out (the next pages may repeat some it gave, never skip one it did not).
     */
    Position cutAfter(Instant since, long lastSeq, Position bound) {
        return jdbc
                .query(
                        FIRST_LEFT,
                        (rs, n) -> new Position(rs.getLong(1), rs.getLong(2) - 1),
                        OffsetDateTime.ofInstant(since, ZoneOffset.UTC),
                        lastSeq,
                        bound.version(),
                        bound.version(),
                        bound.seq())
                .stream()
                .findFirst()
                .orElse(bound);
    }

    private Page read(String sql, Object[] params, Position from) {
        Position[] upTo = {from};
        record Row(Position at, String id, String op, Instant time, String doc) {}
        List<Row> found = jdbc.query(
                sql,
                (rs, n) -> new Row(
                        new Position(rs.getLong(6), rs.getLong(1)),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getString(5)),
                params);
        List<Change> out = new ArrayList<>();
        for (Row r : found) {
            upTo[0] = upTo[0].max(r.at());
            JsonNode doc = json.readTree(r.doc());
            boolean published =
                    "published".equals(doc.path("properties").path("status").asString());
            if (r.op().equals("delete")) {
                if (published) {
                    out.add(new Change(r.at(), r.id(), "delete", r.time(), null));
                }
                continue;
            }
            boolean wasPublished = !r.op().equals("create")
                    && jdbc.queryForList(PREVIOUS, String.class, r.id(), r.at().seq()).stream()
                            .findFirst()
                            .map(d -> "published"
                                    .equals(json.readTree(d)
                                            .path("properties")
                                            .path("status")
                                            .asString()))
                            .orElse(false);
            if (published) {
                out.add(new Change(r.at(), r.id(), wasPublished ? "update" : "publish", r.time(), doc));
            } else if (wasPublished) {
                out.add(new Change(r.at(), r.id(), "delete", r.time(), null));
            }
        }
        return new Page(
                out,
                upTo[0],
                found.size(),
                found.isEmpty() ? 0 : found.get(found.size() - 1).at().seq());
    }
}
