package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geocoding.Geocoder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Places and kinds in the general forms heldout12 showed (issue 19): a district in another romanisation, a district by its
 * bare name, where someone is based, where a statement was issued, where the wounded were treated or the displaced went,
 * what an event came amid, a round-up of several events' places; and shoot-downs of drones in the plural, ISPR's passive
 * strikes, posts opening fire on posts, an exchange of fire that ISPR's boilerplate does not make a clash.
 */
@OnH2gis
class IngestPlacesTypesTest {
    static final LocalDate PUBLISHED = LocalDate.of(2028, 5, 10);
    static final String DAND_PATAN = "district-af-adm2-17698898b13869186183429";
    static final String PANJSHIR_DARA = "district-af-adm2-17698898b71703822686681";
    static final String BAJAUR = "district-pk502";

    @Autowired
    Geocoder geocoder;

    @Autowired
    Gazetteer gazetteer;

    @Autowired
    EventExtractor extractor;

    private List<String> ids(String text) {
        return geocoder.parse(text, PUBLISHED).mentions().stream()
                .map(m -> m.place().id())
                .toList();
    }

    @Test
    void aDistrictInAnotherRomanisationIsThatDistrict() {
        List<String> found = ids("Pakistani troops opened fire on Afghan positions in Mohmand Dara district at 10 pm.");
        assertThat(found).doesNotContain(PANJSHIR_DARA, "district-pk524");
        assertThat(geocoder.parse("in two villages of Mohmand Dara, Nangarhar province", PUBLISHED)
                        .mentions())
                .anyMatch(m -> m.text().equals("Mohmand Dara"));
        assertThat(ids("Afghan forces captured two soldiers in the Dand-e Patan area of Paktia."))
                .contains(DAND_PATAN)
                .doesNotContain("geonames-1168288");
    }

    @Test
    void aDistrictOfANamedProvinceIsFoundByItsBareName() {
        assertThat(ids("The Khyber Pakhtunkhwa government said tension remained high in Bajaur on Monday."))
                .contains(BAJAUR);
        // an English word stays a word
        assertThat(ids("The Khyber Pakhtunkhwa police said a Tank was seen.")).doesNotContain("district-pk533");
    }

    private boolean notTheEvents(String text, String name, String id) {
        int start = text.indexOf(name);
        Geocoder.Mention m = new Geocoder.Mention(
                name,
                start,
                start + name.length(),
                gazetteer.get(id).orElseThrow(),
                1,
                "exact",
                false,
                null,
                List.of());
        return Places.notTheEventsPlace(text, m, false, false);
    }

    @Test
    void whereSomeoneIsBasedOrAStatementWasIssuedIsNoPlace() {
        String peshawar = "geonames-1168197";
        assertThat(notTheEvents("said Rahimullah Durrani, a Peshawar-based security analyst.", "Peshawar", peshawar))
                .isTrue();
        assertThat(notTheEvents(
                        "The defence ministry, in a statement issued in Peshawar, claimed that one civilian was killed.",
                        "Peshawar",
                        peshawar))
                .isTrue();
        assertThat(notTheEvents("Three soldiers were wounded in Peshawar on Monday.", "Peshawar", peshawar))
                .isFalse();
    }

    @Test
    void whereTheWoundedWereTreatedOrTheDisplacedWentIsNoPlace() {
        String peshawar = "geonames-1168197";
        assertThat(notTheEvents(
                        "Three soldiers were wounded and are receiving treatment in Peshawar.", "Peshawar", peshawar))
                .isTrue();
        assertThat(notTheEvents(
                        "More than 230 families left their homes and moved to relatives in Peshawar.",
                        "Peshawar",
                        peshawar))
                .isTrue();
        assertThat(notTheEvents("Hundreds of families fled to Peshawar after the shelling.", "Peshawar", peshawar))
                .isTrue();
    }

