package org.conflictmap.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Bodies;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.HttpSessionCsrfTokenRepository;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The desk's sign-in, with a session cookie (HttpOnly, SameSite=Lax):
 *
 * <pre>
 * GET    /api/session   who is signed in, and the CSRF token that writes on this session must send (X-CSRF-Token)
 * POST   /api/session   {name, password} → signs in (a new session); 401 for any wrong name or password, 429 past the limit
 * DELETE /api/session   signs out (needs the CSRF token)
 * </pre>
 */
@RestController
class SessionController {
    /** Compared against when the name is unknown, so a wrong name costs the same time as a wrong password. */
    private final String dummyHash;

    private final Accounts accounts;
    private final PasswordEncoder passwords;
    private final SignInLimiter limiter;
    private final HttpSessionCsrfTokenRepository csrfTokens;
    private final HttpSessionSecurityContextRepository contexts;
    private final ObjectMapper json;

    SessionController(
            Accounts accounts,
            PasswordEncoder passwords,
            SignInLimiter limiter,
            HttpSessionCsrfTokenRepository csrfTokens,
            HttpSessionSecurityContextRepository contexts,
            ObjectMapper json) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.limiter = limiter;
        this.csrfTokens = csrfTokens;
        this.contexts = contexts;
        this.json = json;
        this.dummyHash = passwords.encode("not-a-password-" + System.nanoTime());
    }

    @GetMapping(value = "/api/session", produces = "application/json")
    ResponseEntity<Map<String, Object>> who(HttpServletRequest request) {
        EditorPrincipal p = Editors.principal();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signed_in", p != null);
        if (p != null) {
            out.put("name", p.name());
            out.put("role", p.role());
            out.put("via", p.via().name().toLowerCase(Locale.ROOT));
            if (p.via() == EditorPrincipal.Via.SESSION) {
                CsrfToken t = csrfTokens.loadToken(request);
                out.put("csrf", t == null ? null : t.getToken());
            }
        }
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(out);
    }

    @PostMapping(value = "/api/session", produces = "application/json")
    ResponseEntity<Map<String, Object>> signIn(HttpServletRequest request, HttpServletResponse response) {
        Bodies.requireType(request, "send {\"name\": …, \"password\": …} as application/json", "application/json");
        JsonNode body = Bodies.json(request, json, 4096, null);
        String name = body.path("name").isString()
                ? body.get("name").asString().strip().toLowerCase(Locale.ROOT)
                : "";
        String password =
                body.path("password").isString() ? body.get("password").asString() : "";
        if (name.isEmpty() || password.isEmpty()) {
            throw ApiProblem.invalid(
                    "name and password are required",
                    List.of(new ApiProblem.FieldError(name.isEmpty() ? "name" : "password", "required")));
        }
        String address = request.getRemoteAddr();
        limiter.check(name, address);
        String hash =
                name.matches(Account.NAME_PATTERN) ? accounts.passwordHash(name).orElse(null) : null;
        boolean matches = passwords.matches(password.length() > 200 ? "" : password, hash == null ? dummyHash : hash);
        Account account = matches && hash != null
                ? accounts.find(name).filter(a -> !a.disabled()).orElse(null)
                : null;
        if (account == null) {
            limiter.failed(name, address);
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "Unauthorized", "wrong name or password", List.of());
        }
        limiter.succeeded(name);
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate();
        }
        request.getSession(true);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        EditorPrincipal p =
                new EditorPrincipal(account.name(), account.role(), EditorPrincipal.Via.SESSION, account.generation());
        context.setAuthentication(p.authentication());
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        CsrfToken token = csrfTokens.generateToken(request);
        csrfTokens.saveToken(token, request, response);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("signed_in", true);
        out.put("name", p.name());
        out.put("role", p.role());
        out.put("via", "session");
        out.put("csrf", token.getToken());
        return ResponseEntity.ok().header("Cache-Control", "no-store").body(out);
    }

    @DeleteMapping("/api/session")
    ResponseEntity<Void> signOut(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
        return ResponseEntity.noContent().build();
    }
}
