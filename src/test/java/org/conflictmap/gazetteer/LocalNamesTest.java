package org.conflictmap.gazetteer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.DefaultResourceLoader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Places named in their readers' script, chosen from the gazetteer's alternate names by their letters
 * (the sources carry no language codes); and the share of the labelled places that has such a name,
 * the figure docs/TILES.md quotes.
 */
class LocalNamesTest {
    static Map<String, Place> places;

    @BeforeAll
    static void load() {
        places = new java.util.LinkedHashMap<>();
        for (Place p : new GeodataFiles(
                        new DefaultResourceLoader(),
                        "classpath:geodata/",
                        JsonMapper.builder().build())
                .places()) {
            places.put(p.id(), p);
        }
    }

    static String name(String id, String lang) {
        return LocalNames.of(places.get(id), lang);
    }

    @Test
    void eachLanguageGetsItsOwnSpellingOrTheSharedOne() {
        // Peshawar: Pashto's own پېښور, Urdu and Dari the shared پشاور; never Arabic بيشاور or Uyghur پېشاۋار
        assertThat(name("geonames-1168197", "ps")).isEqualTo("پېښور");
        assertThat(name("geonames-1168197", "ur")).isEqualTo("پشاور");
        assertThat(name("geonames-1168197", "fa")).isEqualTo("پشاور");
        // Kabul: کابل (Persian kaf), not Arabic كابل
        for (String lang : LocalNames.LANGUAGES) {
            assertThat(name("geonames-1138958", lang)).as(lang).isEqualTo("کابل");
            assertThat(name("geonames-1138336", lang)).as(lang).isEqualTo("قندهار");
        }
        // Islamabad: with madda, ZWNJ-joined in Dari, spaced in Urdu; never Uyghur ئیسلاماباد
        assertThat(name("geonames-1176615", "fa")).isEqualTo("اسلام\u200cآباد");
        assertThat(name("geonames-1176615", "ur")).isEqualTo("اسلام آباد");
        assertThat(LocalNames.of(places.get("geonames-1138958"), "en")).isEqualTo("Kabul");
        // typed with Arabic yeh: read with the Persian one
        assertThat(name("geonames-1141857", "fa")).isEqualTo("گردیز");
        assertThat(name("af-province-nangarhar", "ps")).isEqualTo("ننګرهار");
        assertThat(name("af-province-nangarhar", "fa")).isEqualTo("ننگرهار");
        assertThat(LocalNames.label(places.get("geonames-1165569"), "ps"))
                .as("no local name: English")
                .isEqualTo("Shahkot");
    }

    @Test
    void readersTagsMapToTheGazettersLanguages() {
        assertThat(List.of("fa-AF", "prs", "FA", "ps-AF", "ur_PK", "en-GB").stream()
                        .map(LocalNames::language)
                        .toList())
                .containsExactly("fa", "fa", "fa", "ps", "ur", "en");
        assertThat(LocalNames.language("ar")).isNull();
        assertThat(LocalNames.language(null)).isNull();
    }

    @Test
    void shareOfLabelledPlacesWithALocalName() {
        Predicate<Place> labelled =
                p -> List.of("province", "city", "town", "crossing").contains(p.kind());
        List<Place> all = places.values().stream().filter(labelled).toList();
        StringBuilder out = new StringBuilder("LOCAL-NAMES of " + all.size() + " labelled places");
        for (String kind : List.of("province", "city", "town", "crossing")) {
            List<Place> ofKind = all.stream().filter(p -> p.kind().equals(kind)).toList();
            out.append(" | ").append(kind).append(' ').append(ofKind.size());
            for (String lang : LocalNames.LANGUAGES) {
                long n = ofKind.stream()
                        .filter(p -> LocalNames.of(p, lang) != null)
                        .count();
                long own = ofKind.stream()
                        .filter(p -> LocalNames.of(p, lang) != null
                                && !LocalNames.of(p, lang).equals(LocalNames.of(p, "fa")))
                        .count();
                out.append(' ')
                        .append(lang)
                        .append(' ')
                        .append(n)
                        .append(" (own spelling ")
                        .append(own)
                        .append(')');
            }
        }
        System.out.println(out);
        // every province, and the places the incidents of this war name most, in every language
        for (String lang : LocalNames.LANGUAGES) {
            assertThat(all.stream()
                            .filter(p -> p.kind().equals("province") && LocalNames.of(p, lang) == null)
                            .map(Place::id)
                            .toList())
                    .as("provinces without a %s name", lang)
                    .isEmpty();
            for (String id : List.of(
                    "crossing-torkham",
                    "geonames-1136469",
                    "geonames-1139715",
                    "geonames-1181611",
                    "geonames-1167528",
                    "geonames-1168394",
                    "geonames-1123906")) {
                assertThat(name(id, lang)).as("%s in %s", id, lang).isNotNull();
            }
        }
    }
}
