package org.conflictmap.ingest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.Month;
import java.time.ZoneOffset;
import java.time.format.TextStyle;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.geocoding.DateResolver;
import org.conflictmap.incidents.TimeInterval;

/**
 * When an event happened, from the time expressions of its sentences: the geocoder's dates
 * ({@link DateResolver}) refined by the words around them ("late Thursday", "overnight into Sunday",
 * "early on Friday", "Thursday night"), plus what wire copy says without a date ("overnight", "last
 * weekend", "a day earlier", "earlier this month"). A date right after a reporting verb ("said on
 * Friday", "told reporters Sunday") is when something was said, not when it happened, and is left
 * out. Intervals are in local time and become instants at the event's zone: Afghanistan UTC+04:30,
 * Pakistan UTC+05:00.
 */
final class EventTime {
    static final ZoneOffset AFGHANISTAN = ZoneOffset.ofHoursMinutes(4, 30);
    static final ZoneOffset PAKISTAN = ZoneOffset.ofHours(5);

    /** A time expression: its offsets, the local interval it means, and its precision. */
    record When(int start, int end, LocalDateTime from, LocalDateTime to, String precision, boolean statement) {
        When(int start, int end, LocalDateTime from, LocalDateTime to, String precision) {
            this(start, end, from, to, precision, false);
        }

        long hours() {
            return Duration.between(from, to).toHours();
        }

        TimeInterval at(ZoneOffset zone) {
            return new TimeInterval(from.toInstant(zone), to.toInstant(zone), precision);
        }
    }

    /**
     * "including one who succumbed to his wounds on Wednesday morning", "died of his injuries in hospital on Friday": when one
     * of the wounded died later, not when the event was.
     */
    static final Pattern DIED_LATER = Pattern.compile(
            "(?i)\\b(?:succumb(?:ed|s)|died|passed away)\\s+(?:later\\s+)?(?:to|of|from)\\s+(?:his|her|their|the)\\s+"
                    + "(?:wounds|injuries)\\b[^.;,]{0,30}?(?:\\s+on|\\s+in)?\\s*$");

    static final Pattern STATEMENT_BEFORE =
            Pattern.compile("(?i)\\b(?:said|says|say|told(?: [\\w.]+){0,2}|announced|added|statement|"
                    // "in a statement released on Saturday": when it was said
                    + "statement (?:released|issued|published)|"
                    + "reported|posted(?: on X)?|wrote(?: on X)?|confirmed|denied|rejected|claimed|citing|tweeted|accused(?: \\w+)?|accuses(?: \\w+)?|"
                    + "(?:rose|risen|climbed|reached) to [\\w,]+|at the time)\\s*(?:on\\s*|late\\s*|early\\s*)?$");
    /**
     * "Pakistan on Saturday rejected …", "the two countries on Wednesday blamed each other": a date between the subject and
     * its reporting verb is when it was said.
     */
    static final Pattern STATEMENT_AFTER = Pattern.compile(
            "(?i)^\\s*(?:said|says|told|announced|rejected|denied|dismissed|confirmed|" + "claimed|accused|blamed)\\b");
    /** A date something is due on ("a tournament due to open on 3 December"): a schedule, not when anything happened. */
    static final Pattern DUE_BEFORE = Pattern.compile(
            "(?i)\\b(?:set|scheduled|due|slated|planned|expected)\\s+to\\s+(?:\\w+\\s+){1,2}(?:on\\s+|from\\s+)?$");
    /** A date that says when a truce or talks happened, not the violence: "since a truce was agreed in late April". */
    static final Pattern AGREED_BEFORE =
            Pattern.compile("(?i)\\b(?:truce|ceasefire|agreement|deal|talks)\\b[^.]{0,40}$");

    /**
     * A date that says when a crossing was closed, in a clause of its own ("the crossing, which was closed on Tuesday",
     * "the closure of the Chaman crossing since July 3"), not when the violence the sentence tells happened.
     */
    static final Pattern CLOSED_BEFORE = Pattern.compile(
            "(?i)\\b(?:which|that)\\s+(?:was|were|has been|had been|have been|remained|remains|has remained|had remained)\\s+"
                    + "(?:closed|shut|sealed)\\s*(?:on|since)?\\s*$|\\bclosure of\\b[^.,;]{0,40}\\bsince\\s*$");

    /**
     * "the border war of October 2025", "the clashes of October": a month named after "of" (with its year, or after a word
     * of violence) is when that happened; the geocoder reads a month only after "in", "since", "during".
     */
    static final String MONTH_NAMES =
            "(January|February|March|April|May|June|July|August|September|October|November|December)";

