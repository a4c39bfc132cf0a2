package org.conflictmap.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Finds the editor behind a request, inside the security filter chain (after the session's context
 * is loaded). A bearer token decides alone: an account's live token, else a configured token, else
 * nobody (the controller then answers 401). A desk session is checked against the store on every
 * request, so a disabled account, a reset password or a changed role ends its sessions at once.
 */
class AccountFilter extends OncePerRequestFilter {
    private final Accounts accounts;
    private final Editors editors;

    AccountFilter(Accounts accounts, Editors editors) {
        this.accounts = accounts;
        this.editors = editors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = bearer(request);
        if (token != null) {
            EditorPrincipal p = byToken(token);
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            if (p != null) {
                context.setAuthentication(p.authentication());
            }
            SecurityContextHolder.setContext(context);
        } else {
            EditorPrincipal p = Editors.principal();
            if (p != null && p.via() == EditorPrincipal.Via.SESSION && !stillValid(p)) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            }
        }
        chain.doFilter(request, response);
    }

    private EditorPrincipal byToken(String token) {
        if (token.startsWith("cm_") && token.length() < 100) {
            Optional<EditorPrincipal> p = accounts.byToken(token);
            if (p.isPresent()) {
                return p.get();
            }
        }
        String name = editors.configured(token);
        return name == null ? null : new EditorPrincipal(name, Account.EDITOR, EditorPrincipal.Via.CONFIG, 0);
    }

    private boolean stillValid(EditorPrincipal p) {
        return accounts.find(p.name())
                .filter(a -> !a.disabled()
                        && a.generation() == p.generation()
                        && a.role().equals(p.role()))
                .isPresent();
    }

    /** The bearer token of the Authorization header, or null. */
    static String bearer(HttpServletRequest request) {
        String h = request.getHeader("Authorization");
        if (h == null || !h.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return h.substring(7).strip();
    }
}
