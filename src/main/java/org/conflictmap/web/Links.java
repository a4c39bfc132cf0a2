package org.conflictmap.web;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The base of every absolute link the server writes (OGC API links, TileJSON tile URLs).
 * {@code conflictmap.public-url} when set; otherwise the local address and port the connection arrived
 * at. Never the request's {@code Host} header: a request with {@code Host: evil.example} got links to
 * {@code http://evil.example/…}, which a shared cache then served to everyone. {@code X-Forwarded-*}
 * and {@code Forwarded} count only when {@code server.forward-headers-strategy} says a proxy is trusted.
 */
@Component
public class Links {
    private final String publicUrl;
    private final boolean forwarded;

    Links(WebProperties properties, @Value("${server.forward-headers-strategy:none}") String forwardHeadersStrategy) {
        this.publicUrl = properties.publicUrl();
        this.forwarded = !forwardHeadersStrategy.equalsIgnoreCase("none");
    }

    /** {@code scheme://host:port[/prefix]}, without a trailing slash, for links in the answer to {@code r}. */
    public String base(HttpServletRequest r) {
        if (publicUrl != null) {
            return publicUrl;
        }
        if (forwarded) {
            // the configured proxy's headers have replaced scheme, name and port
            return r.getScheme() + "://" + r.getServerName() + ":" + r.getServerPort();
        }
        return r.getScheme() + "://" + host(r.getLocalAddr()) + ":" + r.getLocalPort();
    }

    private static String host(String address) {
        return address.contains(":") ? "[" + address.replaceAll("%.*", "") + "]" : address;
    }
}
