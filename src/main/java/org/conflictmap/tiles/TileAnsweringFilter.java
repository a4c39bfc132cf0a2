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

/**
 * A servlet filter that answers some tile requests itself, as TilesController would, and passes every other
 * request on ({@link CachedTileFilter}, {@link RenderedTileFilter}); it counts its answers for the tests.
 */
abstract class TileAnsweringFilter implements Filter {
    private final LongAdder answered = new LongAdder();

    @Override
    public final void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
            throws IOException, ServletException {
        if (!(req instanceof HttpServletRequest r && res instanceof HttpServletResponse s && answer(r, s))) {
            chain.doFilter(req, res);
        }
    }

    /** Answers the request and says so, or leaves the response untouched and says false. */
    abstract boolean answer(HttpServletRequest r, HttpServletResponse s) throws IOException;

    /** How many requests this filter has answered (tests tell its answers from the controller's by it). */
    final long answered() {
        return answered.sum();
    }

    /** Writes a 200 answer ({@link CachedTileFilter#write}), counted first: a client may read all of it before this thread goes on. */
    final void answerWith(TilesController.TileAsk ask, long version, byte[] body, HttpServletResponse s)
            throws IOException {
        answered.increment();
        CachedTileFilter.write(ask, version, body, s);
    }
}
