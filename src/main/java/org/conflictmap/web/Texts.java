package org.conflictmap.web;

/**
 * The characters a stored text may hold: XML 1.0's {@code Char} production — tab, line feed,
 * carriage return and everything from U+0020 except lone surrogates, U+FFFE and U+FFFF. Every
 * export can then carry every text unchanged: PostgreSQL refuses NUL (a 500 before), GeoPackage,
 * Shapefile and FlatGeobuf cut a text at NUL, other control characters make KML unreadable to GDAL,
 * and a lone surrogate became {@code ?} on the way to UTF-8.
 */
public final class Texts {
    private Texts() {}

    /** Null when {@code s} (may be null) holds only allowed characters; otherwise what is wrong, for the sender. */
    public static String fault(String s) {
        int k = firstRefused(s);
        if (k < 0) {
            return null;
        }
        char c = s.charAt(k);
        return Character.isSurrogate(c)
                ? "holds a lone UTF-16 surrogate " + code(c) + " at character " + (k + 1) + "; send valid Unicode"
                : "holds the control character " + code(c) + " at character " + (k + 1)
                        + "; only tab, line feed and carriage return are allowed";
    }

    /** {@code s} if it holds only allowed characters; otherwise a 400 naming {@code field}. */
    public static String require(String field, String s) {
        String why = fault(s);
        if (why != null) {
            throw Params.invalid(field, why);
        }
        return s;
    }

    /**
     * {@code s} with every character {@link #fault} refuses replaced by U+FFFD, for writers of XML
     * (KML) meeting a text stored before these checks: the file stays readable, the rest of the text intact.
     */
    public static String xmlSafe(String s) {
        int k = firstRefused(s);
        if (k < 0) {
            return s;
        }
        StringBuilder b = new StringBuilder(s);
        for (; k >= 0; k = firstRefused(b, k + 1)) {
            b.setCharAt(k, '\uFFFD');
        }
        return b.toString();
    }

    private static int firstRefused(CharSequence s) {
        return s == null ? -1 : firstRefused(s, 0);
    }

    /** The index of the first refused character at or after {@code from}, or -1. */
    private static int firstRefused(CharSequence s, int from) {
        for (int k = from; k < s.length(); k++) {
            char c = s.charAt(k);
            if (Character.isHighSurrogate(c) && k + 1 < s.length() && Character.isLowSurrogate(s.charAt(k + 1))) {
                k++;
            } else if (Character.isSurrogate(c)
                    || c < 0x20 && c != '\t' && c != '\n' && c != '\r'
                    || c == 0xFFFE
                    || c == 0xFFFF) {
                return k;
            }
        }
        return -1;
    }

    private static String code(char c) {
        return String.format("U+%04X", (int) c);
    }
}
