package org.conflictmap.errors;

/** Something the answer needs (the store) cannot be used for the moment (HTTP: 503 with Retry-After). */
public class Unavailable extends DomainException {
    public Unavailable(String message) {
        super(message);
    }

    public Unavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