    static final Pattern OF_MONTH = Pattern.compile("(?i)\\bof\\s+" + MONTH_NAMES + "\\s+(\\d{4})\\b"
            + "|\\b(?:clashes|fighting|war|battles?|strikes|violence)\\s+of\\s+" + MONTH_NAMES + "\\b(?!\\s+\\d)");
    /** "after the October 2025 fighting": a month with its year, not a day's date ("13 May 2028", "May 13, 2028"). */
    static final Pattern MONTH_YEAR = Pattern.compile(
            "(?<![\\d,]\\s?)(?<!\\d\\s)\\b" + MONTH_NAMES + "\\s+(\\d{4})\\b(?!\\s*[-–/]?\\s*\\d{1,2}\\b)");
    /** "since the return of the Taliban to power in …": the words from "since" to a date, in one clause. */
    static final Pattern SINCE_PHRASE = Pattern.compile("(?i)\\bsince\\s+([^,;]+)$");
    /** "since October 2025, when more than 70 people were killed": the clause after "when" happened in that month. */
    static final Pattern WHEN_AFTER = Pattern.compile("^,?\\s+when\\b");
    /** A four-digit year written with a date ("February 2026", "Feb 27, 2026"). */
    static final Pattern YEAR = Pattern.compile("\\b(?:19|20)\\d{2}\\b");

    static final Pattern MONTH_ALONE =
            Pattern.compile("(?i)\\b(?:the|their|its|last|this|that)\\s+(January|February|March|April|May|June|"
                    + "July|August|September|October|November|December)\\b(?!\\s+\\d)");
    static final Pattern PART_WORDS = Pattern.compile(
            "(?i)\\b(?:in|during|on)\\s+the\\s+(morning|afternoon|evening)\\b|\\b(early) morning\\b|\\b(?:late\\s+)?(?:at\\s+)?(night)\\b");
    /** "the late evening of", "on the afternoon of": a part of the day named before its date. */
    static final Pattern PART_OF =
            Pattern.compile("(?i)\\b((?:late\\s+|early\\s+)?(?:evening|afternoon|morning))\\s+of\\s+(?:the\\s+)?$");

    static final Pattern OVERNIGHT = Pattern.compile("(?i)\\bovernight\\b");
    static final Pattern NIGHT = Pattern.compile("(?i)\\b(?:overnight|night|nighttime)\\b");
    static final Pattern WEEKEND = Pattern.compile("(?i)\\b(last |the |this |over the )?weekend(?:'s)?\\b");
    static final Pattern DAY_BEFORE =
            Pattern.compile("(?i)\\b(?:a day earlier|the day before|the previous day|a day before)\\b");
    /** "up from the nine it announced a day earlier": when something was said, not when anything happened. */
    static final Pattern SAID_BEFORE = Pattern.compile(
            "(?i)\\b(?:said|announced|reported|claimed|stated|released|published|gave|given|put)\\b[^.,;]{0,20}$");

    /**
     * "troops shelled the village this morning": that part of the day the report was written, in a
     * sentence that tells violence.
     */
    static final Pattern THIS_PART = Pattern.compile("(?i)\\bthis\\s+(morning|afternoon|evening)\\b");

    static final Pattern THIS_MONTH = Pattern.compile("(?i)\\b(?:earlier this month|this month)\\b");
    /** "two days ago", "a day ago": the day that many days before publication. */
    static final Pattern COUNTED_DAYS_AGO =
            Pattern.compile("(?i)\\b(a|one|two|three|four|five|six)\\s+days?\\s+ago\\b");
    /** "November 8-9", "11/12 November" read as its first day: the second day follows ("-9", "/12"). */
    static final Pattern DAY_RANGE = Pattern.compile("^\\s*[-–/]\\s*(\\d{1,2})\\b");
    /** "in late February 2026", "early October", "mid-March": a third of the month. */
    static final Pattern MONTH_PART =
            Pattern.compile("(?i)\\b(early|mid|late|the end of|the beginning of)[\\s-]*(?:in\\s+)?$");

    /**
     * "The latest violence came two days after mortar shells killed three", "four days after a suicide attack": the other
     * event, counted back from the event told (else the report), when its clause names no date of its own; "days after"
     * without a count is two to seven days before.
     */
    static final Pattern COUNTED_DAYS_AFTER = Pattern.compile(
            "(?i)(?:\\b(two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+|\\b(?:came|come|comes|just|only|a few|several|some)\\s+)days\\s+after\\b");

    static final Pattern DAYS_AGO = Pattern.compile("(?i)\\b(?:a few|several|two|three) days ago\\b|\\bdays ago\\b");
    /** "less than two weeks after", "three weeks ago", "more than a week earlier": a span of days before publication. */
    static final Pattern WEEKS_BEFORE =
            Pattern.compile("(?i)\\b(less than|under|nearly|almost|about|some|more than|over)?\\s*"
                    + "\\b(a|one|two|three|four|\\d)\\s+weeks?\\s+(?:ago|after|earlier|before)\\b");

