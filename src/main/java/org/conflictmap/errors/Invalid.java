package org.conflictmap.errors;

import java.util.List;
import java.util.Objects;

/**
 * What a value may not be, and why: one value the data layer does not allow, or every fault a parser found in what
 * was sent (an incident's fields, an ACLED CSV's columns or rows, a CQL2 filter, an interval). HTTP: 400 "Invalid
 * request", the message as its detail and each {@link Reason} as a field error.
 */
public class Invalid extends DomainException {
    /** One refused part: a parameter, a JSON field ({@code claims[1].party}) or a column, and why. */
    public record Reason(String field, String reason) {
        public Reason {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(reason, "reason");
        }
    }

    private final List<Reason> reasons;

    /** One field refused: the message is {@code field: reason}. */
    public Invalid(String field, String reason) {
        this(
                Objects.requireNonNull(field, "field") + ": " + Objects.requireNonNull(reason, "reason"),
                List.of(new Reason(field, reason)));
    }

    /** Several parts refused (at least one), said together in {@code message}. */
    public Invalid(String message, List<Reason> reasons) {
        super(Objects.requireNonNull(message, "message"));
        if (reasons.isEmpty()) {
            throw new IllegalArgumentException("an invalid value names what is refused");
        }
        this.reasons = List.copyOf(reasons);
    }

    /** The first refused part's field. */
    public String field() {
        return reasons.get(0).field();
    }

    /** Why the first refused part is refused. */
    public String reason() {
        return reasons.get(0).reason();
    }

    /** Every refused part, in the order found. */
    public List<Reason> reasons() {
        return reasons;
    }
}
