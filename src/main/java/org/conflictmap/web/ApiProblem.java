package org.conflictmap.web;

import java.util.List;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * The server's one error type for requests it refuses. {@link ProblemHandler} turns it into an
 * {@code application/problem+json} answer; the detail is written for the person who sent the request
 * and must never carry SQL, a stack trace or a connection string.
 *
 * @see ProblemHandler
 */
public class ApiProblem extends RuntimeException {
    /** One invalid part of a request: a parameter, a JSON pointer or a field name, and why. */
    public record FieldError(String field, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(message, "message");
        }
    }

    private final HttpStatus status;
    private final String title;
    private final List<FieldError> errors;

    public ApiProblem(HttpStatus status, String title, String detail, List<FieldError> errors) {
        super(detail);
        if (!status.isError()) {
            throw new IllegalArgumentException("a problem needs a 4xx or 5xx status, not " + status);
        }
        this.status = status;
        this.title = title == null ? status.getReasonPhrase() : title;
        this.errors = List.copyOf(errors);
    }

    public static ApiProblem badRequest(String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Bad request", detail, List.of());
    }

    public static ApiProblem invalid(String detail, List<FieldError> errors) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, "Invalid request", detail, errors);
    }

    public static ApiProblem notFound(String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, "Not found", detail, List.of());
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
