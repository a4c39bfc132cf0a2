package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Test;

/**
 * Events and their kinds in the shapes heldout8–11 missed: two past events of two kinds in one sentence of background,
 * each with its month; a past month with its own "when" after a clash told today; a later sentence about the day's
 * fight that is no part of a background month; a longer cue over the one inside it.
 */
@OnH2gis
class IngestEventsTest extends IngestFixtures {
    static final String CHAMAN = "geonames-1181611";

    @Test
    void twoPastEventsOfTwoKindsInOneSentenceAreTwoEventsEachWithItsMonth() {
        List<EventExtractor.Event> events = events(
                "The neighbours fought bitter battles along the frontier in March 2024, and again in June 2025, when "
                        + "Pakistani jets bombed Khost.",
                LocalDate.of(2027, 4, 9));
        assertThat(events).extracting(EventExtractor.Event::type).containsExactly("armed_clash", "air_strike");
        assertThat(events.get(0).occurred().precision()).isEqualTo("month");
        assertThat(events.get(0).occurred().start()).isEqualTo(Instant.parse("2024-02-29T19:30:00Z"));
        assertThat(events.get(1).occurred().start()).isEqualTo(Instant.parse("2025-05-31T19:30:00Z"));
    }

    @Test
    void aPastMonthWithItsOwnWhenAfterTheDaysClashIsItsOwnEvent() {
        List<EventExtractor.Event> events = events(
                "Pakistani and Afghan forces clashed near Chaman on Monday night, killing two soldiers, the army said. "
                        + "Monday's clash was the worst along the frontier since April 2024, when the two armies fought "
                        + "for a week before a truce.",
                LocalDate.of(2027, 4, 6));
        assertThat(events).extracting(EventExtractor.Event::type).containsExactly("armed_clash", "armed_clash");
        assertThat(events.get(1).occurred().precision()).isEqualTo("month");
        assertThat(events.get(0).sentences()).hasSize(2);
    }

    @Test
    void aLaterSentenceWithoutATimeIsNotTheBackgroundMonths() {
        List<EventExtractor.Event> events = events(
                "Afghan and Pakistani forces exchanged fire at the Chaman crossing on Monday, wounding four civilians, "
                        + "officials said. Relations have been poor since April 2024, when dozens were killed in border "
                        + "clashes. The foreign ministry declined to comment on the Chaman clash.",
                LocalDate.of(2027, 4, 6));
        assertThat(events).hasSize(2);
        assertThat(events.get(1).occurred().precision()).isEqualTo("month");
        assertThat(events.get(1).places()).doesNotContainKey(CHAMAN);
        assertThat(events.get(0).sentences()).hasSize(2);
    }

    @Test
    void aLongerCueOverTheOneInsideItSaysTheKind() {
        String bombing = "Six soldiers died in a suicide car bombing on May 3 in Bannu.";
        assertThat(EventTypes.cue(bombing, 0, bombing.indexOf("May 3")).type()).isEqualTo("suicide_bomb");
        String device = "Last week, a remote-controlled bomb killed two policemen in Quetta.";
        assertThat(EventTypes.cue(device, 0, 0).type()).isEqualTo("remote_explosive");
        // the shorter cue alone still is its kind
        assertThat(EventTypes.cue("The bombing on May 3 killed six.", 0, 12).type())
                .isEqualTo("remote_explosive");
    }

    @Test
    void retaliatoryOperationsAreAFight() {
        String night = "Afghan forces carried out \"retaliatory operations\" along the border on Monday night.";
        assertThat(EventTypes.cue(night, 0, night.indexOf("on Monday")).type()).isEqualTo("armed_clash");
    }
}
