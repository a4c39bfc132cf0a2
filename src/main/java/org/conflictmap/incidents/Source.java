package org.conflictmap.incidents;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A report that carried a claim: a short id local to the incident ({@code S1}), the outlet, the wire
 * service whose copy it ran (AFP, AP…), when it was published and where to find it.
 */
public record Source(String id, String outlet, String wire, LocalDate published, String url) {
    public Source {
        Objects.requireNonNull(id, "id");
        if (!id.matches("[A-Za-z0-9_.-]{1,40}")) {
            throw new IllegalArgumentException("source id must be 1-40 letters, digits, '_', '.', '-'");
        }
        if (outlet == null || outlet.isBlank()) {
            throw new IllegalArgumentException("source " + id + " needs an outlet");
        }
        if (url != null && !url.matches("https?://\\S{1,2000}")) {
            throw new IllegalArgumentException("source " + id + " url must be http(s)");
        }
    }
}
