package org.conflictmap.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.conflictmap.incidents.Incident;
import org.conflictmap.ogcapi.Queryables;
import org.conflictmap.store.Wkb;
import org.h2gis.functions.factory.H2GISFunctions;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.Lineal;

/**
 * Shapefile, KML and FlatGeobuf through H2GIS IO: the selected incidents go into a private in-memory
 * H2GIS database (whatever the store is, PostGIS or H2GIS), and H2GIS's own writers make the files.
 */
final class FileWriters {
    private FileWriters() {
    }

    /**
     * A zip of Shapefiles: {@code incidents_points} (every incident at a point inside its location, with
     * {@code geo_prec} saying how precise that is), {@code incidents_areas} (the province-level and wider
     * incidents as their polygons), {@code incidents_lines} (border-segment incidents), and the claims
     * table {@code claims.dbf}; DBF field names are the 10-character {@code shortName}s.
     */
    static void shapefile(List<Incident> incidents, Path dir, OutputStream out) throws IOException, SQLException {
        try (Connection c = scratch()) {
            List<String> files = new ArrayList<>();
            layer(c, "INCIDENTS_POINTS", "POINT", incidents, x -> true, true, true);
            shp(c, "INCIDENTS_POINTS", dir, files);
            if (layer(c, "INCIDENTS_AREAS", "MULTIPOLYGON", incidents, i -> i.geometry() instanceof Polygonal, false, true) > 0) {
                shp(c, "INCIDENTS_AREAS", dir, files);
            }
            if (layer(c, "INCIDENTS_LINES", "MULTILINESTRING", incidents, i -> i.geometry() instanceof Lineal, false, true) > 0) {
                shp(c, "INCIDENTS_LINES", dir, files);
            }
            claims(c, incidents, true);
            Path dbf = dir.resolve("claims.dbf");
            try (Statement s = c.createStatement()) {
                s.execute("CALL DBFWrite('" + dbf + "', 'CLAIMS', 'UTF-8', true)");
            }
            files.add("claims.dbf");
            Files.writeString(dir.resolve("claims.cpg"), "UTF-8");
            files.add("claims.cpg");
            Files.writeString(dir.resolve("README.txt"), """
                    Afghanistan-Pakistan border conflict incidents (Conflict Map Server export), EPSG:4326.
                    incidents_points: every incident at a point inside its location; geo_prec tells how precise it is
                      (province, border_segment, country... are NOT exact points: use incidents_areas / incidents_lines).
                    incidents_areas: incidents reported for an area (province or wider), as the area.
                    incidents_lines: incidents reported along the border, as the line.
                    claims.dbf: every claim, one row each, joined on incident_i = id. kill_min/kill_max only summarise them;
                      no single casualty figure exists for a contested incident.
                    Times are ISO 8601 text (a DBF date would drop the time of day); texts are UTF-8 (.cpg).
                    Field names are cut to 10 characters and texts to 254 by the DBF format; the full text is in the
                    GeoPackage and CSV exports. Data: Natural Earth and GeoNames (CC BY 4.0) for places.
                    """);
            files.add("README.txt");
            try (ZipOutputStream zip = new ZipOutputStream(out)) {
                for (String f : files) {
                    zip.putNextEntry(new ZipEntry(f));
                    Files.copy(dir.resolve(f), zip);
                    zip.closeEntry();
                }
            }
        }
    }

    static void kml(List<Incident> incidents, Path dir, OutputStream out) throws IOException, SQLException {
        single(incidents, dir, out, "incidents.kml", "KMLWrite");
    }

    static void flatgeobuf(List<Incident> incidents, Path dir, OutputStream out) throws IOException, SQLException {
        single(incidents, dir, out, "incidents.fgb", "FGBWrite");
    }

    private static void single(List<Incident> incidents, Path dir, OutputStream out, String name, String function)
            throws IOException, SQLException {
        try (Connection c = scratch()) {
            layer(c, "INCIDENTS", "GEOMETRY", incidents, x -> true, false, false);
            Path file = dir.resolve(name);
            try (Statement s = c.createStatement()) {
                s.execute("CALL " + function + "('" + file + "', 'INCIDENTS', true)");
            }
            Files.copy(file, out);
        }
    }

