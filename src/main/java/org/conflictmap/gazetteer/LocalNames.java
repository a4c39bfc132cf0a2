package org.conflictmap.gazetteer;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A place's name in its readers' script: Pashto ({@code ps}), Dari ({@code fa}) or Urdu ({@code ur}),
 * chosen from the gazetteer's alternate names. The sources keep those names without their GeoNames
 * language codes (cities500 lists them as one array), so the language is read from the letters:
 * Pashto's own letters (ښ ږ ځ څ ټ ډ ړ ڼ ګ ې ۍ), Urdu's (ٹ ڈ ڑ ں ے ہ ھ), and the letters the three
 * share with Persian. Names in Arabic (ة ى إ), Uyghur, Kurdish or Sindhi spelling are never taken; a
 * name typed with the Arabic code points of yeh and kaf (گرديز) is read with the Persian ones (گردیز),
 * after the names typed with those.
 * A language without a name of its own takes the shared Persian-letter spelling, which Pashto and Urdu
 * write place names in as well (کابل, خوست); a place with none has no local name (null), and its
 * readers see the English name, except in Dari where the project transliterated the place's Urdu name
 * ({@link #FA_TRANSLITERATED}, marked as such in the place's properties).
 */
public final class LocalNames {
    /**
     * The place property holding a Dari name transliterated by the project from an Urdu spelling
     * ({@code geodata/names-fa-transliterated.json}): the Dari name only where no source gives one.
     */
    public static final String FA_TRANSLITERATED = "name_fa_transliterated";
    /** The place property holding the Urdu spelling {@link #FA_TRANSLITERATED} was made from. */
    public static final String FA_TRANSLITERATED_FROM = "name_fa_transliterated_from";

    /** The languages places are named in besides English, as GeoNames codes (Dari is {@code fa}). */
    public static final List<String> LANGUAGES = List.of("ps", "fa", "ur");

    static final String PASHTO = "ټډړږښځڅڼګېۍ";
    static final String URDU = "ٹڈڑںےہھۂۓ";
    /** Arabic, Uyghur, Kurdish and Sindhi letters Dari, Pashto and Urdu do not write place names with. */
    static final String FOREIGN = "ةىإأۇۋۆەێڵڕۈۉڤڭڄڃڀٺٽڦڪڳڱڻ";

    static final char ARABIC_YEH = 'ي';
    static final char ARABIC_KAF = 'ك';
    static final char HAMZA_YEH = 'ئ';
    static final char ZWNJ = '\u200c';

    private LocalNames() {}

    /**
     * The project's language code for a reader's tag: {@code ps}, {@code fa} (also {@code fa-AF},
     * {@code prs}), {@code ur}, {@code en}; null for any other.
     */
    public static String language(String tag) {
        if (tag == null) {
            return null;
        }
        String t = tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
        String base = t.contains("-") ? t.substring(0, t.indexOf('-')) : t;
        return switch (base) {
            case "fa", "prs" -> "fa";
            case "ps", "ur", "en" -> base;
            default -> null;
        };
    }

    /** The name in {@code lang}'s script, or null when the gazetteer has none ({@code en}: the name). */
    public static String of(Place p, String lang) {
        if ("en".equals(lang)) {
            return p.name();
        }
        List<String> own = new ArrayList<>();
        List<String> shared = new ArrayList<>();
        List<String> recoded = new ArrayList<>();
        for (String n : p.altNames()) {
            String s = n.strip();
            if (!arabicScript(s) || has(s, FOREIGN) || startsWithHamzaYeh(s)) {
                continue;
            }
            boolean pashto = has(s, PASHTO);
            boolean urdu = has(s, URDU);
            boolean arabicCode = s.indexOf(ARABIC_YEH) >= 0 || s.indexOf(ARABIC_KAF) >= 0;
            if (pashto && urdu) {
                continue;
            }
            if (lang.equals("ps") && pashto) {
                own.add(s.replace(ARABIC_KAF, 'ک'));
            } else if (lang.equals("ur") && urdu) {
                own.add(s.replace(ARABIC_YEH, 'ی').replace(ARABIC_KAF, 'ک'));
            } else if (!pashto && !urdu) {
                (arabicCode ? recoded : shared).add(s.replace(ARABIC_YEH, 'ی').replace(ARABIC_KAF, 'ک'));
            }
        }
        String pick = best(own, lang);
        pick = pick != null ? pick : best(shared, lang);
        pick = pick != null ? pick : best(recoded, lang);
        if (pick == null && lang.equals("fa") && p.properties().get(FA_TRANSLITERATED) instanceof String t) {
            return t;
        }
        return pick;
    }

    /** The name to show a reader of {@code lang}: the local one, else the English name. */
    public static String label(Place p, String lang) {
        String local = lang == null ? null : of(p, lang);
        return local != null ? local : p.name();
    }

    /** Every local name the place has, by language ({@code name:ps} …), in {@link #LANGUAGES} order. */
    public static Map<String, String> all(Place p) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            String n = of(p, lang);
            if (n != null) {
                out.put(lang, n);
            }
        }
        return out;
    }

    /**
     * Of several spellings, the most attested: spellings that differ only in spacing, ZWNJ or madda
     * (اسلام آباد, اسلام‌آباد, اسلام اباد) count together; then the shorter (کابل before کابول). Within
     * the group: with madda, then joined as the language writes it (ZWNJ in Dari, a space otherwise).
     */
    static String best(List<String> names, String lang) {
        if (names.isEmpty()) {
            return null;
        }
        Map<String, List<String>> groups = new LinkedHashMap<>();
        for (String n : names) {
            groups.computeIfAbsent(skeleton(n), k -> new ArrayList<>()).add(n);
        }
        List<String> group = null;
        String key = null;
        for (Map.Entry<String, List<String>> e : groups.entrySet()) {
            if (group == null
                    || e.getValue().size() > group.size()
                    || (e.getValue().size() == group.size() && e.getKey().length() < key.length())) {
                group = e.getValue();
                key = e.getKey();
            }
        }
        char joiner = lang.equals("fa") ? ZWNJ : ' ';
        String pick = group.get(0);
        int score = -1;
        for (String n : group) {
            int s = (n.indexOf('آ') >= 0 ? 2 : 0) + (n.indexOf(joiner) >= 0 ? 1 : 0);
            if (s > score) {
                score = s;
                pick = n;
            }
        }
        return pick;
    }

    private static String skeleton(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == ' ' || c == ZWNJ || c == '-' || Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            b.append(c == 'آ' ? 'ا' : c);
        }
        return b.toString();
    }

    private static boolean arabicScript(String s) {
        boolean letter = false;
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == ' ' || c == ZWNJ || c == '-' || Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (Character.UnicodeScript.of(c) != Character.UnicodeScript.ARABIC || !Character.isLetter(c)) {
                return false;
            }
            letter = true;
        }
        return letter;
    }

    private static boolean has(String s, String letters) {
        for (int k = 0; k < s.length(); k++) {
            if (letters.indexOf(s.charAt(k)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Uyghur and Kurdish write a word-initial vowel with ئ (ئیسلاماباد); Persian, Pashto and Urdu with ا. */
    private static boolean startsWithHamzaYeh(String s) {
        for (String w : s.split("[ \u200c-]")) {
            if (!w.isEmpty() && w.charAt(0) == HAMZA_YEH) {
                return true;
            }
        }
        return false;
    }
}
