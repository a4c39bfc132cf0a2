package org.conflictmap.tiles;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsUtils;

/**
 * Answers a tile request that the tile cache already holds for the current data version before
 * Spring MVC's dispatch, which was most of such an answer's cost (cached z8 vector tiles: ~4,200 a
 * second through TilesController, ~6,000 from here; wrk, two cores). It reads the request as
 * TilesController does ({@link TilesController.TileAsk}), looks up the very key the
 * controller's render would have filled, under the data version read once for key and ETag alike, and
 * writes the headers the controller's answer carries ({@code TilesContractTest} compares the two).
 * Everything else goes on: a miss (read once here: {@link RenderedTileFilter} renders it, after the bulkheads)
 * or an empty tile, a request it would
 * refuse, {@code If-None-Match}, any method but GET, cross-origin requests (their CORS headers are
 * Spring's to write) and a store that cannot tell the data version. So it can serve nothing that the
 * controller would not serve at that moment, and fails no request the controller would answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CachedTileFilter extends TileAnsweringFilter {
    static final String PREFIX = "/tiles/";
    /** The request attribute holding the {@link TilesController.TileAsk} this filter read, for {@link RenderedTileFilter}. */
    static final String ASK = CachedTileFilter.class.getName() + ".ask";

    private final TileRenderer renderer;
    private final TilesProperties properties;

    CachedTileFilter(TileRenderer renderer, TilesProperties properties) {
        this.renderer = renderer;
        this.properties = properties;
    }

    /**
     * A GET of /tiles/{name}/{z}/{x}/{file} read as TilesController reads it, or null for a request this path
     * leaves to the controller: another address or method, an escaped path, a cross-origin request, or one the
     * controller would refuse (it answers with its problem).
     */
    private static TilesController.TileAsk ask(
            HttpServletRequest r, TileRenderer renderer, TilesProperties properties) {
        String path = r.getRequestURI().substring(r.getContextPath().length());
        if (!path.startsWith(PREFIX)
                || path.indexOf('%') >= 0
                || path.indexOf(';') >= 0
                || !"GET".equals(r.getMethod())
                || CorsUtils.isCorsRequest(r)) {
            return null;
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 4) {
            return null;
        }
        try {
            return TilesController.TileAsk.parse(
                    parts[0],
                    parts[1],
                    parts[2],
                    parts[3],
                    r,
                    properties.maxZoom(),
                    renderer.layers(),
                    renderer.styles());
        } catch (RuntimeException refused) {
            return null; // TilesController answers it with its problem
        }
    }

    @Override
    boolean answer(HttpServletRequest r, HttpServletResponse s) throws IOException {
        if (r.getHeader(HttpHeaders.IF_NONE_MATCH) != null) {
            return false;
        }
        TilesController.TileAsk ask = ask(r, renderer, properties);
        if (ask == null) {
            return false;
        }
        long version;
        byte[] body;
        try {
            version = renderer.version();
            body = renderer.cachedOnly(ask, version);
        } catch (RuntimeException storeDown) {
            // the data version comes from the store now and then: when it is down, the controller's
            // problem handling answers (503), not the servlet container's (500)
            return false;
        }
        if (body == null || body.length == 0) {
            r.setAttribute(ASK, ask); // read once: RenderedTileFilter renders it
            return false;
        }
        answerWith(ask, version, body, s);
        return true;
    }

    /**
     * Writes a tile's 200 answer as TilesController's (through Spring MVC) comes out: the same headers, the
     * same bytes ({@code TilesContractTest} compares them for this filter and for {@link RenderedTileFilter}).
     */
    static void write(TilesController.TileAsk ask, long version, byte[] body, HttpServletResponse s)
            throws IOException {
        // Spring's CORS processing adds these three to every answer of a CORS-mapped handler
        s.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        s.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        s.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        s.setHeader(HttpHeaders.CACHE_CONTROL, TilesController.CACHE_HEADER);
        boolean vector = ask.vector();
        if (vector) {
            s.addHeader(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING);
            if (ask.gzip()) {
                s.setHeader(HttpHeaders.CONTENT_ENCODING, "gzip");
            }
            // what Spring MVC adds to a body of a type it does not know to be safe (reflected file download)
            s.setHeader(HttpHeaders.CONTENT_DISPOSITION, "inline;filename=f.txt");
        }
        s.setHeader(HttpHeaders.ETAG, ask.etag(version));
        s.setContentType(vector ? TilesController.MVT : "image/png");
        s.setContentLength(body.length);
        s.getOutputStream().write(body);
    }
}