    static final Pattern LAST_WEEK = Pattern.compile("(?i)\\blast week\\b");
    /** "early the same day", "later that day": the day of a date said before it in the sentence (often when it was said). */
    static final Pattern SAME_DAY = Pattern.compile(
            "(?i)\\b(?:(early|late|earlier|later)\\s+(?:on\\s+|in\\s+)?)?(?:the same|that) (?:day|(night))\\b");

    static final Pattern WEEKDAY_WORD =
            Pattern.compile("(?i)\\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\\b");
    static final Pattern CLOCK =
            Pattern.compile("(?i)\\b(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z])");

    /**
     * The words before a clock time that make it the page's stamp, not the event's ("Updated Mar 4, 2027 02:15 pm",
     * "First published on: Mar 4, 2027 at 09:05 AM PKT"): a publishing verb, or a date written with its year.
     */
    static final Pattern STAMP_BEFORE =
            Pattern.compile("(?i)(?:\\b(?:published|updated)\\b[^.\\n]{0,30}|\\b(?:19|20)\\d{2}\\s+)$");

    /** The words before a clock time that make it the start of the violence ("began at about", "from around"). */
    static final Pattern CLOCK_START = Pattern.compile(
            "(?i)(?:\\b(?:began|begun|begins|started|starts|broke out|erupted|opened fire|opening fire)\\b[^.;:\"“”]{0,70}?\\bat"
                    + "|\\bfrom)\\s+(?:around|about|approximately|roughly|some)?\\s*$");
    /** "until about 3 am", "till 4:30 a.m.": the clock time it ended. */
    static final Pattern CLOCK_END = Pattern.compile(
            "(?i)\\b(?:until|till|to|through|ended at|stopped at)\\s+(?:around|about|approximately|roughly)?\\s*"
                    + "(\\d{1,2})(?:[:.](\\d{2}))?\\s*(am|pm|a\\.m\\.|p\\.m\\.)(?![a-z])");
    /** "continued for around five hours", "explosions for almost an hour", "lasting nearly half an hour". */
    static final Pattern FOR_HOURS = Pattern.compile(
            "(?i)\\b(?:for|lasting|lasted)\\s+(?:around|about|nearly|almost|some|more than|over|roughly)?\\s*"
                    + "(half an|an|one|two|three|four|five|six|seven|eight|nine|ten|\\d{1,2})\\s+hours?\\b");
    /** "died down before dawn", "went on until the early morning", "into the early hours". */
    static final Pattern UNTIL_DAWN = Pattern.compile(
            "(?i)\\b(?:until|till|before|into|through)\\s+(?:the\\s+)?(?:dawn|daybreak|sunrise|early (?:morning|hours)|morning)\\b");

    /** "in the early hours of Thursday", "in the small hours": the first hours of a day, its weekday if said. */
    static final Pattern EARLY_HOURS = Pattern.compile(
            "(?i)\\b(?:early|small|wee|pre-dawn) hours\\b(?:\\s+of\\s+(?:on\\s+)?(Monday|Tuesday|Wednesday|Thursday|Friday|"
                    + "Saturday|Sunday)\\b)?");

    private EventTime() {}

    /** The time expressions of one sentence that say when something happened (statement dates left out). */
    static List<When> of(
            Sentences.Sentence s, String text, List<DateResolver.Found> dates, LocalDate published, int dateline) {
        return of(s, text, dates, published, dateline, null);
    }

