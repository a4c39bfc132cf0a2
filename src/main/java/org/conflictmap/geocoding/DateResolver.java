package org.conflictmap.geocoding;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds dates in news text and resolves them against the publication date: "26 February 2026",
 * "Feb. 26", "on Sunday", "Thursday night", "yesterday", "last week", "Wednesday last week", "in October",
 * "in February last year". A relative date
 * without a publication date is left out rather than guessed.
 */
public final class DateResolver {
    /** A resolved date: its text and offsets, the day (first day for a week or month) and its precision. */
    public record Found(String text, int start, int end, LocalDate date, String precision) {}

    static final String MONTHS =
            "(January|February|March|April|May|June|July|August|September|October|November|December"
                    + "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\\.?";
    static final Pattern DAY_MONTH = Pattern.compile("\\b(\\d{1,2})(?:st|nd|rd|th)? " + MONTHS + "(?:,? (\\d{4}))?");
    static final Pattern MONTH_DAY = Pattern.compile("\\b" + MONTHS + " (\\d{1,2})(?:st|nd|rd|th)?\\b(?:,? (\\d{4}))?");
    static final Pattern WEEKDAY = Pattern.compile(
            "\\b(?:(?:on|late on|early on|last) )?(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
                    + "(?:'s)?(?: (night|morning|evening|afternoon))?(?: (last week))?\\b");
    static final Pattern RELATIVE = Pattern.compile(
            "\\b(yesterday|today|last night|tonight|earlier this week|last week|last month)\\b",
            Pattern.CASE_INSENSITIVE);
    static final Pattern IN_MONTH = Pattern.compile("\\b(?:[Ii]n|[Ss]ince|[Dd]uring|[Ee]arly|[Ll]ate|[Mm]id-) ?"
            + MONTHS + "(?: (\\d{4})| (last year))?\\b(?! \\d)");

    /*
     * The characters each pattern can begin with (all ASCII: \d is [0-9] and CASE_INSENSITIVE folds
     * ASCII only, without UNICODE_CASE). Each pattern begins with \b, which Matcher.find tested at
     * every position of the text: 40 % of the geocoder's time. Scan tries only these positions.
     */
    static final String DAY_MONTH_FIRST = "0123456789";
    static final String MONTH_DAY_FIRST = "JFMASOND";
    static final String WEEKDAY_FIRST = "oleMTWFS";
    static final String RELATIVE_FIRST = "ytleYTLE";
    static final String IN_MONTH_FIRST = "isdelmISDELM";

    private DateResolver() {}

    /**
     * The matches of a pattern that begins with {@code \b} and one of {@code first}'s characters, in
     * the order and with the groups {@link Matcher#find()} gives them: each position that begins a
     * word with one of those characters is tried with {@link Matcher#lookingAt()}, over transparent
     * bounds so that {@code \b} and look-behinds still see the text before it. Every other position
     * cannot begin a match. {@code DateResolverTest} holds it to {@code find()}.
     */
    static final class Scan {
        private final Matcher matcher;
        private final String text;
        private final long firstLow;
        private final long firstHigh;
        private int from;

        Scan(Pattern pattern, String first, String text) {
            this.matcher = pattern.matcher(text).useTransparentBounds(true).useAnchoringBounds(false);
            this.text = text;
            long low = 0;
            long high = 0;
            for (char c : first.toCharArray()) {
                if (c < 64) {
                    low |= 1L << c;
                } else {
                    high |= 1L << (c - 64);
                }
            }
            this.firstLow = low;
            this.firstHigh = high;
        }

        /** Moves to the next match; false when there is none. The matcher's groups are that match's. */
        boolean next() {
            int n = text.length();
            for (int p = from; p < n; p++) {
                char c = text.charAt(p);
                boolean first = c < 64 ? (firstLow >>> c & 1) != 0 : c < 128 && (firstHigh >>> (c - 64) & 1) != 0;
                if (first && (p == 0 || !asciiWordChar(text.charAt(p - 1)))) {
                    matcher.region(p, n);
                    if (matcher.lookingAt()) {
                        from = Math.max(matcher.end(), p + 1);
                        return true;
                    }
                }
            }
            from = n;
            return false;
        }

        /** An ASCII letter, digit or underscore: a \b cannot stand after one before a word character. */
        private static boolean asciiWordChar(char c) {
            return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_';
        }

        String group() {
            return matcher.group();
        }

        String group(int g) {
            return matcher.group(g);
        }

        int start() {
            return matcher.start();
        }

