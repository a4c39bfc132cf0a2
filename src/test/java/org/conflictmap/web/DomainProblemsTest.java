package org.conflictmap.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.conflictmap.errors.Invalid;
import org.conflictmap.errors.Malformed;
import org.junit.jupiter.api.Test;

/**
 * The parsers below the handlers refuse input with {@link Invalid} and {@link Malformed} (issue 23), which
 * {@link ProblemHandler} answers exactly as the {@link ApiProblem}s they threw before: the same status, title, detail
 * and field errors, whatever the store.
 */
class DomainProblemsTest {

    @Test
    void oneInvalidFieldIsTheProblemParamsMadeForIt() {
        same(
                ProblemHandler.problem(new Invalid("datetime", "the interval ends before it starts")),
                Params.invalid("datetime", "the interval ends before it starts"));
    }

    @Test
    void severalInvalidFieldsAreOneInvalidRequestNamingEach() {
        List<ApiProblem.FieldError> fields = List.of(
                new ApiProblem.FieldError("title", "required"),
                new ApiProblem.FieldError("claims[1].party", "'x' is not one of [a, b]"));
        same(
                ProblemHandler.problem(new Invalid(
                        "2 fields are invalid",
                        List.of(
                                new Invalid.Reason("title", "required"),
                                new Invalid.Reason("claims[1].party", "'x' is not one of [a, b]")))),
                ApiProblem.invalid("2 fields are invalid", fields));
    }

    @Test
    void malformedInputIsABadRequestWithoutFields() {
        same(
                ProblemHandler.problem(new Malformed("expected a JSON object")),
                ApiProblem.badRequest("expected a JSON object"));
    }

    @Test
    void anInvalidValueNamesWhatItRefuses() {
        assertThatThrownBy(() -> new Invalid("nothing", List.of())).isInstanceOf(IllegalArgumentException.class);
        Invalid one = new Invalid("cursor", "not a cursor this server gave");
        assertThat(one.getMessage()).isEqualTo("cursor: not a cursor this server gave");
        assertThat(one.field()).isEqualTo("cursor");
        assertThat(one.reason()).isEqualTo("not a cursor this server gave");
    }

    private static void same(ApiProblem mapped, ApiProblem before) {
        assertThat(mapped.status()).isEqualTo(before.status());
        assertThat(mapped.title()).isEqualTo(before.title());
        assertThat(mapped.getMessage()).isEqualTo(before.getMessage());
        assertThat(mapped.errors()).isEqualTo(before.errors());
    }
}
