package org.conflictmap.store;

import java.util.Arrays;
import java.util.Optional;

/**
 * The grid cells of db/migration/h2/V60's {@code geom_cell} that a box can reach: the embedded store's way to
 * find the incidents near a box with a B-tree (it keeps no R-tree, see V28). A geometry is filed under the
 * smallest size class at least as large as its extent, in the cell of that class's grid that holds its south-west
 * corner; so the corner of one that meets the box lies in the box widened by one cell to the west and south. One
 * extra cell on every side absorbs the rounding of the SQL's arithmetic against Java's.
 */
final class BboxCells {
    /** Cell sizes in degrees of classes 0, 1 and 2; class 3 (anything larger) is one key. */
    static final double[] SIZES = {0.05, 0.5, 5};

    static final long CLASS = 10_000_000_000L;
    static final long COLUMN = 100_000L;
    static final long LARGE = 3 * CLASS;

    /**
     * At most this many cells are listed: a box wider than about three degrees reaches more points' cells than an
     * index lookup each is worth (it reads much of the table anyway), and is narrowed by V28's index alone.
     */
    static final int MAX_CELLS = 4096;

    private BboxCells() {}

    /**
     * The keys of the cells a box (minLon, minLat, maxLon, maxLat) can reach, class by class; empty when there
     * are more than {@link #MAX_CELLS}.
     */
    static Optional<long[]> keys(double minLon, double minLat, double maxLon, double maxLat) {
        long[] keys = new long[MAX_CELLS];
        int n = 0;
        for (int c = 0; c < SIZES.length; c++) {
            double size = SIZES[c];
            long x0 = Math.max(0, (long) Math.floor((minLon - size + 180) / size) - 1);
            long x1 = Math.min(Math.round(360 / size), (long) Math.floor((maxLon + 180) / size) + 1);
            long y0 = Math.max(0, (long) Math.floor((minLat - size + 90) / size) - 1);
            long y1 = Math.min(Math.round(180 / size), (long) Math.floor((maxLat + 90) / size) + 1);
            if (x0 > x1 || y0 > y1) {
                continue;
            }
            if ((x1 - x0 + 1) * (y1 - y0 + 1) > MAX_CELLS - 1 - n) {
                return Optional.empty();
            }
            for (long x = x0; x <= x1; x++) {
                for (long y = y0; y <= y1; y++) {
                    keys[n++] = c * CLASS + x * COLUMN + y;
                }
            }
        }
        keys[n++] = LARGE;
        return Optional.of(Arrays.copyOf(keys, n));
    }

    /**
     * A condition that the row's {@code geom_cell} is one of the box's cells (an index lookup per cell), or empty
     * for a box too wide for that. Only numbers are written into the SQL.
     */
    static Optional<String> condition(double minLon, double minLat, double maxLon, double maxLat) {
        return keys(minLon, minLat, maxLon, maxLat).map(keys -> {
            StringBuilder sql = new StringBuilder("geom_cell IN (");
            for (int k = 0; k < keys.length; k++) {
                sql.append(k == 0 ? "" : ", ").append(keys[k]);
            }
            return sql.append(')').toString();
        });
    }
}
