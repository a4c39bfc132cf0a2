package org.conflictmap.tiles;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import org.conflictmap.geo.Wkb;
import org.h2.api.Trigger;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The embedded store's row trigger on {@code incidents} (h2/V42): records the lon/lat extent of a
 * published incident's old and new geometry in {@code tile_changes}, in the write's transaction, as
 * PostGIS's statement triggers do. Public, with a public constructor: H2 makes it by reflection,
 * by the name h2/V42 gives, which every existing embedded store keeps: do not move or rename it.
 */
public class TileChangeTrigger implements Trigger {
    static final String COLUMNS = "SELECT COLUMN_NAME, ORDINAL_POSITION FROM INFORMATION_SCHEMA.COLUMNS "
            + "WHERE TABLE_SCHEMA = ? AND TABLE_NAME = ?";
    static final String RECORD = "INSERT INTO tile_changes (min_lon, min_lat, max_lon, max_lat) VALUES (?, ?, ?, ?)";

    private int geom = -1;
    private int status = -1;

    @Override
    public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before, int type)
            throws SQLException {
        try (PreparedStatement p = conn.prepareStatement(COLUMNS)) {
            p.setString(1, schemaName);
            p.setString(2, tableName);
            try (ResultSet rs = p.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1).toLowerCase(Locale.ROOT)) {
                        case "geom" -> geom = rs.getInt(2) - 1;
                        case "status" -> status = rs.getInt(2) - 1;
                        default -> {}
                    }
                }
            }
        }
        if (geom < 0 || status < 0) {
            throw new SQLException("tile_changes: " + tableName + " has no geom or status column");
        }
    }

    @Override
    public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
        record(conn, oldRow);
        record(conn, newRow);
    }

    private void record(Connection conn, Object[] row) throws SQLException {
        if (row == null || !"published".equals(row[status])) {
            return;
        }
        Object g = row[geom];
        Geometry geometry = g instanceof Geometry jts ? jts : g instanceof byte[] wkb ? Wkb.read(wkb) : null;
        if (geometry == null || geometry.isEmpty()) {
            return;
        }
        Envelope e = geometry.getEnvelopeInternal();
        try (PreparedStatement p = conn.prepareStatement(RECORD)) {
            p.setDouble(1, e.getMinX());
            p.setDouble(2, e.getMinY());
            p.setDouble(3, e.getMaxX());
            p.setDouble(4, e.getMaxY());
            p.executeUpdate();
        }
    }
}
