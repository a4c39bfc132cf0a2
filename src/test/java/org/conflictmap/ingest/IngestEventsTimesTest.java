package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Test;

/**
 * Events and times in the general shapes heldout12 missed, each in wording of its own: a clock time that starts the
 * fighting and the end said after it, the last hours before midnight, "the night of 9 to 10", what a sentence counts
 * from the event being told ("a day earlier", "two days after", "the same night"), a month and year before a noun, a
 * period "since" something that is no violence, a second event told in the same sentence, "Separately" with strikes of
 * its own, a definite kind naming the last event of that kind, and places that are not where anything happened.
 */
@OnH2gis
class IngestEventsTimesTest extends IngestFixtures {
    static final String CHAMAN = "crossing-chaman-spin-boldak";
    static final String TORKHAM = "crossing-torkham";
    static final String KHOST = "af-province-khost";
    static final String PAKTIKA = "af-province-paktika";
    static final String KABUL = "geonames-1138958";
    static final String HANGU = "geonames-1177203";
    static final String DURAND_LINE = "border-durand-line";

    @Test
    void aClockTimeThatStartsTheFightingRunsToTheEndItsWordsSay() {
        // 11 p.m. to 4 a.m. local time (the crossing's: Afghan time)
        assertOccurred(
                events(
                                "Afghan and Pakistani forces clashed near the Chaman crossing late on Sunday, officials said. "
                                        + "The firing began at about 11 p.m. and went on until about 4 a.m., a resident said.",
                                LocalDate.of(2027, 4, 12))
                        .get(0),
                "part_of_day",
                "2027-04-11T18:30:00Z",
                "2027-04-11T23:30:00Z");
        // a count of hours in a later sentence
        assertOccurred(
                events(
                                "Pakistani forces fired mortar shells into Dangam district of Kunar province on Monday, wounding "
                                        + "three civilians. The district chief said the firing started at around 3pm. \"We "
                                        + "heard explosions for almost an hour,\" a resident said.",
                                LocalDate.of(2027, 4, 13))
                        .get(0),
                "part_of_day",
                "2027-04-12T10:30:00Z",
                "2027-04-12T11:30:00Z");
        // no end said: two hours on (Chaman town is Pakistan's: 9 to 11 p.m. Pakistan time)
        assertOccurred(
                events(
                                "Gunmen opened fire on a checkpost near Chaman at around 9 pm on Sunday, killing two "
                                        + "policemen.",
                                LocalDate.of(2027, 4, 12))
                        .get(0),
                "part_of_day",
                "2027-04-11T16:00:00Z",
                "2027-04-11T18:00:00Z");
    }

    @Test
    void shellsOfAFightThatRunsOnUntilDawnAreTheFightsAndShortlyBeforeMidnightIsTheLastHours() {
        List<EventExtractor.Event> night = events(
                "Afghan and Pakistani forces fought near the Chaman crossing late on Sunday, officials said. "
                        + "The firing started at about 10 p.m. and died down before dawn on Monday, according to a "
                        + "shopkeeper who said several shells had landed near the road.",
                LocalDate.of(2027, 4, 12));
        assertThat(night).hasSize(1);
        assertOccurred(night.get(0), "part_of_day", "2027-04-11T17:30:00Z", "2027-04-12T00:30:00Z");
        assertOccurred(
                events(
                                "The clash began near the Chaman crossing shortly before midnight on Sunday, residents said.",
                                LocalDate.of(2027, 4, 13))
                        .get(0),
                "part_of_day",
                "2027-04-11T16:30:00Z",
                null);
    }

    @Test
    void theNightOfOneDayToTheNextBeginsOnTheFirst() {
        assertOccurred(
                events(
                                "Families fled their homes after clashes near the Torkham crossing on the night of 3 to 4 "
                                        + "June.",
                                LocalDate.of(2027, 6, 6))
                        .get(0),
                "part_of_day",
                "2027-06-03T13:30:00Z",
                null);
    }

