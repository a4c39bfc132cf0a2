package org.conflictmap.incidents;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * CQL2's temporal predicates in SQL. Each argument is an interval {@code [start, end]}: an
 * incident's {@code INTERVAL(start, end)}, a time queryable ({@code start}, {@code end},
 * {@code updated}: an instant, start = end), a {@code TIMESTAMP} (an instant), a {@code DATE} (its
 * whole UTC day, 00:00 to 23:59:59.999999) or an {@code INTERVAL} of those, with {@code '..'} for an
 * open end. The predicates are the standard's comparisons of the four ends (OGC 21-065r2, table 5);
 * a comparison of two literals is decided here, and one with an open end is true or false outright.
 */
final class CqlTime {
    /**
     * Each predicate as comparisons of the ends: {@code S}/{@code E} the first argument's start and
     * end, {@code s}/{@code e} the second's; {@code &} joins them, {@code |} offers alternatives.
     */
    private static final Map<String, String> RULES = Map.ofEntries(
            Map.entry("t_after", "S>e"),
            Map.entry("t_before", "E<s"),
            Map.entry("t_contains", "S<s&E>e"),
            Map.entry("t_disjoint", "E<s|S>e"),
            Map.entry("t_during", "S>s&E<e"),
            Map.entry("t_equals", "S=s&E=e"),
            Map.entry("t_finishedby", "S<s&E=e"),
            Map.entry("t_finishes", "S>s&E=e"),
            Map.entry("t_intersects", "S<=e&E>=s"),
            Map.entry("t_meets", "E=s"),
            Map.entry("t_metby", "S=e"),
            Map.entry("t_overlappedby", "S>s&S<e&E>e"),
            Map.entry("t_overlaps", "S<s&E>s&E<e"),
            Map.entry("t_startedby", "S=s&E>e"),
            Map.entry("t_starts", "S=s&E<e"));

    private CqlTime() {}

    /**
     * One end of an interval: a column, a time, or open ({@code infinity} -1 before every time, +1
     * after every time; 0 when it is a column or a time).
     */
    private record End(String column, Instant at, int infinity) {}

    static void predicate(CqlSql out, Cql2.Predicate p) {
        End[] a = interval(out, p.left(), p.op());
        End[] b = interval(out, p.right(), p.op());
        List<String> alternatives = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        for (String alternative : RULES.get(p.op()).split("\\|")) {
            List<String> all = new ArrayList<>();
            List<Object> allParams = new ArrayList<>();
            boolean possible = true;
            for (String rule : alternative.split("&")) {
                End x = end(rule.charAt(0), a, b);
                End y = end(rule.charAt(rule.length() - 1), a, b);
                String op = rule.substring(1, rule.length() - 1);
                Boolean decided = decide(x, op, y);
                if (decided == null) {
                    all.add(side(x, allParams) + " " + op + " " + side(y, allParams));
                } else if (!decided) {
                    possible = false;
                    break;
                }
            }
            if (possible && all.isEmpty()) {
                out.sql.append("1 = 1");
                return;
            }
            if (possible) {
                alternatives.add("(" + String.join(" AND ", all) + ")");
                params.addAll(allParams);
            }
        }
        out.sql.append(alternatives.isEmpty() ? "1 = 0" : "(" + String.join(" OR ", alternatives) + ")");
        out.params.addAll(params);
    }

    private static End end(char which, End[] a, End[] b) {
        return switch (which) {
            case 'S' -> a[0];
            case 'E' -> a[1];
            case 's' -> b[0];
            default -> b[1];
        };
    }

    private static String side(End x, List<Object> params) {
        if (x.column() != null) {
            return x.column();
        }
        params.add(CqlSql.utc(x.at()));
        return "?";
    }

    /** The comparison's answer when it does not depend on the row, else null. */
    private static Boolean decide(End x, String op, End y) {
        int order;
        if (x.infinity() != 0 || y.infinity() != 0) {
            order = Integer.compare(x.infinity(), y.infinity());
        } else if (x.column() == null && y.column() == null) {
            order = x.at().compareTo(y.at());
        } else {
            return null;
        }
        return switch (op) {
            case "<" -> order < 0;
            case "<=" -> order <= 0;
            case ">" -> order > 0;
            case ">=" -> order >= 0;
            default -> order == 0;
        };
    }

    private static End[] interval(CqlSql out, Cql2 e, String op) {
        if (e instanceof Cql2.Interval i) {
            return new End[] {bound(out, i.start(), false, op), bound(out, i.end(), true, op)};
        }
        if (e instanceof Cql2.Property || e instanceof Cql2.Time) {
            return new End[] {bound(out, e, false, op), bound(out, e, true, op)};
        }
        throw CqlSql.invalid(op.toUpperCase(Locale.ROOT)
                + " compares times: INTERVAL(start, end), a time queryable, TIMESTAMP(…), DATE(…) or INTERVAL(…, …)");
    }

    private static End bound(CqlSql out, Cql2 e, boolean end, String op) {
        if (e instanceof Cql2.Open) {
            return new End(null, null, end ? 1 : -1);
        }
        if (e instanceof Cql2.Time t) {
            return new End(
                    null, t.date() && end ? t.at().plus(1, ChronoUnit.DAYS).minus(1, ChronoUnit.MICROS) : t.at(), 0);
        }
        CqlSchema.Column a = out.attribute(e, op.toUpperCase(Locale.ROOT));
        if (a.type() != Instant.class) {
            throw CqlSql.invalid(
                    "'" + a.name() + "' is not a time; temporal operators take " + out.schema.named(Instant.class));
        }
        return new End(a.sql(), null, 0);
    }
}