    /**
     * The same, with the time of the event being told ({@code told}, null when none is dated to the day): what the sentence
     * counts from it ("A day earlier", "two days after", "the same night") is counted from it, not from publication; days
     * from the day the event told was named by, an overnight's from the day it ran into ("strikes overnight … came four
     * days after a suicide attack").
     */
    static List<When> of(
            Sentences.Sentence s,
            String text,
            List<DateResolver.Found> dates,
            LocalDate published,
            int dateline,
            When told) {
        List<When> out = new ArrayList<>();
        // "during Friday prayers on Feb 12": a calendar date in the sentence says which day; a weekday that falls
        // elsewhere is not it
        Set<LocalDate> calendar = new HashSet<>();
        for (DateResolver.Found f : dates) {
            if (f.start() >= s.start()
                    && f.end() <= s.end()
                    && f.start() >= dateline
                    && f.precision().equals("day")
                    && f.text().chars().anyMatch(Character::isDigit)) {
                calendar.add(f.date());
            }
        }
        for (DateResolver.Found f : dates) {
            if (f.start() < s.start() || f.end() > s.end() || f.start() < dateline) {
                continue;
            }
            boolean weekday =
                    WEEKDAY_WORD.matcher(f.text()).find() && f.text().chars().noneMatch(Character::isDigit);
            if (weekday && !calendar.isEmpty() && !calendar.contains(f.date())) {
                continue;
            }
            String before = text.substring(Math.max(s.start(), f.start() - 40), f.start());
            String after =
                    text.substring(f.end(), Math.min(s.end(), f.end() + 20)).toLowerCase(Locale.ROOT);
            String words = f.text().toLowerCase(Locale.ROOT);
            if (words.startsWith("since ") && !WHEN_AFTER.matcher(after).find()) {
                // "a conflict that has simmered since October": where a period began, not when this happened
                // (but "since October 2025, when more than 70 people were killed" dates the clause after "when")
                continue;
            }
            if (sincePeriod(text.substring(s.start(), f.start()))) {
                // "Since the return of the Taliban to power in August 2021, …": when a period began, not violence
                continue;
            }
            if (DIED_LATER.matcher(before).find()) {
                continue;
            }
            if (DUE_BEFORE.matcher(before).find()) {
                continue;
            }
            boolean saidThen = STATEMENT_BEFORE.matcher(before).find()
                    || STATEMENT_AFTER.matcher(after).find();
            boolean agreed = agreedThen(before);
            if (saidThen && !words.startsWith("last ") || agreed) {
                if (!agreed && f.precision().equals("day")) {
                    LocalDate d = f.date();
                    out.add(new When(f.start(), f.end(), d.atStartOfDay(), d.atTime(LocalTime.MAX), "day", true));
                }
                continue;
            }
            LocalDate d = yearOfTheSentence(f, dates, s);
            String lowBefore = before.toLowerCase(Locale.ROOT);
            String precision = f.precision();
            if (words.equals("last week")) {
                LocalDate monday = published
                        .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                        .minusWeeks(1);
                out.add(new When(
                        f.start(),
                        f.end(),
                        monday.atStartOfDay(),
                        monday.plusDays(6).atTime(LocalTime.MAX),
                        "week"));
                continue;
            }
            switch (precision) {
                case "month" ->
                    out.add(monthPart(
                            f.start(), f.end(), d, lowBefore + words.replaceFirst("(?i)" + MONTH_NAMES + ".*$", "")));
                case "week" ->
                    out.add(new When(
                            f.start(), f.end(), d.atStartOfDay(), d.plusDays(6).atTime(LocalTime.MAX), "week"));
                default -> {
                    Matcher range = DAY_RANGE.matcher(after);
                    if (range.find()
                            && Integer.parseInt(range.group(1)) == d.plusDays(1).getDayOfMonth()) {
                        out.add(twoDays(f.start(), f.end(), d, s.text()));
                    } else {
                        out.add(part(f.start(), f.end(), d, words + " " + after, lowBefore));
                    }
                }
            }
        }
        String sentence = s.text();
        if (published != null) {
            boolean dated = out.stream().anyMatch(w -> !w.statement());
            LocalDate base = told == null ? published : told.to().toLocalDate();
            boolean dayBefore = DAY_BEFORE.matcher(sentence).find();
            Matcher m = OVERNIGHT.matcher(sentence);
            if (!dated && m.find()) {
                // "A day earlier, fighting broke out overnight": the night that began the day before the event told
                LocalDate night = dayBefore ? base.minusDays(1) : published.minusDays(1);
                out.add(new When(
                        s.start() + m.start(),
                        s.start() + m.end(),
                        night.atTime(18, 0),
                        night.plusDays(1).atTime(6, 0),
                        "part_of_day"));
            }
            m = OF_MONTH.matcher(sentence);
            boolean ofMonth = !dated && m.find();
            if (ofMonth) {
                out.add(month(s, m, m.group(1) != null ? m.group(1) : m.group(3), m.group(2), published));
            }
            m = MONTH_YEAR.matcher(sentence);
            if (!dated && !ofMonth && m.find() && unread(dates, s.start() + m.start(), s.start() + m.end())) {
                // "after the October 2025 fighting": a month and year before a noun, with no "in" for the geocoder
                out.add(month(s, m, m.group(1), m.group(2), published));
                ofMonth = true;
            }
            m = MONTH_ALONE.matcher(sentence);
            if (!dated && !ofMonth && m.find()) {
                out.add(month(s, m, m.group(1), null, published));
            }
            m = WEEKEND.matcher(sentence);
            if (m.find()) {
                LocalDate saturday = published.with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY));
                boolean inWeekend =
                        published.getDayOfWeek() == DayOfWeek.SATURDAY || published.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (inWeekend && "last ".equalsIgnoreCase(m.group(1))) {
                    saturday = saturday.minusWeeks(1);
                }
                out.add(new When(
                        s.start() + m.start(),
                        s.start() + m.end(),
                        saturday.atStartOfDay(),
                        saturday.plusDays(1).atTime(LocalTime.MAX),
                        "week"));
            }
            m = DAY_BEFORE.matcher(sentence);
            if (!dated
                    && m.find()
                    && !SAID_BEFORE
                            .matcher(sentence.substring(Math.max(0, m.start() - 30), m.start()))
                            .find()) {
                LocalDate d = base.minusDays(1);
                out.add(new When(
                        s.start() + m.start(), s.start() + m.end(), d.atStartOfDay(), d.atTime(LocalTime.MAX), "day"));
            }
            m = THIS_PART.matcher(sentence);
            if (!dated
                    && m.find()
                    // the sentence tells violence ("I buried my brother this morning" tells no time of the strike)
                    && EventTypes.cue(sentence, 0) != null
                    && !STATEMENT_BEFORE
                            .matcher(sentence.substring(Math.max(0, m.start() - 40), m.start()))
                            .find()) {
                out.add(part(
                        s.start() + m.start(),
                        s.start() + m.end(),
                        published,
                        m.group(1).toLowerCase(Locale.ROOT),
                        ""));
            }
            m = THIS_MONTH.matcher(sentence);
            if (!dated && m.find()) {
                out.add(new When(
                        s.start() + m.start(),
                        s.start() + m.end(),
                        published.withDayOfMonth(1).atStartOfDay(),
                        published.atTime(LocalTime.MAX),
                        "month"));
            }
            m = SAME_DAY.matcher(sentence);
            if (!dated && m.find()) {
                int at = s.start() + m.start();
                When earlier = out.stream()
                        .filter(w -> w.end() <= at)
                        .reduce((a, b) -> b)
                        .orElse(null);
                LocalDate day = earlier != null
                                && (earlier.precision().equals("day")
                                        || earlier.precision().equals("part_of_day"))
                        ? earlier.from().toLocalDate()
                        // "…, adding that artillery had shelled a district the same night": the night of the event told
                        : earlier == null && told != null ? told.from().toLocalDate() : null;
                if (day != null) {
                    String part = m.group(2) != null
                            ? "night"
                            : m.group(1) == null
                                    ? ""
                                    : m.group(1).toLowerCase(Locale.ROOT).startsWith("early") ? "early" : "late";
                    out.add(part(at, s.start() + m.end(), day, part, ""));
                }
            }
            m = WEEKS_BEFORE.matcher(sentence);
            if (!dated && m.find()) {
                String n = m.group(2).toLowerCase(Locale.ROOT);
                int weeks = switch (n) {
                    case "a", "one" -> 1;
                    case "two" -> 2;
                    case "three" -> 3;
                    case "four" -> 4;
                    default -> Integer.parseInt(n);
                };
                String bound = m.group(1) == null ? "" : m.group(1).toLowerCase(Locale.ROOT);
                boolean more = bound.equals("more than") || bound.equals("over");
                boolean less = bound.equals("less than") || bound.equals("under");
                LocalDate from = published.minusWeeks(more ? weeks + 1 : weeks).minusDays(less ? 0 : 3);
                LocalDate to = more
                        ? published.minusWeeks(weeks)
                        : less
                                ? published.minusDays(1)
                                : published.minusWeeks(weeks).plusDays(3);
                out.add(new When(
                        s.start() + m.start(),
                        s.start() + m.end(),
                        from.atStartOfDay(),
                        to.atTime(LocalTime.MAX),
                        "week"));
            }
            m = COUNTED_DAYS_AGO.matcher(sentence);
            boolean counted = m.find();
            if (counted) {
                // "houses flattened in airstrikes two days ago": that day, beside any other date of the sentence
                LocalDate d = published.minusDays(
                        Figures.WORDS.getOrDefault(m.group(1).toLowerCase(Locale.ROOT), 1));
                out.add(new When(
                        s.start() + m.start(), s.start() + m.end(), d.atStartOfDay(), d.atTime(LocalTime.MAX), "day"));
            }
            // the clause may begin right after "four days after" (a sentence cut in two there)
            int lead = Math.max(0, s.start() - 24);
            m = COUNTED_DAYS_AFTER.matcher(text.substring(lead, s.end()));
            boolean after = !dated
                    && !counted
                    && m.find()
                    && lead + m.end() <= s.end()
                    && (lead + m.end() >= s.start()
                            || text.substring(lead + m.end(), s.start()).isBlank());
            if (after && m.group(1) == null) {
                out.add(new When(
                        Math.max(s.start(), lead + m.start()),
                        lead + m.end(),
                        base.minusDays(7).atStartOfDay(),
                        base.minusDays(2).atTime(LocalTime.MAX),
                        "week"));
            } else if (after) {
                int n = m.group(1).chars().allMatch(Character::isDigit)
                        ? Integer.parseInt(m.group(1))
                        : Figures.WORDS.getOrDefault(m.group(1).toLowerCase(Locale.ROOT), 0);
                // "The shelling came two days after fighting …": counted back from the event told (else the report)
                LocalDate d = (told == null ? published : countedFrom(told, text)).minusDays(n);
                if (n > 1) {
                    out.add(new When(
                            Math.max(s.start(), lead + m.start()),
                            lead + m.end(),
                            d.atStartOfDay(),
                            d.atTime(LocalTime.MAX),
                            "day"));
                }
            }
            m = DAYS_AGO.matcher(sentence);
            if (!dated && !counted && !after && m.find()) {
                out.add(new When(
                        s.start() + m.start(),
                        s.start() + m.end(),
                        published.minusDays(6).atStartOfDay(),
                        published.minusDays(1).atTime(LocalTime.MAX),
                        "week"));
            }
        }
        out.sort(Comparator.comparingInt(When::start));
        return out;
    }

    /** Whether no date the geocoder read covers the span (a date it read and this class left out stays out). */
    private static boolean unread(List<DateResolver.Found> dates, int start, int end) {
        return dates.stream().noneMatch(f -> f.start() < end && start < f.end());
    }

    /**
     * Whether a date closes a phrase from "since" that names no violence ("Since the return of the Taliban to power in
     * August 2021"): the start of a period, not when anything reported happened. "since deadly fighting along the border
     * in October 2025" names the fighting, and its month is the fighting's.
     */
    static boolean sincePeriod(String before) {
        Matcher m = SINCE_PHRASE.matcher(before);
        if (!m.find() || m.group(1).isBlank()) {
            return false;
        }
        EventTypes.Cue cue = EventTypes.cue(m.group(1), 0);
        return cue == null || cue.weak();
    }

    /** A month, or the third of it that the words before say ("late February 2026": the 20th to the end). */
    static When monthPart(int start, int end, LocalDate d, String before) {
        LocalDate first = d.withDayOfMonth(1);
        LocalDate last = d.withDayOfMonth(d.lengthOfMonth());
        Matcher m = MONTH_PART.matcher(before);
        if (m.find()) {
            String part = m.group(1).toLowerCase(Locale.ROOT);
            if (part.equals("late") || part.equals("the end of")) {
                first = d.withDayOfMonth(20);
            } else if (part.equals("mid")) {
                first = d.withDayOfMonth(10);
                last = d.withDayOfMonth(20);
            } else {
                last = d.withDayOfMonth(10);
            }
        }
        return new When(start, end, first.atStartOfDay(), last.atTime(LocalTime.MAX), "month");
    }

    /** Two days written as one ("November 8-9"): the night between them when the sentence says so, else both days. */
    static When twoDays(int start, int end, LocalDate d, String sentence) {
        if (NIGHT.matcher(sentence).find()) {
            return new When(start, end, d.atTime(18, 0), d.plusDays(1).atTime(6, 0), "part_of_day");
        }
        return new When(start, end, d.atStartOfDay(), d.plusDays(1).atTime(LocalTime.MAX), "day");
    }

    /** The month a match names, in the year written ({@code year}) or else the last such month up to publication. */
    private static When month(Sentences.Sentence s, Matcher m, String name, String year, LocalDate published) {
        Month month = Month.valueOf(name.toUpperCase(Locale.ROOT));
        int y = year != null
                ? Integer.parseInt(year)
                : month.getValue() > published.getMonthValue() ? published.getYear() - 1 : published.getYear();
        LocalDate first = LocalDate.of(y, month, 1);
        return new When(
                s.start() + m.start(),
                s.start() + m.end(),
                first.atStartOfDay(),
                first.withDayOfMonth(first.lengthOfMonth()).atTime(LocalTime.MAX),
                "month");
    }

    /**
     * A truce, deal or talks right before a date: the date is theirs ("since a truce was agreed in late April"), unless a
     * kind of violence comes between ("a ceasefire after the first border war in October 2025": the war's month).
     */
    static boolean agreedThen(String before) {
        if (CLOSED_BEFORE.matcher(before).find()) {
            return true;
        }
        Matcher m = AGREED_BEFORE.matcher(before);
        if (!m.find()) {
            return false;
        }
        EventTypes.Cue between = EventTypes.cue(before.substring(m.start()), 0);
        return between == null || between.weak();
    }

    /**
     * A date written without its year takes the year of a date of the same month written with one before it in the sentence
     * ("since late February 2026, when Pakistan struck Kabul … on Feb. 27"): the geocoder gives a yearless date the most
     * recent year, which for a background event is the wrong one.
     */
    static LocalDate yearOfTheSentence(DateResolver.Found f, List<DateResolver.Found> dates, Sentences.Sentence s) {
        LocalDate d = f.date();
        if (d == null || YEAR.matcher(f.text()).find()) {
            return d;
        }
        for (DateResolver.Found e : dates) {
            if (e.start() >= s.start()
                    && e.end() <= f.start()
                    && e.date() != null
                    && e.date().getMonth() == d.getMonth()
                    && YEAR.matcher(e.text()).find()) {
                d = d.withYear(e.date().getYear());
            }
        }
        return d;
    }

    /**
     * The day what a sentence counts in days is counted from: the day the event told was named by ("three days after"
     * strikes on Thursday night is Monday, not counted from the Friday the night ran into), the day that holds the middle of
     * its time, except a night told as "overnight" ("overnight into Sunday"), counted from the day it ran into.
     */
    static LocalDate countedFrom(When told, String text) {
        String named = text.substring(Math.max(0, told.start() - 16), Math.min(text.length(), told.end()));
        if (OVERNIGHT.matcher(named).find()) {
            return told.to().toLocalDate();
        }
        return told.from()
                .plus(Duration.between(told.from(), told.to()).dividedBy(2))
                .minusMinutes(1)
                .toLocalDate();
    }

    /** A day narrowed by the words around it: late, early, overnight (into), morning, night… */
    static When part(int start, int end, LocalDate d, String words, String before) {
        String w = words;
        // "overnight into Friday", "the night of 11/12 November" (the date read is the second day)
        if (before.matches("(?s).*\\bovernight into\\s*(?:on\\s*)?$")
                // "on night 3/4 May": "of" left out
                || before.matches("(?s).*\\bnight\\s+(?:of\\s*)?\\d{1,2}\\s*(?:[/-]|to|and)\\s*$")) {
            return new When(start, end, d.minusDays(1).atTime(18, 0), d.atTime(6, 0), "part_of_day");
        }
        // "on the night of 21 February", "the night of Tuesday": the night that begins on that day
        if (before.matches("(?s).*\\bnight of\\s*(?:the\\s*)?$")) {
            return new When(start, end, d.atTime(18, 0), d.plusDays(1).atTime(6, 0), "part_of_day");
        }
        // "Thursday overnight", "last Thursday's overnight fighting": the night that begins that day
        if (before.matches("(?s).*\\bovernight\\s*(?:on\\s*)?$")
                || w.matches("(?s)^(?:last\\s+)?\\S+(?:'s)?\\s+overnight.*")
                || w.matches("(?s).*\\b(?:night|nights)\\b.*")
                        && !w.matches("(?s).*\\bnight(?:'s)? (?:into|of)\\b.*")) {
            if (w.matches("(?s).*\\b(?:night|overnight)\\b.*")
                    || before.matches("(?s).*\\bovernight\\s*(?:on\\s*)?$")) {
                return new When(start, end, d.atTime(18, 0), d.plusDays(1).atTime(6, 0), "part_of_day");
            }
        }
        // "shortly before midnight local time on Tuesday": the last hours of that day
        if (before.matches("(?s).*\\bbefore\\s+midnight\\s*(?:local time\\s*)?(?:on\\s*)?$")) {
            return new When(start, end, d.atTime(21, 0), d.atTime(LocalTime.MAX), "part_of_day");
        }
        // "shortly after midnight on Saturday": the first hours of that day
        if (before.matches("(?s).*\\b(?:shortly|just|soon)\\s+after\\s+midnight\\s*(?:on\\s*)?$")) {
            return new When(start, end, d.atStartOfDay(), d.atTime(3, 0), "part_of_day");
        }
        if (before.matches("(?s).*\\bafter\\s+midnight\\s*(?:on\\s*)?$")
                || before.matches("(?s).*\\b(?:early|small|wee|pre-dawn) hours of\\s*(?:on\\s*)?$")
                || w.matches("(?s)^\\S+(?:'s)? early hours\\b.*")) {
            return new When(start, end, d.atStartOfDay(), d.atTime(6, 0), "part_of_day");
        }
        // "in the late evening of 14 September", "on the afternoon of Sunday": that part of the day named after it
        Matcher of = PART_OF.matcher(before);
        if (of.find()) {
            w = of.group(1).toLowerCase(Locale.ROOT) + " " + w;
        }
        if (w.startsWith("late")
                // "fighting flared on Tuesday late": the weekday first, then "late"
                || w.matches("(?s)^(?:on\\s+)?\\S+\\s+late\\b(?!\\s+(?:on|in)\\b).*")
                || before.matches("(?s).*\\blate\\s*(?:on\\s*)?$")
                || w.matches("(?s).*\\bevening\\b.*")) {
            return new When(start, end, d.atTime(17, 0), d.atTime(LocalTime.MAX), "part_of_day");
        }
        if (w.startsWith("early") || before.matches("(?s).*\\b(?:early|before dawn|before daybreak)\\s*(?:on\\s*)?$")) {
            return new When(start, end, d.atStartOfDay(), d.atTime(9, 0), "part_of_day");
        }
        if (w.matches("(?s).*\\bmorning\\b.*")) {
            return new When(start, end, d.atTime(5, 0), d.atTime(12, 0), "part_of_day");
        }
        if (w.matches("(?s).*\\bafternoon\\b.*")) {
            return new When(start, end, d.atTime(12, 0), d.atTime(18, 0), "part_of_day");
        }
        return new When(start, end, d.atStartOfDay(), d.atTime(LocalTime.MAX), "day");
    }

    /** How many minutes a time lies outside an interval. */
    private static long away(LocalDateTime t, When w) {
        return t.isBefore(w.from())
                ? Duration.between(t, w.from()).toMinutes()
                : Math.max(0, Duration.between(w.to(), t).toMinutes());
    }

    /** A day (or part of one) narrowed to the four hours from a clock time said in the event's sentences. */
    static When clock(When w, String sentence) {
        return clock(w, sentence, "");
    }

    /**
     * The same, where a clock time that starts the event ("began at about 11 p.m.", "opened fire … at around 10 pm") runs
     * to the end the sentence or the event's later sentences ({@code later}) say: a clock time ("until about 3 am"), the
     * dawn ("died down before dawn", "went on until the early morning": 05:00) or a count of hours ("continued for around
     * five hours"); two hours when none is said.
     */
    static When clock(When w, String sentence, String later) {
        if (!w.precision().equals("day") && !w.precision().equals("part_of_day")) {
            return w;
        }
        Matcher m = CLOCK.matcher(sentence);
        boolean found = false;
        while (m.find()) {
            if (!STAMP_BEFORE
                    .matcher(sentence.substring(Math.max(0, m.start() - 40), m.start()))
                    .find()) {
                found = true;
                break;
            }
        }
        if (!found) {
            Matcher h = EARLY_HOURS.matcher(sentence);
            LocalDate d = w.from().toLocalDate();
            if (w.precision().equals("day")
                    && h.find()
                    && (h.group(1) == null
                            || h.group(1)
                                    .equalsIgnoreCase(
                                            d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH)))) {
                // "the strikes, which hit houses in Barmal district in the early hours of Thursday": the first hours of
                // the day the event is dated to (a lede's "said Thursday")
                return new When(w.start(), w.end(), d.atStartOfDay(), d.atTime(6, 0), "part_of_day");
            }
            Matcher p = PART_WORDS.matcher(sentence);
            if (w.precision().equals("day") && p.find()) {
                if (p.group(3) != null && sentence.substring(0, p.start(3)).matches("(?is).*\\blast\\s+$")) {
                    // "Last night their jets hit us" said on the day the event is dated to: the night that ran into it
                    return new When(w.start(), w.end(), d.minusDays(1).atTime(18, 0), d.atTime(6, 0), "part_of_day");
                }
                String part = p.group(1) != null
                        ? p.group(1).toLowerCase(Locale.ROOT)
                        : p.group(2) != null ? "early" : "night";
                return part(w.start(), w.end(), d, part, "");
            }
            return w;
        }
        int hour = Integer.parseInt(m.group(1)) % 12
                + (m.group(3).toLowerCase(Locale.ROOT).startsWith("p") ? 12 : 0);
        int minute = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        LocalDate day = w.from().toLocalDate();
        LocalDateTime at = day.atTime(hour, minute);
        if (at.isBefore(w.from())) {
            at = at.plusDays(1);
        }
        if (at.isAfter(w.to())) {
            if (!w.to().toLocalDate().equals(day)) {
                return w;
            }
            // "at around 10:40am" said of an event dated by "Thursday evening" elsewhere: the clock says when, on the
            // day
            // nearest the part of day said ("from around 10 pm until the early hours of Wednesday": Tuesday's 10 pm)
            LocalDateTime same = day.atTime(hour, minute);
            LocalDateTime before = same.minusDays(1);
            at = away(before, w) < away(same, w) ? before : same;
        }
        if (CLOCK_START
                .matcher(sentence.substring(Math.max(0, m.start() - 80), m.start()))
                .find()) {
            return new When(
                    w.start(), w.end(), at, until(at, sentence.substring(m.end()) + " " + later), "part_of_day");
        }
        // "at about 11 p.m.": two hours either side, so that the middle is the time said
        return new When(w.start(), w.end(), at.minusHours(2), at.plusHours(2), "part_of_day");
    }

    /** When something that started at {@code start} ended, from the words after the start; four hours on if unsaid. */
    static LocalDateTime until(LocalDateTime start, String after) {
        Matcher end = CLOCK_END.matcher(after);
        if (end.find()) {
            int hour = Integer.parseInt(end.group(1)) % 12
                    + (end.group(3).toLowerCase(Locale.ROOT).startsWith("p") ? 12 : 0);
            LocalDateTime t =
                    start.toLocalDate().atTime(hour, end.group(2) == null ? 0 : Integer.parseInt(end.group(2)));
            return t.isAfter(start) ? t : t.plusDays(1);
        }
        Matcher hours = FOR_HOURS.matcher(after);
        if (hours.find()) {
            String n = hours.group(1).toLowerCase(Locale.ROOT);
            int h = n.chars().allMatch(Character::isDigit)
                    ? Integer.parseInt(n)
                    : n.startsWith("half") || n.equals("an") ? 1 : Figures.WORDS.getOrDefault(n, 2);
            return start.plusHours(Math.max(1, Math.min(h, 12)));
        }
        if (UNTIL_DAWN.matcher(after).find()) {
            LocalDateTime dawn = start.toLocalDate().atTime(5, 0);
            return dawn.isAfter(start) ? dawn : dawn.plusDays(1);
        }
        return start.plusHours(2);
    }
}
