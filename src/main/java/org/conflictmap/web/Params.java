package org.conflictmap.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Query-parameter parsing with 400 answers that name the parameter and say what is wrong. */
public final class Params {
    private Params() {}

    /** An integer parameter: absent or blank gives {@code fallback}; non-numeric or out of range is a 400. */
    public static int integer(String name, String value, int fallback, int min, int max) {
        return (int) whole(name, value, fallback, min, max);
    }

    private static long whole(String name, String value, long fallback, long min, long max) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        long v;
        try {
            v = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(name, "'" + clip(value) + "' is not a whole number");
        }
        if (v < min || v > max) {
            throw invalid(name, v + " is outside " + min + ".." + max);
        }
        return v;
    }

    /**
     * A page size: as {@link #integer} below {@code min}, but a value above {@code cap} is read as {@code cap} (the
     * server's largest page, as OGC API - Features' {@code limit}: "if you ask for 50000, you might get up to 10000
     * and a {@code next} link"), however many digits it has.
     */
    public static int capped(String name, String value, int fallback, int min, int cap) {
        if (value != null && value.strip().matches("\\+?\\d{19,}")) {
            return cap;
        }
        return (int) Math.min(cap, whole(name, value, fallback, min, Long.MAX_VALUE));
    }

    /** A parameter that must be one of {@code allowed}; absent or blank gives null. */
    public static String oneOf(String name, String value, Set<String> allowed) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!allowed.contains(value)) {
            throw invalid(name, "'" + clip(value) + "' is not one of " + new TreeSet<>(allowed));
        }
        return value;
    }

    /** A boolean parameter: true/false (any case); absent gives null. */
    public static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.trim().toLowerCase()) {
            case "true", "1", "yes" -> Boolean.TRUE;
            case "false", "0", "no" -> Boolean.FALSE;
            default -> throw invalid(name, "'" + clip(value) + "' is not true or false");
        };
    }

    /** Rejects parameters the endpoint does not know, as OGC API – Features asks. */
    public static void onlyKnown(Map<String, String[]> given, Set<String> known) {
        for (String name : given.keySet()) {
            if (!known.contains(name)) {
                throw invalid(name, "unknown parameter; this endpoint takes " + new TreeSet<>(known));
            }
        }
    }

    /** A text parameter trimmed; blank gives null; longer than {@code maxLength} or holding a control character ({@link Texts}) is a 400. */
    public static String text(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw invalid(name, "longer than " + maxLength + " characters");
        }
        return Texts.require(name, value.strip());
    }

    public static ApiProblem invalid(String name, String why) {
        return ApiProblem.invalid(name + ": " + why, List.of(new ApiProblem.FieldError(name, why)));
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
