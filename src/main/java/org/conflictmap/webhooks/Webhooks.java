package org.conflictmap.webhooks;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conflictmap.incidents.WriteOutbox;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The registered webhooks and their outbox (V55). Each write's transaction adds the outbox rows of its
 * history rows ({@link #written}); the worker ({@link WebhookDeliveries}) claims due rows with a lease and marks
 * how each attempt went.
 */
@Repository
class Webhooks implements WriteOutbox {
    static final String INSERT =
            "INSERT INTO webhooks (url, secret, created_by, created_at, active) VALUES (?, ?, ?, ?, TRUE)";
    static final String LIST = "SELECT w.id, w.url, w.created_by, w.created_at, "
            + "(SELECT COUNT(*) FROM webhook_outbox o WHERE o.webhook_id = w.id AND o.state = 'pending'), "
            + "(SELECT COUNT(*) FROM webhook_outbox o WHERE o.webhook_id = w.id AND o.state = 'delivered'), "
            + "(SELECT COUNT(*) FROM webhook_outbox o WHERE o.webhook_id = w.id AND o.state = 'failed'), "
            + "(SELECT MAX(o.delivered_at) FROM webhook_outbox o WHERE o.webhook_id = w.id AND o.state = 'delivered') "
            + "FROM webhooks w WHERE w.active = TRUE ORDER BY w.id";
    static final String DEACTIVATE = "UPDATE webhooks SET active = FALSE WHERE id = ? AND active = TRUE";
    static final String CANCEL =
            "UPDATE webhook_outbox SET state = 'cancelled' WHERE webhook_id = ? AND state = 'pending'";
    static final String LIVE_IDS = "SELECT id FROM webhooks WHERE active = TRUE";
    static final String ROWS_OF = "SELECT seq FROM incident_history WHERE change_version = ?";
    static final String ENQUEUE =
            "INSERT INTO webhook_outbox (webhook_id, history_seq, change_version, state, attempts, next_attempt_at) "
                    + "VALUES (?, ?, ?, 'pending', 0, ?)";
    static final String DUE = "SELECT o.id, o.history_seq, o.attempts, w.url, w.secret FROM webhook_outbox o "
            + "JOIN webhooks w ON w.id = o.webhook_id WHERE o.state = 'pending' AND o.next_attempt_at <= ? "
            + "ORDER BY o.change_version, o.history_seq, o.id LIMIT ?";
    /** Claims a due row for one attempt: only the server whose update finds it unchanged sends it. */
    static final String CLAIM =
            "UPDATE webhook_outbox SET next_attempt_at = ? WHERE id = ? AND state = 'pending' AND attempts = ? "
                    + "AND next_attempt_at <= ?";

    static final String DELIVERED =
            "UPDATE webhook_outbox SET state = 'delivered', attempts = attempts + 1, last_status = ?, "
                    + "last_error = NULL, delivered_at = ? WHERE id = ? AND state = 'pending'";
    static final String RETRY =
            "UPDATE webhook_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_status = ?, last_error = ? "
                    + "WHERE id = ? AND state = 'pending'";
    static final String FAILED =
            "UPDATE webhook_outbox SET state = 'failed', attempts = attempts + 1, last_status = ?, last_error = ? "
                    + "WHERE id = ? AND state = 'pending'";
    static final String DROP = "DELETE FROM webhook_outbox WHERE id = ?";
    /**
     * Delivered rows past the retention (a receiver deduplicates by their ids only within it), at most {@code ?} of
     * them: each batch is its own short transaction, so a first prune of a long-grown outbox never holds one large
     * delete's locks and undo against the senders' updates. Found by {@code webhook_outbox_delivered_idx} (V62).
     */
    static final String PRUNE = "DELETE FROM webhook_outbox WHERE id IN (SELECT id FROM webhook_outbox "
            + "WHERE state = 'delivered' AND delivered_at < ? ORDER BY delivered_at LIMIT ?)";

    /** A registered endpoint as admins see it (never its secret). */
    record Hook(
            long id,
            String url,
            String createdBy,
            Instant created,
            long pending,
            long delivered,
            long failed,
            Instant lastDelivered) {}

    /** A delivery due now: its outbox row, the history row it tells of, the attempts so far, and where to. */
    record Due(long id, long historySeq, int attempts, String url, String secret) {}

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;

    Webhooks(JdbcTemplate jdbc, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.tx = tx;
    }

    /**
     * One outbox row per live webhook and history row of the write, inside its transaction (after the stamp). Without
     * a webhook it costs one read of an empty table.
     */
    @Override
    public void written(long changeVersion) {
        List<Long> hooks = jdbc.queryForList(LIVE_IDS, Long.class);
        if (hooks.isEmpty()) {
            return;
        }
        List<Long> rows = jdbc.queryForList(ROWS_OF, Long.class, changeVersion);
        OffsetDateTime now = utc(now());
        List<Object[]> batch = new ArrayList<>(hooks.size() * rows.size());
        for (long hook : hooks) {
            for (long seq : rows) {
                batch.add(new Object[] {hook, seq, changeVersion, now});
            }
        }
        jdbc.batchUpdate(ENQUEUE, batch);
    }

    long add(String url, String secret, String admin) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(
                c -> {
                    var ps = c.prepareStatement(INSERT, new String[] {"id"});
                    ps.setString(1, url);
                    ps.setString(2, secret);
                    ps.setString(3, admin);
                    ps.setObject(4, utc(now()));
                    return ps;
                },
                key);
        return key.getKey().longValue();
    }

    List<Hook> all() {
        return jdbc.query(
                LIST,
                (rs, n) -> new Hook(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getObject(4, OffsetDateTime.class).toInstant(),
                        rs.getLong(5),
                        rs.getLong(6),
                        rs.getLong(7),
                        rs.getObject(8, OffsetDateTime.class) == null
                                ? null
                                : rs.getObject(8, OffsetDateTime.class).toInstant()));
    }

    /** Removes a webhook; its deliveries not yet made are cancelled. False when there is no such live webhook. */
    boolean remove(long id) {
        return Boolean.TRUE.equals(tx.execute(s -> {
            if (jdbc.update(DEACTIVATE, id) != 1) {
                return false;
            }
            jdbc.update(CANCEL, id);
            return true;
        }));
    }

    List<Due> due(Instant now, int max) {
        return jdbc.query(
                DUE,
                (rs, n) -> new Due(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getString(5)),
                utc(now),
                max);
    }

    /** True when this server now holds the row until {@code leaseEnd} (no other server claimed this attempt). */
    boolean claim(Due d, Instant now, Instant leaseEnd) {
        return jdbc.update(CLAIM, utc(leaseEnd), d.id(), d.attempts(), utc(now)) == 1;
    }

    void delivered(Due d, int status) {
        jdbc.update(DELIVERED, status, utc(now()), d.id());
    }

    void retry(Due d, Instant next, Integer status, String error) {
        jdbc.update(RETRY, utc(next), status, error, d.id());
    }

    void failed(Due d, Integer status, String error) {
        jdbc.update(FAILED, status, error, d.id());
    }

    /** A row for a change readers never see (a draft written): nothing to send. */
    void drop(Due d) {
        jdbc.update(DROP, d.id());
    }

    /** Deletes at most {@code max} of the rows delivered before {@code before} (never another); returns how many. */
    int prune(Instant before, int max) {
        return jdbc.update(PRUNE, utc(before), max);
    }

    static Map<String, Object> view(Hook h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", h.id());
        m.put("url", h.url());
        m.put("created_by", h.createdBy());
        m.put("created_at", h.created().toString());
        m.put("pending", h.pending());
        m.put("delivered", h.delivered());
        m.put("failed", h.failed());
        m.put(
                "last_delivered_at",
                h.lastDelivered() == null ? null : h.lastDelivered().toString());
        return m;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    private static OffsetDateTime utc(Instant t) {
        return OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
