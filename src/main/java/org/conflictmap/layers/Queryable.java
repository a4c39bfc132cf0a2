package org.conflictmap.layers;

import java.util.List;
import java.util.Set;

/**
 * A property a collection's items can be filtered by (its queryables' JSON Schema).
 *
 * @param type   the JSON Schema type: {@code string}, {@code integer}, {@code number}, {@code boolean}; {@code date-time} is a
 *               string of that format
 * @param values the only values it takes (an {@code enum}), empty when any
 */
public record Queryable(String name, String type, String description, List<String> values) {
    static final Set<String> TYPES = Set.of("string", "integer", "number", "boolean", "date-time");

    public Queryable {
        if (name == null || name.isBlank() || !TYPES.contains(type)) {
            throw new IllegalArgumentException(
                    "a queryable has a name and one of the types " + TYPES + ": " + name + " " + type);
        }
        values = values == null ? List.of() : List.copyOf(values);
    }

    /** A text property without a fixed vocabulary. */
    public static Queryable text(String name) {
        return new Queryable(name, "string", null, List.of());
    }

    /** A property of this JSON Schema type, without a description or a fixed vocabulary. */
    public static Queryable of(String name, String type) {
        return new Queryable(name, type, null, List.of());
    }
}
