package org.conflictmap.ogcapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.conflictmap.geo.Wkb;
import org.conflictmap.incidents.Cql2;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Params;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Reads cql2-text (OGC 21-065r2, its BNF) into a {@link Cql2} tree by recursive descent. Keywords
 * and function names are case-insensitive; a property is an identifier or a double-quoted name.
 * Beyond the standard it reads {@code ILIKE} (a case-insensitive LIKE) and {@code BBOX(geometry,
 * w, s, e, n)} as earlier versions of this server did. Any fault is a 400 naming the position.
 */
final class Cql2Text {
    /** How deep a filter may nest (parentheses, NOTs and function arguments): see {@link IncidentFilter#MAX_DEPTH}. */
    static final int MAX_DEPTH = IncidentFilter.MAX_DEPTH;

    private static final Set<String> WKT = Set.of(
            "POINT", "LINESTRING", "POLYGON", "MULTIPOINT", "MULTILINESTRING", "MULTIPOLYGON", "GEOMETRYCOLLECTION");
    private static final Set<String> RESERVED =
            Set.of("AND", "OR", "NOT", "LIKE", "ILIKE", "BETWEEN", "IN", "IS", "NULL");

    private final String s;
    private int pos;
    private int depth;

    private Cql2Text(String s) {
        this.s = s;
    }

    static Cql2 parse(String text) {
        Cql2Text p = new Cql2Text(text);
        Cql2 out = p.or();
        p.space();
        if (p.pos < p.s.length()) {
            throw p.fail("unexpected '" + clip(p.s.substring(p.pos)) + "'");
        }
        return out;
    }

    // ------------------------------------------------------------------ boolean structure

    private Cql2 or() {
        List<Cql2> args = new ArrayList<>(List.of(and()));
        while (keyword("OR")) {
            args.add(and());
        }
        return args.size() == 1 ? args.get(0) : new Cql2.Or(args);
    }

    private Cql2 and() {
        List<Cql2> args = new ArrayList<>(List.of(not()));
        while (keyword("AND")) {
            args.add(not());
        }
        return args.size() == 1 ? args.get(0) : new Cql2.And(args);
    }

    private Cql2 not() {
        if (keyword("NOT")) {
            enter();
            Cql2 arg = not();
            depth--;
            return new Cql2.Not(arg);
        }
        return primary();
    }

    private Cql2 primary() {
        space();
        if (peek('(')) {
            pos++;
            enter();
            Cql2 inner = or();
            expect(')');
            depth--;
            return inner;
        }
        String word = peekWord();
        if (word != null) {
            String up = word.toUpperCase(Locale.ROOT);
            String lower = up.toLowerCase(Locale.ROOT);
            if (Cql2.SPATIAL.contains(lower) || Cql2.TEMPORAL.contains(lower) || Cql2.ARRAY.contains(lower)) {
                pos += word.length();
                List<Cql2> args = arguments();
                if (args.size() != 2) {
                    throw fail(up + " takes two arguments");
                }
                return new Cql2.Predicate(lower, args.get(0), args.get(1));
            }
            if (up.equals("S_DWITHIN")) {
                pos += word.length();
                List<Cql2> args = arguments();
                if (args.size() != 3 || !(args.get(2) instanceof Cql2.Num d)) {
                    throw fail("S_DWITHIN takes a geometry, a geometry and a distance in metres");
                }
                return new Cql2.DWithin(args.get(0), args.get(1), d.value());
            }
            if (up.equals("BBOX") && afterWordIsPropertyArgument(word)) {
                // BBOX(geometry, w, s, e, n): earlier versions' spelling of S_INTERSECTS with a box
                pos += word.length();
                List<Cql2> args = arguments();
                return new Cql2.Predicate("s_intersects", args.get(0), box(args.subList(1, args.size())));
            }
        }
        Cql2 left = scalar();
        boolean negated = keyword("NOT");
        Cql2 out;
        if (keyword("LIKE")) {
            out = new Cql2.Like(left, scalar());
        } else if (keyword("ILIKE")) {
            out = new Cql2.Like(new Cql2.Fold("casei", left), new Cql2.Fold("casei", scalar()));
        } else if (keyword("BETWEEN")) {
            Cql2 low = scalar();
            if (!keyword("AND")) {
                throw fail("BETWEEN needs 'AND' between its bounds");
            }
            out = new Cql2.Between(left, low, scalar());
        } else if (keyword("IN")) {
            space();
            if (!peek('(')) {
                throw fail("IN needs a list in parentheses");
            }
            out = new Cql2.In(left, ((Cql2.Array) array()).items());
        } else if (negated) {
            throw fail("NOT here must be followed by LIKE, BETWEEN or IN");
        } else if (keyword("IS")) {
            boolean not = keyword("NOT");
            if (!keyword("NULL")) {
                throw fail("IS needs NULL or NOT NULL");
            }
            Cql2 isNull = new Cql2.IsNull(left);
            return not ? new Cql2.Not(isNull) : isNull;
        } else {
            String op = comparison();
            if (op == null) {
                if (left instanceof Cql2.Bool) {
                    return left;
                }
                throw fail(
                        pos >= s.length()
                                ? "the filter ends too early"
                                : "expected a comparison, LIKE, BETWEEN, IN or IS NULL");
            }
            return new Cql2.Comparison(op, left, scalar());
        }
        return negated ? new Cql2.Not(out) : out;
    }

