package org.conflictmap.store;

import org.conflictmap.errors.Unavailable;

/**
 * The store cannot be used: the database is unreachable, or PostGIS is missing. The message says
 * what to do and never carries a connection string or password.
 */
public class StoreUnavailableException extends Unavailable {
    public StoreUnavailableException(String message) {
        super(message);
    }

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
