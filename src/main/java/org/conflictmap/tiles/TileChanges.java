package org.conflictmap.tiles;

import java.util.ArrayList;
import java.util.List;
import org.conflictmap.store.DataVersion;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

/**
 * Which tiles the writes after a data version touched, for a CDN purge hook ({@code GET
 * /tiles/changes?since=}): per change, the lon/lat extent of an incident's old or new geometry and the
 * x and y ranges of the tiles it reaches at every zoom, markers' reach included. Recorded in the
 * store by the writes' own transactions (V42), so every replica answers the same.
 */
@Component
class TileChanges {
    static final String SINCE = "SELECT version, min_lon, min_lat, max_lon, max_lat FROM tile_changes "
            + "WHERE version > ? AND version <= ? ORDER BY version, id";
    /** Changes in one answer at most (whole versions: the answer's version says where the next one starts). */
    static final int MAX_CHANGES = 1000;
    /** A version (an import) with more extents than this is announced as their union. */
    static final int MAX_EXTENTS = 20;
    /**
     * How far past an incident's extent its tiles reach, in tiles: a raster marker's radius in a 256 px
     * tile ({@link Painter#MARKER_REACH}), which is more than a vector tile's 64/4096 buffer.
     */
    static final double MARGIN = Painter.MARKER_REACH / 256.0;

    /** The answer: {@code version} is what to ask with next; {@code complete} false means purge every tile. */
    record Answer(long since, long version, boolean complete, List<Change> changes) {}

    /** One extent touched at data version {@code version}: {@code bbox} lon/lat, the tile ranges per zoom. */
    record Change(long version, double[] bbox, List<Range> tiles) {}

    /** Tiles {@code x[0]..x[1]} × {@code y[0]..y[1]} (inclusive) at zoom {@code z}. */
    record Range(int z, int[] x, int[] y) {}

    private final JdbcTemplate jdbc;
    private final DataVersion dataVersion;
    private final int maxZoom;

    TileChanges(JdbcTemplate jdbc, DataVersion dataVersion, TilesProperties properties) {
        this.jdbc = jdbc;
        this.dataVersion = dataVersion;
        this.maxZoom = properties.maxZoom();
    }

    /** The changes after data version {@code since}, up to the current version (or {@link #MAX_CHANGES}). */
    Answer since(long since) {
        // the version first: every change up to it has committed (versions follow commit order)
        long now = dataVersion.current().version();
        if (since >= now) {
            return new Answer(since, now, true, List.of());
        }
        boolean complete = since >= now - DataVersion.TILE_CHANGES_KEPT;
        List<Long> versions = new ArrayList<>();
        List<Envelope> extents = new ArrayList<>();
        jdbc.query(
                SINCE,
                (RowCallbackHandler) rs -> {
                    versions.add(rs.getLong(1));
                    extents.add(new Envelope(rs.getDouble(2), rs.getDouble(4), rs.getDouble(3), rs.getDouble(5)));
                },
                since,
                now);
        List<Change> changes = new ArrayList<>();
        long upTo = now;
        for (int from = 0; from < versions.size(); ) {
            long v = versions.get(from);
            int to = from;
            while (to < versions.size() && versions.get(to) == v) {
                to++;
            }
            int adds = to - from > MAX_EXTENTS ? 1 : to - from;
            if (changes.size() + adds > MAX_CHANGES && !changes.isEmpty()) {
                upTo = changes.get(changes.size() - 1).version();
                break;
            }
            List<Envelope> touched = extents.subList(from, to);
            if (touched.size() > MAX_EXTENTS) {
                Envelope union = new Envelope();
                touched.forEach(union::expandToInclude);
                touched = List.of(union);
            }
            for (Envelope e : touched) {
                changes.add(new Change(v, new double[] {e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY()}, tiles(e)));
            }
            from = to;
        }
        return new Answer(since, upTo, complete, changes);
    }

    /** The tiles an extent reaches at every zoom from 0 to the deepest served. */
    List<Range> tiles(Envelope e) {
        List<Range> ranges = new ArrayList<>(maxZoom + 1);
        for (int z = 0; z <= maxZoom; z++) {
            int n = 1 << z;
            ranges.add(new Range(
                    z, new int[] {tile(x(e.getMinX(), n) - MARGIN, n), tile(x(e.getMaxX(), n) + MARGIN, n)}, new int[] {
                        tile(y(e.getMaxY(), n) - MARGIN, n), tile(y(e.getMinY(), n) + MARGIN, n)
                    }));
        }
        return ranges;
    }

    private static double x(double lon, int n) {
        return (lon + 180) / 360 * n;
    }

    private static double y(double lat, int n) {
        double r = Math.toRadians(Math.max(-Mercator.MAX_LAT, Math.min(Mercator.MAX_LAT, lat)));
        return (1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2 * n;
    }

    private static int tile(double t, int n) {
        return (int) Math.max(0, Math.min(n - 1, Math.floor(t)));
    }
}
