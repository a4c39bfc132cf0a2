package org.conflictmap.errors;

/**
 * Input that cannot be read at all, so that no field can be named: a body that is not a JSON object, a CSV that does
 * not parse. HTTP: 400 "Bad request", the message as its detail.
 */
public class Malformed extends DomainException {
    public Malformed(String message) {
        super(message);
    }
}
