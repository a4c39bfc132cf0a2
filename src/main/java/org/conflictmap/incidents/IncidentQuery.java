package org.conflictmap.incidents;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.conflictmap.geo.Bbox;

/**
 * Which incidents to read. Null or empty members do not filter. {@code statuses} defaults to
 * published only; drafts are for editors.
 *
 * @param bbox      incidents whose geometry intersects it
 * @param period    incidents whose occurred interval overlaps it
 * @param types     any of these types ({@link Vocabulary#TYPES})
 * @param parties   with at least one claim by any of these parties
 * @param contested claims of different parties disagree (true) or not (false)
 * @param q         words in title, summary or operation, case-insensitive
 * @param minKilled with at least one claim of this many killed or more
 * @param where     a further SQL condition over the incidents table with its parameters (a collection's
 *                  fixed condition, {@code layers.Source.Incidents#where}), or null
 * @param filter    a CQL2 filter (the OGC API's {@code filter}, or a bbox across the antimeridian), or null:
 *                  put in by {@link #withFilter}, which checks it (every property a queryable, every value
 *                  of its kind, else a 400 naming {@code filter}, before any SQL runs); written as SQL by
 *                  {@link FilterCompiler} with the rest of the query
 */
public record IncidentQuery(
        Bbox bbox,
        DateRange period,
        Set<String> types,
        Set<String> parties,
        Boolean contested,
        String q,
        String operation,
        Set<String> statuses,
        Integer minKilled,
        int limit,
        int offset,
        Condition where,
        Cql2 filter) {

    public static final int MAX_LIMIT = 1_000_000;

    /** A parameterised SQL condition: {@code sql} with one {@code ?} per parameter, in order. */
    public record Condition(String sql, List<Object> params) {
        public Condition {
            if (sql == null
                    || sql.isBlank()
                    || sql.chars().filter(c -> c == '?').count() != params.size()) {
                throw new IllegalArgumentException("a condition needs SQL with one ? per parameter");
            }
            params = Collections.unmodifiableList(new ArrayList<>(params));
        }
    }

    public IncidentQuery(
            Bbox bbox,
            DateRange period,
            Set<String> types,
            Set<String> parties,
            Boolean contested,
            String q,
            String operation,
            Set<String> statuses,
            Integer minKilled,
            int limit,
            int offset) {
        this(bbox, period, types, parties, contested, q, operation, statuses, minKilled, limit, offset, null, null);
    }

    public IncidentQuery {
        period = period == null ? DateRange.ALL : period;
        types = types == null ? Set.of() : Set.copyOf(types);
        parties = parties == null ? Set.of() : Set.copyOf(parties);
        statuses = statuses == null || statuses.isEmpty() ? Set.of("published") : Set.copyOf(statuses);
        for (String t : types) {
            if (!Vocabulary.TYPES.contains(t)) {
                throw new IllegalArgumentException("unknown type " + t);
            }
        }
        for (String p : parties) {
            if (!Vocabulary.PARTIES.contains(p)) {
                throw new IllegalArgumentException("unknown party " + p);
            }
        }
        for (String s : statuses) {
            if (!Vocabulary.STATUSES.contains(s)) {
                throw new IllegalArgumentException("unknown status " + s);
            }
        }
        if (minKilled != null && minKilled < 0) {
            throw new IllegalArgumentException("min_killed cannot be negative");
        }
        if (limit < 0 || limit > MAX_LIMIT || offset < 0) {
            throw new IllegalArgumentException("limit must be 0.." + MAX_LIMIT + " and offset >= 0");
        }
        q = q == null || q.isBlank() ? null : q.strip().toLowerCase(Locale.ROOT);
    }

    /** Every published incident, unpaged. */
    public static IncidentQuery all() {
        return new IncidentQuery(null, null, null, null, null, null, null, null, null, MAX_LIMIT, 0);
    }

    public IncidentQuery withPage(int newLimit, int newOffset) {
        return new IncidentQuery(
                bbox, period, types, parties, contested, q, operation, statuses, minKilled, newLimit, newOffset, where,
                filter);
    }

    public IncidentQuery withStatuses(Set<String> newStatuses) {
        return new IncidentQuery(
                bbox,
                period,
                types,
                parties,
                contested,
                q,
                operation,
                newStatuses,
                minKilled,
                limit,
                offset,
                where,
                filter);
    }

    public IncidentQuery withWhere(Condition condition) {
        return new IncidentQuery(
                bbox, period, types, parties, contested, q, operation, statuses, minKilled, limit, offset, condition,
                filter);
    }

    /** This query with a CQL2 filter (checked: a 400 naming {@code filter} when it is not one the incidents can answer). */
    public IncidentQuery withFilter(Cql2 newFilter) {
        if (newFilter != null) {
            CqlSql.check(newFilter);
        }
        return new IncidentQuery(
                bbox, period, types, parties, contested, q, operation, statuses, minKilled, limit, offset, where,
                newFilter);
    }

    /** This query narrowed by a fixed SQL condition without parameters (a collection's own rows); itself when there is none. */
    public IncidentQuery and(String fixedCondition) {
        return fixedCondition == null ? this : and(new Condition(fixedCondition, List.of()));
    }

    /** This query narrowed by one more SQL condition, with the one it has. */
    public IncidentQuery and(Condition more) {
        if (where == null) {
            return withWhere(more);
        }
        List<Object> params = new ArrayList<>(where.params());
        params.addAll(more.params());
        return withWhere(new Condition("(" + where.sql() + ") AND (" + more.sql() + ")", params));
    }
}
