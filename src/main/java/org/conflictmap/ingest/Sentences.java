package org.conflictmap.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Splits wire copy into sentences with their character offsets and paragraph numbers, and finds the
 * dateline ("KABUL, Afghanistan (AP) —", "PESHAWAR:"), whose place is where the outlet filed from,
 * not where anything happened. A full stop after an abbreviation ("Feb.", "U.N.", "Gen.") or an
 * initial does not end a sentence; a blank line or a line break always does.
 */
final class Sentences {
    /** A sentence: [start, end) in the text, its paragraph (0-based) and its index. */
    record Sentence(int index, int start, int end, int paragraph, String text) {}

    static final Pattern DATELINE = Pattern.compile(
            "\\A\\s*[A-Z][A-Z'’.\\-/ ]{2,40}(?:,[^—–\\n:]{0,50}?)?(?:\\s*\\([A-Za-z. ]{1,20}\\))?\\s*(?:—|–|--|-|:)\\s+");
    /** How far into the text a dateline may stand: after a headline, a standfirst and a by-line ("By Reuters Staff"). */
    static final int DATELINE_WITHIN = 400;

    static final Set<String> ABBREVIATIONS = Set.of(
            "mr", "mrs", "ms", "dr", "gen", "lt", "col", "maj", "capt", "sgt", "st", "no", "jan", "feb", "mar", "apr",
            "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u.n", "u.s", "gov", "sen", "rep", "brig", "cmdr",
            "vs", "approx", "a.m", "p.m", "e.g", "i.e");

    private Sentences() {}

    /** The end offset of the dateline, or 0 when the text has none. */
    static int dateline(String text) {
        int at = datelineStart(text);
        if (at < 0) {
            return 0;
        }
        Matcher m = DATELINE.matcher(text).region(at, text.length());
        return m.lookingAt() ? m.end() : 0;
    }

    /**
     * Where the dateline starts: at the text's start or, in copy that opens with a headline and a by-line, at the start of
     * one of the first paragraphs ("…civilians\n\nBy Reuters Staff\n\nISLAMABAD/KABUL, Nov 10 (Reuters) - "); -1 when
     * there is none. A dateline is short: it ends within 120 characters of its paragraph's start.
     */
    static int datelineStart(String text) {
        int at = 0;
        while (at >= 0 && at < Math.min(text.length(), DATELINE_WITHIN)) {
            Matcher m = DATELINE.matcher(text).region(at, text.length());
            if (m.lookingAt() && m.end() - at < 120 && m.end() < text.length()) {
                return at;
            }
            int line = text.indexOf('\n', at);
            at = line < 0 ? -1 : line + 1;
        }
        return -1;
    }

    /** The sentences of the text after its dateline. */
    static List<Sentence> split(String text) {
        List<Sentence> out = new ArrayList<>();
        int n = text.length();
        int paragraph = 0;
        int start = skipSpace(text, dateline(text));
        int i = start;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\n') {
                int j = skipSpace(text, i);
                add(out, text, start, i, paragraph);
                paragraph++;
                start = j;
                i = j;
                continue;
            }
            if ((c == '.' || c == '!' || c == '?') && boundary(text, i)) {
                int end = i + 1;
                while (end < n && "\"”’')".indexOf(text.charAt(end)) >= 0) {
                    end++;
                }
                add(out, text, start, end, paragraph);
                start = skipSpace(text, end);
                if (text.substring(end, start).indexOf('\n') >= 0) {
                    paragraph++;
                }
                i = start;
                continue;
            }
            i++;
        }
        add(out, text, start, n, paragraph);
        return out;
    }

    private static boolean boundary(String text, int dot) {
        int n = text.length();
        int after = dot + 1;
        while (after < n && "\"”’')".indexOf(text.charAt(after)) >= 0) {
            after++;
        }
        if (after >= n) {
            return true;
        }
        if (!Character.isWhitespace(text.charAt(after))) {
            return false;
        }
        int next = skipSpace(text, after);
        if (next >= n) {
            return true;
        }
        char first = text.charAt(next);
        if (!(Character.isUpperCase(first) || Character.isDigit(first) || "\"“‘'(".indexOf(first) >= 0)) {
            return false;
        }
        if (text.charAt(dot) != '.') {
            return true;
        }
        int w = dot;
        while (w > 0 && (Character.isLetter(text.charAt(w - 1)) || text.charAt(w - 1) == '.')) {
            w--;
        }
        String word = text.substring(w, dot).toLowerCase(Locale.ROOT);
        if (ABBREVIATIONS.contains(word)) {
            return word.equals("a.m") || word.equals("p.m")
                    ? !Character.isLowerCase(first) && !Character.isDigit(first)
                    : false;
        }
        // "posted on X. He said": the platform, not an initial
        boolean platform =
                word.equals("x") && text.substring(Math.max(0, w - 3), w).equalsIgnoreCase("on ");
        return platform || !(word.length() == 1 && Character.isUpperCase(text.charAt(w)));
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    private static void add(List<Sentence> out, String text, int start, int end, int paragraph) {
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (end > start) {
            out.add(new Sentence(out.size(), start, end, paragraph, text.substring(start, end)));
        }
    }
}
