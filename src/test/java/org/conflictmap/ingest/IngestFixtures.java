package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What the extractor's tests of wire copy share: the events the extractor reads in an article's text published on a
 * day, and how the time of one of them is asserted. A test class extends it and names its store ({@code @OnH2gis}).
 */
abstract class IngestFixtures {
    @Autowired
    EventExtractor extractor;

    /** The events of an article with this text, published on that day. */
    List<EventExtractor.Event> events(String text, LocalDate published) {
        return extractor.extract(text, published);
    }

    /** The first event the extractor finds in the text. */
    EventExtractor.Event first(String text, LocalDate published) {
        return events(text, published).get(0);
    }

    /** The event happened at that precision, from {@code start}. */
    static void assertOccurred(EventExtractor.Event e, String precision, String start) {
        assertThat(e.occurred().precision()).isEqualTo(precision);
        assertThat(e.occurred().start()).isEqualTo(Instant.parse(start));
    }

    /** The event happened at that precision, from {@code start} to {@code end} (any end where it is null). */
    static void assertOccurred(EventExtractor.Event e, String precision, String start, String end) {
        assertOccurred(e, precision, start);
        if (end != null) {
            assertThat(e.occurred().end()).isEqualTo(Instant.parse(end));
        }
    }
}
