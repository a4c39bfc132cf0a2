package org.conflictmap.webmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.conflictmap.incidents.Vocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The translators' files (frontend/i18n/*.json, issue 22): every language has exactly the English
 * keys, the same {placeholders} and plural forms with "other"; every key is used by the page and every
 * key the page uses exists; the vocabulary groups (types, parties, sides, precisions) match the data's
 * vocabulary; the static map (tiles' MapText) counts as code. A string left in English in a translation fails too, except names kept as they are.
 */
class I18nFilesTest {
    static final Path DIR = Path.of("frontend", "i18n");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\w+)}");
    /** Strings that are the same in every language: names and codes. */
    static final Set<String> UNTRANSLATED = Set.of("embedCode", "histogramDay", "dayPattern", "monthPattern");

    static JsonNode read(String lang) throws IOException {
        return JsonMapper.builder().build().readTree(Files.readString(DIR.resolve(lang + ".json")));
    }

    static Set<String> keys(JsonNode strings) {
        Set<String> keys = new TreeSet<>(strings.propertyNames());
        keys.removeIf(k -> k.startsWith("_"));
        return keys;
    }

    static Set<String> placeholders(JsonNode value) {
        Set<String> out = new TreeSet<>();
        List<String> texts = new ArrayList<>();
        if (value.isObject()) {
            value.forEach(v -> texts.add(v.asString()));
        } else {
            texts.add(value.asString());
        }
        for (String t : texts) {
            Matcher m = PLACEHOLDER.matcher(t);
            while (m.find()) {
                out.add(m.group(1));
            }
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ps", "fa-AF", "ur"})
    void eachTranslationHasTheEnglishKeysPlaceholdersAndPluralsAndIsTranslated(String lang) throws IOException {
        JsonNode en = read("en");
        JsonNode own = read(lang);
        assertThat(keys(own)).as("keys of %s.json", lang).isEqualTo(keys(en));
        for (String key : keys(en)) {
            JsonNode value = own.get(key);
            assertThat(placeholders(value))
                    .as("placeholders of %s in %s", key, lang)
                    .isEqualTo(placeholders(en.get(key)));
            if (value.isObject()) {
                assertThat(value.has("other"))
                        .as("plural %s in %s has other", key, lang)
                        .isTrue();
            } else if (!UNTRANSLATED.contains(key)) {
                assertThat(value.asString())
                        .as("%s translated in %s", key, lang)
                        .isNotEqualTo(en.get(key).asString())
                        .containsPattern("[\\u0600-\\u06FF]");
            }
        }
    }

    @Test
    void everyKeyIsUsedAndEveryUsedKeyExists() throws IOException {
        StringBuilder code = new StringBuilder();
        try (Stream<Path> files = Files.list(Path.of("frontend"))) {
            for (Path f : files.filter(
                            p -> p.toString().endsWith(".js") || p.toString().endsWith(".html"))
                    .toList()) {
                code.append(Files.readString(f)).append('\n');
            }
        }
        Set<String> used = new TreeSet<>();
        Set<String> groups = new TreeSet<>();
        Matcher t = Pattern.compile("\\bt\\('([\\w.]+)'").matcher(code);
        while (t.find()) {
            used.add(t.group(1));
        }
        Matcher g = Pattern.compile("\\bgroup\\('(\\w+)'\\)").matcher(code);
        while (g.find()) {
            groups.add(g.group(1));
        }
        // the static map's words (/map.png?lang=) come from the same files: MapText's t("key") in the tiles feature
        try (Stream<Path> files = Files.list(Path.of("src", "main", "java", "org", "conflictmap", "tiles"))) {
            for (Path f : files.toList()) {
                Matcher j = Pattern.compile("\\bt\\(\"([\\w.]+)\"").matcher(Files.readString(f));
                while (j.find()) {
                    if (j.group(1).endsWith(".")) { // t("type." + type): the whole group
                        groups.add(j.group(1).substring(0, j.group(1).length() - 1));
                    } else {
                        used.add(j.group(1));
                    }
                }
            }
        }
        Set<String> keys = keys(read("en"));
        assertThat(keys).as("keys the code asks for").containsAll(used);
        Set<String> unused = new TreeSet<>(keys);
        unused.removeAll(used);
        unused.removeIf(k -> k.contains(".") && groups.contains(k.substring(0, k.indexOf('.'))));
        assertThat(unused).as("keys no code uses").isEmpty();

        // the groups hold exactly the data's vocabulary, the About page's fields and the zones used
        assertThat(group(keys, "type")).isEqualTo(new TreeSet<>(Vocabulary.TYPES));
        assertThat(group(keys, "party")).isEqualTo(new TreeSet<>(Vocabulary.PARTIES));
        assertThat(group(keys, "claimsAbout")).isEqualTo(new TreeSet<>(Vocabulary.SIDES));
        assertThat(group(keys, "side")).isEqualTo(new TreeSet<>(Vocabulary.SIDES));
        assertThat(group(keys, "precision")).isEqualTo(new TreeSet<>(Vocabulary.GEO_PRECISIONS));
        assertThat(group(keys, "timePrecision")).isEqualTo(new TreeSet<>(Vocabulary.TIME_PRECISIONS));
        Set<String> about = new TreeSet<>();
        Matcher a =
                Pattern.compile("data-about=\"(\\w+)\"").matcher(Files.readString(Path.of("frontend", "about.html")));
        while (a.find()) {
            about.add(a.group(1));
        }
        assertThat(group(keys, "aboutPage")).isEqualTo(about);
        assertThat(group(keys, "zone")).isEqualTo(Set.of("Asia/Kabul", "Asia/Karachi"));
    }

    static Set<String> group(Set<String> keys, String prefix) {
        Set<String> out = new TreeSet<>();
        keys.stream().filter(k -> k.startsWith(prefix + ".")).forEach(k -> out.add(k.substring(prefix.length() + 1)));
        return out;
    }
}
