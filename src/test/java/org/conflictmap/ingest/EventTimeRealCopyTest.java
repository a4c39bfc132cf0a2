package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

/**
 * How real reporters write times, each in wording of its own: a page's stamp beside its copy, "last night" in a quote, a weekday followed by "late", and "night 14/15" without "of".
 */
class EventTimeRealCopyTest {
    private static final LocalDate SUNDAY = LocalDate.of(2027, 3, 7);

    private static EventTime.When sunday() {
        return new EventTime.When(0, 6, SUNDAY.atStartOfDay(), SUNDAY.atTime(LocalTime.MAX), "day");
    }

    @Test
    void theClockOfAPagesStampIsNotWhenAnythingHappened() {
        EventTime.When day = sunday();
        assertThat(EventTime.clock(day, "Updated Mar 7, 2027 02:15 pm")).isSameAs(day);
        assertThat(EventTime.clock(day, "3 min read Mar 7, 2027 09:05 AM IST Mortars hit two villages"))
                .isSameAs(day);
        // a clock in the copy itself still narrows the day
        EventTime.When told = EventTime.clock(day, "Updated Mar 7, 2027 The shelling began at about 11 pm");
        assertThat(told.from()).isEqualTo(SUNDAY.atTime(23, 0));
    }

    @Test
    void lastNightSaidOnTheDayTheEventIsDatedToIsTheNightThatRanIntoIt() {
        EventTime.When night =
                EventTime.clock(sunday(), "\"Last night, their jets hit our villages,\" the spokesman told reporters.");
        assertThat(night.from()).isEqualTo(SUNDAY.minusDays(1).atTime(18, 0));
        assertThat(night.to()).isEqualTo(SUNDAY.atTime(6, 0));
    }

    @Test
    void aWeekdayFollowedByLateIsItsLastHours() {
        EventTime.When late = EventTime.part(0, 6, SUNDAY, "sunday  late, after a long", "tensions rose on ");
        assertThat(late.from()).isEqualTo(SUNDAY.atTime(17, 0));
        assertThat(late.to()).isEqualTo(SUNDAY.atTime(LocalTime.MAX));
        // "late on" before a second date is not the weekday's own "late"
        EventTime.When day = EventTime.part(0, 6, SUNDAY, "sunday late on monday", "");
        assertThat(day.from()).isEqualTo(SUNDAY.atStartOfDay());
    }

    @Test
    void nightWithTwoDaysAndNoOfIsTheNightBetweenThem() {
        LocalDate second = LocalDate.of(2027, 10, 15);
        EventTime.When night = EventTime.part(0, 10, second, "15 october", "On night 14/");
        assertThat(night.from()).isEqualTo(LocalDateTime.of(2027, 10, 14, 18, 0));
        assertThat(night.to()).isEqualTo(LocalDateTime.of(2027, 10, 15, 6, 0));
    }
}
