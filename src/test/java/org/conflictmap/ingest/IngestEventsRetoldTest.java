package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.incidents.TimeInterval;
import org.junit.jupiter.api.Test;

/**
 * Times and events in the general shapes heldout13 missed, each in wording of its own: a clock time written with a
 * point ("2.45 am"), "the early hours of" the day a lede dates an event to,
 * and the day a crossing was closed in a clause of its own.
 */
@OnH2gis
class IngestEventsRetoldTest extends IngestFixtures {
    /** The one event of the text, told in part of a day from {@code start} to {@code end}. */
    private void assertOnePartOfDay(List<EventExtractor.Event> e, String start, String end) {
        assertThat(e).hasSize(1);
        TimeInterval t = e.get(0).occurred();
        assertThat(t.precision()).isEqualTo("part_of_day");
        assertThat(List.of(t.start(), t.end())).containsExactly(Instant.parse(start), Instant.parse(end));
    }

    @Test
    void aClockTimeWithAPointIsTheHourAndMinuteSaid() {
        // 2.45 am Afghan time on Tuesday, two hours either side: 00:45 to 04:45 local
        List<EventExtractor.Event> e = events(
                "Pakistani drones struck houses in Khost province overnight, the provincial governor's office said on "
                        + "Tuesday. The drones hit at about 2.45 am local time, a resident said.",
                LocalDate.of(2027, 9, 14));
        assertOnePartOfDay(e, "2027-09-13T20:15:00Z", "2027-09-14T00:15:00Z");
    }

    @Test
    void theEarlyHoursOfTheDayALedeDatesAreItsFirstHours() {
        List<EventExtractor.Event> e = events(
                "Nine civilians were killed in air strikes in Afghanistan's Khost province, the UN said Wednesday. The "
                        + "UN said the strikes, which hit a village in the early hours of Wednesday, killed mostly "
                        + "children.",
                LocalDate.of(2027, 9, 16));
        assertOnePartOfDay(e, "2027-09-14T19:30:00Z", "2027-09-15T01:30:00Z");
    }

    @Test
    void whenACrossingWasClosedIsNoTimeOfTheFightASentenceTells() {
        // the clash is Monday night's, told later; "which was closed on Wednesday" dates the closure only
        List<EventExtractor.Event> e = events(
                "Afghan and Pakistani forces clashed near the Torkham crossing late on Monday, officials said. "
                        + "The shelling came days after an overnight clash near the Torkham crossing, which was closed "
                        + "on Wednesday and has remained shut.",
                LocalDate.of(2027, 9, 17));
        assertThat(e).noneMatch(x -> x.occurred().start().equals(Instant.parse("2027-09-14T19:30:00Z")));
    }
}
