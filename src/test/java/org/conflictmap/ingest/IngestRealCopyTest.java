package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Test;

/**
 * Events and times in the shapes real reports take, each in wording of its own: a date something was due on, "this
 * morning" in a quote, and a district named with its province that lies far from the event told though the provinces
 * touch.
 */
@OnH2gis
class IngestRealCopyTest extends IngestFixtures {
    @Test
    void aDateSomethingWasSetToStartOnIsNoTimeOfTheEvent() {
        EventExtractor.Event e = first(
                "Pakistani jets struck a village in Khost province on Friday, killing six people, a local official said. "
                        + "A football tournament in the province that was set to begin on December 3 was called off "
                        + "after the killing of two players in the strikes.",
                LocalDate.of(2027, 11, 6));
        // Friday 5 November, Afghan time; not 3 December of the year before
        assertOccurred(e, "day", "2027-11-04T19:30:00Z");
    }

    @Test
    void thisMorningInTheCopyIsThatMorningOfThePublicationDay() {
        EventExtractor.Event e = first(
                "Afghan forces fired mortars at border posts near Chaman this morning, wounding two soldiers, a local "
                        + "official said.",
                LocalDate.of(2027, 5, 12));
        // 05:00 to noon, Pakistan time
        assertOccurred(e, "part_of_day", "2027-05-12T00:00:00Z", "2027-05-12T07:00:00Z");
        // a morning of the aftermath is no time of the strike told overnight
        EventExtractor.Event night = first(
                "Pakistani jets struck villages in Khost province overnight, killing seven people, officials said. "
                        + "\"We dug my cousins out of the rubble this morning,\" a villager said.",
                LocalDate.of(2027, 5, 12));
        assertOccurred(night, "part_of_day", "2027-05-11T13:30:00Z", "2027-05-12T01:30:00Z");
    }

    @Test
    void aDistrictFarFromTheEventToldIsAnotherEventThoughItsProvinceTouchesTheEventsProvince() {
        List<EventExtractor.Event> events = events(
                "Troops repulsed an attack on border posts near Chaman in Balochistan early on Wednesday, killing 12 "
                        + "attackers, the army said. During the night of 14/15 October, militants attacked border posts in "
                        + "Kurram district in Khyber Pakhtunkhwa, and eight of their positions were destroyed, the army "
                        + "added.",
                LocalDate.of(2027, 10, 15));
        assertThat(events).hasSize(2);
        // Kurram is filed under its province
        assertThat(events.get(1).places()).containsKey("pk-province-khyber-pakhtunkhwa");
        assertThat(events.get(0).places()).doesNotContainKey("pk-province-khyber-pakhtunkhwa");
    }
}
