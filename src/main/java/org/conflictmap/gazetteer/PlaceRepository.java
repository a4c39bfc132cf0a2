package org.conflictmap.gazetteer;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.conflictmap.geo.Bbox;
import org.conflictmap.geo.Wkb;
import org.conflictmap.store.SpatialDialect;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

/** The places table, on either store. */
@Repository
public class PlaceRepository {
    static final String COLUMNS =
            "id, name, kind, country, admin1, alt_names, population, label_rank, properties, source, ";
    static final String INSERT = "INSERT INTO places (id, name, name_folded, kind, country, admin1, alt_names,"
            + " search_names, population, label_rank, properties, source, geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, %s)";
    static final String DELETE_ALL = "DELETE FROM places";
    static final String STATE = "SELECT content_hash FROM gazetteer_state WHERE id = 1";
    static final String DELETE_STATE = "DELETE FROM gazetteer_state";
    static final String INSERT_STATE =
            "INSERT INTO gazetteer_state (id, content_hash, files, place_count, loaded_at)" + " VALUES (1, ?, ?, ?, ?)";

    private final JdbcTemplate jdbc;
    private final SpatialDialect dialect;
    private final ObjectMapper json;

    PlaceRepository(JdbcTemplate jdbc, SpatialDialect dialect, ObjectMapper json) {
        this.jdbc = jdbc;
        this.dialect = dialect;
        this.json = json;
    }

    /** What a places query asks for; every field but limit/offset may be null. */
    public record Query(String text, String kind, String country, Bbox bbox, int limit, int offset) {
        public Query {
            if (limit < 0 || offset < 0) {
                throw new IllegalArgumentException("limit and offset must not be negative");
            }
        }
    }

    public List<Place> find(Query q) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        String folded = q.text() == null ? null : Names.fold(q.text());
        if (folded != null) {
            where.append(" AND search_names LIKE ? ESCAPE '\\'");
            args.add("%" + likeEscape(folded) + "%");
        }
        if (q.kind() != null) {
            where.append(" AND kind = ?");
            args.add(q.kind());
        }
        if (q.country() != null) {
            where.append(" AND country = ?");
            args.add(q.country());
        }
        if (q.bbox() != null) {
            where.append(" AND ").append(dialect.intersectsEnvelope("geom"));
            for (int i = 0; i < dialect.envelopeBindings(); i++) {
                for (double d : q.bbox().toArray()) {
                    args.add(d);
                }
            }
        }
        StringBuilder order = new StringBuilder(" ORDER BY ");
        if (folded != null) {
            order.append("CASE WHEN name_folded = ? THEN 0 WHEN search_names LIKE ? ESCAPE '\\' THEN 1 ELSE 2 END, ");
            args.add(folded);
            args.add("%|" + likeEscape(folded) + "|%");
        }
        order.append("label_rank, population DESC NULLS LAST, id LIMIT ? OFFSET ?");
        args.add(q.limit());
        args.add(q.offset());
        String sql = "SELECT " + COLUMNS + dialect.geometryAsWkb("geom") + " FROM places" + where + order;
        return jdbc.query(sql, this::row, args.toArray());
    }

    public Optional<Place> byId(String id) {
        return jdbc
                .query("SELECT " + COLUMNS + dialect.geometryAsWkb("geom") + " FROM places WHERE id = ?", this::row, id)
                .stream()
                .findFirst();
    }

    public List<Place> all() {
        return jdbc.query("SELECT " + COLUMNS + dialect.geometryAsWkb("geom") + " FROM places ORDER BY id", this::row);
    }

    public int count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM places", Integer.class);
    }

    String loadedHash() {
        return jdbc.query(STATE, rs -> rs.next() ? rs.getString(1) : null);
    }

    /** Replaces every place; the caller holds the transaction. */
    void replaceAll(List<Place> places, String hash, List<String> files) {
        jdbc.update(DELETE_ALL);
        String sql = INSERT.formatted(dialect.geometryFromWkb());
        jdbc.batchUpdate(sql, places, 200, (ps, p) -> {
            ps.setString(1, p.id());
            ps.setString(2, p.name());
            ps.setString(3, Names.fold(p.name()));
            ps.setString(4, p.kind());
            ps.setString(5, p.country());
            ps.setString(6, p.admin1());
            ps.setString(7, json.writeValueAsString(p.altNames()));
            ps.setString(8, searchNames(p));
            if (p.population() == null) {
                ps.setNull(9, Types.BIGINT);
            } else {
                ps.setLong(9, p.population());
            }
            ps.setInt(10, p.labelRank());
            ps.setString(11, json.writeValueAsString(p.properties()));
            ps.setString(12, p.source());
            ps.setBytes(13, Wkb.write(p.geometry()));
        });
        jdbc.update(DELETE_STATE);
        jdbc.update(INSERT_STATE, hash, String.join(",", files), places.size(), Timestamp.from(Instant.now()));
    }

    static String searchNames(Place p) {
        StringBuilder sb = new StringBuilder("|");
        for (String n : p.allNames()) {
            String f = Names.fold(n);
            if (!f.isEmpty() && sb.indexOf("|" + f + "|") < 0) {
                sb.append(f).append('|');
            }
        }
        return sb.toString();
    }

    private static String likeEscape(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private Place row(ResultSet rs, int n) throws SQLException {
        Long pop = rs.getLong(7);
        if (rs.wasNull()) {
            pop = null;
        }
        return new Place(
                rs.getString(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getString(5),
                json.readValue(rs.getString(6), new TypeReference<List<String>>() {}),
                pop,
                rs.getInt(8),
                json.readValue(rs.getString(9), new TypeReference<Map<String, Object>>() {}),
                rs.getString(10),
                Wkb.read(rs.getBytes(11)));
    }
}
