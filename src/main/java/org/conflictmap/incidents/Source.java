package org.conflictmap.incidents;

import java.time.LocalDate;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A report that carried a claim: a short id local to the incident ({@code S1}), the outlet, the wire
 * service whose copy it ran (AFP, AP…), when it was published and where to find it.
 */
public record Source(String id, String outlet, String wire, LocalDate published, String url) {
    /** Compiled once: {@code String.matches} compiled both patterns for every source of every incident read. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,40}");

    private static final Pattern URL = Pattern.compile("https?://\\S{1,2000}");

    public Source {
        Objects.requireNonNull(id, "id");
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("source id must be 1-40 letters, digits, '_', '.', '-'");
        }
        if (outlet == null || outlet.isBlank()) {
            throw new IllegalArgumentException("source " + id + " needs an outlet");
        }
        if (url != null && !URL.matcher(url).matches()) {
            throw new IllegalArgumentException("source " + id + " url must be http(s)");
        }
    }
}
