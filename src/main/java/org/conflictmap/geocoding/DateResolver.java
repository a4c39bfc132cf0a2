package org.conflictmap.geocoding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in news text and resolves them against the publication date: "26 February 2026",
 * "Feb. 26", "on Sunday", "Thursday night", "yesterday", "last week", "in October". A relative date
 * without a publication date is left out rather than guessed.
 */
public final class DateResolver {
    /** A resolved date: its text and offsets, the day (first day for a week or month) and its precision. */
    public record Found(String text, int start, int end, LocalDate date, String precision) {
    }

    static final String MONTHS = "(January|February|March|April|May|June|July|August|September|October|November|December"
            + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? " + MONTHS + "(?:,? (\\d{4}))?");
    static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTHS + " (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?");
    static final Pattern WEEKDAY = Pattern.compile("\\b(?:(?:on|late on|early on|last) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
            + "(?:'s)?(?: (night|morning|evening|afternoon))?\\b");
    static final Pattern RELATIVE = Pattern.compile("\\b(yesterday|today|last night|tonight|earlier this week|last week|last month)\\b",
            Pattern.CASE_INSENSITIVE);
    static final Pattern IN_MONTH = Pattern.compile("\\b(?:in|since|during|early|late|mid-) ?" + MONTHS + "(?: (\\d{4}))?\\b(?! \\d)");

    private DateResolver() {
    }

    static List<Found> resolve(String text, LocalDate published) {
        java.util.TreeMap<Integer, Integer> taken = new java.util.TreeMap<>();
        List<Found> out = new ArrayList<>();
        Matcher m = DAY_MONTH.matcher(text);
        while (m.find()) {
            LocalDate d = date(Integer.parseInt(m.group(1)), m.group(2), m.group(3), published);
            if (d != null) {
                add(out, taken, new Found(m.group(), m.start(), m.end(), d, "day"));
            }
        }
        m = MONTH_DAY.matcher(text);
        while (m.find()) {
            LocalDate d = date(Integer.parseInt(m.group(2)), m.group(1), m.group(3), published);
            if (d != null && !overlaps(taken, m.start(), m.end())) {
                add(out, taken, new Found(m.group(), m.start(), m.end(), d, "day"));
            }
        }
        m = IN_MONTH.matcher(text);
        while (m.find()) {
            if (overlaps(taken, m.start(), m.end())) {
                continue;
            }
            Month month = month(m.group(1));
            Integer year = m.group(2) != null ? Integer.valueOf(m.group(2))
                    : published == null ? null : month.getValue() > published.getMonthValue() ? published.getYear() - 1 : published.getYear();
            if (year != null) {
                add(out, taken, new Found(m.group(), m.start(), m.end(), LocalDate.of(year, month, 1), "month"));
            }
        }
        if (published != null) {
            m = WEEKDAY.matcher(text);
            while (m.find()) {
                if (overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                DayOfWeek dow = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
                int back = (published.getDayOfWeek().getValue() - dow.getValue() + 7) % 7;
                if (m.group().startsWith("last ") && back == 0) {
                    back = 7;
                }
                add(out, taken, new Found(m.group(), m.start(), m.end(), published.minusDays(back), m.group(2) == null ? "day" : "part_of_day"));
            }
            m = RELATIVE.matcher(text);
            while (m.find()) {
                String w = m.group(1).toLowerCase(Locale.ROOT);
                LocalDate d = switch (w) {
                    case "yesterday", "last night" -> published.minusDays(1);
                    case "today", "tonight" -> published;
                    case "last week" -> published.minusWeeks(1);
                    case "earlier this week" -> published.minusDays(published.getDayOfWeek().getValue() - 1);
                    default -> published.minusMonths(1).withDayOfMonth(1);
                };
                String precision = switch (w) {
                    case "last night", "tonight" -> "part_of_day";
                    case "last week", "earlier this week" -> "week";
                    case "last month" -> "month";
                    default -> "day";
                };
                add(out, taken, new Found(m.group(), m.start(), m.end(), d, precision));
            }
        }
        out.sort(Comparator.comparingInt(Found::start));
        return out;
    }

    private static LocalDate date(int day, String monthName, String year, LocalDate published) {
        Month month = month(monthName);
        Integer y = year != null ? Integer.valueOf(year)
                : published == null ? null : month.getValue() > published.getMonthValue() ? published.getYear() - 1 : published.getYear();
        if (y == null || day < 1 || day > month.length(java.time.Year.isLeap(y))) {
            return null;
        }
        return LocalDate.of(y, month, day);
    }

    private static Month month(String name) {
        String n = name.replace(".", "").toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.FULL, Locale.ENGLISH).toLowerCase(Locale.ROOT).startsWith(n.substring(0, 3))) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void add(List<Found> out, java.util.TreeMap<Integer, Integer> taken, Found f) {
        out.add(f);
        taken.put(f.start(), f.end());
    }

    /** Whether [start, end) overlaps a date found so far; {@code taken} maps each one's start to its end. */
    private static boolean overlaps(java.util.TreeMap<Integer, Integer> taken, int start, int end) {
        var before = taken.lowerEntry(end);
        return before != null && before.getValue() > start;
    }
}
