package org.conflictmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.conflictmap.incidents.IncidentType;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One vocabulary of incident types (issue 23): {@link IncidentType} is the only place a type's name, colours
 * and shape are written. The page (frontend/, its scripts), the raster tiles and static maps ({@code tiles}),
 * the exports ({@code export}), the web map's configuration ({@code webmap}) and the registrations
 * ({@code ogcapi}, {@code layers}) hold no copy of a type's id or colour; the translators' files name every
 * type, the English one in {@link IncidentType#label}'s words. {@link OneVocabularyContractTest} finds each
 * type in every place that shows it.
 */
class OneVocabularyTest {
    static final List<Path> CODE = List.of(
            Path.of("frontend"),
            Path.of("src/main/java/org/conflictmap/tiles"),
            Path.of("src/main/java/org/conflictmap/export"),
            Path.of("src/main/java/org/conflictmap/webmap"),
            Path.of("src/main/java/org/conflictmap/ogcapi"),
            Path.of("src/main/java/org/conflictmap/layers"));

    @Test
    void noCodeButTheVocabularyNamesATypeOrItsColours() throws IOException {
        List<Path> files;
        try (Stream<Path> all = CODE.stream().flatMap(OneVocabularyTest::walk)) {
            files = all.filter(f -> f.toString().endsWith(".js") || f.toString().endsWith(".java"))
                    .filter(f -> !f.startsWith(Path.of("frontend/vendor")))
                    .toList();
        }
        assertThat(files).hasSizeGreaterThan(30);
        for (Path f : files) {
            String code = Files.readString(f, StandardCharsets.UTF_8);
            String lower = code.toLowerCase(Locale.ROOT);
            for (IncidentType t : IncidentType.values()) {
                if (t != IncidentType.OTHER) { // 'other' is also a party's and a precision's value
                    for (String q : List.of("'", "\"", "`")) {
                        assertThat(code).as(f + " names the type " + t.id()).doesNotContain(q + t.id() + q);
                    }
                }
                if (!t.colour().equals("#000000")) {
                    assertThat(lower)
                            .as(f + " writes " + t.id() + "'s colour")
                            .doesNotContain(t.colour().substring(1).toLowerCase(Locale.ROOT));
                }
            }
        }
    }

    @Test
    void everyLanguageNamesEveryTypeAndEnglishInTheVocabularysWords() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("frontend/i18n"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                JsonNode strings = JsonMapper.builder().build().readTree(Files.readString(file));
                for (IncidentType t : IncidentType.values()) {
                    JsonNode name = strings.get("type." + t.id());
                    assertThat(name).as(file + " names " + t.id()).isNotNull();
                    if (file.getFileName().toString().equals("en.json")) {
                        assertThat(name.asString()).isEqualTo(t.label());
                    }
                }
            }
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).filter(Files::isRegularFile).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
