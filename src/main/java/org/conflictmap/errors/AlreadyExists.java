package org.conflictmap.errors;

/** A thing to be created exists already under that id or name (HTTP: 409). */
public class AlreadyExists extends DomainException {
    public AlreadyExists(String message) {
        super(message);
    }
}
