package org.conflictmap.security;

import java.io.Serializable;
import java.util.List;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * Who a request acts for: an account's name and role, how it signed in ({@code session}, {@code token},
 * or {@code config} for the configured editor tokens) and the account generation it saw.
 */
record EditorPrincipal(String name, String role, Via via, int generation) implements Serializable {
    enum Via {
        SESSION,
        TOKEN,
        CONFIG
    }

    boolean admin() {
        return Account.ADMIN.equals(role);
    }

    Authentication authentication() {
        List<SimpleGrantedAuthority> roles = admin()
                ? List.of(new SimpleGrantedAuthority("ROLE_EDITOR"), new SimpleGrantedAuthority("ROLE_ADMIN"))
                : List.of(new SimpleGrantedAuthority("ROLE_EDITOR"));
        return UsernamePasswordAuthenticationToken.authenticated(this, null, roles);
    }
}
