package org.conflictmap.incidents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One history row as downstream systems may learn of it (the webhooks): a draft published is a
 * {@code publish}, a published incident written again an {@code update}, taken back to draft an
 * {@code unpublish}, deleted a {@code delete}; a write that only touched a draft is nothing at all, so a
 * draft never leaves the server this way.
 */
@Component
public class PublishedChanges {
    static final String ROW =
            "SELECT incident_id, operation, recorded_at, document, version FROM incident_history WHERE seq = ?";

    /** The change: {@code feature} is the incident after it as the public API has it, null for a delete or an unpublish. */
    public record Event(long seq, String kind, String incident, int version, Instant at, JsonNode feature) {}

    private final JdbcTemplate jdbc;
    private final ObjectMapper json;

    PublishedChanges(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The public change history row {@code seq} made, if it made one. */
    public Optional<Event> of(long seq) {
        record Row(String id, String op, Instant at, String doc, int version) {}
        Optional<Row> row = jdbc
                .query(
                        ROW,
                        (rs, n) -> new Row(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getObject(3, OffsetDateTime.class).toInstant(),
                                rs.getString(4),
                                rs.getInt(5)),
                        seq)
                .stream()
                .findFirst();
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        JsonNode doc = json.readTree(r.doc());
        boolean published = published(doc);
        if (r.op().equals("delete")) {
            return published
                    ? Optional.of(new Event(seq, "delete", r.id(), r.version(), r.at(), null))
                    : Optional.empty();
        }
        boolean was = !r.op().equals("create")
                && jdbc.queryForList(IncidentChanges.PREVIOUS, String.class, r.id(), seq).stream()
                        .findFirst()
                        .map(d -> published(json.readTree(d)))
                        .orElse(false);
        if (published) {
            return Optional.of(new Event(seq, was ? "update" : "publish", r.id(), r.version(), r.at(), doc));
        }
        return was ? Optional.of(new Event(seq, "unpublish", r.id(), r.version(), r.at(), null)) : Optional.empty();
    }

    private static boolean published(JsonNode doc) {
        return "published".equals(doc.path("properties").path("status").asString());
    }
}
