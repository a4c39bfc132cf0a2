package org.conflictmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DataAccessException;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * A store error is logged without its message: the store quotes the failed statement with its values
 * (a draft's text, which only editors may read), and the log is read by whoever runs the server. The
 * error is a real one from each store, whose message does carry the text.
 */
class StoreErrorLogContractTest {
    static final String DRAFT = "Unpublished draft: source says 12 killed near the post";

    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    @ExtendWith(OutputCaptureExtension.class)
    abstract static class Contract {
        @Autowired
        JdbcTemplate jdbc;

        @Autowired
        ProblemHandler handler;

        @Test
        void theLogNamesTheFailureButNotTheDraftText(CapturedOutput output) {
            DataAccessException e = catchThrowableOfType(
                    DataAccessException.class,
                    () -> jdbc.update("INSERT INTO incidents (id, title, status) VALUES ('zz-log-draft', '" + DRAFT
                            + "', 'draft')"));
            StringBuilder everything = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                everything.append(t.getMessage());
            }
            assertThat(everything)
                    .as("the store's own message quotes the draft")
                    .contains(DRAFT);

            ResponseEntity<Object> answer = handler.storeError(e, new MockHttpServletRequest("POST", "/api/incidents"));

            assertThat(answer.getStatusCode().value()).isEqualTo(500);
            assertThat(String.valueOf(answer.getBody())).doesNotContain(DRAFT, "INSERT", "Exception");
            assertThat(output.getAll())
                    .contains("store error on POST /api/incidents", "DataIntegrityViolationException", "SQLState")
                    .doesNotContain(DRAFT, "INSERT INTO");
        }

        @Test
        void unexpectedErrorsLogNoMessageAndNoTrace(CapturedOutput output) {
            Exception e = new IllegalStateException("bad state around " + DRAFT, new StackOverflowError());
            handler.unexpected(e, new MockHttpServletRequest("GET", "/api/incidents"));
            assertThat(output.getAll())
                    .contains("unexpected error on GET /api/incidents", "IllegalStateException ← StackOverflowError")
                    .doesNotContain(DRAFT, "\tat ");
        }
    }
}
