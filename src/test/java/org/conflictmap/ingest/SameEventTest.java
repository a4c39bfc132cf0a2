package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conflictmap.incidents.Claim;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.PlaceRef;
import org.conflictmap.incidents.Source;
import org.conflictmap.incidents.TimeInterval;
import org.junit.jupiter.api.Test;

/** When two outlets' reports are one event by kind and time ({@link SameEvent}); places are the store's part. */
class SameEventTest {
    static final TimeInterval THURSDAY_NIGHT = new TimeInterval(
            Instant.parse("2034-06-15T12:30:00Z"), Instant.parse("2034-06-15T19:30:00Z"), "part_of_day");
    static final TimeInterval FRIDAY_NIGHT = new TimeInterval(
            Instant.parse("2034-06-16T12:30:00Z"), Instant.parse("2034-06-16T19:30:00Z"), "part_of_day");
    static final TimeInterval FRIDAY_EARLY = new TimeInterval(
            Instant.parse("2034-06-15T19:30:00Z"), Instant.parse("2034-06-16T04:30:00Z"), "part_of_day");
    static final TimeInterval THURSDAY_EARLY = new TimeInterval(
            Instant.parse("2034-06-14T19:30:00Z"), Instant.parse("2034-06-15T04:30:00Z"), "part_of_day");
    /** Friday in Afghan time, 15 hours after early Thursday ends. */
    static final TimeInterval FRIDAY =
            new TimeInterval(Instant.parse("2034-06-15T19:30:00Z"), Instant.parse("2034-06-16T19:29:59Z"), "day");

    /** A Pakistani claim of {@code n} killed on {@code side}, by a claimant each outlet names its own way. */
    static Claim killed(String claimant, String side, int n) {
        return new Claim(
                claimant, "pk_government", side, n, null, null, null, null, null, "killed: " + n, null, List.of("S1"));
    }

    static Incident told(String type, TimeInterval when, Claim... claims) {
        return new Incident(
                "draft-x",
                "Violence",
                null,
                type,
                "draft",
                when,
                "province",
                List.of(new PlaceRef("af-province-kunar", "Kunar")),
                List.of(),
                null,
                List.of("ingest"),
                List.of(claims),
                List.of(new Source("S1", "AFP", null, LocalDate.parse("2034-06-17"), null)),
                DraftsMergeTest.PROVINCE,
                0,
                Instant.EPOCH,
                Instant.EPOCH);
    }

    @Test
    void outletsWordsForOneFightOrOneBombingAgreeButAnAirStrikeIsNoClash() {
        assertThat(SameEvent.kindsAgree("shelling", "armed_clash")).isTrue();
        assertThat(SameEvent.kindsAgree("cross_border_fire", "shelling")).isTrue();
        assertThat(SameEvent.kindsAgree("suicide_bomb", "remote_explosive")).isTrue();
        assertThat(SameEvent.kindsAgree("air_strike", "armed_clash")).isFalse();
        assertThat(SameEvent.kindsAgree("suicide_bomb", "shelling")).isFalse();
    }

    @Test
    void aReportDatedToADayOffIsTheEventOnlyWithAFigureOfItOrItsSite() {
        Incident draft = told("armed_clash", THURSDAY_EARLY, killed("Pakistan military", "af_forces", 30));
        assertThat(SameEvent.timesAgree(draft, told("armed_clash", FRIDAY), false))
                .as("a day's report a day off, nothing restated")
                .isFalse();
        Incident friday = told("armed_clash", FRIDAY, killed("ISPR", "af_forces", 30));
        assertThat(SameEvent.gap(draft.occurred(), friday.occurred())).isPositive();
        assertThat(SameEvent.timesAgree(draft, friday, false))
                .as("the same 30 restated")
                .isTrue();
        assertThat(SameEvent.timesAgree(draft, told("armed_clash", FRIDAY), true))
                .as("the same crossing, the same kind")
                .isTrue();
    }

    @Test
    void twoNightsToldAsNightsStayTwoEvenWithTheSameFigure() {
        Incident draft = told("armed_clash", THURSDAY_NIGHT, killed("Pakistan military", "af_forces", 3));
        assertThat(SameEvent.timesAgree(draft, told("armed_clash", FRIDAY_NIGHT, killed("ISPR", "af_forces", 3)), true))
                .isFalse();
        assertThat(SameEvent.timesAgree(
                        draft, told("armed_clash", FRIDAY_EARLY, killed("ISPR", "af_forces", 3)), false))
                .as("the small hours after the night: within the slack")
                .isTrue();
    }

    /** The month of the October clashes, as a background line dates them. */
    static final TimeInterval THAT_MONTH =
            new TimeInterval(Instant.parse("2034-05-31T19:30:00Z"), Instant.parse("2034-06-30T19:29:59Z"), "month");

    @Test
    void twoOutletsMonthOfAPublishedEpisodeIsOneAmendmentButANightIsLeftToPlaceAndTime() {
        Incident published = told("armed_clash", THAT_MONTH);
        Incident amendment = Drafts.amending(told("armed_clash", THAT_MONTH), published);
        assertThat(ArticleIngest.amendsTheSameMonth(amendment, published, told("armed_clash", THAT_MONTH)))
                .isTrue();
        assertThat(ArticleIngest.amendsTheSameMonth(amendment, published, told("armed_clash", FRIDAY)))
                .as("a night of that month")
                .isFalse();
        assertThat(ArticleIngest.amendsTheSameMonth(
                        told("armed_clash", THAT_MONTH), published, told("armed_clash", THAT_MONTH)))
                .as("a draft amending nothing")
                .isFalse();
    }
}
