package org.conflictmap.incidents;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.conflictmap.store.SpatialDialect;

/**
 * The one translation of an {@link IncidentQuery} into SQL, for the store's dialect: every reader of
 * incidents (OGC items, exports, tiles, {@code /api/incidents}, {@code asof}) filters through it, so
 * they all select alike: the bbox, period and attributes, and a CQL2 filter ({@link Cql2}, written by
 * {@link CqlSql}). Each value is a {@code ?} parameter; column names are this package's own, and what
 * differs between the stores comes from the {@link SpatialDialect} alone.
 *
 * <p>Three tables hold incident rows with the filter's columns under the same names: {@code incidents},
 * {@code incident_history} (V53: each write's row as it was, for {@code asof}) and, on PostGIS, the
 * vector tiles' {@code incident_tiles} (V22: published incidents only, no geometry in EPSG:4326, no
 * texts or party keys), which {@link #tileConditions} compiles for.
 */
final class FilterCompiler {
    private final SpatialDialect dialect;

    FilterCompiler(SpatialDialect dialect) {
        this.dialect = dialect;
    }

    /** A parameterised condition: {@code sql} (empty, or starting with " AND ") with one {@code ?} per parameter. */
    record Sql(String sql, List<Object> params) {
        Sql {
            params = Collections.unmodifiableList(new ArrayList<>(params));
        }

        /** The condition as a WHERE clause (after a table name). */
        String where() {
            return sql.isEmpty() ? "" : " WHERE " + sql.substring(" AND ".length());
        }
    }

    /**
     * The tables of incident rows the filter reads, with the column that holds the incident's operation
     * (in the history, {@code operation} is the write's).
     */
    enum Table {
        INCIDENTS("operation"),
        HISTORY("operation_name");

        final String operation;

        Table(String operation) {
            this.operation = operation;
        }
    }

    /**
     * The query's condition over {@code incidents} or {@code incident_history}, as " AND …" terms. A SQL
     * condition or a CQL2 filter names the incidents table's columns, so the history refuses one.
     */
    Sql conditions(IncidentQuery q, Table table) {
        if ((q.where() != null || q.filter() != null) && table != Table.INCIDENTS) {
            throw new IllegalArgumentException("a SQL condition or a CQL2 filter is written over the incidents table");
        }
        StringBuilder w = new StringBuilder();
        List<Object> params = new ArrayList<>();
        w.append(" AND status IN (").append(placeholders(q.statuses().size())).append(')');
        params.addAll(q.statuses().stream().sorted().toList());
        if (q.bbox() != null) {
            w.append(" AND ").append(dialect.intersectsEnvelope("geom"));
            for (int k = 0; k < dialect.envelopeBindings(); k++) {
                for (double d : q.bbox().toArray()) {
                    params.add(d);
                }
            }
            if (table == Table.INCIDENTS) {
                double[] b = q.bbox().toArray();
                dialect.nearEnvelope(b[0], b[1], b[2], b[3])
                        .ifPresent(near -> w.append(" AND ").append(near));
            }
        }
        attributes(q, table.operation, w, params);
        if (!q.parties().isEmpty()) {
            w.append(" AND (");
            List<String> parties = q.parties().stream().sorted().toList();
            for (int k = 0; k < parties.size(); k++) {
                w.append(k == 0 ? "" : " OR ").append("parties LIKE ?");
                params.add("%|" + parties.get(k) + "|%");
            }
            w.append(')');
        }
        if (q.filter() != null) {
            w.append(" AND (");
            CqlSql.write(q.filter(), dialect, w, params);
            w.append(')');
        }
        if (q.where() != null) {
            w.append(" AND (").append(q.where().sql()).append(')');
            params.addAll(q.where().params());
        }
        if (q.q() != null) {
            w.append(" AND (LOWER(title) LIKE ? OR LOWER(COALESCE(summary, '')) LIKE ? OR LOWER(COALESCE(")
                    .append(table.operation)
                    .append(", '')) LIKE ?)");
            String like = "%" + q.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(like);
            params.add(like);
            params.add(like);
        }
        return new Sql(w.toString(), params);
    }

    /**
     * The query's condition over {@code incident_tiles}, as " AND …" terms: period, types, contested,
     * killed and operation, and a SQL condition (a collection's own, written over the incidents table)
     * as the ids of the incidents it selects. The table holds published incidents only and is read by
     * the tile's own envelope; a query that asks for other statuses, a bbox, parties, words or a CQL2
     * filter is a programming error here.
     */
    Sql tileConditions(IncidentQuery q) {
        if (!q.statuses().equals(Set.of("published"))
                || q.bbox() != null
                || !q.parties().isEmpty()
                || q.q() != null
                || q.filter() != null) {
            throw new IllegalArgumentException(
                    "the tiles' table answers period, type, contested, min_killed, operation and "
                            + "a condition over the incidents only");
        }
        StringBuilder w = new StringBuilder();
        List<Object> params = new ArrayList<>();
        attributes(q, "operation", w, params);
        if (q.where() != null) {
            w.append(" AND id IN (SELECT id FROM incidents WHERE (")
                    .append(q.where().sql())
                    .append("))");
            params.addAll(q.where().params());
        }
        return new Sql(w.toString(), params);
    }

    /** The conditions every incident table can answer: period, types, contested, killed, operation. */
    private static void attributes(IncidentQuery q, String operation, StringBuilder w, List<Object> params) {
        if (q.period().end() != null) {
            w.append(" AND occurred_start <= ?");
            params.add(OffsetDateTime.ofInstant(q.period().end(), ZoneOffset.UTC));
        }
        if (q.period().start() != null) {
            w.append(" AND occurred_end >= ?");
            params.add(OffsetDateTime.ofInstant(q.period().start(), ZoneOffset.UTC));
        }
        if (!q.types().isEmpty()) {
            w.append(" AND type IN (").append(placeholders(q.types().size())).append(')');
            params.addAll(q.types().stream().sorted().toList());
        }
        if (q.contested() != null) {
            w.append(" AND contested = ?");
            params.add(q.contested());
        }
        if (q.minKilled() != null) {
            w.append(" AND killed_max >= ?");
            params.add(q.minKilled());
        }
        if (q.operation() != null) {
            w.append(" AND LOWER(").append(operation).append(") = ?");
            params.add(q.operation().toLowerCase(Locale.ROOT));
        }
    }

    static String placeholders(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
