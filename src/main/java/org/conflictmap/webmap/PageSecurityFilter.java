package org.conflictmap.webmap;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A Content-Security-Policy on the HTML pages: everything from this server only (the map must work
 * offline and never call another host), the one inline script being the import map (allowed by its
 * hash), and framing only for {@code /embed}; the editors' desk ({@code /desk}) gets the same policy.
 */
@Component
class PageSecurityFilter extends OncePerRequestFilter {
    /** sha256 of the import map in frontend/index.html; WebMapBrowserTest fails if it drifts. */
    static final String IMPORT_MAP_HASH = "'sha256-bdkw+zvVB/PchzMBF7LRTlO3IHraPNBPyStY5TKwbl4='";

    static final String POLICY = "default-src 'self'; script-src 'self' " + IMPORT_MAP_HASH
            + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; base-uri 'self'";

    private final WebmapProperties properties;

    PageSecurityFilter(WebmapProperties properties) {
        this.properties = properties;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !(path.equals("/")
                || path.equals("/index.html")
                || path.equals("/embed")
                || path.equals("/about.html")
                || path.equals("/desk")
                || path.equals("/desk/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean embed = request.getRequestURI().equals("/embed");
        response.setHeader(
                "Content-Security-Policy",
                POLICY + "; frame-ancestors " + (embed ? properties.embedFrameAncestors() : "'self'"));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", "strict-origin-when-cross-origin");
        chain.doFilter(request, response);
    }
}
