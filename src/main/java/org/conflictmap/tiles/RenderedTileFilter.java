package org.conflictmap.tiles;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Renders a tile that {@link CachedTileFilter} found missing and answers it without Spring MVC's dispatch, as
 * TilesController would answer it: the last filter, after the bulkheads (a render still takes a tile permit) and
 * Spring Security's chain. Before, a cold z12 vector tile (~2 ms in PostGIS) spent about 40 % of the server's own
 * time in the DispatcherServlet (the handler lookup through every mapping, argument binding, ResponseEntity
 * writing) and read the request a second time (JFR, 2026-12-07, docs/BENCHMARKS.md). It takes only requests
 * {@link CachedTileFilter} has read ({@link CachedTileFilter#ASK}: GET, same origin, no If-None-Match, a known
 * name and filter) without a conditional header, and answers only a tile with content: an empty one (204), a
 * refused request and a render that failed (the store is down: its problem, 503) go on to TilesController, which
 * answers them as before (an empty tile from the cache this render filled). {@code TilesContractTest} compares its
 * answers with the controller's.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class RenderedTileFilter extends TileAnsweringFilter {
    /** Preconditions Spring MVC evaluates against the tile's ETag: such a request goes to the controller. */
    static final List<String> CONDITIONAL = List.of(
            HttpHeaders.IF_NONE_MATCH,
            HttpHeaders.IF_MATCH,
            HttpHeaders.IF_MODIFIED_SINCE,
            HttpHeaders.IF_UNMODIFIED_SINCE);

    private final TileRenderer renderer;

    RenderedTileFilter(TileRenderer renderer) {
        this.renderer = renderer;
    }

    @Override
    boolean answer(HttpServletRequest r, HttpServletResponse s) throws IOException {
        if (!(r.getAttribute(CachedTileFilter.ASK) instanceof TilesController.TileAsk ask)) {
            return false;
        }
        for (String h : CONDITIONAL) {
            if (r.getHeader(h) != null) {
                return false;
            }
        }
        long version;
        byte[] body;
        try {
            version = renderer.version();
            body = ask.vector()
                    ? (ask.gzip()
                            ? renderer.vectorGzip(ask.name(), ask.tile(), ask.filter())
                            : renderer.vector(ask.name(), ask.tile(), ask.filter()))
                    : renderer.raster(ask.name(), ask.tile(), ask.filter(), ask.lang());
        } catch (RuntimeException failed) {
            return false; // the controller renders again and answers the failure with its problem
        }
        if (body.length == 0) {
            return false;
        }
        answerWith(ask, version, body, s);
        return true;
    }
}
