package org.conflictmap.incidents;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.conflictmap.errors.Invalid;
import org.conflictmap.geo.Wkb;
import org.conflictmap.store.SpatialDialect;
import org.conflictmap.web.Times;
import org.locationtech.jts.geom.Geometry;

/**
 * The CQL2 part of {@link FilterCompiler}: a {@link Cql2} tree as a parameterised SQL condition over the
 * incidents table (or a table layer's, {@link TableFilters}) for the store's {@link SpatialDialect} (spatial
 * predicates in the form its index wants, from the dialect alone): every value becomes a {@code ?} parameter,
 * every property name a column from its {@link CqlSchema} (the incidents' {@link Queryables}, or a table layer's
 * queryables; never text from the request), geometries go in as WKB. What it cannot say in
 * SQL both stores share is a 400 naming the construct, found by {@link #check} when the tree is put
 * into an {@link IncidentQuery} (by {@link TableFilters#condition} for a table), so before any SQL runs. SQL's three-valued logic applies: a
 * comparison with a missing value (a null {@code killed_max}) is neither true nor false, so
 * {@code NOT (killed_max > 50)} does not select incidents without a killed figure; use
 * {@code killed_max IS NULL} for those. Temporal predicates are in {@link CqlTime}, array predicates
 * in {@link CqlArrays}.
 */
final class CqlSql {
    /** The spatial predicates as the SQL functions both stores implement. */
    private static final Map<String, String> SPATIAL = Map.of(
            "s_intersects",
            "ST_Intersects",
            "s_within",
            "ST_Within",
            "s_contains",
            "ST_Contains",
            "s_equals",
            "ST_Equals",
            "s_touches",
            "ST_Touches",
            "s_crosses",
            "ST_Crosses",
            "s_overlaps",
            "ST_Overlaps");
    /** The farthest S_DWITHIN reaches: beyond it a circle on a local projection is no longer a good answer. */
    static final double MAX_METRES = 1_000_000;

    final StringBuilder sql = new StringBuilder();
    final List<Object> params = new ArrayList<>();
    /** The store's spatial SQL: how each store narrows a spatial predicate by its index; null while only checking. */
    private final SpatialDialect dialect;
    /** What the filter may name: the incidents' queryables, or a table layer's. */
    final CqlSchema schema;

    private CqlSql(SpatialDialect dialect, CqlSchema schema) {
        this.dialect = dialect;
        this.schema = Objects.requireNonNull(schema, "schema");
    }

    /** {@code filter} over the incidents as SQL for {@code dialect}, appended to {@code where} with its parameters. */
    static void write(Cql2 filter, SpatialDialect dialect, StringBuilder where, List<Object> whereParams) {
        write(filter, CqlSchema.INCIDENTS, dialect, where, whereParams);
    }

    /** {@code filter} over {@code schema}'s table as SQL for {@code dialect}, appended to {@code where} with its parameters. */
    static void write(
            Cql2 filter, CqlSchema schema, SpatialDialect dialect, StringBuilder where, List<Object> whereParams) {
        CqlSql t = new CqlSql(Objects.requireNonNull(dialect, "dialect"), schema);
        t.predicate(filter);
        where.append(t.sql);
        whereParams.addAll(t.params);
    }

    /** Whether {@code filter} over the incidents can be written as SQL: a 400 naming {@code filter} and the construct when not. */
    static void check(Cql2 filter) {
        new CqlSql(null, CqlSchema.INCIDENTS).predicate(filter);
    }

    /** A value in SQL: its text, its parameters, and its kind (a {@link CqlSchema.Column#type()}). */
    record Term(String sql, List<Object> params, Class<?> type) {}

