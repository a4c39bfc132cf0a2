package org.conflictmap.webmap;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The viewer's page and its embed.
 *
 * @param embedFrameAncestors who may frame {@code /embed} (CSP {@code frame-ancestors}; default {@code *}:
 *                            any newsroom site; e.g. {@code https://*.example.org} to restrict)
 */
@ConfigurationProperties("conflictmap.webmap")
record WebmapProperties(@DefaultValue("*") String embedFrameAncestors) {
    WebmapProperties {
        if (embedFrameAncestors.isBlank() || embedFrameAncestors.matches(".*[;,\\r\\n].*")) {
            throw new IllegalArgumentException(
                    "conflictmap.webmap.embed-frame-ancestors must be CSP source expressions separated by spaces");
        }
    }
}
