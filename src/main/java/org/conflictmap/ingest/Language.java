package org.conflictmap.ingest;

import java.lang.Character.UnicodeScript;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether a text is English, which is all the extractor reads: most of its letters Latin, and
 * English function words ("the", "of", "said") at the rate English prose has them (15-30 % of words;
 * a French or German wire report has under 3 %). Cheap and dependency-free: a language-detection
 * library would weigh more than the rule needs for one yes/no.
 */
final class Language {
    static final Set<String> FUNCTION_WORDS = Set.of(
            "the", "of", "and", "to", "in", "a", "said", "was", "were", "on", "at", "for", "by", "with", "that", "from",
            "is", "has", "have", "it", "he", "an", "as", "had", "its", "after", "their", "they");
    /** Below this share of function words a text of 20+ words is not English prose. */
    static final double MIN_FUNCTION_SHARE = 0.08;

    private Language() {}

    /** Null when the text reads as English; otherwise why not, for the 422 answer. */
    static String notEnglish(String text) {
        Map<UnicodeScript, Integer> scripts = new EnumMap<>(UnicodeScript.class);
        int letters = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                letters++;
                scripts.merge(UnicodeScript.of(cp), 1, Integer::sum);
            }
        }
        if (letters == 0) {
            return "the text has no letters";
        }
        int latin = scripts.getOrDefault(UnicodeScript.LATIN, 0);
        if (latin < letters * 0.6) {
            UnicodeScript main = scripts.entrySet().stream()
                    .max(Map.Entry.comparingByValue())
                    .map(Map.Entry::getKey)
                    .orElse(UnicodeScript.UNKNOWN);
            return "the text is mostly in " + main.name().toLowerCase(Locale.ROOT)
                    + " script; only English reports can be read";
        }
        String[] words = text.toLowerCase(Locale.ROOT).split("[^\\p{L}']+");
        int n = 0;
        int function = 0;
        for (String w : words) {
            if (!w.isEmpty()) {
                n++;
                if (FUNCTION_WORDS.contains(w)) {
                    function++;
                }
            }
        }
        if (n >= 20 && function < n * MIN_FUNCTION_SHARE) {
            return String.format(
                    Locale.ROOT,
                    "the text does not read as English (%d of %d words are common English words); "
                            + "only English reports can be read",
                    function,
                    n);
        }
        return null;
    }
}
