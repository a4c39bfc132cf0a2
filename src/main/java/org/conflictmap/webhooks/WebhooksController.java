package org.conflictmap.webhooks;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Map;
import org.conflictmap.security.AdminsOnly;
import org.conflictmap.security.Editors;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Bodies;
import org.conflictmap.web.Params;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Admins register where published changes are sent:
 *
 * <pre>
 * GET    /api/webhooks        the live webhooks with their deliveries pending, delivered and failed (never a secret)
 * POST   /api/webhooks        {"url": "https://…", "secret": "at least 16 characters"} → 201
 * DELETE /api/webhooks/{id}   removes one; its deliveries not yet made are cancelled
 * </pre>
 */
@RestController
@AdminsOnly
class WebhooksController {
    static final int MIN_SECRET = 16;
    static final int MAX_SECRET = 200;

    private final Webhooks webhooks;
    private final Editors editors;
    private final ObjectMapper json;

    WebhooksController(Webhooks webhooks, Editors editors, ObjectMapper json) {
        this.webhooks = webhooks;
        this.editors = editors;
        this.json = json;
    }

    @GetMapping(value = "/api/webhooks", produces = "application/json")
    ResponseEntity<List<Map<String, Object>>> list() {
        return ResponseEntity.ok()
                .header("Cache-Control", "no-store")
                .body(webhooks.all().stream().map(Webhooks::view).toList());
    }

    @PostMapping(value = "/api/webhooks", produces = "application/json")
    ResponseEntity<Map<String, Object>> add(HttpServletRequest r) {
        Bodies.requireType(r, "send application/json", "application/json");
        JsonNode b = Bodies.json(r, json, 8192, null);
        if (!b.isObject()) {
            throw ApiProblem.badRequest("expected a JSON object: {\"url\": \"https://…\", \"secret\": \"…\"}");
        }
        String url = url(b.path("url").isString() ? b.get("url").asString().strip() : null);
        String secret = b.path("secret").isString() ? b.get("secret").asString() : null;
        if (secret == null
                || secret.length() < MIN_SECRET
                || secret.length() > MAX_SECRET
                || !secret.equals(secret.strip())) {
            throw Params.invalid(
                    "secret",
                    MIN_SECRET + " to " + MAX_SECRET
                            + " characters, no spaces at either end: the key events are signed with");
        }
        Params.text("secret", secret, MAX_SECRET); // no control characters
        long id = webhooks.add(url, secret, editors.of(r));
        Map<String, Object> view = webhooks.all().stream()
                .filter(h -> h.id() == id)
                .findFirst()
                .map(Webhooks::view)
                .orElseThrow(() -> ApiProblem.notFound("the webhook was removed meanwhile"));
        return ResponseEntity.created(URI.create("/api/webhooks/" + id))
                .header("Cache-Control", "no-store")
                .body(view);
    }

    @DeleteMapping("/api/webhooks/{id}")
    ResponseEntity<Void> remove(@PathVariable String id) {
        long n = Params.integer("id", id, 0, 1, Integer.MAX_VALUE);
        if (!webhooks.remove(n)) {
            throw ApiProblem.notFound("no webhook " + n);
        }
        return ResponseEntity.noContent().build();
    }

    /** An absolute http(s) URL without credentials in it. */
    static String url(String s) {
        String why = "an absolute http:// or https:// URL without a user or password in it, at most 2,000 characters";
        if (s == null || s.isEmpty() || s.length() > 2000) {
            throw Params.invalid("url", why);
        }
        try {
            URI u = new URI(s);
            if (u.getScheme() == null
                    || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))
                    || u.getHost() == null
                    || u.getRawUserInfo() != null
                    || u.getRawFragment() != null) {
                throw Params.invalid("url", why);
            }
            return u.toString();
        } catch (URISyntaxException e) {
            throw Params.invalid("url", why);
        }
    }
}
