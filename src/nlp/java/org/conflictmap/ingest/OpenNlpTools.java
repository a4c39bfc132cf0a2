package org.conflictmap.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.postag.POSModel;
import opennlp.tools.postag.POSTaggerME;
import opennlp.tools.sentdetect.SentenceDetectorME;
import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import opennlp.tools.util.Span;

/**
 * Apache OpenNLP 2.5 with the UD English (EWT) models published on Maven Central (sentences, tokens,
 * parts of speech; Central has no English NER, parser, coreference or date models for it). Stands in
 * for the rules' sentence splitter; tokens and tags are only timed, as nothing in the pipeline reads them.
 */
final class OpenNlpTools implements LanguageTools {
    final SentenceDetectorME sentences;
    final TokenizerME tokens;
    final POSTaggerME tags;

    OpenNlpTools() throws IOException {
        sentences = new SentenceDetectorME(new SentenceModel(model("opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin")));
        tokens = new TokenizerME(new TokenizerModel(model("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")));
        tags = new POSTaggerME(new POSModel(model("opennlp-en-ud-ewt-pos-1.3-2.5.4.bin")));
    }

    private static InputStream model(String name) {
        return OpenNlpTools.class.getResourceAsStream("/" + name);
    }

    @Override
    public List<Sentences.Sentence> sentences(String text, LocalDate published) {
        return Paragraphs.split(text, para -> {
            List<int[]> out = new ArrayList<>();
            for (Span s : sentences.sentPosDetect(para)) {
                out.add(new int[] {s.getStart(), s.getEnd()});
            }
            return out;
        });
    }

    /** Sentences, tokens and tags of the whole text: what the timing measures. Returns the number of tokens. */
    int annotate(String text) {
        int n = 0;
        for (String s : sentences.sentDetect(text)) {
            String[] t = tokens.tokenize(s);
            tags.tag(t);
            n += t.length;
        }
        return n;
    }
}
