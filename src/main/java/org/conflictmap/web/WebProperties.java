package org.conflictmap.web;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the server names itself in links.
 *
 * @param publicUrl the base URL every absolute link starts with ({@code conflictmap.public-url}, e.g.
 *                  {@code https://map.example.org} or {@code https://example.org/conflict-map}); unset,
 *                  links name the address the request arrived at (never its {@code Host} header), or,
 *                  with {@code server.forward-headers-strategy} set, what the trusted proxy forwarded
 */
@ConfigurationProperties("conflictmap")
record WebProperties(String publicUrl) {
    WebProperties {
        publicUrl = publicUrl == null || publicUrl.isBlank()
                ? null
                : publicUrl.strip().replaceAll("/+$", "");
        if (publicUrl != null && !valid(publicUrl)) {
            throw new IllegalArgumentException(
                    "conflictmap.public-url must be an http(s) URL without query or fragment, "
                            + "such as https://map.example.org");
        }
    }

    private static boolean valid(String url) {
        try {
            URI u = new URI(url);
            return u.isAbsolute()
                    && u.getHost() != null
                    && (u.getScheme().equals("http") || u.getScheme().equals("https"))
                    && u.getRawQuery() == null
                    && u.getRawFragment() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
