package org.conflictmap.tiles;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.atomic.LongAdder;
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
 * Everything else goes on to TilesController unchanged: a miss or an empty tile, a request it would
 * refuse, {@code If-None-Match}, any method but GET, cross-origin requests (their CORS headers are
 * Spring's to write) and a store that cannot tell the data version. So it can serve nothing that the
 * controller would not serve at that moment, and fails no request the controller would answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class CachedTileFilter implements Filter {
    static final String PREFIX = "/tiles/";

    private final TileRenderer renderer;
    private final TilesProperties properties;
    private final LongAdder answered = new LongAdder();

    CachedTileFilter(TileRenderer renderer, TilesProperties properties) {
        this.renderer = renderer;
        this.properties = properties;
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest r && res instanceof HttpServletResponse s && answer(r, s))) {
            chain.doFilter(req, res);
        }
    }

    /** How many requests this filter has answered (tests tell its answers from the controller's by it). */
    long answered() {
        return answered.sum();
    }

    private boolean answer(HttpServletRequest r, HttpServletResponse s) throws IOException {
        String path = r.getRequestURI().substring(r.getContextPath().length());
        if (!path.startsWith(PREFIX)
                || path.indexOf('%') >= 0
                || path.indexOf(';') >= 0
                || !"GET".equals(r.getMethod())
                || r.getHeader(HttpHeaders.IF_NONE_MATCH) != null
                || CorsUtils.isCorsRequest(r)) {
            return false;
        }
        String[] parts = path.substring(PREFIX.length()).split("/", -1);
        if (parts.length != 4) {
            return false;
        }
        TilesController.TileAsk ask;
        try {
            ask = TilesController.TileAsk.parse(
                    parts[0],
                    parts[1],
                    parts[2],
                    parts[3],
                    r,
                    properties.maxZoom(),
                    renderer.layers(),
                    renderer.styles());
        } catch (RuntimeException refused) {
            return false; // TilesController answers it with its problem
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
            return false;
        }
        // Spring's CORS processing adds these three to every answer of a CORS-mapped handler
        s.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        s.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD);
        s.addHeader(HttpHeaders.VARY, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        s.setHeader(HttpHeaders.CACHE_CONTROL, TilesController.CACHE.getHeaderValue());
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
        answered.increment(); // before the body: a client may have read all of it before this thread goes on
        s.getOutputStream().write(body);
        return true;
    }
}