    @Test
    void whatASentenceCountsItCountsFromTheEventTold() {
        // "A day earlier" after Thursday's drone: Wednesday's night, not the night before the report
        List<EventExtractor.Event> drone = events(
                "On Thursday, the Taliban said they had shot down a Pakistani drone over Khost province. "
                        + "A day earlier, fighting broke out overnight in Kunar province, killing two soldiers.",
                LocalDate.of(2027, 4, 10));
        assertThat(drone).hasSize(2);
        assertOccurred(drone.get(1), "part_of_day", "2027-04-07T13:30:00Z", "2027-04-08T01:30:00Z");
        // "came two days after": two days before Thursday's shelling
        List<EventExtractor.Event> shelling = events(
                "Pakistani shells struck villages in Kunar province on Thursday afternoon, killing four civilians. "
                        + "The shelling came two days after fighting between Afghan and Pakistani forces near the Torkham "
                        + "crossing.",
                LocalDate.of(2027, 4, 10));
        assertThat(shelling).hasSize(2);
        assertOccurred(shelling.get(1), "day", "2027-04-05T19:30:00Z", null);
        // "days after" without a count: two to seven days before
        List<EventExtractor.Event> days = events(
                "Pakistani jets bombed houses in Khost province on Friday, killing nine civilians. The strikes came "
                        + "days after clashes between Afghan and Pakistani forces near the Torkham crossing.",
                LocalDate.of(2027, 4, 10));
        assertThat(days).hasSize(2);
        assertOccurred(days.get(1), "week", "2027-04-01T19:30:00Z", "2027-04-07T19:29:59.999999999Z");
        // what was announced a day earlier is no time of the event
        assertThat(events(
                        "The ministry said Afghan forces killed 20 Pakistani soldiers in Thursday night's fighting near "
                                + "Torkham. On Saturday it said they had captured eleven posts, up from the nine it announced "
                                + "a day earlier.",
                        LocalDate.of(2027, 4, 10)))
                .hasSize(1);
    }

    @Test
    void aSecondEventOfAnotherKindInTheSameSentenceIsItsOwnAndTheSameNightIsTheNightTold() {
        List<EventExtractor.Event> events = events(
                "Afghan forces attacked Pakistani posts near Chaman on Tuesday night, killing five soldiers, a Taliban "
                        + "spokesman said, adding that Pakistani artillery had shelled Dangam district of Kunar the same night.",
                LocalDate.of(2027, 4, 14));
        assertThat(events).extracting(EventExtractor.Event::type).containsExactly("armed_clash", "shelling");
        assertOccurred(events.get(1), "part_of_day", "2027-04-13T13:30:00Z", null);
        assertThat(events.get(1).places()).doesNotContainKey(CHAMAN);
        // "…, and after …": the other event of a sentence that already tells one after "came days after"
        List<EventExtractor.Event> three = events(
                "Pakistani jets bombed houses in Khost province on Friday night, killing nine civilians. The latest "
                        + "air strikes came days after clashes near the Chaman crossing, and after Pakistani shelling "
                        + "killed civilians in Kunar province on Thursday.",
                LocalDate.of(2027, 4, 10));
        assertThat(three)
                .extracting(EventExtractor.Event::type)
                .containsExactly("air_strike", "armed_clash", "shelling");
        assertThat(three.get(2).places()).doesNotContainKey(CHAMAN);
    }

    @Test
    void aMonthBeforeANounIsItsTimeAndAPeriodSinceSomethingElseIsNoTime() {
        List<EventExtractor.Event> march = events(
                "Qatar, which mediated between the two after the March 2026 fighting, called for restraint.",
                LocalDate.of(2027, 4, 10));
        assertThat(march).hasSize(1);
        assertOccurred(march.get(0), "month", "2026-02-28T19:30:00Z", null);
        // since a return to power: when a period began, and what the frontier "has seen" since is no event
        assertThat(events(
                        "Pakistani jets struck Khost on Friday night, killing five civilians, a local official said. "
                                + "Since the Taliban's return to power in August 2021, the frontier has seen frequent clashes.",
                        LocalDate.of(2027, 4, 10)))
                .extracting(EventExtractor.Event::type)
                .containsExactly("air_strike");
    }

    @Test
    void aPhraseFromSinceEndsWhereAClauseIsJoinedOrAtItsComma() {
        List<EventExtractor.Event> joined = events(
                "Afghan and Pakistani forces exchanged fire at the Chaman crossing on Monday, officials said. "
                        + "Ties have been tense since the fighting of March 2026, and Chaman has been closed many times.",
                LocalDate.of(2027, 4, 13));
        assertThat(joined).hasSize(2);
        assertThat(joined.get(1).occurred().precision()).isEqualTo("month");
        assertThat(joined.get(1).places()).doesNotContainKey(CHAMAN);
        List<EventExtractor.Event> opening = events(
                "Since the March 2026 border fighting, the Chaman crossing has been shut again and again.",
                LocalDate.of(2027, 4, 13));
        assertThat(opening).hasSize(1);
        assertThat(opening.get(0).occurred().precision()).isEqualTo("month");
        assertThat(opening.get(0).places()).doesNotContainKey(CHAMAN);
    }

    @Test
    void separatelyWithStrikesOfItsOwnIsItsOwnEvent() {
        assertThat(EventTypes.cue("Precise strikes were carried out on hideouts of khwarij.", 0)
                        .type())
                .isEqualTo("air_strike");
        List<EventExtractor.Event> events = events(
                "On the night of 3/4 June 2027, Afghan posts opened fire on Pakistani border posts in Bajaur District. "
                        + "Own troops responded with full force and 10 attackers were killed. Separately, on 3 June 2027, "
                        + "precise strikes were carried out on hideouts of khwarij in Paktika, Afghanistan. More than 20 "
                        + "khwarij were killed.",
                LocalDate.of(2027, 6, 4));
        assertThat(events).hasSize(2);
        assertThat(events.get(1).type()).isEqualTo("air_strike");
        assertThat(events.get(1).places()).containsKey(PAKTIKA);
        assertThat(events.get(0).places()).doesNotContainKey(PAKTIKA);
    }

