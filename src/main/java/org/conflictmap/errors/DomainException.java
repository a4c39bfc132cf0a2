package org.conflictmap.errors;

/**
 * What a feature's data layer refuses, said in the domain's words: no such thing, it exists already,
 * it changed meanwhile, a value is not allowed, the store is away. The data layer throws these and
 * knows nothing of HTTP; {@code web.ProblemHandler} gives each kind its status and problem+json. The
 * message is written for the person who sent the request and never carries SQL, a stack trace or a
 * connection string.
 */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message);
    }

    protected DomainException(String message, Throwable cause) {
        super(message, cause);
    }
}