    private static Connection scratch() throws SQLException {
        Connection c = DriverManager.getConnection("jdbc:h2:mem:export-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=0", "sa", "");
        H2GISFunctions.load(c);
        return c;
    }

    private static int layer(Connection c, String table, String geometryType, List<Incident> incidents,
            Predicate<Incident> which, boolean point, boolean shortNames) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (THE_GEOM GEOMETRY(" + geometryType + ", 4326)");
        for (Queryables.Attribute a : Queryables.ALL) {
            ddl.append(", \"").append(shortNames ? a.shortName() : a.name()).append("\" ").append(sqlType(a, shortNames));
        }
        ddl.append(')');
        StringBuilder insert = new StringBuilder("INSERT INTO " + table + " VALUES (ST_GeomFromWKB(?, 4326)");
        Queryables.ALL.forEach(a -> insert.append(", ?"));
        insert.append(')');
        int n = 0;
        try (Statement s = c.createStatement()) {
            s.execute(ddl.toString());
        }
        try (PreparedStatement ps = c.prepareStatement(insert.toString())) {
            for (Incident i : incidents) {
                if (!which.test(i)) {
                    continue;
                }
                Geometry g = point ? i.point() : i.geometry();
                if (geometryType.startsWith("MULTI") && g.getNumGeometries() == 1 && !g.getGeometryType().startsWith("Multi")) {
                    g = geometryType.equals("MULTIPOLYGON")
                            ? Wkb.FACTORY.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {(org.locationtech.jts.geom.Polygon) g})
                            : Wkb.FACTORY.createMultiLineString(new org.locationtech.jts.geom.LineString[] {(org.locationtech.jts.geom.LineString) g});
                }
                ps.setBytes(1, Wkb.write(g));
                int k = 2;
                for (Queryables.Attribute a : Queryables.ALL) {
                    Object v = FlatRows.value(a, i);
                    if (shortNames && v instanceof String str && str.length() > 254) {
                        v = str.substring(0, 253) + "…";
                    }
                    ps.setObject(k++, v);
                }
                ps.addBatch();
                n++;
            }
            ps.executeBatch();
        }
        return n;
    }

    private static String sqlType(Queryables.Attribute a, boolean dbf) {
        if (a.type() == Integer.class) {
            return "INTEGER";
        }
        if (a.type() == Boolean.class) {
            return "BOOLEAN";
        }
        return dbf ? "VARCHAR(254)" : "VARCHAR";
    }

    private static void claims(Connection c, List<Incident> incidents, boolean dbf) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE CLAIMS (");
        StringBuilder insert = new StringBuilder("INSERT INTO CLAIMS VALUES (");
        for (int k = 0; k < FlatRows.CLAIM_COLUMNS.size(); k++) {
            String name = FlatRows.CLAIM_COLUMNS.get(k);
            String col = dbf && name.length() > 10 ? name.substring(0, 10) : name;
            boolean number = k == 1 || (k >= 5 && k <= 10);
            ddl.append(k == 0 ? "" : ", ").append('"').append(col).append("\" ")
                    .append(number ? "INTEGER" : dbf ? "VARCHAR(254)" : "VARCHAR");
            insert.append(k == 0 ? "?" : ", ?");
        }
        try (Statement s = c.createStatement()) {
            s.execute(ddl.append(')').toString());
        }
        try (PreparedStatement ps = c.prepareStatement(insert.append(')').toString())) {
            for (Incident i : incidents) {
                for (Object[] row : FlatRows.claims(i)) {
                    for (int k = 0; k < row.length; k++) {
                        Object v = row[k];
                        if (dbf && v instanceof String str && str.length() > 254) {
                            v = str.substring(0, 253) + "…";
                        }
                        ps.setObject(k + 1, v);
                    }
                    ps.addBatch();
                }
            }
            ps.executeBatch();
        }
    }

    private static void shp(Connection c, String table, Path dir, List<String> files) throws SQLException, IOException {
        String base = table.toLowerCase();
        try (Statement s = c.createStatement()) {
            s.execute("CALL SHPWrite('" + dir.resolve(base + ".shp") + "', '" + table + "', 'UTF-8', true)");
        }
        Files.writeString(dir.resolve(base + ".cpg"), "UTF-8");
        for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
            if (Files.exists(dir.resolve(base + ext))) {
                files.add(base + ext);
            }
        }
    }
}
