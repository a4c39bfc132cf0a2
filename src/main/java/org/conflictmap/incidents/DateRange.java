package org.conflictmap.incidents;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.conflictmap.errors.Invalid;
import org.conflictmap.web.Times;

/**
 * A time filter as OGC API – Features writes it: an instant or date, or an interval
 * {@code start/end} with {@code ..} (or nothing) for an open end. A date covers its whole UTC day.
 * Null ends are open.
 */
public record DateRange(Instant start, Instant end) {
    public static final DateRange ALL = new DateRange(null, null);

    public DateRange {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("the range ends before it starts");
        }
    }

    /** Parses the {@code datetime} parameter; absent is {@link #ALL}; malformed is a 400 naming {@code param}. */
    public static DateRange parse(String text, String param) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        String s = text.strip();
        if (s.length() > 80) {
            throw new Invalid(param, "longer than 80 characters");
        }
        int slash = s.indexOf('/');
        Instant start;
        Instant end;
        if (slash < 0) {
            start = bound(s, false, param);
            end = bound(s, true, param);
            if (start == null) {
                throw new Invalid(param, "'..' needs the other end of an interval, e.g. 2026-02-01/..");
            }
        } else {
            start = bound(s.substring(0, slash), false, param);
            end = bound(s.substring(slash + 1), true, param);
        }
        if (start != null && end != null && end.isBefore(start)) {
            throw new Invalid(param, "the interval ends before it starts");
        }
        return new DateRange(start, end);
    }

    private static Instant bound(String s, boolean endOfDay, String param) {
        if (s.isEmpty() || s.equals("..")) {
            return null;
        }
        try {
            return Times.instant(s, endOfDay, ChronoUnit.MILLIS);
        } catch (Times.OutOfRange e) {
            throw new Invalid(param, "'" + clip(s) + "': " + e.getMessage());
        } catch (DateTimeException e) {
            throw new Invalid(
                    param,
                    "'" + clip(s)
                            + "' is not an RFC 3339 time (2026-02-26T20:00:00Z) or date (2026-02-26); intervals are start/end with '..' for open");
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    public boolean isAll() {
        return start == null && end == null;
    }
}