    @Test
    void aKindToldAgainWithTheIsTheLastEventOfThatKindAndAPlaceNamingAnotherKindIsNotItsPlace() {
        // "the strikes" with places of their own: the strikes told, now located; Hangu names the suicide attack
        List<EventExtractor.Event> strikes = events(
                "Security forces carried out precise strikes on hideouts along the border overnight, killing 40 "
                        + "terrorists including commanders behind the Hangu suicide attack, security sources said. "
                        + "According to the sources, the strikes were carried out against hideouts in the border areas "
                        + "of Khost and Paktika.",
                LocalDate.of(2027, 5, 20));
        assertThat(strikes).hasSize(1);
        assertThat(strikes.get(0).places()).containsKeys(KHOST, PAKTIKA).doesNotContainKey(HANGU);
        // "the latest airstrikes" after a drone told since: the strikes, and the drone takes no place from it
        List<EventExtractor.Event> drone = events(
                "Pakistani airstrikes hit Gomal district of Paktika on Monday night, killing 19 civilians. "
                        + "On Wednesday, the ministry said its forces shot down a Pakistani drone over Khost province. "
                        + "Analysts warn that the latest airstrikes could lead to more fighting along the border.",
                LocalDate.of(2027, 4, 15));
        assertThat(drone).extracting(EventExtractor.Event::type).containsExactly("air_strike", "shoot_down_claim");
        assertThat(drone.get(1).places()).doesNotContainKey(DURAND_LINE);
    }

    @Test
    void whereSomeoneWorksAStatementsCapitalAndAQuotationAreNoPlacesOfTheEvent() {
        List<EventExtractor.Event> events = events(
                "Pakistani jets struck Paktika province on Monday night, killing six civilians, officials said. "
                        + "\"It is always the same: an attack inside Pakistan, then a strike across the border,\" said "
                        + "Sana Mir, an Islamabad-based analyst. The attacks come amid a new spike in violence along "
                        + "the border.",
                LocalDate.of(2027, 4, 13));
        assertThat(events).hasSize(1);
        assertThat(events.get(0).places()).containsOnlyKeys(PAKTIKA);
        List<EventExtractor.Event> kabul = events(
                "The defence ministry, in a statement issued in Kabul, said a mortar round killed a civilian in "
                        + "Dangam district of Kunar province on Sunday.",
                LocalDate.of(2027, 4, 13));
        assertThat(kabul.get(0).places()).doesNotContainKey(KABUL);
    }

    @Test
    void anUndatedEventTakesNoMonthLongBeforeAndAnOldFightTakesNoNewToll() {
        List<EventExtractor.Event> undated = events(
                "Afghan and Pakistani forces clashed near the Chaman crossing, officials said. Tensions have risen "
                        + "since March 2026, when fighting along the frontier killed dozens.",
                LocalDate.of(2027, 4, 13));
        assertThat(undated).hasSize(2);
        assertThat(undated.get(0).occurred().precision()).isEqualTo("day");
        assertThat(undated.get(1).occurred().precision()).isEqualTo("month");
        // a timeline: the soldiers of the convoy are the bombing's, not the border battles' of a year before
        List<EventExtractor.Event> timeline = events(
                "March 2026: The neighbours fight their worst border battles in years.\n\n"
                        + "May 4, 2027: A suicide car bomb hits an army convoy near Wana. The military says five soldiers "
                        + "were killed.",
                LocalDate.of(2027, 5, 16));
        assertThat(timeline).extracting(EventExtractor.Event::type).containsExactly("armed_clash", "suicide_bomb");
        assertThat(timeline.get(0).claims()).isEmpty();
        assertThat(timeline.get(1).claims()).hasSize(1);
    }

    @Test
    void theCrossingIsTheOneNamedBeforeAndDronesShotDownAreAShootDownClaim() {
        List<EventExtractor.Event> camp = events(
                "Torkham has seen repeated violence. In late March 2026, a mortar shell hit a camp near the crossing, "
                        + "wounding 13 civilians.",
                LocalDate.of(2027, 4, 13));
        assertThat(camp).hasSize(1);
        assertThat(camp.get(0).places()).containsKey(TORKHAM);
        assertThat(EventTypes.cue(
                                "Mujahid wrote that air-defence units had shot down two Pakistani drones over Barmal.",
                                0)
                        .type())
                .isEqualTo("shoot_down_claim");
    }
}
