package org.conflictmap.errors;

/** The change was made against a version that is no longer the stored one (HTTP: 412, the If-Match failed). */
public class VersionConflict extends DomainException {
    public VersionConflict(String message) {
        super(message);
    }
}