    private boolean afterWordIsPropertyArgument(String word) {
        int k = pos + word.length();
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        if (k >= s.length() || s.charAt(k) != '(') {
            return false;
        }
        k++;
        while (k < s.length() && Character.isWhitespace(s.charAt(k))) {
            k++;
        }
        return k < s.length() && (Character.isLetter(s.charAt(k)) || s.charAt(k) == '"');
    }

    private String comparison() {
        space();
        for (String op : List.of("<>", "<=", ">=", "=", "<", ">")) {
            if (s.startsWith(op, pos)) {
                pos += op.length();
                return op;
            }
        }
        return null;
    }

    // ------------------------------------------------------------------ values

    private Cql2 scalar() {
        space();
        if (pos >= s.length()) {
            throw fail("the filter ends too early");
        }
        char c = s.charAt(pos);
        if (c == '\'') {
            return new Cql2.Text(string());
        }
        if (c == '"') {
            return new Cql2.Property(quoted());
        }
        if (c == '-' || c == '+' || c == '.' || Character.isDigit(c)) {
            return number();
        }
        if (c == '(') {
            return array();
        }
        String word = peekWord();
        if (word == null) {
            throw fail("unexpected '" + c + "'");
        }
        String up = word.toUpperCase(Locale.ROOT);
        if (RESERVED.contains(up)) {
            throw fail("'" + word + "' where a value or a property was expected");
        }
        pos += word.length();
        space();
        boolean call = peek('(');
        switch (up) {
            case "TRUE":
            case "FALSE":
                return new Cql2.Bool(up.equals("TRUE"));
            default:
                break;
        }
        if (!call) {
            return new Cql2.Property(word);
        }
        if (WKT.contains(up)) {
            return wkt(word);
        }
        switch (up) {
            case "TIMESTAMP", "DATE" -> {
                List<Cql2> args = arguments();
                if (args.size() != 1 || !(args.get(0) instanceof Cql2.Text t)) {
                    throw fail(up + " takes one quoted time");
                }
                return time(t.value(), up.equals("DATE"));
            }
            case "INTERVAL" -> {
                int at = pos;
                List<Cql2> args = arguments();
                if (args.size() != 2) {
                    pos = at;
                    throw fail("INTERVAL takes a start and an end");
                }
                return new Cql2.Interval(bound(args.get(0)), bound(args.get(1)));
            }
            case "CASEI", "ACCENTI" -> {
                List<Cql2> args = arguments();
                if (args.size() != 1) {
                    throw fail(up + " takes one argument");
                }
                return new Cql2.Fold(up.toLowerCase(Locale.ROOT), args.get(0));
            }
            case "BBOX" -> {
                return box(arguments());
            }
            default -> throw fail("'" + word + "' is not a function this server knows");
        }
    }

    /** An interval's bound: a quoted date or time, '..' (open) or a property. */
    private Cql2 bound(Cql2 arg) {
        if (arg instanceof Cql2.Text t) {
            return t.value().equals("..")
                    ? new Cql2.Open()
                    : time(t.value(), t.value().length() == 10);
        }
        if (arg instanceof Cql2.Property || arg instanceof Cql2.Time) {
            return arg;
        }
        throw fail("an INTERVAL's bounds are quoted times, '..' or properties");
    }

    /** Arguments of a function, {@code (a, b, …)}; an argument in parentheses is an array. */
    private List<Cql2> arguments() {
        expect('(');
        enter();
        List<Cql2> args = new ArrayList<>();
        space();
        if (!peek(')')) {
            do {
                space();
                args.add(scalar());
                space();
            } while (consume(','));
        }
        expect(')');
        depth--;
        return args;
    }