    @Test
    void whatTheSceneLiesAcrossFromIsNoPlace() {
        String text =
                "One civilian was killed when a mortar round hit a house in Nari district of Kunar province, across "
                        + "the border from Bajaur.";
        int start = text.indexOf("Bajaur");
        Geocoder.Mention m = new Geocoder.Mention(
                "Bajaur", start, start + 6, gazetteer.get(BAJAUR).orElseThrow(), 1, "exact", false, null, List.of());
        assertThat(Places.notTheEventsPlace(text, m, false, false)).isTrue();
        String kunar = "Mortars fired across the border from Kunar hit homes in Bajaur.";
        int k = kunar.indexOf("Bajaur");
        Geocoder.Mention b = new Geocoder.Mention(
                "Bajaur", k, k + 6, gazetteer.get(BAJAUR).orElseThrow(), 1, "exact", false, null, List.of());
        assertThat(Places.notTheEventsPlace(kunar, b, false, false)).isFalse();
    }

    @Test
    void whatARoadOrCrossingLinksIsNoPlace() {
        String text = "heavy exchanges of fire around the crossing, which links Pakistan's Balochistan province with "
                + "Peshawar in the north.";
        assertThat(notTheEvents(text, "Peshawar", "geonames-1168197")).isTrue();
    }

    @Test
    void whatAnEventCameAmidIsNoPlaceOfItsOwn() {
        String text = "The attacks come amid a new spike in violence along the border, known as the Durand Line.";
        assertThat(notTheEvents(text, "Durand Line", "border-durand-line")).isTrue();
        String follows = "The latest fighting follows a week of violence along the Durand Line.";
        assertThat(notTheEvents(follows, "Durand Line", "border-durand-line")).isTrue();
    }

    @Test
    void aRoundUpOfSeveralEventsGivesNoneOfThemItsPlaces() {
        assertThat(
                        EventTypes.listsKinds(
                                "Civilian casualties reported in Kunar and Khost provinces after cross-border shelling and air strikes."))
                .isTrue();
        assertThat(EventTypes.listsKinds("a week of air strikes, shelling and clashes that have killed dozens"))
                .isTrue();
        assertThat(EventTypes.listsKinds("Artillery shells struck villages in Sarkani and Dangam districts."))
                .isFalse();
        String text =
                "HIGHLIGHTS\n- Civilian casualties reported in Kunar and Khost provinces after cross-border shelling "
                        + "and air strikes.\n\nOn the afternoon of 11 May, artillery shells fired from across the border struck "
                        + "villages in Sarkani district, Kunar province, killing four civilians.";
        List<EventExtractor.Event> events = extractor.extract(text, LocalDate.of(2028, 5, 13));
        assertThat(events).allSatisfy(e -> assertThat(e.places()).doesNotContainKey("af-province-khost"));
    }

    @Test
    void kindsInTheirGeneralForms() {
        String drones =
                "Mujahid wrote that air-defense units had shot down two Pakistani drones over Barmal on Thursday.";
        assertThat(EventTypes.cue(drones, 0).type()).isEqualTo("shoot_down_claim");
        assertThat(EventTypes.cue("The Taliban said they had brought down two Pakistani drones over Paktika.", 0)
                        .type())
                .isEqualTo("shoot_down_claim");
        assertThat(EventTypes.cue("Precise strikes were carried out on confirmed hideouts of khwarij in Khost.", 0)
                        .type())
                .isEqualTo("air_strike");
        assertThat(EventTypes.cue(
                                "On the night of 13/14 May, Afghan Taliban posts opened unprovoked fire on Pakistani "
                                        + "border posts in Bajaur District, in an attempt to facilitate infiltration.",
                                0,
                                3)
                        .type())
                .isEqualTo("cross_border_fire");
        // ISPR's boilerplate and the word "infiltration" do not call an exchange of fire a clash; "the clashes" does
        assertThat(EventTypes.fightNamed("2 brave sons of soil, having fought gallantly, embraced shahadat", 0))
                .isNull();
        assertThat(EventTypes.fightNamed("Infiltration attempt was foiled.", 0)).isNull();
        assertThat(EventTypes.fightNamed("The clashes lasted until dawn.", 0)).isNotNull();
    }

    @Test
    void aPatternOfViolenceIsNoEvent() {
        assertThat(EventExtractor.HABITUAL
                        .matcher("\"What we are seeing is a pattern: an attack inside Pakistan, then a strike across "
                                + "the border, then retaliation,\" said an analyst.")
                        .find())
                .isTrue();
    }
}
