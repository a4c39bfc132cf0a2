package org.conflictmap.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.conflictmap.errors.AlreadyExists;
import org.conflictmap.errors.DomainException;
import org.conflictmap.errors.Invalid;
import org.conflictmap.errors.Malformed;
import org.conflictmap.errors.NotFound;
import org.conflictmap.errors.Unavailable;
import org.conflictmap.errors.VersionConflict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;

/**
 * The one error path of the server: every refused or failed request leaves as
 * {@code application/problem+json}, 4xx and 5xx alike, with a detail that helps and never a stack
 * trace, SQL or connection string.
 */
@RestControllerAdvice
class ProblemHandler extends ResponseEntityExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<Object> apiProblem(ApiProblem e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(e.status(), unnamed(e.getMessage()));
        body.setTitle(e.title());
        if (!e.errors().isEmpty()) {
            body.setProperty(
                    "errors",
                    e.errors().stream()
                            .map(f -> Map.of("field", f.field(), "message", unnamed(f.message())))
                            .toList());
        }
        ResponseEntity<Object> r = problem(body, e.status());
        if (e.status() == HttpStatus.UNAUTHORIZED) {
            return ResponseEntity.status(r.getStatusCode())
                    .headers(r.getHeaders())
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"conflictmap\"")
                    .body(r.getBody());
        }
        return r;
    }

    /** The data layer's refusals ({@link DomainException}s), each with its status; {@link Unavailable} is {@link #storeDown}. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Object> refused(DomainException e) {
        return apiProblem(problem(e));
    }

    static ApiProblem problem(DomainException e) {
        if (e instanceof Invalid i) {
            return ApiProblem.invalid(
                    i.getMessage(),
                    i.reasons().stream()
                            .map(r -> new ApiProblem.FieldError(r.field(), r.reason()))
                            .toList());
        }
        if (e instanceof Malformed) {
            return ApiProblem.badRequest(e.getMessage());
        }
        if (e instanceof NotFound) {
            return ApiProblem.notFound(e.getMessage());
        }
        if (e instanceof AlreadyExists) {
            return new ApiProblem(HttpStatus.CONFLICT, "Conflict", e.getMessage(), List.of());
        }
        if (e instanceof VersionConflict) {
            return new ApiProblem(HttpStatus.PRECONDITION_FAILED, "Precondition failed", e.getMessage(), List.of());
        }
        return new ApiProblem(HttpStatus.UNPROCESSABLE_CONTENT, "Refused", e.getMessage(), List.of());
    }

    /**
     * A query string (or form body) that is not valid percent-encoded UTF-8 ({@code ?q=%ff}, a lone {@code %}):
     * Tomcat refuses to parse it when the first parameter is read. It is the client's error on every route.
     */
    @ExceptionHandler(InvalidParameterException.class)
    ResponseEntity<Object> undecodableParameters(InvalidParameterException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "the query string is not valid percent-encoded UTF-8");
        body.setTitle("Bad request");
        return problem(body, HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.BAD_REQUEST, "parameter '" + e.getName() + "' has an invalid value");
        body.setTitle("Bad request");
        body.setProperty("errors", List.of(Map.of("field", e.getName(), "message", "invalid value")));
        return problem(body, HttpStatus.BAD_REQUEST);
    }

    @ExceptionHandler({
        CannotGetJdbcConnectionException.class,
        DataAccessResourceFailureException.class,
        TransientDataAccessException.class,
        Unavailable.class,
        CannotCreateTransactionException.class,
        TransactionSystemException.class
    })
    ResponseEntity<Object> storeDown(Exception e) {
        log.warn("store unavailable: {}", e.getClass().getSimpleName());
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.SERVICE_UNAVAILABLE,
                "the data store is unavailable for the moment; nothing was changed, try again shortly");
        body.setTitle("Store unavailable");
        ResponseEntity<Object> r = problem(body, HttpStatus.SERVICE_UNAVAILABLE);
        return ResponseEntity.status(r.getStatusCode())
                .headers(r.getHeaders())
                .header(HttpHeaders.RETRY_AFTER, "5")
                .body(r.getBody());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<Object> storeError(DataAccessException e, HttpServletRequest request) {
        log.error("store error on {} {}: {}", request.getMethod(), request.getRequestURI(), summary(e));
        return internal();
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, HttpServletRequest request) {
        if (DisconnectedClientHelper.isClientDisconnectedException(e)) {
            clientGone(e, request.getMethod(), request.getRequestURI());
            return null;
        }
        log.error("unexpected error on {} {}: {}", request.getMethod(), request.getRequestURI(), summary(e));
        return internal();
    }

    /**
     * What the log keeps of a failure: the chain of exception classes, the SQL state, and where in
     * this server it happened — never the messages. A store's message carries the statement with its
     * values (a draft's text, which only editors may read); a stack overflow's trace was 141 KB a request.
     */
    static String summary(Throwable e) {
        StringBuilder b = new StringBuilder();
        String state = null;
        StackTraceElement ours = null;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable t = e; t != null && seen.add(t); t = t.getCause()) {
            b.append(b.isEmpty() ? "" : " ← ").append(t.getClass().getSimpleName());
            if (state == null && t instanceof SQLException sql) {
                state = sql.getSQLState();
            }
            for (StackTraceElement f : t.getStackTrace()) {
                if (ours == null && f.getClassName().startsWith("org.conflictmap.")) {
                    ours = f;
                }
            }
        }
        if (state != null) {
            b.append(" (SQLState ").append(state).append(')');
        }
        if (ours != null) {
            b.append(" at ")
                    .append(ours.getClassName().substring(ours.getClassName().lastIndexOf('.') + 1))
                    .append('.')
                    .append(ours.getMethodName())
                    .append(':')
                    .append(ours.getLineNumber());
        }
        return b.toString();
    }

    /** A Java class or package name ({@code org.geotools.…}, {@code org.apache.commons.csv.CSVException}). */
    private static final Pattern JAVA_NAME = Pattern.compile(
            "\\b(?:org|com|java|javax|jakarta|tools|sun|net|io)\\.(?:[A-Za-z_$][\\w$]*\\.)*[A-Za-z_$][\\w$]*");

    /** {@code detail} with any Java class or package name taken out: a refusal never names the server's insides. */
    static String unnamed(String detail) {
        return detail == null ? null : JAVA_NAME.matcher(detail).replaceAll("…");
    }

    private ResponseEntity<Object> internal() {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                HttpStatus.INTERNAL_SERVER_ERROR, "the server failed to answer this request; the error is logged");
        body.setTitle("Internal error");
        return problem(body, HttpStatus.INTERNAL_SERVER_ERROR);
    }

    /**
     * A client that went away mid-answer (a closed tab, a panned-away tile, a reader's lost signal) is no
     * failure of the server: one DEBUG line naming the classes. It was a WARN with the exception's message
     * ("Response already committed. Ignoring: …HttpMessageNotWritableException: … Broken pipe", docs/QA.md D4).
     */
    private static void clientGone(Exception e, String method, String uri) {
        log.debug("client gone on {} {}: {}", method, uri, summary(e));
    }

    /** Spring's own 4xx (unknown path, wrong method, unreadable body, …) also go out as problem+json. */
    @Override
    protected ResponseEntity<Object> handleExceptionInternal(
            Exception ex, Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (request instanceof ServletWebRequest web
                && web.getResponse() != null
                && web.getResponse().isCommitted()) {
            if (DisconnectedClientHelper.isClientDisconnectedException(ex)) {
                clientGone(ex, web.getRequest().getMethod(), web.getRequest().getRequestURI());
            } else {
                log.warn(
                        "answer already begun on {} {}, not replaced: {}",
                        web.getRequest().getMethod(),
                        web.getRequest().getRequestURI(),
                        summary(ex));
            }
            return null;
        }
        ResponseEntity<Object> r = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (r != null && r.getBody() instanceof ProblemDetail pd) {
            if (pd.getDetail() != null && pd.getDetail().contains("Exception")) {
                pd.setDetail(statusCode.value() == 400 ? "the request could not be read" : null);
            }
            pd.setDetail(unnamed(pd.getDetail()));
            pd.setType(URI.create("about:blank"));
            return ResponseEntity.status(r.getStatusCode())
                    .headers(r.getHeaders())
                    .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .body(pd);
        }
        return r;
    }

    static ResponseEntity<Object> problem(ProblemDetail body, HttpStatus status) {
        return ResponseEntity.status(status)
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
