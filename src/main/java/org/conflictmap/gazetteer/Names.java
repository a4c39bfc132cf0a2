package org.conflictmap.gazetteer;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Folds a place name for matching: accents and Arabic-script vowel marks dropped, case folded, the
 * Arabic and Persian forms of yeh/kaf made one, apostrophes removed, dashes and other punctuation
 * made spaces. "Spīn Bōldak", "spin boldak" and "Spin-Boldak" all fold to {@code spin boldak}.
 */
public final class Names {
    private static final Pattern MARKS = Pattern.compile("[\\p{M}\\u200c\\u200d\\u200e\\u200f\\u0640]+");
    private static final Pattern APOSTROPHES = Pattern.compile("[’'`ʻʼ‘´]");
    private static final Pattern SEPARATORS = Pattern.compile("[^\\p{L}\\p{N}]+");

    private Names() {}

    public static String fold(String name) {
        if (name == null) {
            return "";
        }
        if (plainAscii(name)) {
            return name.toLowerCase(Locale.ROOT);
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD);
        s = MARKS.matcher(s).replaceAll("");
        s = s.toLowerCase(Locale.ROOT)
                .replace('ı', 'i')
                .replace('ł', 'l')
                .replace('ø', 'o')
                .replace('đ', 'd')
                .replace('ß', 's')
                .replace('ي', 'ی')
                .replace('ى', 'ی')
                .replace('ك', 'ک')
                .replace('ە', 'ه')
                .replace('ۀ', 'ه');
        s = APOSTROPHES.matcher(s).replaceAll("");
        s = SEPARATORS.matcher(s).replaceAll(" ");
        return s.strip();
    }

    /** Only ASCII letters and digits: folding is lower-casing (the common case of a word in English text). */
    private static boolean plainAscii(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** A readable id part: folded, ASCII letters and digits, words joined by '-'. */
    public static String slug(String name) {
        String s = fold(name).replaceAll("[^a-z0-9 ]", "").strip();
        return s.replaceAll(" +", "-");
    }
}