    void predicate(Cql2 f) {
        if (f instanceof Cql2.And a) {
            junction(a.args(), " AND ");
        } else if (f instanceof Cql2.Or o) {
            junction(o.args(), " OR ");
        } else if (f instanceof Cql2.Not n) {
            sql.append("NOT (");
            predicate(n.arg());
            sql.append(')');
        } else if (f instanceof Cql2.Bool b) {
            sql.append(b.value() ? "1 = 1" : "1 = 0");
        } else if (f instanceof Cql2.Comparison c) {
            compare(c);
        } else if (f instanceof Cql2.Like l) {
            like(l);
        } else if (f instanceof Cql2.Between b) {
            between(b);
        } else if (f instanceof Cql2.In in) {
            in(in);
        } else if (f instanceof Cql2.IsNull n
                && n.value() instanceof Cql2.Property g
                && g.name().equals("geometry")) {
            // every incident has a geometry
            sql.append(schema.geometryAlways() ? "1 = 0" : schema.geometry() + " IS NULL");
        } else if (f instanceof Cql2.IsNull n) {
            append(property(n.value(), "IS NULL"));
            sql.append(" IS NULL");
        } else if (f instanceof Cql2.Predicate p && Cql2.TEMPORAL.contains(p.op())) {
            CqlTime.predicate(this, p);
        } else if (f instanceof Cql2.Predicate p && Cql2.ARRAY.contains(p.op())) {
            CqlArrays.predicate(this, p);
        } else if (f instanceof Cql2.Predicate p) {
            spatial(p);
        } else if (f instanceof Cql2.DWithin d) {
            dwithin(d);
        } else {
            throw invalid(describe(f) + " where a condition was expected");
        }
    }

    private void between(Cql2.Between b) {
        Term v = property(b.value(), "BETWEEN");
        if (v.type() != Integer.class && v.type() != Instant.class) {
            throw invalid("BETWEEN compares numbers or times; '" + name(b.value()) + "' is not one");
        }
        append(v);
        sql.append(" BETWEEN ");
        append(term(b.low(), v.type()));
        sql.append(" AND ");
        append(term(b.high(), v.type()));
    }

    private void in(Cql2.In in) {
        Term v = property(in.value(), "IN");
        append(v);
        sql.append(" IN (");
        for (int k = 0; k < in.list().size(); k++) {
            sql.append(k == 0 ? "" : ", ");
            append(term(in.list().get(k), v.type()));
        }
        sql.append(in.list().isEmpty() ? "NULL)" : ")");
    }

    private void junction(List<Cql2> children, String op) {
        sql.append('(');
        for (int k = 0; k < children.size(); k++) {
            sql.append(k > 0 ? op : "");
            predicate(children.get(k));
        }
        sql.append(')');
    }

    void append(Term t) {
        sql.append(t.sql());
        params.addAll(t.params());
    }

    private void compare(Cql2.Comparison c) {
        boolean leftQueryable = queryable(c.left());
        boolean rightQueryable = queryable(c.right());
        if (!leftQueryable && !rightQueryable) {
            throw invalid("a comparison needs a queryable on one side");
        }
        Term left = leftQueryable ? property(c.left(), c.op()) : null;
        Term right = rightQueryable ? property(c.right(), c.op()) : null;
        if (left != null && right != null && left.type() != right.type()) {
            throw invalid("'" + name(c.left()) + "' and '" + name(c.right())
                    + "' hold different kinds of value and cannot be compared");
        }
        left = left != null ? left : term(c.left(), right.type());
        right = right != null ? right : term(c.right(), left.type());
        append(left);
        sql.append(' ').append(c.op()).append(' ');
        append(right);
    }

    private void like(Cql2.Like l) {
        Term v = property(l.value(), "LIKE");
        if (v.type() != String.class) {
            throw invalid("LIKE compares text; '" + name(l.value()) + "' is not text");
        }
        append(v);
        sql.append(" LIKE ");
        append(term(pattern(l.pattern()), String.class));
        sql.append(" ESCAPE '\\'");
    }

