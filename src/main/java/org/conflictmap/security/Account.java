package org.conflictmap.security;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Objects;

/**
 * An editor account: its name, role ({@code editor} or {@code admin}), whether it is disabled, and its
 * generation, which grows on every disable, password reset or role change so that older sessions end.
 */
record Account(String name, String role, boolean disabled, int generation, Instant created) {
    static final String NAME_PATTERN = "[a-z0-9][a-z0-9._-]{1,39}";
    static final String EDITOR = "editor";
    static final String ADMIN = "admin";

    Account {
        Objects.requireNonNull(name, "name");
        if (!name.matches(NAME_PATTERN)) {
            throw new IllegalArgumentException("account names are 2-40 lower-case letters, digits, '.', '_' and '-'");
        }
        if (!EDITOR.equals(role) && !ADMIN.equals(role)) {
            throw new IllegalArgumentException("role is editor or admin");
        }
    }

    /** Why a password is refused, or null when it is acceptable (BCrypt reads at most 72 bytes). */
    static String passwordProblem(String password) {
        if (password == null || password.length() < 10) {
            return "a password has at least 10 characters";
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            return "a password has at most 72 bytes (BCrypt's limit)";
        }
        return null;
    }
}
