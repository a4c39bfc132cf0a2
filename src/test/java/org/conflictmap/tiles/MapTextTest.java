package org.conflictmap.tiles;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.conflictmap.incidents.IncidentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The static map's words are the page's (frontend/i18n/*.json), in the page's digits and direction. */
class MapTextTest {

    static JsonNode file(String name) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(Path.of("frontend", "i18n", name + ".json")));
    }

    @ParameterizedTest
    @CsvSource({"en,en", "ps,ps", "fa,fa-AF", "ur,ur"})
    void everyWordOfTheStaticMapComesFromTheTranslatorsFile(String lang, String file) throws IOException {
        JsonNode strings = file(file);
        MapText text = MapText.of(lang);
        for (String key :
                new String[] {"pageTitle", "allDates", "mapClaimsNote", "mapArea", "legendBorder", "attribution"}) {
            assertThat(text.t(key)).as(key).isEqualTo(strings.get(key).asString());
        }
        // every type (the static map's legend shows all but 'other'), from the one vocabulary of types
        for (IncidentType type : IncidentType.values()) {
            assertThat(text.t("type." + type.id()))
                    .isEqualTo(strings.get("type." + type.id()).asString());
        }
        assertThat(text.rtl()).isEqualTo(!lang.equals("en"));
    }

    @Test
    void numbersAndDaysAreInTheLocalesDigits() {
        assertThat(MapText.of("en").t("km", "n", 50.0)).isEqualTo("50 km");
        assertThat(MapText.of("ps").t("km", "n", 50.0)).isEqualTo("۵۰ کیلومتره");
        assertThat(MapText.of("ur").t("km", "n", 2.0)).isEqualTo("۲ کلومیٹر");
        assertThat(MapText.of("fa").num(1234)).isEqualTo("۱٬۲۳۴");
        Instant day = Instant.parse("2026-02-21T10:00:00Z");
        assertThat(MapText.of("en").day(day)).isEqualTo("21 Feb 2026");
        assertThat(MapText.of("fa").day(day)).contains("۲۱", "۲۰۲۶").doesNotContain("2026", "Feb");
    }
}
