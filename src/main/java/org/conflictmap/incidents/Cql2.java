package org.conflictmap.incidents;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import org.conflictmap.errors.Invalid;
import org.conflictmap.web.Times;
import org.locationtech.jts.geom.Geometry;

/**
 * A parsed CQL2 expression (OGC 21-065r2), the same whichever encoding it came in: the OGC API's
 * {@code Cql2Text} reads cql2-text, its {@code Cql2Json} reads cql2-json, and both give equal trees for
 * the same filter. The tree is part of an {@link IncidentQuery} ({@link IncidentQuery#filter()});
 * {@link FilterCompiler} writes it as SQL for the store's dialect (through {@link CqlSql}), with the
 * rest of the query. Nothing here knows the incidents' queryables yet.
 */
public sealed interface Cql2 {

    /** The comparison operators, as SQL writes them. */
    List<String> COMPARISONS = List.of("=", "<>", "<", "<=", ">", ">=");
    /** The spatial predicates (lower case, as cql2-json names them). */
    List<String> SPATIAL = List.of(
            "s_intersects", "s_equals", "s_disjoint", "s_touches", "s_within", "s_overlaps", "s_crosses", "s_contains");
    /** The temporal predicates. */
    List<String> TEMPORAL = List.of(
            "t_after",
            "t_before",
            "t_contains",
            "t_disjoint",
            "t_during",
            "t_equals",
            "t_finishedby",
            "t_finishes",
            "t_intersects",
            "t_meets",
            "t_metby",
            "t_overlappedby",
            "t_overlaps",
            "t_startedby",
            "t_starts");
    /** The array predicates. */
    List<String> ARRAY = List.of("a_equals", "a_contains", "a_containedby", "a_overlaps");

    /** Hands every geometry literal in {@code node} to {@code each}. */
    static void geometries(Cql2 node, Consumer<Geometry> each) {
        if (node instanceof Geom g) {
            each.accept(g.geometry());
        } else if (node instanceof And a) {
            a.args().forEach(x -> geometries(x, each));
        } else if (node instanceof Or o) {
            o.args().forEach(x -> geometries(x, each));
        } else if (node instanceof Not n) {
            geometries(n.arg(), each);
        } else if (node instanceof Predicate p) {
            geometries(p.left(), each);
            geometries(p.right(), each);
        } else if (node instanceof DWithin d) {
            geometries(d.left(), each);
            geometries(d.right(), each);
        }
    }

    record And(List<Cql2> args) implements Cql2 {
        public And {
            args = List.copyOf(args);
        }
    }

    record Or(List<Cql2> args) implements Cql2 {
        public Or {
            args = List.copyOf(args);
        }
    }

    record Not(Cql2 arg) implements Cql2 {
        public Not {
            Objects.requireNonNull(arg);
        }
    }

    /** {@code left op right} with op one of {@link #COMPARISONS}. */
    record Comparison(String op, Cql2 left, Cql2 right) implements Cql2 {
        public Comparison {
            if (!COMPARISONS.contains(op)) {
                throw new IllegalArgumentException(op);
            }
        }
    }

    record Like(Cql2 value, Cql2 pattern) implements Cql2 {}

    record Between(Cql2 value, Cql2 low, Cql2 high) implements Cql2 {}

    record In(Cql2 value, List<Cql2> list) implements Cql2 {
        public In {
            list = List.copyOf(list);
        }
    }

    record IsNull(Cql2 value) implements Cql2 {}

    /** A spatial, temporal or array predicate of two arguments: {@code op} is one of their lists. */
    record Predicate(String op, Cql2 left, Cql2 right) implements Cql2 {
        public Predicate {
            if (!SPATIAL.contains(op) && !TEMPORAL.contains(op) && !ARRAY.contains(op)) {
                throw new IllegalArgumentException(op);
            }
        }
    }

    /** {@code S_DWITHIN(left, right, metres)}: within that distance on the ellipsoid. */
    record DWithin(Cql2 left, Cql2 right, double metres) implements Cql2 {}

    /** {@code CASEI(arg)} or {@code ACCENTI(arg)}: {@code fold} is {@code casei} or {@code accenti}. */
    record Fold(String fold, Cql2 arg) implements Cql2 {
        public Fold {
            if (!fold.equals("casei") && !fold.equals("accenti")) {
                throw new IllegalArgumentException(fold);
            }
        }
    }

    record Property(String name) implements Cql2 {}

    record Text(String value) implements Cql2 {}

    record Num(double value) implements Cql2 {}

    /** {@code TRUE} / {@code FALSE}: a value, or a predicate on its own. */
    record Bool(boolean value) implements Cql2 {}

    /**
     * {@code TIMESTAMP('…')} ({@code date} false) or {@code DATE('…')} ({@code at} is then the day's
     * first instant, UTC).
     */
    record Time(Instant at, boolean date) implements Cql2 {
        /** {@code value} as a {@code TIMESTAMP} (an RFC 3339 time) or, {@code date} true, a {@code DATE}; a 400 otherwise. */
        public static Time parse(String value, boolean date) {
            try {
                Instant t = Times.instant(value, false, ChronoUnit.MICROS);
                if (date != (value.length() == 10)) {
                    throw new Invalid(
                            "filter",
                            (date ? "DATE takes a day ('2026-02-26'): " : "TIMESTAMP takes an RFC 3339 time: ")
                                    + clip(value));
                }
                return new Time(t, date);
            } catch (DateTimeParseException e) {
                throw new Invalid("filter", "'" + clip(value) + "' is not a date or an RFC 3339 time");
            } catch (Times.OutOfRange e) {
                throw new Invalid("filter", "'" + clip(value) + "': " + e.getMessage());
            }
        }

        private static String clip(String s) {
            return s.length() > 40 ? s.substring(0, 40) + "…" : s;
        }
    }

    /** {@code INTERVAL(start, end)}: each a {@link Time}, a {@link Property} or {@link Open}. */
    record Interval(Cql2 start, Cql2 end) implements Cql2 {}

    /** {@code '..'}: an interval's open end. */
    record Open() implements Cql2 {}

    /** A geometry literal (WKT, GeoJSON or BBOX), longitude/latitude. */
    record Geom(Geometry geometry) implements Cql2 {
        @Override
        public boolean equals(Object o) {
            return o instanceof Geom g && g.geometry.equalsExact(geometry);
        }

        @Override
        public int hashCode() {
            return geometry.getEnvelopeInternal().hashCode();
        }
    }

    /** An array literal: {@code ('a', 'b')} in text, {@code ["a", "b"]} in JSON. */
    record Array(List<Cql2> items) implements Cql2 {
        public Array {
            items = List.copyOf(items);
        }
    }
}
