package org.conflictmap.errors;

import java.util.Objects;

/** One value the data layer does not allow, and why (HTTP: 400, naming the field). */
public class Invalid extends DomainException {
    private final String field;
    private final String reason;

    public Invalid(String field, String reason) {
        super(Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(reason, "reason"));
        this.field = field;
        this.reason = reason;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
