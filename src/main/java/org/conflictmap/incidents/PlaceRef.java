package org.conflictmap.incidents;

import java.util.Objects;

/** A gazetteer place an incident is located at, with its name as the gazetteer gives it. */
public record PlaceRef(String id, String name) {
    public PlaceRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
