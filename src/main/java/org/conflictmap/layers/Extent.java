package org.conflictmap.layers;

import java.time.Instant;

/**
 * A collection's extent and size as the store holds them now.
 *
 * @param bbox  minLon, minLat, maxLon, maxLat; null when the collection is empty
 * @param start its earliest time, null when it has none (or no times)
 * @param end   its latest time, null likewise
 * @param count how many features it has
 */
public record Extent(double[] bbox, Instant start, Instant end, long count) {
    public Extent {
        if (bbox != null && bbox.length != 4) {
            throw new IllegalArgumentException("a bbox has four numbers");
        }
        bbox = bbox == null ? null : bbox.clone();
        if (count < 0) {
            throw new IllegalArgumentException("a count is 0 or more");
        }
    }

    @Override
    public double[] bbox() {
        return bbox == null ? null : bbox.clone();
    }
}
