package org.conflictmap.desk;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Who has which incident open in the desk (a soft lock: it warns, it never refuses a write). A review beats
 * while it is open; an entry without a beat for {@link DeskProperties#presenceTtl()} no longer counts and
 * is removed by the next beat of anyone.
 */
@Repository
class Presence {
    static final String TOUCH =
            "UPDATE desk_presence SET seen_at = ? WHERE incident_id = ? AND editor = ? AND seen_at >= ?";
    static final String FORGET = "DELETE FROM desk_presence WHERE incident_id = ? AND editor = ?";
    static final String INSERT = "INSERT INTO desk_presence (incident_id, editor, since, seen_at) VALUES (?, ?, ?, ?)";
    static final String EXPIRE = "DELETE FROM desk_presence WHERE seen_at < ?";
    static final String LIVE = "SELECT incident_id, editor, since, seen_at FROM desk_presence WHERE seen_at >= ? "
            + "ORDER BY incident_id, since, editor";
    static final String LIVE_ON = "SELECT incident_id, editor, since, seen_at FROM desk_presence WHERE seen_at >= ? "
            + "AND incident_id = ? ORDER BY since, editor";

    /** One editor with one incident open since {@code since}, last heard of at {@code seen}. */
    record Entry(String incident, String editor, Instant since, Instant seen) {}

    private final JdbcTemplate jdbc;
    private final DeskProperties properties;

    Presence(JdbcTemplate jdbc, DeskProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** A heartbeat: the editor still has the incident open (since the first beat of an unbroken run). */
    void beat(String incident, String editor) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        if (jdbc.update(TOUCH, utc(now), incident, editor, utc(oldest(now))) == 1) {
            return;
        }
        jdbc.update(EXPIRE, utc(oldest(now)));
        jdbc.update(FORGET, incident, editor);
        try {
            jdbc.update(INSERT, incident, editor, utc(now), utc(now));
        } catch (DuplicateKeyException e) {
            jdbc.update(
                    TOUCH, utc(now), incident, editor, utc(oldest(now))); // the same editor's second tab beat at once
        }
    }

    /** The editor closed the review. */
    void leave(String incident, String editor) {
        jdbc.update(FORGET, incident, editor);
    }

    /** Every live entry. */
    List<Entry> all() {
        return jdbc.query(LIVE, (rs, n) -> entry(rs), utc(oldest(Instant.now())));
    }

    /** The live entries of one incident, the earliest first. */
    List<Entry> on(String incident) {
        return jdbc.query(LIVE_ON, (rs, n) -> entry(rs), utc(oldest(Instant.now())), incident);
    }

    private Instant oldest(Instant now) {
        return now.minus(properties.presenceTtl());
    }

    private static Entry entry(ResultSet rs) throws SQLException {
        return new Entry(
                rs.getString(1),
                rs.getString(2),
                rs.getObject(3, OffsetDateTime.class).toInstant(),
                rs.getObject(4, OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