    private Cql2 array() {
        return new Cql2.Array(arguments());
    }

    private Cql2 box(List<Cql2> args) {
        if (args.size() != 4 && args.size() != 6 || !args.stream().allMatch(a -> a instanceof Cql2.Num)) {
            throw fail("BBOX takes 4 (or 6) numbers");
        }
        double[] v = args.stream().mapToDouble(a -> ((Cql2.Num) a).value()).toArray();
        boolean three = v.length == 6;
        return boxGeometry(v[0], v[1], v[three ? 3 : 2], v[three ? 4 : 3]);
    }

    static Cql2.Geom boxGeometry(double w, double s, double e, double n) {
        if (!(w <= e && s <= n) || w < -180 || e > 180 || s < -90 || n > 90) {
            throw Params.invalid("filter", "a BBOX needs west <= east and south <= north within -180..180 / -90..90");
        }
        return new Cql2.Geom(Wkb.FACTORY.toGeometry(new Envelope(w, e, s, n)));
    }

    private Cql2 wkt(String word) {
        int start = pos - word.length();
        while (pos < s.length() && s.charAt(pos) != '(') {
            pos++;
        }
        int open = 0;
        do {
            char c = s.charAt(pos++);
            open += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (open > MAX_DEPTH) {
                throw fail("nested more than " + MAX_DEPTH + " levels deep");
            }
        } while (open > 0 && pos < s.length());
        if (open > 0) {
            throw fail("the geometry is not closed");
        }
        try {
            Geometry g = new WKTReader(Wkb.FACTORY).read(s.substring(start, pos));
            g.setSRID(4326);
            return new Cql2.Geom(g);
        } catch (ParseException | RuntimeException e) {
            pos = start;
            throw fail("not a WKT geometry");
        }
    }

    static Cql2.Time time(String value, boolean date) {
        return Cql2.Time.parse(value, date);
    }

    private Cql2 number() {
        int start = pos;
        if (s.charAt(pos) == '-' || s.charAt(pos) == '+') {
            pos++;
        }
        while (pos < s.length()
                && (Character.isDigit(s.charAt(pos))
                        || s.charAt(pos) == '.'
                        || s.charAt(pos) == 'e'
                        || s.charAt(pos) == 'E'
                        || (s.charAt(pos) == '-' || s.charAt(pos) == '+') && "eE".indexOf(s.charAt(pos - 1)) >= 0)) {
            pos++;
        }
        try {
            double d = Double.parseDouble(s.substring(start, pos));
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return new Cql2.Num(d);
        } catch (NumberFormatException e) {
            pos = start;
            throw fail("not a number");
        }
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        int start = pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\'') {
                if (peek('\'')) {
                    out.append('\'');
                    pos++;
                } else {
                    return out.toString();
                }
            } else {
                out.append(c);
            }
        }
        pos = start;
        throw fail("a quoted text is not closed");
    }

    private String quoted() {
        int end = s.indexOf('"', pos + 1);
        if (end < 0) {
            throw fail("a quoted property name is not closed");
        }
        String name = s.substring(pos + 1, end);
        pos = end + 1;
        return name;
    }

    // ------------------------------------------------------------------ characters

    private String peekWord() {
        int k = pos;
        if (k >= s.length() || !(Character.isLetter(s.charAt(k)) || s.charAt(k) == '_')) {
            return null;
        }
        while (k < s.length() && (Character.isLetterOrDigit(s.charAt(k)) || "_.:".indexOf(s.charAt(k)) >= 0)) {
            k++;
        }
        return s.substring(pos, k);
    }

    private boolean keyword(String k) {
        space();
        String word = peekWord();
        if (word != null && word.equalsIgnoreCase(k)) {
            pos += word.length();
            return true;
        }
        return false;
    }

    private void space() {
        while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
            pos++;
        }
    }

    private boolean peek(char c) {
        return pos < s.length() && s.charAt(pos) == c;
    }

    private boolean consume(char c) {
        space();
        if (peek(c)) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw fail(pos >= s.length() ? "the filter ends where '" + c + "' was expected" : "expected '" + c + "'");
        }
    }

    private void enter() {
        if (++depth > MAX_DEPTH) {
            throw Params.invalid("filter", "nested more than " + MAX_DEPTH + " levels deep");
        }
    }

    private ApiProblem fail(String why) {
        return Params.invalid(
                "filter", "not CQL2 text this server understands: " + why + " (at character " + (pos + 1) + ")");
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }
}
