package org.conflictmap.web;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoUnit;

/**
 * Times and dates from requests, as RFC 3339 writes them: four-digit years only (0001–9999), every
 * calendar field checked ({@code 2026-02-31} is refused, never moved to 28 February). Java alone
 * reads {@code +999999999-12-31} and year −5000, which overflow a day's end or lie outside what
 * PostgreSQL stores (4713 BC – 294276 AD), so both stores see only what they can hold.
 */
public final class Times {
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9999;

    private Times() {}

    /** A time or date a store cannot hold or RFC 3339 cannot write; its message is fit for the sender. */
    public static final class OutOfRange extends DateTimeException {
        OutOfRange() {
            super("years 0001–9999 only");
        }
    }

    /**
     * {@code s} as an RFC 3339 time (with its offset) or an ISO date, which stands for its UTC day:
     * its first instant, or with {@code endOfDay} its last one at {@code precision}.
     *
     * @throws DateTimeParseException when {@code s} is neither
     * @throws OutOfRange             when it is outside years 0001–9999 (UTC)
     */
    public static Instant instant(String s, boolean endOfDay, ChronoUnit precision) {
        try {
            OffsetDateTime t = OffsetDateTime.parse(s);
            return checked(t.toInstant());
        } catch (DateTimeParseException e) {
            LocalDate d = date(s);
            Instant start = d.atStartOfDay(ZoneOffset.UTC).toInstant();
            return endOfDay ? start.plus(1, ChronoUnit.DAYS).minus(1, precision) : start;
        }
    }

    /** {@code s} as an ISO date ({@code 2026-02-27}), strictly, within years 0001–9999. */
    public static LocalDate date(String s) {
        return date(s, DateTimeFormatter.ISO_LOCAL_DATE);
    }

    /** {@code s} as a date in {@code format} resolved strictly (no 31 February), within years 0001–9999. */
    public static LocalDate date(String s, DateTimeFormatter format) {
        LocalDate d = LocalDate.parse(s, format.withResolverStyle(ResolverStyle.STRICT));
        if (d.getYear() < MIN_YEAR || d.getYear() > MAX_YEAR) {
            throw new OutOfRange();
        }
        return d;
    }

    /** {@code t} if its UTC year is within 0001–9999. */
    public static Instant checked(Instant t) {
        int year;
        try {
            year = t.atOffset(ZoneOffset.UTC).getYear();
        } catch (DateTimeException e) {
            throw new OutOfRange();
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new OutOfRange();
        }
        return t;
    }
}
