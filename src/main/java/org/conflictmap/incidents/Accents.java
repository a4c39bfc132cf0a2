package org.conflictmap.incidents;

import java.text.Normalizer;

/**
 * CQL2's {@code ACCENTI} as both stores can run it: {@code TRANSLATE(text, FROM, TO)} maps each
 * Latin letter with diacritics (U+00C0–U+024F whose canonical decomposition is an ASCII letter and
 * marks, plus ø, ł, đ, ħ, ı) to its base letter. Neither store folds accents itself (PostgreSQL's
 * {@code unaccent} is an extension the server cannot assume; H2 has none); letters of other scripts
 * are compared as they are.
 */
final class Accents {
    static final String FROM;
    static final String TO;

    static {
        StringBuilder from = new StringBuilder("øØłŁđĐħĦı");
        StringBuilder to = new StringBuilder("oOlLdDhHi");
        for (char c = '\u00C0'; c <= '\u024F'; c++) {
            String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
            if (d.length() > 1
                    && d.charAt(0) < 128
                    && Character.isLetter(d.charAt(0))
                    && d.substring(1).chars().allMatch(m -> Character.getType(m) == Character.NON_SPACING_MARK)) {
                from.append(c);
                to.append(d.charAt(0));
            }
        }
        FROM = from.toString();
        TO = to.toString();
    }

    private Accents() {}

    /** {@code s} folded as the SQL folds it (for tests and Java-side evaluation). */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int k = 0; k < s.length(); k++) {
            int at = FROM.indexOf(s.charAt(k));
            out.append(at < 0 ? s.charAt(k) : TO.charAt(at));
        }
        return out.toString();
    }
}
