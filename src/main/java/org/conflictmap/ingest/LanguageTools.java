package org.conflictmap.ingest;

import java.time.LocalDate;
import java.util.List;
import org.conflictmap.geocoding.DateResolver;
import org.conflictmap.geocoding.Geocoder;

/**
 * What the extractor reads an article's sentences, time expressions, places and claimants with. The server uses the
 * project's own rules ({@link #RULES}); an NLP library's adapter can stand in for either part, which
 * is how the libraries were measured on the evaluation set (docs/INGEST.md, "The NLP library").
 */
interface LanguageTools {
    /** The project's rules: {@link Sentences#split}, the geocoder's {@link DateResolver} and places, {@link Claims.Reader}. */
    LanguageTools RULES = new LanguageTools() {};

    /** The sentences of the text after its dateline, with offsets and paragraphs. */
    default List<Sentences.Sentence> sentences(String text, LocalDate published) {
        return Sentences.split(text);
    }

    /** The text's time expressions resolved against the publication date; {@code rules} are the geocoder's. */
    default List<DateResolver.Found> dates(String text, LocalDate published, List<DateResolver.Found> rules) {
        return rules;
    }

    /** Who says the sentence: {@code reader} holds the rules' attribution and what it resolves pronouns against. */
    default Claims.Speaker speaker(Sentences.Sentence sentence, Claims.Reader reader) {
        return reader.speaker(sentence);
    }

    /** The gazetteer places the geocoder found in the text that are places here ({@code rules}: all of them). */
    default List<Geocoder.Mention> places(String text, LocalDate published, List<Geocoder.Mention> rules) {
        return rules;
    }
}
