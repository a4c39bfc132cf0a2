package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geocoding.Geocoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Places that are not where the event happened, in their general forms (issue 19, heldout10's misses): a dateline of two
 * cities after a headline, a capital acting as its government, the hospital the wounded were taken to, where a speaker
 * spoke from, the dead's hometown, a spate of attacks, what an event was followed by; and a town named as a region, which
 * is the district, or as a district's province ("the Spin Boldak district of Kandahar"), which is the province.
 */
@OnH2gis
class IngestPlacesTest {
    static final String KABUL = "geonames-1138958";
    static final String ISLAMABAD = "geonames-1176615";
    static final String CHITRAL = "geonames-1181065";
    static final String PAKTIKA = "af-province-paktika";
    static final LocalDate PUBLISHED = LocalDate.of(2027, 11, 10);

    @Autowired
    EventExtractor extractor;

    @Autowired
    Geocoder geocoder;

    @Autowired
    Gazetteer gazetteer;

    /** The places the fixtures name, by the words they are named with. */
    static final Map<String, String> NAMED = Map.of(
            "Kabul", KABUL,
            "Islamabad", ISLAMABAD,
            "KABUL", KABUL,
            "ISLAMABAD", ISLAMABAD,
            "Peshawar", "geonames-1168197",
            "PESHAWAR", "geonames-1168197",
            "Sharana", "geonames-8534261",
            "Paktika", PAKTIKA,
            "Khost", "geonames-1136469");

    /** Whether the first mention of {@code name} in the text (as the gazetteer place it names) is not the event's place. */
    private boolean notTheEvents(String text, String name) {
        int start = text.indexOf(name);
        Geocoder.Mention m = new Geocoder.Mention(
                name,
                start,
                start + name.length(),
                gazetteer.get(NAMED.get(name)).orElseThrow(),
                1,
                "exact",
                false,
                null,
                List.of());
        String id = m.place().id();
        return Places.notTheEventsPlace(
                text, m, id.equals(KABUL) || id.equals(ISLAMABAD), Places.namesAProvince(m, gazetteer.all()));
    }

    @Test
    void aDatelineOfTwoCitiesAfterAHeadlineIsNoPlace() {
        String text =
                "Pakistan says strikes killed militants\n\nISLAMABAD/KABUL, Nov 10 (Reuters) - Pakistani jets struck "
                        + "Paktika province late on Monday, killing 12 people, officials said.";
        assertThat(notTheEvents(text, "KABUL")).isTrue();
        assertThat(notTheEvents(text, "ISLAMABAD")).isTrue();
        String two =
                "Five soldiers martyred in Wana\n\nWANA / PESHAWAR: Five soldiers were martyred on Thursday when a "
                        + "suicide bomber struck a convoy near Wana.";
        assertThat(notTheEvents(two, "PESHAWAR")).isTrue();
        List<EventExtractor.Event> events = extractor.extract(text, PUBLISHED);
        assertThat(events).hasSize(1);
        assertThat(events.get(0).places()).doesNotContainKeys(KABUL, ISLAMABAD).containsKey(PAKTIKA);
        // a city opening a sentence of the report is still a place
        assertThat(notTheEvents("Headline\n\nPeshawar was hit by a suicide bombing on Friday.", "Peshawar"))
                .isFalse();
    }

    @Test
    void aCapitalWithAVerbOfItsOwnIsItsGovernment() {
        assertThat(notTheEvents(
                        "The clash follows months of tension over what Islamabad says is a failure.", "Islamabad"))
                .isTrue();
        assertThat(notTheEvents("Militants use Afghan soil, a charge Kabul rejects.", "Kabul"))
                .isTrue();
        assertThat(notTheEvents("Jets struck in an operation Islamabad named Ghazab lil-Haq.", "Islamabad"))
                .isTrue();
        assertThat(notTheEvents("\"If Kabul cannot act, we will.\"", "Kabul")).isTrue();
        assertThat(notTheEvents("Islamabad accuses Kabul of harboring militants.", "Kabul"))
                .isTrue();
        assertThat(notTheEvents("Pakistan tries to blame its own failures on Kabul.", "Kabul"))
                .isTrue();
        // the capital struck, or a word that goes with the city, is the place
        assertThat(notTheEvents("Pakistani air strikes on Kabul killed five people on Friday.", "Kabul"))
                .isFalse();
        assertThat(notTheEvents("A blast in Kabul wounded 12 people.", "Kabul")).isFalse();
        assertThat(notTheEvents("Kabul residents said the jets struck at night.", "Kabul"))
                .isFalse();
        assertThat(notTheEvents("Explosions were heard in Kabul and Kandahar on Friday.", "Kabul"))
                .isFalse();
    }

    @Test
    void theHospitalTheWoundedWereTakenToIsNoPlace() {
        assertThat(notTheEvents(
                        "Sources at the provincial hospital in Sharana said 21 wounded had been brought in.",
                        "Sharana"))
                .isTrue();
        assertThat(notTheEvents("The wounded were taken to Peshawar's Lady Reading Hospital.", "Peshawar"))
                .isTrue();
        assertThat(notTheEvents("A drone struck a vehicle near Sharana on Tuesday.", "Sharana"))
                .isFalse();
        // an ISPR release's "evacuated to Combined Military Hospital Peshawar": where they went, before the town
        assertThat(EventExtractor.TREATED_IN
                        .matcher(
                                "Further 3 soldiers got injured and have been evacuated to Combined Military Hospital ")
                        .find())
                .isTrue();
    }

    @Test
    void whereASpeakerSpokeFromWhereTheDeadCameFromAndASpateOfAttacksAreNoPlaces() {
        assertThat(notTheEvents("\"There was no military target,\" Zahed said by phone from Sharana.", "Sharana"))
                .isTrue();
        assertThat(notTheEvents("The ISPR named them as a naik from Kohat and a sepoy from Peshawar.", "Peshawar"))
                .isTrue();
        assertThat(notTheEvents(
                        "The government is under pressure after a rise in militant attacks in Khyber Pakhtunkhwa and "
                                + "Peshawar.",
                        "Peshawar"))
                .isTrue();
        assertThat(notTheEvents("Militants attacked a police station in Peshawar on Monday.", "Peshawar"))
                .isFalse();
    }

    @Test
    void whatAnEventWasFollowedByIsAnotherEvent() {
        String text = "In February 2026, Pakistani airstrikes on Paktika killed 13 civilians, and the attacks were "
                + "followed by weeks of heavy fighting in Kabul.";
        assertThat(notTheEvents(text, "Kabul")).isTrue();
        assertThat(notTheEvents(text, "Paktika")).isFalse();
    }

    @Test
    void aTownNamedAsARegionIsItsDistrictAndBeforeADistrictItsProvince() {
        String text = "It was the first serious exchange in the north of the border between Pakistan's Chitral region "
                + "and Afghanistan's Kunar province.";
        Geocoder.Mention m = geocoder.parse(text, PUBLISHED).mentions().stream()
                .filter(x -> x.text().startsWith("Chitral"))
                .findFirst()
                .orElseThrow();
        assertThat(Places.asNamedDistrict(text, m, gazetteer.all()).place().id())
                .isNotEqualTo(CHITRAL);
        String province = "Shells hit the Spin Boldak district of Kandahar last night.";
        Geocoder.Mention k = geocoder.parse(province, PUBLISHED).mentions().stream()
                .filter(x -> x.text().startsWith("Kandahar"))
                .findFirst()
                .orElseThrow();
        assertThat(Places.asNamedDistrict(province, k, gazetteer.all()).place().kind())
                .isEqualTo("province");
    }
}
