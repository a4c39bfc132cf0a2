package org.conflictmap.ogcapi;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.conflictmap.geo.Wkb;
import org.conflictmap.incidents.IncidentQuery;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Params;
import org.conflictmap.web.Times;
import org.geotools.api.filter.And;
import org.geotools.api.filter.BinaryComparisonOperator;
import org.geotools.api.filter.Filter;
import org.geotools.api.filter.Id;
import org.geotools.api.filter.Not;
import org.geotools.api.filter.Or;
import org.geotools.api.filter.PropertyIsBetween;
import org.geotools.api.filter.PropertyIsEqualTo;
import org.geotools.api.filter.PropertyIsGreaterThan;
import org.geotools.api.filter.PropertyIsGreaterThanOrEqualTo;
import org.geotools.api.filter.PropertyIsLessThan;
import org.geotools.api.filter.PropertyIsLessThanOrEqualTo;
import org.geotools.api.filter.PropertyIsLike;
import org.geotools.api.filter.PropertyIsNotEqualTo;
import org.geotools.api.filter.PropertyIsNull;
import org.geotools.api.filter.expression.Expression;
import org.geotools.api.filter.expression.Literal;
import org.geotools.api.filter.expression.PropertyName;
import org.geotools.api.filter.identity.Identifier;
import org.geotools.api.filter.spatial.BBOX;
import org.geotools.api.filter.spatial.BinarySpatialOperator;
import org.geotools.api.filter.spatial.Contains;
import org.geotools.api.filter.spatial.Crosses;
import org.geotools.api.filter.spatial.Disjoint;
import org.geotools.api.filter.spatial.Equals;
import org.geotools.api.filter.spatial.Intersects;
import org.geotools.api.filter.spatial.Overlaps;
import org.geotools.api.filter.spatial.Touches;
import org.geotools.api.filter.spatial.Within;
import org.locationtech.jts.geom.Geometry;

/**
 * Turns a parsed CQL2 filter into a parameterised SQL condition over the incidents table, which both
 * stores run alike: every value becomes a {@code ?} parameter, every property name a column from
 * {@link Queryables} (never text from the request), geometries go in as WKB. What it cannot say in
 * SQL both stores share is a 400 naming the construct. SQL's three-valued logic applies: a
 * comparison with a missing value (a null {@code killed_max}) is neither true nor false, so
 * {@code NOT (killed_max > 50)} does not select incidents without a killed figure; use
 * {@code killed_max IS NULL} for those.
 */
final class CqlSql {
    /** The spatial operators both stores implement, as SQL functions. */
    private static final Map<Class<?>, String> SPATIAL = Map.of(Intersects.class, "ST_Intersects", Within.class, "ST_Within",
            Contains.class, "ST_Contains", Equals.class, "ST_Equals", Touches.class, "ST_Touches", Crosses.class, "ST_Crosses",
            Overlaps.class, "ST_Overlaps");
    private static final String GEOMETRY_PARAM = "ST_GeomFromWKB(?, 4326)";

    private final StringBuilder sql = new StringBuilder();
    private final List<Object> params = new ArrayList<>();

    private CqlSql() {
    }

    static IncidentQuery.Condition translate(Filter filter) {
        CqlSql t = new CqlSql();
        t.filter(filter);
        return new IncidentQuery.Condition(t.sql.toString(), t.params);
    }

    private void filter(Filter f) {
        if (f == Filter.INCLUDE) {
            sql.append("1 = 1");
        } else if (f == Filter.EXCLUDE) {
            sql.append("1 = 0");
        } else if (f instanceof And a) {
            junction(a.getChildren(), " AND ");
        } else if (f instanceof Or o) {
            junction(o.getChildren(), " OR ");
        } else if (f instanceof Not n) {
            sql.append("NOT (");
            filter(n.getFilter());
            sql.append(')');
        } else if (f instanceof BinaryComparisonOperator c) {
            compare(c);
        } else if (f instanceof PropertyIsLike l) {
            like(l);
        } else if (f instanceof PropertyIsNull n) {
            sql.append(column(n.getExpression(), "IS NULL").column()).append(" IS NULL");
        } else if (f instanceof PropertyIsBetween b) {
            Queryables.Attribute a = column(b.getExpression(), "BETWEEN");
            sql.append(a.column()).append(" BETWEEN ? AND ?");
            params.add(value(a, b.getLowerBoundary()));
            params.add(value(a, b.getUpperBoundary()));
        } else if (f instanceof Id id) {
            ids(id);
        } else if (f instanceof BBOX box) {
            bbox(box);
        } else if (f instanceof BinarySpatialOperator s) {
            spatial(s);
        } else {
            throw unsupported(f.getClass().getSimpleName().replaceAll("Impl$", ""));
        }
    }

