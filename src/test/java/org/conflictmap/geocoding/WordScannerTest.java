package org.conflictmap.geocoding;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import org.junit.jupiter.api.Test;

/**
 * The geocoder's hand-written word scanner finds exactly the words its documented regex
 * ({@link Geocoder#WORD}) finds: on the evaluation set, on edge cases, and on 20,000 random strings
 * drawn from the characters where the two could differ (marks, abbreviations, apostrophes, scripts).
 */
class WordScannerTest {
    static List<String> byRegex(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = Geocoder.WORD.matcher(text);
        while (m.find()) {
            out.add(m.start() + "-" + m.end());
        }
        return out;
    }

    static List<String> byScanner(String text) {
        List<String> out = new ArrayList<>();
        Geocoder.words(text, (start, end) -> out.add(start + "-" + end));
        return out;
    }

    @Test
    void sameWordsAsTheRegexOnTheEvaluationSet() throws Exception {
        String text;
        try (InputStream in = getClass().getResourceAsStream("/geocoding/dispatches.json")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertEquals(byRegex(text), byScanner(text));
    }

    @Test
    void sameWordsOnEdgeCases() {
        for (String t : List.of(
                "",
                "a",
                "U.S.",
                "U.S",
                "U.S.A. forces",
                "Kunar's governor",
                "Kunar’s",
                "Kunar's_x",
                "it's",
                "'s",
                "the U.N.'s envoy",
                "Spīn Bōldak",
                "Alisher–Terezi",
                "پکتیا و ننگرهار",
                "خیبر پښتونخوا",
                "x.Y.",
                "x.Y",
                "e\u0301s",
                "Kunar'se",
                "Kunar's\u0301",
                "𝐀.𝐁.",
                "a.𝐁.",
                "a.𝐁",
                "١٢٣ ²³ Ⅻ",
                "end.",
                "Khost's.")) {
            assertEquals(byRegex(t), byScanner(t), t);
        }
    }

    @Test
    void sameWordsOnRandomText() {
        String[] pieces = {
            "a", "Z", "s", "S", ".", ".", "'", "’", " ", "-", "–", "_", "\u0301", "é", "ß", "پ", "ی", "۱", "3", "²",
            "Ⅻ", "𝐀", "\u200c", "\n", "'s", ".K.", "’s "
        };
        Random random = new Random(7);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder b = new StringBuilder();
            for (int n = random.nextInt(14); n >= 0; n--) {
                b.append(pieces[random.nextInt(pieces.length)]);
            }
            String t = b.toString();
            assertEquals(byRegex(t), byScanner(t), t);
        }
    }
}
