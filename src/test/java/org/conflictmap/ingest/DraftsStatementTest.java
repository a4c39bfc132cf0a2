package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The ingest's claim statement is the claimant's own sentence, cut at a whole word when long. */
class DraftsStatementTest {

    @Test
    void aShortStatementIsKeptWhole() {
        assertThat(Drafts.wholeWords("Seven refugees were wounded, the chief said.", Drafts.STATEMENT_MAX))
                .isEqualTo("Seven refugees were wounded, the chief said.");
    }

    @Test
    void aLongStatementIsCutAtAWholeWordWithAnEllipsis() {
        String sentence =
                "The ministry said that " + "twelve border posts were shelled overnight, ".repeat(10) + "it said.";
        String cut = Drafts.wholeWords(sentence, Drafts.STATEMENT_MAX);
        assertThat(cut).hasSizeLessThanOrEqualTo(Drafts.STATEMENT_MAX).endsWith("…");
        String kept = cut.substring(0, cut.length() - 1);
        assertThat(sentence).startsWith(kept);
        assertThat(sentence.charAt(kept.length()))
                .as("cut between words, not inside one")
                .isIn(' ', ',');
        assertThat(kept).doesNotEndWith(",").doesNotEndWith(" ");
    }

    @Test
    void aSentenceWithNoSpaceIsCutAtTheLimit() {
        String cut = Drafts.wholeWords("x".repeat(400), Drafts.STATEMENT_MAX);
        assertThat(cut).hasSize(Drafts.STATEMENT_MAX).endsWith("…");
    }
}
