package org.conflictmap.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.conflictmap.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Checks the editor's bearer token on every write. A missing or wrong token is a 401 with
 * {@code WWW-Authenticate: Bearer}; tokens are compared in constant time and never logged or echoed.
 */
@Component
public class Editors {
    private final Map<String, byte[]> tokens = new LinkedHashMap<>();
    private final int maxBodyBytes;

    Editors(SecurityProperties properties) {
        List<String> all = new java.util.ArrayList<>(properties.editorTokens());
        String env = System.getenv("CONFLICTMAP_EDITOR_TOKEN");
        if (env != null && !env.isBlank()) {
            all.add(env.strip());
        }
        for (String entry : all) {
            int colon = entry.indexOf(':');
            String name = colon > 0 ? entry.substring(0, colon) : "editor";
            String token = colon > 0 ? entry.substring(colon + 1) : entry;
            tokens.put(token, name.getBytes(StandardCharsets.UTF_8));
        }
        this.maxBodyBytes = properties.maxBodyBytes();
    }

    /** The name of the editor whose token the request carries; otherwise a 401. */
    public String require(HttpServletRequest request) {
        String name = editor(request);
        if (name == null) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", tokens.isEmpty()
                    ? "this server has no editor tokens configured (conflictmap.security.editor-tokens or CONFLICTMAP_EDITOR_TOKEN); it is read-only"
                    : "writing needs an editor token: Authorization: Bearer <token>", List.of());
        }
        return name;
    }

    /** The editor's name, or null when the request carries no valid token. */
    public String editor(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        byte[] given = h.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        String found = null;
        for (Map.Entry<String, byte[]> e : tokens.entrySet()) {
            if (MessageDigest.isEqual(given, e.getKey().getBytes(StandardCharsets.UTF_8))) {
                found = new String(e.getValue(), StandardCharsets.UTF_8);
            }
        }
        return found;
    }

    /** The largest JSON body a write accepts, in bytes. */
    public int maxBodyBytes() {
        return maxBodyBytes;
    }
}
