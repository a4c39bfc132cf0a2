package org.conflictmap.incidents;

import java.time.Instant;
import java.util.Objects;

/**
 * When an incident happened: an interval (both ends inclusive) and how precisely the reporting
 * knows it ({@link Vocabulary#TIME_PRECISIONS}). "The night of 21–22 February" is
 * {@code 2026-02-21T18:00+04:30 .. 2026-02-22T06:00+04:30, part_of_day}, never a fake minute.
 */
public record TimeInterval(Instant start, Instant end, String precision) {
    public TimeInterval {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(end, "end");
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("the interval ends before it starts");
        }
        if (!Vocabulary.in(Vocabulary.TIME_PRECISIONS, precision)) {
            throw new IllegalArgumentException("unknown time precision " + precision);
        }
    }

    /** True when the interval overlaps [from, to]; a null end is open. */
    public boolean overlaps(Instant from, Instant to) {
        return (from == null || !end.isBefore(from)) && (to == null || !start.isAfter(to));
    }
}
