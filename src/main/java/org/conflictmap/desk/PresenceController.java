package org.conflictmap.desk;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.conflictmap.incidents.Incident;
import org.conflictmap.security.Editors;
import org.conflictmap.security.EditorsOnly;
import org.conflictmap.web.Params;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The desk's soft lock, for editors only:
 *
 * <pre>
 * GET    /api/presence        every incident open in a review: [{id, editor, since}]
 * PUT    /api/presence/{id}   heartbeat of the review of {id} (every 20 s) → the other editors who have it open
 * DELETE /api/presence/{id}   the review was closed
 * </pre>
 */
@RestController
@EditorsOnly
class PresenceController {
    private final Presence presence;
    private final Editors editors;
    private final ObjectMapper json;

    PresenceController(Presence presence, Editors editors, ObjectMapper json) {
        this.presence = presence;
        this.editors = editors;
        this.json = json;
    }

    @GetMapping(value = "/api/presence", produces = "application/json")
    ResponseEntity<ObjectNode> all(HttpServletRequest request) {
        ObjectNode out = json.createObjectNode();
        entries(out.putArray("presence"), presence.all(), null);
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(out);
    }

    @PutMapping(value = "/api/presence/{id}", produces = "application/json")
    ResponseEntity<ObjectNode> beat(@PathVariable String id, HttpServletRequest request) {
        String editor = editors.of(request);
        presence.beat(checked(id), editor);
        ObjectNode out = json.createObjectNode();
        out.put("id", id);
        entries(out.putArray("others"), presence.on(id), editor);
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(out);
    }

    @DeleteMapping("/api/presence/{id}")
    ResponseEntity<Void> leave(@PathVariable String id, HttpServletRequest request) {
        presence.leave(checked(id), editors.of(request));
        return ResponseEntity.noContent().build();
    }

    private static void entries(ArrayNode out, List<Presence.Entry> entries, String except) {
        entries.stream()
                .filter(e -> !e.editor().equals(except))
                .forEach(e -> out.addObject()
                        .put("id", e.incident())
                        .put("editor", e.editor())
                        .put("since", e.since().toString())
                        .put("seen_at", e.seen().toString()));
    }

    private static String checked(String id) {
        if (!id.matches(Incident.ID_PATTERN)) {
            throw Params.invalid("id", "incident ids are 1-100 lower-case letters, digits and '-'");
        }
        return id;
    }
}