    /**
     * A LIKE pattern as both stores read it with {@code ESCAPE '\'}: CQL2's {@code %} and {@code _}
     * stay wildcards, {@code \%}, {@code \_} and {@code \\} stay escaped, and any other backslash is a
     * literal one (PostgreSQL refuses a pattern that ends in a lone escape character).
     */
    private static Cql2 pattern(Cql2 p) {
        if (p instanceof Cql2.Fold f) {
            return new Cql2.Fold(f.fold(), pattern(f.arg()));
        }
        if (!(p instanceof Cql2.Text t)) {
            throw invalid("LIKE takes a quoted pattern");
        }
        String s = t.value();
        StringBuilder out = new StringBuilder(s.length() + 4);
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\') {
                char next = k + 1 < s.length() ? s.charAt(k + 1) : 0;
                out.append(next == '%' || next == '_' || next == '\\' ? "\\" + next : "\\\\");
                k += next == '%' || next == '_' || next == '\\' ? 1 : 0;
            } else {
                out.append(c);
            }
        }
        return new Cql2.Text(out.toString());
    }

    private void spatial(Cql2.Predicate p) {
        String op = p.op();
        Cql2 property = p.left();
        Cql2 other = p.right();
        if (!(property instanceof Cql2.Property) && other instanceof Cql2.Property) {
            property = p.right();
            other = p.left();
            op = op.equals("s_within") ? "s_contains" : op.equals("s_contains") ? "s_within" : op;
        }
        byte[] wkb = Wkb.write(geometryArgument(property, other));
        if (op.equals("s_disjoint")) {
            sql.append("NOT ST_Intersects(")
                    .append(schema.geometry())
                    .append(", ")
                    .append(dialect == null ? "?" : dialect.geometryFromWkb())
                    .append(')');
            params.add(wkb);
            return;
        }
        relate(SPATIAL.get(op), wkb);
    }

    /** {@code function(geom, the geometry)} as the store narrows it by its index, the WKB bound as often as it asks. */
    private void relate(String function, byte[] wkb) {
        sql.append(
                dialect == null
                        ? function + "(" + schema.geometry() + ", ?)"
                        : dialect.relate(function, schema.geometry()));
        for (int k = 0; k < (dialect == null ? 1 : dialect.relateBindings()); k++) {
            params.add(wkb);
        }
    }

    private void dwithin(Cql2.DWithin d) {
        Cql2 property = d.left() instanceof Cql2.Property ? d.left() : d.right();
        Cql2 other = property == d.left() ? d.right() : d.left();
        Geometry g = geometryArgument(property, other);
        if (!(d.metres() >= 0 && d.metres() <= MAX_METRES)) {
            throw invalid("S_DWITHIN takes a distance in metres from 0 to " + (long) MAX_METRES);
        }
        byte[] wkb = Wkb.write(Distances.buffer(g, d.metres()));
        relate("ST_Intersects", wkb);
    }

    private static Geometry geometryArgument(Cql2 property, Cql2 other) {
        if (!(property instanceof Cql2.Property p) || !p.name().equals("geometry")) {
            throw invalid("spatial operators apply to 'geometry'");
        }
        if (!(other instanceof Cql2.Geom lit)) {
            throw invalid("a spatial operator compares the geometry with a geometry literal (WKT, GeoJSON or BBOX)");
        }
        Geometry g = lit.geometry();
        if (g.isEmpty() || !g.isValid()) {
            throw invalid("the filter's geometry is empty or not valid (a ring that crosses itself?)");
        }
        g.setSRID(4326);
        return g;
    }

    // ------------------------------------------------------------------ values

    private static boolean queryable(Cql2 e) {
        return e instanceof Cql2.Property || e instanceof Cql2.Fold f && queryable(f.arg());
    }

    /** A queryable, or CASEI/ACCENTI of one, as SQL. */
    Term property(Cql2 e, String op) {
        if (e instanceof Cql2.Fold f) {
            Term inner = property(f.arg(), f.fold().toUpperCase(Locale.ROOT));
            return fold(f.fold(), inner);
        }
        CqlSchema.Column a = attribute(e, op);
        return new Term(a.sql(), List.of(), a.type());
    }

    CqlSchema.Column attribute(Cql2 e, String op) {
        if (!(e instanceof Cql2.Property p)) {
            throw invalid(op + " needs a queryable on its left");
        }
        CqlSchema.Column a = schema.columns().get(p.name());
        if (a == null) {
            throw invalid(
                    p.name().equals("geometry")
                            ? "'geometry' takes spatial operators (S_INTERSECTS…), not " + op
                            : "'" + clip(p.name()) + "' is not a queryable; see " + schema.listed());
        }
        return a;
    }

    private static Term fold(String fold, Term inner) {
        if (inner.type() != String.class) {
            throw invalid(fold.toUpperCase(Locale.ROOT) + " applies to text");
        }
        String sql = fold.equals("casei")
                ? "LOWER(" + inner.sql() + ")"
                : "TRANSLATE(" + inner.sql() + ", '" + Accents.FROM + "', '" + Accents.TO + "')";
        return new Term(sql, inner.params(), String.class);
    }

    /** A literal (or CASEI/ACCENTI of one) as a parameter of the kind {@code type}. */
    Term term(Cql2 e, Class<?> type) {
        if (e instanceof Cql2.Fold f) {
            return fold(f.fold(), term(f.arg(), type));
        }
        if (e instanceof Cql2.Property) {
            Term t = property(e, "a comparison");
            if (t.type() != type) {
                throw invalid("'" + name(e) + "' holds another kind of value than the other side");
            }
            return t;
        }
        return new Term("?", List.of(value(e, type)), type);
    }

    private static Object value(Cql2 e, Class<?> type) {
        if (type == String.class) {
            if (e instanceof Cql2.Text t) {
                return t.value();
            }
            if (e instanceof Cql2.Num n) {
                return n.value() == Math.rint(n.value()) && Math.abs(n.value()) < 9e15
                        ? String.valueOf((long) n.value())
                        : String.valueOf(n.value());
            }
        } else if (type == Integer.class) {
            if (e instanceof Cql2.Num n) {
                double d = n.value();
                return d == Math.rint(d) && Math.abs(d) < 9e15 ? (Object) (long) d : (Object) d;
            }
        } else if (type == Boolean.class) {
            if (e instanceof Cql2.Bool b) {
                return b.value();
            }
        } else if (type == Instant.class) {
            Instant t = e instanceof Cql2.Time time
                    ? time.at()
                    : e instanceof Cql2.Text text && text.value().length() > 10
                            ? Cql2.Time.parse(text.value(), false).at()
                            : null;
            if (t != null) {
                return utc(t);
            }
        }
        throw invalid("a value of the wrong kind: "
                + (type == Integer.class
                        ? "a number"
                        : type == Boolean.class
                                ? "true or false"
                                : type == Instant.class
                                        ? "a time (TIMESTAMP('2026-02-26T00:00:00Z') or DATE('2026-02-26'))"
                                        : "a quoted text")
                + " was expected, not " + describe(e));
    }

    static OffsetDateTime utc(Instant t) {
        try {
            return OffsetDateTime.ofInstant(Times.checked(t), ZoneOffset.UTC);
        } catch (Times.OutOfRange range) {
            throw invalid(range.getMessage());
        }
    }

    private static String describe(Cql2 e) {
        if (e instanceof Cql2.Text t) {
            return "'" + clip(t.value()) + "'";
        }
        if (e instanceof Cql2.Num n) {
            return String.valueOf(n.value());
        }
        if (e instanceof Cql2.Bool b) {
            return String.valueOf(b.value());
        }
        if (e instanceof Cql2.Time t) {
            return t.at().toString();
        }
        return "a " + e.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    static String name(Cql2 e) {
        return e instanceof Cql2.Property p ? clip(p.name()) : e instanceof Cql2.Fold f ? name(f.arg()) : describe(e);
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    static Invalid invalid(String why) {
        return new Invalid("filter", why);
    }
}
