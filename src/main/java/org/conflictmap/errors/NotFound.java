package org.conflictmap.errors;

/** The thing named does not exist (HTTP: 404). */
public class NotFound extends DomainException {
    public NotFound(String message) {
        super(message);
    }
}
