package org.conflictmap.security;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Bodies;
import org.conflictmap.web.Params;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Accounts (admins) and API tokens (each account its own):
 *
 * <pre>
 * GET    /api/accounts                    every account (admin)
 * POST   /api/accounts                    {name, role, password} → 201 (admin)
 * PATCH  /api/accounts/{name}             {disabled, password, role} (admin); ends the account's sessions at once
 * GET    /api/accounts/{name}/tokens      an account's tokens, without their secrets (admin)
 * DELETE /api/accounts/{name}/tokens/{id} revokes one (admin)
 * GET    /api/tokens                      the signed-in account's tokens
 * POST   /api/tokens                      {label} → 201 with the token, shown this once
 * DELETE /api/tokens/{id}                 revokes it → 204
 * </pre>
 */
@RestController
class AccountsController {
    private final Accounts accounts;
    private final Editors editors;
    private final ObjectMapper json;

    AccountsController(Accounts accounts, Editors editors, ObjectMapper json) {
        this.accounts = accounts;
        this.editors = editors;
        this.json = json;
    }

    @AdminsOnly
    @GetMapping(value = "/api/accounts", produces = "application/json")
    List<Map<String, Object>> list(HttpServletRequest r) {
        return accounts.all().stream().map(AccountsController::view).toList();
    }

    @AdminsOnly
    @PostMapping(value = "/api/accounts", produces = "application/json")
    ResponseEntity<Map<String, Object>> create(HttpServletRequest r) {
        JsonNode b = body(r);
        String name = name(b.path("name").asString(""));
        String role = Params.oneOf(
                "role",
                b.path("role").isString() ? b.get("role").asString() : Account.EDITOR,
                Set.of(Account.EDITOR, Account.ADMIN));
        Account a = accounts.create(
                name, role, b.path("password").isString() ? b.get("password").asString() : null);
        return ResponseEntity.created(URI.create("/api/accounts/" + a.name())).body(view(a));
    }

    @AdminsOnly
    @PatchMapping(value = "/api/accounts/{name}", produces = "application/json")
    Map<String, Object> change(@PathVariable String name, HttpServletRequest r) {
        String admin = editors.of(r);
        Account a = existing(name);
        JsonNode b = body(r);
        if (b.has("disabled")) {
            if (!b.get("disabled").isBoolean()) {
                throw Params.invalid("disabled", "true or false");
            }
            if (a.name().equals(admin) && b.get("disabled").asBoolean()) {
                throw Params.invalid("disabled", "an admin cannot disable their own account");
            }
            accounts.setDisabled(a.name(), b.get("disabled").asBoolean());
        }
        if (b.has("role")) {
            accounts.setRole(
                    a.name(), Params.oneOf("role", b.get("role").asString(""), Set.of(Account.EDITOR, Account.ADMIN)));
        }
        if (b.has("password")) {
            accounts.setPassword(a.name(), b.get("password").asString(""));
        }
        return view(existing(name));
    }

    @AdminsOnly
    @GetMapping(value = "/api/accounts/{name}/tokens", produces = "application/json")
    List<Map<String, Object>> tokensOf(@PathVariable String name, HttpServletRequest r) {
        return accounts.tokens(existing(name).name());
    }

    @AdminsOnly
    @DeleteMapping("/api/accounts/{name}/tokens/{id}")
    ResponseEntity<Void> revokeOf(@PathVariable String name, @PathVariable String id, HttpServletRequest r) {
        return revoked(accounts.revokeToken(existing(name).name(), id), id);
    }

    @EditorsOnly
    @GetMapping(value = "/api/tokens", produces = "application/json")
    List<Map<String, Object>> tokens(HttpServletRequest r) {
        return accounts.tokens(account(r));
    }

    @EditorsOnly
    @PostMapping(value = "/api/tokens", produces = "application/json")
    ResponseEntity<Map<String, Object>> createToken(HttpServletRequest r) {
        String account = account(r);
        JsonNode b = body(r);
        String label = Params.text(
                "label", b.path("label").isString() ? b.get("label").asString().strip() : null, 100);
        Map<String, Object> t = accounts.createToken(account, label == null || label.isEmpty() ? "token" : label);
        return ResponseEntity.created(URI.create("/api/tokens/" + t.get("id")))
                .header("Cache-Control", "no-store")
                .body(t);
    }

    @EditorsOnly
    @DeleteMapping("/api/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable String id, HttpServletRequest r) {
        return revoked(accounts.revokeToken(account(r), id), id);
    }

    private static ResponseEntity<Void> revoked(boolean done, String id) {
        if (!done) {
            throw ApiProblem.notFound("no live token '" + (id.length() > 30 ? id.substring(0, 30) : id) + "'");
        }
        return ResponseEntity.noContent().build();
    }

    /** The signed-in account; configured tokens belong to no account. */
    private String account(HttpServletRequest r) {
        editors.of(r);
        EditorPrincipal p = Editors.principal();
        if (p.via() == EditorPrincipal.Via.CONFIG) {
            throw new ApiProblem(
                    HttpStatus.FORBIDDEN,
                    "Forbidden",
                    "a configured token belongs to no account; sign in at /desk",
                    List.of());
        }
        return p.name();
    }

    private Account existing(String name) {
        return accounts.find(name(name)).orElseThrow(() -> ApiProblem.notFound("no account named '" + name + "'"));
    }

    private static String name(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (!n.matches(Account.NAME_PATTERN)) {
            throw Params.invalid("name", "2-40 lower-case letters, digits, '.', '_' and '-'");
        }
        return n;
    }

    private JsonNode body(HttpServletRequest r) {
        Bodies.requireType(r, "send application/json", "application/json");
        JsonNode b = Bodies.json(r, json, 4096, null);
        if (!b.isObject()) {
            throw ApiProblem.badRequest("expected a JSON object");
        }
        return b;
    }

    private static Map<String, Object> view(Account a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", a.name());
        m.put("role", a.role());
        m.put("disabled", a.disabled());
        m.put("created_at", a.created().toString());
        return m;
    }
}