        int end() {
            return matcher.end();
        }
    }

    static List<Found> resolve(String text, LocalDate published) {
        TreeMap<Integer, Integer> taken = new TreeMap<>();
        List<Found> out = new ArrayList<>();
        Scan m = new Scan(DAY_MONTH, DAY_MONTH_FIRST, text);
        while (m.next()) {
            LocalDate d = date(Integer.parseInt(m.group(1)), m.group(2), m.group(3), published);
            if (d != null) {
                add(out, taken, new Found(m.group(), m.start(), m.end(), d, "day"));
            }
        }
        m = new Scan(MONTH_DAY, MONTH_DAY_FIRST, text);
        while (m.next()) {
            LocalDate d = date(Integer.parseInt(m.group(2)), m.group(1), m.group(3), published);
            if (d != null && !overlaps(taken, m.start(), m.end())) {
                add(out, taken, new Found(m.group(), m.start(), m.end(), d, "day"));
            }
        }
        m = new Scan(IN_MONTH, IN_MONTH_FIRST, text);
        while (m.next()) {
            if (overlaps(taken, m.start(), m.end())) {
                continue;
            }
            Month month = month(m.group(1));
            // "in February last year": the calendar year before publication's, whichever month it names
            Integer year = m.group(2) != null
                    ? Integer.valueOf(m.group(2))
                    : published == null
                            ? null
                            : m.group(3) != null
                                    ? published.getYear() - 1
                                    : month.getValue() > published.getMonthValue()
                                            ? published.getYear() - 1
                                            : published.getYear();
            if (year != null) {
                add(out, taken, new Found(m.group(), m.start(), m.end(), LocalDate.of(year, month, 1), "month"));
            }
        }
        if (published != null) {
            m = new Scan(WEEKDAY, WEEKDAY_FIRST, text);
            while (m.next()) {
                if (overlaps(taken, m.start(), m.end())) {
                    continue;
                }
                DayOfWeek dow = DayOfWeek.valueOf(m.group(1).toUpperCase(Locale.ROOT));
                int back = (published.getDayOfWeek().getValue() - dow.getValue() + 7) % 7;
                if (m.group().startsWith("last ") && back == 0) {
                    back = 7;
                }
                // "on Wednesday last week": that day of the calendar week (Monday to Sunday) before publication's,
                // not the most recent Wednesday
                LocalDate day = m.group(3) != null
                        ? published
                                .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                                .minusWeeks(1)
                                .plusDays(dow.getValue() - 1L)
                        : published.minusDays(back);
                add(
                        out,
                        taken,
                        new Found(m.group(), m.start(), m.end(), day, m.group(2) == null ? "day" : "part_of_day"));
            }
            m = new Scan(RELATIVE, RELATIVE_FIRST, text);
            while (m.next()) {
                if (overlaps(taken, m.start(), m.end())) {
                    // the "last week" of "Wednesday last week", read with its day
                    continue;
                }
                String w = m.group(1).toLowerCase(Locale.ROOT);
                LocalDate d = switch (w) {
                    case "yesterday", "last night" -> published.minusDays(1);
                    case "today", "tonight" -> published;
                    case "last week" -> published.minusWeeks(1);
                    case "earlier this week" ->
                        published.minusDays(published.getDayOfWeek().getValue() - 1);
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
        Integer y = year != null
                ? Integer.valueOf(year)
                : published == null
                        ? null
                        : month.getValue() > published.getMonthValue() ? published.getYear() - 1 : published.getYear();
        if (y == null || day < 1 || day > month.length(Year.isLeap(y))) {
            return null;
        }
        return LocalDate.of(y, month, day);
    }

    private static Month month(String name) {
        String n = name.replace(".", "").toLowerCase(Locale.ROOT);
        for (Month m : Month.values()) {
            if (m.getDisplayName(TextStyle.FULL, Locale.ENGLISH)
                    .toLowerCase(Locale.ROOT)
                    .startsWith(n.substring(0, 3))) {
                return m;
            }
        }
        throw new IllegalArgumentException(name);
    }

    private static void add(List<Found> out, TreeMap<Integer, Integer> taken, Found f) {
        out.add(f);
        taken.put(f.start(), f.end());
    }

    /** Whether [start, end) overlaps a date found so far; {@code taken} maps each one's start to its end. */
    private static boolean overlaps(TreeMap<Integer, Integer> taken, int start, int end) {
        var before = taken.lowerEntry(end);
        return before != null && before.getValue() > start;
    }
}
