package org.conflictmap.web;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code If-None-Match} as RFC 9110 §13.1.2 reads it: a list of entity tags or {@code *}, compared
 * weakly (so {@code W/"v2"} matches {@code "v2"}, as a gzipping proxy may have weakened it).
 */
public final class ETags {
    private ETags() {}

    /** True when the request's {@code If-None-Match} names {@code etag}: answer 304. */
    public static boolean notModified(HttpServletRequest r, String etag) {
        return notModified(r.getHeader("If-None-Match"), etag);
    }

    /** True when an {@code If-None-Match} header value (null when absent) names {@code etag}: answer 304. */
    public static boolean notModified(String header, String etag) {
        if (header == null || etag == null) {
            return false;
        }
        String mine = opaque(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.strip();
            if (c.equals("*") || opaque(c).equals(mine)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