    private void junction(List<Filter> children, String op) {
        sql.append('(');
        for (int k = 0; k < children.size(); k++) {
            if (k > 0) {
                sql.append(op);
            }
            filter(children.get(k));
        }
        sql.append(')');
    }

    private void compare(BinaryComparisonOperator c) {
        String op = c instanceof PropertyIsEqualTo ? "=" : c instanceof PropertyIsNotEqualTo ? "<>"
                : c instanceof PropertyIsLessThan ? "<" : c instanceof PropertyIsLessThanOrEqualTo ? "<="
                : c instanceof PropertyIsGreaterThan ? ">" : c instanceof PropertyIsGreaterThanOrEqualTo ? ">=" : null;
        if (op == null) {
            throw unsupported(c.getClass().getSimpleName());
        }
        Expression left = c.getExpression1();
        Expression right = c.getExpression2();
        if (left instanceof PropertyName && right instanceof PropertyName) {
            Queryables.Attribute a = column(left, op);
            Queryables.Attribute b = column(right, op);
            if (a.type() != b.type()) {
                throw invalid("'" + a.name() + "' and '" + b.name() + "' hold different kinds of value and cannot be compared");
            }
            sql.append(text(a, c.isMatchingCase())).append(' ').append(op).append(' ').append(text(b, c.isMatchingCase()));
            return;
        }
        if (left instanceof Literal && right instanceof PropertyName) {
            Expression e = left;
            left = right;
            right = e;
            op = switch (op) {
                case "<" -> ">";
                case "<=" -> ">=";
                case ">" -> "<";
                case ">=" -> "<=";
                default -> op;
            };
        }
        if (!(left instanceof PropertyName && right instanceof Literal)) {
            throw invalid("a comparison needs a queryable on one side and a value (or another queryable) on the other");
        }
        Queryables.Attribute a = column(left, op);
        Object v = value(a, right);
        boolean fold = !c.isMatchingCase() && a.type() == String.class;
        sql.append(text(a, c.isMatchingCase())).append(' ').append(op).append(fold ? " LOWER(?)" : " ?");
        params.add(v);
    }

    private static String text(Queryables.Attribute a, boolean matchCase) {
        return !matchCase && a.type() == String.class ? "LOWER(" + a.column() + ")" : a.column();
    }

    private void like(PropertyIsLike l) {
        Queryables.Attribute a = column(l.getExpression(), "LIKE");
        if (a.type() != String.class) {
            throw invalid("LIKE compares text; '" + a.name() + "' is not text");
        }
        String pattern = l.getLiteral();
        StringBuilder out = new StringBuilder();
        String wild = l.getWildCard();
        String single = l.getSingleChar();
        String escape = l.getEscape();
        for (int k = 0; k < pattern.length(); k++) {
            if (escape != null && !escape.isEmpty() && pattern.startsWith(escape, k) && k + escape.length() < pattern.length()) {
                k += escape.length();
                literal(out, pattern.charAt(k));
            } else if (pattern.startsWith(wild, k)) {
                out.append('%');
                k += wild.length() - 1;
            } else if (pattern.startsWith(single, k)) {
                out.append('_');
                k += single.length() - 1;
            } else {
                literal(out, pattern.charAt(k));
            }
        }
        boolean fold = !l.isMatchingCase();
        sql.append(fold ? "LOWER(" + a.column() + ")" : a.column()).append(fold ? " LIKE LOWER(?)" : " LIKE ?")
                .append(" ESCAPE '\\'");
        params.add(out.toString());
    }

    private static void literal(StringBuilder out, char c) {
        if (c == '%' || c == '_' || c == '\\') {
            out.append('\\');
        }
        out.append(c);
    }

    private void ids(Id id) {
        if (id.getIdentifiers().isEmpty()) {
            sql.append("1 = 0");
            return;
        }
        sql.append("id IN (");
        int k = 0;
        for (Identifier i : id.getIdentifiers()) {
            sql.append(k++ == 0 ? "?" : ", ?");
            params.add(String.valueOf(i.getID()));
        }
        sql.append(')');
    }

    private void bbox(BBOX box) {
        geometryProperty(box.getExpression1());
        var b = box.getBounds();
        if (b == null || b.isEmpty()) {
            throw invalid("BBOX needs minimum and maximum longitude and latitude");
        }
        sql.append("(geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) AND ST_Intersects(geom, ST_MakeEnvelope(?, ?, ?, ?, 4326)))");
        for (int k = 0; k < 2; k++) {
            params.add(b.getMinX());
            params.add(b.getMinY());
            params.add(b.getMaxX());
            params.add(b.getMaxY());
        }
    }

