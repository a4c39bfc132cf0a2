package org.conflictmap.security;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.conflictmap.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is writing: the editor the security filter chain ({@link AccountFilter}) found for the request,
 * from a desk session, an account's API token or a configured token. A missing or wrong token is a
 * 401 with {@code WWW-Authenticate: Bearer}; tokens are compared in constant time and never logged or echoed.
 */
@Component
public class Editors {
    /** The request attribute {@link EditorGuard} leaves the checked editor's name in. */
    static final String ATTRIBUTE = Editors.class.getName() + ".editor";

    private final Map<String, byte[]> tokens = new LinkedHashMap<>();
    private final int maxBodyBytes;

    Editors(SecurityProperties properties) {
        List<String> all = new ArrayList<>(properties.editorTokens());
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

    /**
     * The name of the editor a handler declared {@link EditorsOnly} (or {@link AdminsOnly}) acts for, as
     * {@link EditorGuard} checked it. A handler without the declaration is a mistake of this server's, never a
     * request's: it fails loudly (500) rather than write without an editor.
     */
    public String of(HttpServletRequest request) {
        if (!(request.getAttribute(ATTRIBUTE) instanceof String name)) {
            throw new IllegalStateException("this handler is not declared @EditorsOnly");
        }
        return name;
    }

    /**
     * The name of the editor the request acts for; otherwise a 401. For {@link EditorGuard}, and for the rare check
     * that depends on what was asked ({@code ?status=draft} needs an editor, the published list does not); a
     * handler for editors only declares {@link EditorsOnly} instead.
     */
    public String require(HttpServletRequest request) {
        String name = editor(request);
        if (name == null) {
            throw new ApiProblem(
                    HttpStatus.UNAUTHORIZED,
                    "Unauthorized",
                    "writing needs an editor: sign in at /desk, or send Authorization: Bearer <token>",
                    List.of());
        }
        return name;
    }

    /** The name of the admin the request acts for; a 401 without an editor, a 403 for an editor who is not an admin. */
    String requireAdmin(HttpServletRequest request) {
        require(request);
        EditorPrincipal p = principal();
        if (p == null || !p.admin()) {
            throw new ApiProblem(HttpStatus.FORBIDDEN, "Forbidden", "only an admin manages accounts", List.of());
        }
        return p.name();
    }

    /** The editor's name, or null when the request has no editor behind it. */
    public String editor(HttpServletRequest request) {
        EditorPrincipal p = principal();
        return p == null ? null : p.name();
    }

    static EditorPrincipal principal() {
        Authentication a = SecurityContextHolder.getContext().getAuthentication();
        return a != null && a.isAuthenticated() && a.getPrincipal() instanceof EditorPrincipal p ? p : null;
    }

    /** The name a configured token stands for, or null; compared in constant time against every configured token. */
    String configured(String token) {
        byte[] given = token.getBytes(StandardCharsets.UTF_8);
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
