package org.conflictmap.geocoding;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** DateResolver's Scan gives each date pattern's matches exactly as Matcher.find does, only faster. */
class DateResolverTest {
    record Case(String name, Pattern pattern, String first) {}

    static final List<Case> CASES = List.of(
            new Case("DAY_MONTH", DateResolver.DAY_MONTH, DateResolver.DAY_MONTH_FIRST),
            new Case("MONTH_DAY", DateResolver.MONTH_DAY, DateResolver.MONTH_DAY_FIRST),
            new Case("WEEKDAY", DateResolver.WEEKDAY, DateResolver.WEEKDAY_FIRST),
            new Case("RELATIVE", DateResolver.RELATIVE, DateResolver.RELATIVE_FIRST),
            new Case("IN_MONTH", DateResolver.IN_MONTH, DateResolver.IN_MONTH_FIRST));

    /** Words, pieces of words and separators that the patterns begin, end or stumble on. */
    static final String[] TOKENS = {
        "on",
        "late",
        "early",
        "last",
        "in",
        "since",
        "during",
        "mid-",
        "mid",
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
        "Sunday's",
        "night",
        "morning",
        "evening",
        "afternoon",
        "yesterday",
        "Yesterday",
        "TODAY",
        "today",
        "tonight",
        "Last",
        "week",
        "month",
        "earlier",
        "this",
        "last night",
        "last week",
        "last year",
        "year",
        "January",
        "February",
        "Feb.",
        "Feb",
        "Sept",
        "Sept.",
        "Sep",
        "May",
        "mAY",
        "Oct",
        "December",
        "Dec.",
        "1",
        "1st",
        "2nd",
        "3rd",
        "22nd",
        "26th",
        "31",
        "29",
        "7",
        "2026",
        "2025",
        "12345",
        ",",
        ".",
        "'",
        "'s",
        "_",
        "x",
        "é",
        "Ä",
        "\u0301",
        "ı",
        "İ",
        "ſ",
        "K",
        "٣",
        "said",
        "struck",
        "Kunar",
        "Khost"
    };

    static final String[] SEPARATORS = {" ", " ", " ", "", "-", "\n", "(", ", ", "  "};

    static List<String> byFind(Pattern p, String text) {
        List<String> out = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) {
            StringBuilder s = new StringBuilder(m.start() + "-" + m.end());
            for (int g = 0; g <= m.groupCount(); g++) {
                s.append('|').append(m.group(g));
            }
            out.add(s.toString());
        }
        return out;
    }

    static List<String> byScan(Pattern p, String first, String text) {
        List<String> out = new ArrayList<>();
        DateResolver.Scan m = new DateResolver.Scan(p, first, text);
        int groups = p.matcher("").groupCount();
        while (m.next()) {
            StringBuilder s = new StringBuilder(m.start() + "-" + m.end());
            for (int g = 0; g <= groups; g++) {
                s.append('|').append(g == 0 ? m.group() : m.group(g));
            }
            out.add(s.toString());
        }
        return out;
    }

    @Test
    void scanFindsWhatFindFindsInGeneratedText() {
        Random random = new Random(20261202);
        int[] matches = new int[CASES.size()];
        for (int k = 0; k < 20000; k++) {
            StringBuilder text = new StringBuilder();
            for (int w = random.nextInt(12); w >= 0; w--) {
                text.append(TOKENS[random.nextInt(TOKENS.length)])
                        .append(SEPARATORS[random.nextInt(SEPARATORS.length)]);
            }
            String t = text.toString();
            for (int c = 0; c < CASES.size(); c++) {
                Case pc = CASES.get(c);
                List<String> want = byFind(pc.pattern(), t);
                assertThat(byScan(pc.pattern(), pc.first(), t))
                        .as(pc.name() + " in «" + t + "»")
                        .isEqualTo(want);
                matches[c] += want.size();
            }
        }
        for (int c = 0; c < CASES.size(); c++) {
            assertThat(matches[c])
                    .as(CASES.get(c).name() + " matched often enough to be tested")
                    .isGreaterThan(200);
        }
    }

    @Test
    void scanFindsWhatFindFindsInTheEvaluationDispatches() throws Exception {
        JsonNode set;
        try (InputStream in = getClass().getResourceAsStream("/geocoding/dispatches.json")) {
            set = JsonMapper.builder().build().readTree(in);
        }
        int matches = 0;
        for (JsonNode d : set) {
            String t = d.get("text").asString();
            for (Case pc : CASES) {
                List<String> want = byFind(pc.pattern(), t);
                assertThat(byScan(pc.pattern(), pc.first(), t))
                        .as(pc.name() + " in «" + t + "»")
                        .isEqualTo(want);
                matches += want.size();
            }
        }
        assertThat(matches).as("the dispatches hold a few dates").isGreaterThan(0);
    }

    @Test
    void resolvesAgainstThePublicationDate() {
        LocalDate published = LocalDate.of(2026, 2, 27); // a Friday
        List<DateResolver.Found> found = DateResolver.resolve(
                "Officials said on Sunday that strikes of 26 February 2026 "
                        + "and Feb. 3 hit Kunar; shelling resumed yesterday, as it had in October.",
                published);
        assertThat(found)
                .extracting(DateResolver.Found::text)
                .containsExactly("on Sunday", "26 February 2026", "Feb. 3", "yesterday", "in October");
        assertThat(found)
                .extracting(DateResolver.Found::date)
                .containsExactly(
                        LocalDate.of(2026, 2, 22),
                        LocalDate.of(2026, 2, 26),
                        LocalDate.of(2026, 2, 3),
                        LocalDate.of(2026, 2, 26),
                        LocalDate.of(2025, 10, 1));
        assertThat(DateResolver.resolve("yesterday, on Sunday", null)).isEmpty();
    }

    @Test
    void aWeekdayOfLastWeekAndAMonthOfLastYearAreInThePreviousWeekAndYear() {
        LocalDate published = LocalDate.of(2027, 5, 12); // a Wednesday
        List<DateResolver.Found> found = DateResolver.resolve(
                "A drone struck a house on Wednesday last week, and posts clashed on the night of Tuesday last week; "
                        + "strikes in February last year and in March had killed more, officials said last week.",
                published);
        assertThat(found)
                .extracting(DateResolver.Found::text)
                .containsExactly(
                        "on Wednesday last week",
                        "Tuesday last week",
                        "in February last year",
                        "in March",
                        "last week");
        assertThat(found)
                .extracting(DateResolver.Found::date)
                .containsExactly(
                        LocalDate.of(2027, 5, 5),
                        LocalDate.of(2027, 5, 4),
                        LocalDate.of(2026, 2, 1),
                        LocalDate.of(2027, 3, 1),
                        LocalDate.of(2027, 5, 5));
        // the most recent Wednesday is still the publication day itself
        assertThat(DateResolver.resolve("on Wednesday", published))
                .extracting(DateResolver.Found::date)
                .containsExactly(published);
    }
}
