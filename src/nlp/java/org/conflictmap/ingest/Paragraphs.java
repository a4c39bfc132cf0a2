package org.conflictmap.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * A library's sentence splitter in the rules' shape: the dateline is cut off as {@link Sentences}
 * does, a line break ends a paragraph (and a sentence), and the library decides the sentence
 * boundaries inside each paragraph, given as [start, end) spans of the paragraph's text.
 */
final class Paragraphs {
    private Paragraphs() {
    }

    static List<Sentences.Sentence> split(String text, Function<String, List<int[]>> splitter) {
        List<Sentences.Sentence> out = new ArrayList<>();
        int paragraph = 0;
        int i = Sentences.dateline(text);
        while (i < text.length()) {
            int end = text.indexOf('\n', i);
            if (end < 0) {
                end = text.length();
            }
            String para = text.substring(i, end);
            if (!para.isBlank()) {
                for (int[] span : splitter.apply(para)) {
                    String s = para.substring(span[0], span[1]).strip();
                    if (!s.isEmpty()) {
                        int start = i + para.indexOf(s, span[0]);
                        out.add(new Sentences.Sentence(out.size(), start, start + s.length(), paragraph, s));
                    }
                }
                paragraph++;
            }
            i = end + 1;
        }
        return out;
    }
}
