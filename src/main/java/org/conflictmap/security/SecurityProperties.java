package org.conflictmap.security;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may write. Editors are accounts in the store (signed in to the desk with a session, or calling
 * the API with their own tokens); {@code conflictmap.security.editor-tokens} adds configured tokens for
 * scripts: a list of {@code name:token} (or bare {@code token}, named "editor"), and the environment
 * variable {@code CONFLICTMAP_EDITOR_TOKEN} one more.
 *
 * @param editorTokens          configured bearer tokens for scripts (default: none)
 * @param maxBodyBytes          the largest JSON body an editor may send (default 1 MiB; a CSV import has its own limit)
 * @param adminName             the first admin's name, created at start-up when the store has no account ({@code CONFLICTMAP_ADMIN_NAME})
 * @param adminPassword         that admin's password ({@code CONFLICTMAP_ADMIN_PASSWORD}); never logged
 * @param failuresPerAccount    wrong passwords for one account name within {@code failureWindow} before sign-in is refused (default 5)
 * @param failuresPerAddress    wrong passwords from one address within {@code failureWindow} before sign-in is refused (default 20)
 * @param failureWindow         how long failed sign-ins are counted (default 15 minutes)
 */
@ConfigurationProperties("conflictmap.security")
record SecurityProperties(
        @DefaultValue("") List<String> editorTokens,
        @DefaultValue("1048576") int maxBodyBytes,
        @DefaultValue("") String adminName,
        @DefaultValue("") String adminPassword,
        @DefaultValue("5") int failuresPerAccount,
        @DefaultValue("20") int failuresPerAddress,
        @DefaultValue("15m") Duration failureWindow) {
    SecurityProperties {
        editorTokens = editorTokens == null
                ? List.of()
                : editorTokens.stream().filter(t -> !t.isBlank()).toList();
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("conflictmap.security.max-body-bytes must be at least 1024");
        }
        if (failuresPerAccount < 1 || failuresPerAddress < 1) {
            throw new IllegalArgumentException(
                    "conflictmap.security.failures-per-account and -per-address must be at least 1");
        }
        if (failureWindow == null || failureWindow.isNegative() || failureWindow.isZero()) {
            throw new IllegalArgumentException("conflictmap.security.failure-window must be positive");
        }
    }

    @Override
    public String toString() {
        return "SecurityProperties[" + editorTokens.size() + " configured tokens, admin " + adminName + "]";
    }
}
