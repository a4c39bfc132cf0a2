package org.conflictmap.incidents;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;

/**
 * One incident as a map draws it ({@link IncidentRepository#streamMapRows}): its geometry as WKB and the
 * attributes asked for, by name, in the order asked; a missing value is left out, a time is its ISO-8601
 * text (UTC), the others are the store's String, Integer or Boolean.
 */
public record MapRow(byte[] wkb, Map<String, Object> attributes) {
    public MapRow {
        Objects.requireNonNull(wkb, "wkb");
        attributes = Collections.unmodifiableMap(attributes);
    }

    public String text(String name) {
        return (String) attributes.get(name);
    }

    public boolean flag(String name) {
        return Boolean.TRUE.equals(attributes.get(name));
    }
}
