package org.conflictmap.ogcapi;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.conflictmap.geo.Bbox;
import org.conflictmap.layers.Tables;
import org.conflictmap.web.ETags;

/**
 * One OGC API – Features request as its handler takes it, parsed once at the edge by {@link OgcRequests}:
 * below the handler nothing sees the servlet request, and every value was checked when it was read (a
 * 400 problem naming the parameter).
 *
 * @param base        the server's base URL, for links ({@code conflictmap.public-url} or the request's own)
 * @param path        the request's path (an item's self link)
 * @param html        the HTML representation ({@code f=html}, or a browser's {@code Accept: text/html}), else JSON
 * @param editor      an editor asks about an editable collection: drafts are read too, and the answer is that
 *                    editor's alone
 * @param ifNoneMatch the {@code If-None-Match} header, or null
 * @param crs         the CRS of the answer's coordinates ({@code crs}; CRS84 where a request has none)
 * @param items       the items' query ({@code /items}, {@code /search}), or null elsewhere
 */
record OgcRequest(String base, String path, boolean html, boolean editor, String ifNoneMatch, String crs, Items items) {
    OgcRequest {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(crs, "crs");
    }

    /** Whether the client holds the answer tagged {@code etag} already: a 304. */
    boolean notModified(String etag) {
        return ETags.notModified(ifNoneMatch, etag);
    }

    /**
     * What a collection's items are asked for. {@code given} are the parameters as the client sent them
     * (the links to other pages repeat them); the others are typed. One of {@code incidents},
     * {@code places} and {@code rows} is set, by the collection's source.
     *
     * @param given     the parameters as sent, in their order
     * @param key       the parameters as read (a bbox in CRS84), as one canonical text for the ETag
     * @param limit     the page's size
     * @param offset    the page's first match
     * @param incidents which incidents (filters, statuses, the collection's own rows), or null
     * @param places    which places, or null
     * @param rows      which rows of a table ({@code layers.Source.Table}), or null
     */
    record Items(
            Map<String, String[]> given,
            String key,
            int limit,
            int offset,
            IncidentFilter incidents,
            Places places,
            Tables.Select rows) {
        Items {
            given = Collections.unmodifiableMap(new LinkedHashMap<>(given));
            Objects.requireNonNull(key, "key");
            if (Stream.of(incidents, places, rows).filter(Objects::nonNull).count() != 1) {
                throw new IllegalArgumentException(
                        "a collection holds incidents, places or a table's rows: one of them");
            }
            if (limit < 0 || offset < 0) {
                throw new IllegalArgumentException("a page has a limit and an offset of 0 or more");
            }
        }
    }

    /**
     * The places a gazetteer collection's items are filtered by; null members do not filter.
     *
     * @param boxes   the bbox (two halves when it crosses the antimeridian)
     * @param kind    one of {@code Place.KINDS}
     * @param country an ISO 3166 alpha-2 code, any case
     * @param text    words in any of a place's names
     */
    record Places(List<Bbox> boxes, String kind, String country, String text) {
        Places {
            boxes = boxes == null ? null : List.copyOf(boxes);
        }
    }
}
