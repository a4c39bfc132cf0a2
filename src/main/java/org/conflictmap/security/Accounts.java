package org.conflictmap.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conflictmap.errors.AlreadyExists;
import org.conflictmap.errors.Invalid;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Editor accounts and their API tokens, on either store (V40). Passwords are BCrypt hashes; a token
 * is 32 random bytes shown once and stored as its SHA-256.
 */
@Repository
class Accounts {
    static final String INSERT =
            "INSERT INTO accounts (name, password_hash, role, disabled, generation, created_at, updated_at) "
                    + "VALUES (?, ?, ?, FALSE, 1, ?, ?)";
    static final String ONE = "SELECT name, role, disabled, generation, created_at FROM accounts WHERE name = ?";
    static final String ALL = "SELECT name, role, disabled, generation, created_at FROM accounts ORDER BY name";
    static final String COUNT = "SELECT COUNT(*) FROM accounts";
    static final String HASH_OF = "SELECT password_hash FROM accounts WHERE name = ?";
    static final String SET_DISABLED =
            "UPDATE accounts SET disabled = ?, generation = generation + 1, updated_at = ? WHERE name = ?";
    static final String SET_PASSWORD =
            "UPDATE accounts SET password_hash = ?, generation = generation + 1, updated_at = ? WHERE name = ?";
    static final String SET_ROLE =
            "UPDATE accounts SET role = ?, generation = generation + 1, updated_at = ? WHERE name = ?";
    static final String TOKEN_INSERT =
            "INSERT INTO api_tokens (id, account, label, token_hash, created_at) VALUES (?, ?, ?, ?, ?)";
    static final String TOKENS_OF =
            "SELECT id, label, created_at, last_used_at, revoked_at FROM api_tokens WHERE account = ? "
                    + "ORDER BY created_at DESC";
    static final String TOKEN_REVOKE =
            "UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND account = ? AND revoked_at IS NULL";
    /** A live token of an enabled account. */
    static final String TOKEN_FIND = "SELECT t.id, a.name, a.role, a.generation, t.last_used_at FROM api_tokens t "
            + "JOIN accounts a ON a.name = t.account WHERE t.token_hash = ? AND t.revoked_at IS NULL AND a.disabled = FALSE";

    static final String TOKEN_TOUCH = "UPDATE api_tokens SET last_used_at = ? WHERE id = ?";
    /** How often a token's last-used time is written: not on every request it makes. */
    static final long TOUCH_EVERY_SECONDS = 60;

    private static final RowMapper<Account> ROW = (rs, n) -> new Account(
            rs.getString(1),
            rs.getString(2),
            rs.getBoolean(3),
            rs.getInt(4),
            rs.getObject(5, OffsetDateTime.class).toInstant());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final PasswordEncoder passwords;

    Accounts(JdbcTemplate jdbc, TransactionTemplate tx, PasswordEncoder passwords) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.passwords = passwords;
    }

    long count() {
        Long n = jdbc.queryForObject(COUNT, Long.class);
        return n == null ? 0 : n;
    }

    Optional<Account> find(String name) {
        return jdbc.query(ONE, ROW, name).stream().findFirst();
    }

    List<Account> all() {
        return jdbc.query(ALL, ROW);
    }

    /** The stored BCrypt hash, for sign-in. */
    Optional<String> passwordHash(String name) {
        return jdbc.queryForList(HASH_OF, String.class, name).stream().findFirst();
    }

    Account create(String name, String role, String password) {
        String why = Account.passwordProblem(password);
        if (why != null) {
            throw new Invalid("password", why);
        }
        Account a = new Account(name, role, false, 1, now());
        return tx.execute(s -> {
            if (find(name).isPresent()) {
                throw new AlreadyExists("an account named '" + name + "' exists already");
            }
            jdbc.update(INSERT, name, passwords.encode(password), role, at(a.created()), at(a.created()));
            return a;
        });
    }

    boolean setDisabled(String name, boolean disabled) {
        return jdbc.update(SET_DISABLED, disabled, at(now()), name) == 1;
    }

    boolean setPassword(String name, String password) {
        String why = Account.passwordProblem(password);
        if (why != null) {
            throw new Invalid("password", why);
        }
        return jdbc.update(SET_PASSWORD, passwords.encode(password), at(now()), name) == 1;
    }

    boolean setRole(String name, String role) {
        new Account(name, role, false, 1, now());
        return jdbc.update(SET_ROLE, role, at(now()), name) == 1;
    }

    /** A new token for the account; the returned secret is never stored and never shown again. */
    Map<String, Object> createToken(String account, String label) {
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "cm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        String id = "t-" + HexFormat.of().formatHex(secret, 0, 6) + Long.toHexString(System.nanoTime() & 0xfff);
        Instant now = now();
        jdbc.update(TOKEN_INSERT, id, account, label, sha256(token), at(now));
        return Map.of("id", id, "label", label, "created_at", now.toString(), "token", token);
    }

    List<Map<String, Object>> tokens(String account) {
        return jdbc.query(
                TOKENS_OF,
                (rs, n) -> {
                    Map<String, Object> t = new LinkedHashMap<>();
                    t.put("id", rs.getString(1));
                    t.put("label", rs.getString(2));
                    t.put(
                            "created_at",
                            rs.getObject(3, OffsetDateTime.class).toInstant().toString());
                    OffsetDateTime used = rs.getObject(4, OffsetDateTime.class);
                    t.put("last_used_at", used == null ? null : used.toInstant().toString());
                    OffsetDateTime revoked = rs.getObject(5, OffsetDateTime.class);
                    t.put(
                            "revoked_at",
                            revoked == null ? null : revoked.toInstant().toString());
                    return t;
                },
                account);
    }

    boolean revokeToken(String account, String id) {
        return jdbc.update(TOKEN_REVOKE, at(now()), id, account) == 1;
    }

    /** The principal a live token of an enabled account stands for; notes when it was last used. */
    Optional<EditorPrincipal> byToken(String token) {
        Instant now = now();
        record Found(String id, EditorPrincipal principal, OffsetDateTime used) {}
        Optional<Found> found = jdbc
                .query(
                        TOKEN_FIND,
                        (rs, n) -> new Found(
                                rs.getString(1),
                                new EditorPrincipal(
                                        rs.getString(2), rs.getString(3), EditorPrincipal.Via.TOKEN, rs.getInt(4)),
                                rs.getObject(5, OffsetDateTime.class)),
                        sha256(token))
                .stream()
                .findFirst();
        found.filter(f -> f.used() == null || f.used().toInstant().isBefore(now.minusSeconds(TOUCH_EVERY_SECONDS)))
                .ifPresent(f -> jdbc.update(TOKEN_TOUCH, at(now), f.id()));
        return found.map(Found::principal);
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime at(Instant i) {
        return OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
