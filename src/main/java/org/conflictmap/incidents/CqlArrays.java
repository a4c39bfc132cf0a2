package org.conflictmap.incidents;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * CQL2's array predicates over the queryables that list names ({@code places}, {@code place_ids},
 * {@code parties}, {@code sources}: stored '; '-separated) against an array literal. Arrays are sets
 * here: {@code A_EQUALS} holds when both hold the same names in any order. An incident with none
 * (an empty list) is contained by every array and overlaps none.
 */
final class CqlArrays {
    static final Set<String> ARRAYS = Set.of("places", "place_ids", "parties", "sources");
    private static final String SEPARATOR = "; ";

    private CqlArrays() {}

    static void predicate(CqlSql out, Cql2.Predicate p) {
        String op = p.op();
        Cql2 property = p.left();
        Cql2 literal = p.right();
        if (property instanceof Cql2.Array && literal instanceof Cql2.Property) {
            property = p.right();
            literal = p.left();
            op = op.equals("a_contains") ? "a_containedby" : op.equals("a_containedby") ? "a_contains" : op;
        }
        CqlSchema.Column a = out.attribute(property, op.toUpperCase(Locale.ROOT));
        if (!out.schema.arrays().contains(a.name())) {
            throw CqlSql.invalid(
                    out.schema.arrays().isEmpty()
                            ? "array operators apply to lists of names, and '" + a.name() + "' is not one"
                            : "array operators apply to " + String.join(", ", new TreeSet<>(out.schema.arrays()))
                                    + ", not '" + a.name() + "'");
        }
        if (!(literal instanceof Cql2.Array array)) {
            throw CqlSql.invalid(
                    op.toUpperCase(Locale.ROOT) + " compares '" + a.name() + "' with an array such as ('a', 'b')");
        }
        List<String> items = new ArrayList<>();
        for (Cql2 item : array.items()) {
            if (!(item instanceof Cql2.Text t)) {
                throw CqlSql.invalid("the array holds names in quotes");
            }
            items.add(t.value());
        }
        String column = "COALESCE(" + a.sql() + ", '')";
        switch (op) {
            case "a_contains" -> each(out, column, items, " AND ", "1 = 1");
            case "a_overlaps" -> each(out, column, items, " OR ", "1 = 0");
            case "a_containedby" -> containedBy(out, column, items);
            default -> {
                out.sql.append('(');
                each(out, column, items, " AND ", "1 = 1");
                out.sql.append(" AND ");
                containedBy(out, column, items);
                out.sql.append(')');
            }
        }
    }

    /** Whether each name is in the list, joined by {@code join}. */
    private static void each(CqlSql out, String column, List<String> items, String join, String empty) {
        if (items.isEmpty()) {
            out.sql.append(empty);
            return;
        }
        out.sql.append('(');
        for (int k = 0; k < items.size(); k++) {
            out.sql
                    .append(k == 0 ? "" : join)
                    .append("('")
                    .append(SEPARATOR)
                    .append("' || ")
                    .append(column)
                    .append(" || '")
                    .append(SEPARATOR)
                    .append("') LIKE ? ESCAPE '\\'");
            out.params.add("%" + SEPARATOR + escape(items.get(k)) + SEPARATOR + "%");
        }
        out.sql.append(')');
    }

    /**
     * Whether every name of the list is one of {@code items}: each name is wrapped in its own
     * separators ({@code '; a; ; b; '}), every item's wrapped form is removed, and nothing (or the
     * wrapped empty list) may be left.
     */
    private static void containedBy(CqlSql out, String column, List<String> items) {
        StringBuilder s = new StringBuilder("('" + SEPARATOR + "' || REPLACE(" + column + ", '" + SEPARATOR + "', '"
                + SEPARATOR + SEPARATOR + "') || '" + SEPARATOR + "')");
        for (String item : items) {
            s.insert(0, "REPLACE(").append(", ?, '')");
            out.params.add(SEPARATOR + item + SEPARATOR);
        }
        // the REPLACE parameters are read innermost first: the order they were added in
        out.sql
                .append(s)
                .append(" IN ('', '")
                .append(SEPARATOR)
                .append(SEPARATOR)
                .append("')");
    }

    private static String escape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