    private void spatial(BinarySpatialOperator s) {
        Expression property = s.getExpression1();
        Expression other = s.getExpression2();
        Class<?> kind = SPATIAL.keySet().stream().filter(c -> c.isInstance(s)).findFirst().orElse(null);
        boolean disjoint = s instanceof Disjoint;
        if (kind == null && !disjoint) {
            throw unsupported(s.getClass().getSimpleName().replaceAll("Impl$", ""));
        }
        if (property instanceof Literal && other instanceof PropertyName) {
            property = s.getExpression2();
            other = s.getExpression1();
            kind = kind == Within.class ? Contains.class : kind == Contains.class ? Within.class : kind;
        }
        geometryProperty(property);
        if (!(other instanceof Literal lit) || !(lit.getValue() instanceof Geometry g)) {
            throw invalid("a spatial operator compares the geometry with a WKT geometry");
        }
        if (g.isEmpty() || !g.isValid()) {
            throw invalid("the filter's geometry is empty or not valid (a ring that crosses itself?)");
        }
        g.setSRID(4326);
        byte[] wkb = Wkb.write(g);
        if (disjoint) {
            sql.append("NOT ST_Intersects(geom, ").append(GEOMETRY_PARAM).append(')');
            params.add(wkb);
            return;
        }
        sql.append("(geom && ").append(GEOMETRY_PARAM).append(" AND ").append(SPATIAL.get(kind)).append("(geom, ")
                .append(GEOMETRY_PARAM).append("))");
        params.add(wkb);
        params.add(wkb);
    }

    private static void geometryProperty(Expression e) {
        if (!(e instanceof PropertyName p) || !p.getPropertyName().equals("geometry")) {
            throw invalid("spatial operators apply to 'geometry'");
        }
    }

    private static Queryables.Attribute column(Expression e, String op) {
        if (!(e instanceof PropertyName p)) {
            throw invalid(op + " needs a queryable on its left");
        }
        Queryables.Attribute a = Queryables.BY_NAME.get(p.getPropertyName());
        if (a == null) {
            throw invalid(p.getPropertyName().equals("geometry") ? "'geometry' takes spatial operators (S_INTERSECTS…), not " + op
                    : "'" + p.getPropertyName() + "' is not a queryable; see /ogc/collections/incidents/queryables");
        }
        return a;
    }

    /** The literal as a parameter of the attribute's SQL type; a value that cannot be one is a 400. */
    private static Object value(Queryables.Attribute a, Expression e) {
        if (!(e instanceof Literal lit)) {
            throw invalid("'" + a.name() + "' is compared with a value here, not with an expression");
        }
        Object v = lit.getValue();
        if (v == null) {
            throw invalid("compare with NULL as '" + a.name() + " IS NULL'");
        }
        Class<?> type = a.type();
        if (type == String.class) {
            if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                return v.toString();
            }
        } else if (type == Integer.class) {
            Number n = v instanceof Number x ? x : number(v.toString());
            if (n != null) {
                double d = n.doubleValue();
                if (Double.isFinite(d)) {
                    return d == Math.rint(d) && Math.abs(d) < 9e15 ? (Object) (long) d : (Object) d;
                }
            }
        } else if (type == Boolean.class) {
            if (v instanceof Boolean) {
                return v;
            }
            if (v.toString().equalsIgnoreCase("true") || v.toString().equalsIgnoreCase("false")) {
                return Boolean.valueOf(v.toString());
            }
        } else if (type == Instant.class) {
            // a DATE literal arrives as a java.sql.Date (a calendar day): the day starts at 00:00 UTC
            Instant t = v instanceof java.sql.Date day ? day.toLocalDate().atStartOfDay(ZoneOffset.UTC).toInstant()
                    : v instanceof Date d ? d.toInstant() : instant(v.toString());
            if (t != null) {
                try {
                    return OffsetDateTime.ofInstant(Times.checked(t), ZoneOffset.UTC);
                } catch (Times.OutOfRange range) {
                    throw invalid("'" + a.name() + "': " + range.getMessage());
                }
            }
        }
        throw invalid("'" + a.name() + "' holds " + (type == Integer.class ? "whole numbers" : type == Boolean.class
                ? "true or false" : type == Instant.class ? "times (TIMESTAMP('2026-02-26T00:00:00Z') or DATE('2026-02-26'))"
                : "text") + "; '" + clip(String.valueOf(v)) + "' is not one");
    }

    private static Number number(String s) {
        try {
            return Double.valueOf(s.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Instant instant(String s) {
        try {
            return s.length() == 10 ? Times.date(s).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Times.checked(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static String clip(String s) {
        return s.length() > 40 ? s.substring(0, 40) + "…" : s;
    }

    private static ApiProblem invalid(String why) {
        return Params.invalid("filter", why);
    }

    private static ApiProblem unsupported(String what) {
        return Params.invalid("filter", what + " is not supported here: basic CQL2 comparisons, LIKE, BETWEEN, IN, IS NULL, "
                + "AND/OR/NOT and S_INTERSECTS, S_WITHIN, S_CONTAINS, S_DISJOINT, S_EQUALS, S_TOUCHES, S_CROSSES, S_OVERLAPS");
    }
}
