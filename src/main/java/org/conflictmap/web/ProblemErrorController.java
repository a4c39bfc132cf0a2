package org.conflictmap.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Errors raised outside Spring MVC (by the servlet container: a malformed URL, a body over the
 * container's limit) also leave as problem+json, never as an HTML or a stack trace page.
 */
@RestController
class ProblemErrorController implements ErrorController {
    @RequestMapping("/error")
    ResponseEntity<Object> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        if (code == null) {
            // asked for directly, not forwarded by the container after a failure: there is no such page
            code = HttpStatus.NOT_FOUND.value();
        }
        HttpStatus status = HttpStatus.resolve(code instanceof Integer i ? i : 500);
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        ProblemDetail body = ProblemDetail.forStatusAndDetail(
                status,
                status.is4xxClientError()
                        ? "the request was refused: " + status.getReasonPhrase().toLowerCase()
                        : "the server failed to answer this request; the error is logged");
        body.setTitle(status.getReasonPhrase());
        return ProblemHandler.problem(body, status);
    }
}
