package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Test;

/**
 * Times, places, kinds and lines in the general shapes heldout14 missed, each in wording of its own: a part of the day
 * named before its date ("the late evening of 3 March"), a wounded man who died later, the two sides blaming each other
 * on the day of publication, "N days after" counted from the day that holds the event told, a line linking to another
 * story, the district a place lies on the other side of the border from, a list of provinces, an intelligence-based
 * operation, and a tally over a period.
 */
@OnH2gis
class IngestTimesPlacesTest extends IngestFixtures {
    @Test
    void aPartOfTheDayNamedBeforeItsDateIsThatPartOfTheDay() {
        List<EventExtractor.Event> found = events(
                "Mortar rounds hit a house in Dangam district of Kunar province in the late evening of 3 March, killing "
                        + "two children, the district chief said.",
                LocalDate.of(2027, 3, 5));
        assertThat(found).hasSize(1);
        // 17:00 to midnight, Afghan time
        assertOccurred(found.get(0), "part_of_day", "2027-03-03T12:30:00Z");
    }

    @Test
    void aWoundedManWhoDiedLaterDoesNotDateTheAttack() {
        List<EventExtractor.Event> found = events(
                "Militants attacked a police checkpost in Chaman late on Tuesday, killing three policemen. A fourth "
                        + "policeman, who succumbed to his injuries on Thursday morning in hospital, was buried in Quetta.",
                LocalDate.of(2027, 4, 15));
        assertThat(found).hasSize(1);
        // late Tuesday, Pakistan time
        assertThat(found.get(0).occurred().start()).isEqualTo(Instant.parse("2027-04-13T12:00:00Z"));
    }

    @Test
    void theDayTheTwoSidesBlamedEachOtherIsWhenItWasSaid() {
        List<EventExtractor.Event> found = events(
                "Kabul and Islamabad on Thursday blamed each other for a night-long exchange of fire near the Torkham "
                        + "crossing. The firing began late on Tuesday and went on until dawn on Wednesday, officials said.",
                LocalDate.of(2027, 4, 15));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).occurred().start()).isBefore(Instant.parse("2027-04-14T00:00:00Z"));
    }

    @Test
    void daysAfterANightAreCountedFromTheDayTheNightBegan() {
        List<EventExtractor.Event> found = events(
                "Pakistani drones struck two houses in Barmal district of Paktika province on Wednesday night, killing "
                        + "four people, residents said. The strikes hit at about 11 pm, a villager said. The strikes came "
                        + "three days after Afghan and Pakistani forces fought near the Torkham crossing.",
                LocalDate.of(2027, 4, 15));
        assertThat(found).hasSize(2);
        // Sunday 11 April, three days before the Wednesday, not before the Thursday the night ran into
        assertThat(found.get(1).occurred().start()).isEqualTo(Instant.parse("2027-04-10T19:30:00Z"));
    }

    @Test
    void aLineLinkingToAnotherStoryIsNoEvent() {
        List<EventExtractor.Event> found = events(
                "Two civilians were killed when shells landed in Arandu on Sunday, police said.\n\n"
                        + "Related: Five policemen wounded in attack on check post in Bannu\n\n"
                        + "Read more: Gunmen kill shopkeeper in Tank",
                LocalDate.of(2027, 5, 10));
        assertThat(found).hasSize(1);
    }

    @Test
    void theDistrictAPlaceLiesAcrossTheBorderFromIsNotTheEventsPlace() {
        List<EventExtractor.Event> found = events(
                "Drones struck houses in Goshta district of Nangarhar on Sunday night, killing four people. The district "
                        + "lies on the other side of the border from Pakistan's Mohmand district.",
                LocalDate.of(2027, 5, 10));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).places()).containsKey("af-province-nangarhar");
        assertThat(found.get(0).places()).doesNotContainKey("pk-province-khyber-pakhtunkhwa");
    }

    @Test
    void namesListedAfterTheProvincesOfAreProvinces() {
        List<EventExtractor.Event> found = events(
                "In March 2026, Pakistani jets bombed the provinces of Khost and Kandahar, the United Nations said.",
                LocalDate.of(2027, 5, 10));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).places()).containsKeys("af-province-khost", "af-province-kandahar");
        assertThat(found.get(0).places()).doesNotContainKey("geonames-1138336");
    }

    @Test
    void anIntelligenceBasedOperationIsAClashUnlessAStrikeIsNamed() {
        assertThat(first(
                                "Eight militants were killed in an intelligence-based operation in Datta Khel, North "
                                        + "Waziristan, on Tuesday, the military said.",
                                LocalDate.of(2027, 4, 15))
                        .type())
                .isEqualTo("armed_clash");
        assertThat(first(
                                "Security forces killed 12 militants in an intelligence-based operation, officials said on "
                                        + "Tuesday, in what residents called a drone strike on a house in Paktika.",
                                LocalDate.of(2027, 4, 15))
                        .type())
                .isEqualTo("air_strike");
    }

    @Test
    void aTallyOverAPeriodIsNoEvent() {
        List<EventExtractor.Event> found = events(
                "Pakistani shells killed a farmer in Dangam district of Kunar province on Sunday, police said. A local "
                        + "rights group said 52 civilians had been killed by cross-border fire in Kunar and Nangarhar since "
                        + "March. The monitors said that between 1 May and 30 June they documented 40 casualties.",
                LocalDate.of(2027, 7, 6));
        assertThat(found).hasSize(1);
        assertThat(found.get(0).places()).doesNotContainKey("af-province-nangarhar");
    }
}
