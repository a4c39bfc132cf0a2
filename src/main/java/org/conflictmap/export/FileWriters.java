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
import org.h2gis.functions.io.dbf.internal.DBFDriver;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.SHPDriver;
import org.h2gis.functions.io.shp.internal.ShapeType;
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
    /** The .prj of every layer: EPSG:4326 as the OGC WKT that GDAL and QGIS read. */
    static final String WGS84_PRJ = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    /**
     * A zip of Shapefiles: {@code incidents_points} (every incident at a point inside its location, with
     * {@code geo_prec} saying how precise that is), {@code incidents_areas} (the province-level and wider
     * incidents as their polygons), {@code incidents_lines} (border-segment incidents), and the claims
     * table {@code claims.dbf}; DBF field names are the 10-character {@code shortName}s. The files are
     * written straight by H2GIS's Shapefile and dBase drivers (no intermediate table), text fields as
     * wide as their longest value.
     */
    static void shapefile(List<Incident> incidents, Path dir, OutputStream out) throws IOException {
        List<String> files = new ArrayList<>();
        // the claims table on the other core while the layers are written
        java.util.concurrent.CompletableFuture<Void> claimsTable = java.util.concurrent.CompletableFuture.runAsync(() -> {
            try {
                claimsDbf(incidents, dir);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        List<Object[]> rows = new ArrayList<>(incidents.size());
        for (Incident i : incidents) {
            Object[] row = new Object[Queryables.ALL.size()];
            for (int k = 0; k < row.length; k++) {
                row[k] = dbfText(FlatRows.value(Queryables.ALL.get(k), i), true);
            }
            rows.add(row);
        }
        List<Character> types = Queryables.ALL.stream().map(a -> a.type() == Integer.class ? 'N' : a.type() == Boolean.class ? 'L' : 'C').toList();
        List<String> names = Queryables.ALL.stream().map(Queryables.Attribute::shortName).toList();
        int[] widths = widths(rows, names.size());
        shpLayer(dir, "incidents_points", ShapeType.POINT, incidents, rows, x -> true, true, names, types, widths, files);
        shpLayer(dir, "incidents_areas", ShapeType.POLYGON, incidents, rows, i -> i.geometry() instanceof Polygonal, false, names, types,
                widths, files);
        shpLayer(dir, "incidents_lines", ShapeType.ARC, incidents, rows, i -> i.geometry() instanceof Lineal, false, names, types,
                widths, files);
        try {
            claimsTable.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
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
                Field names are cut to 10 characters and texts to 254 bytes by the DBF format; the full text is in the
                GeoPackage and CSV exports. Data: Natural Earth and GeoNames (CC BY 4.0) for places.
                """);
        files.add("README.txt");
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED); // padded DBF fields squeeze well even so
            for (String f : files) {
                zip.putNextEntry(new ZipEntry(f));
                Files.copy(dir.resolve(f), zip);
                zip.closeEntry();
            }
        }
    }

    /** {@code claims.dbf}: one row per claim, keyed by the incident id. */
    private static void claimsDbf(List<Incident> incidents, Path dir) throws IOException {
        List<Object[]> claims = new ArrayList<>();
        for (Incident i : incidents) {
            for (Object[] row : FlatRows.claims(i)) {
                for (int k = 0; k < row.length; k++) {
                    row[k] = dbfText(row[k], true);
                }
                claims.add(row);
            }
        }
        List<String> claimNames = FlatRows.CLAIM_COLUMNS.stream().map(n -> n.length() > 10 ? n.substring(0, 10) : n).toList();
        List<Character> claimTypes = new ArrayList<>();
        for (int k = 0; k < claimNames.size(); k++) {
            claimTypes.add(k == 1 || (k >= 5 && k <= 10) ? 'N' : 'C');
        }
        DBFDriver dbf = new DBFDriver();
        dbf.initDriver(dir.resolve("claims.dbf").toFile(), header(claimNames, claimTypes, widths(claims, claimNames.size()), claims.size()));
        try {
            for (Object[] row : claims) {
                dbf.insertRow(row);
            }
        } finally {
            dbf.close();
        }
    }

    private static void shpLayer(Path dir, String base, ShapeType shapeType, List<Incident> incidents, List<Object[]> rows,
            Predicate<Incident> which, boolean point, List<String> names, List<Character> types, int[] widths, List<String> files)
            throws IOException {
        int n = 0;
        for (Incident i : incidents) {
            n += which.test(i) ? 1 : 0;
        }
        if (n == 0 && !point) {
            return;
        }
        SHPDriver shp = new SHPDriver();
        shp.initDriver(dir.resolve(base + ".shp").toFile(), shapeType, header(names, types, widths, n));
        try {
            Object[] values = new Object[names.size() + 1];
            for (int k = 0; k < incidents.size(); k++) {
                Incident i = incidents.get(k);
                if (!which.test(i)) {
                    continue;
                }
                Geometry g = point ? i.point() : i.geometry();
                if (shapeType == ShapeType.POLYGON && g instanceof org.locationtech.jts.geom.Polygon p) {
                    g = Wkb.FACTORY.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {p});
                } else if (shapeType == ShapeType.ARC && g instanceof org.locationtech.jts.geom.LineString l) {
                    g = Wkb.FACTORY.createMultiLineString(new org.locationtech.jts.geom.LineString[] {l});
                }
                values[0] = g;
                System.arraycopy(rows.get(k), 0, values, 1, names.size());
                shp.insertRow(values);
            }
        } finally {
            shp.close();
        }
        Files.writeString(dir.resolve(base + ".prj"), WGS84_PRJ);
        Files.writeString(dir.resolve(base + ".cpg"), "UTF-8");
        for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
            files.add(base + ext);
        }
    }

    private static DbaseFileHeader header(List<String> names, List<Character> types, int[] widths, int records) throws IOException {
        DbaseFileHeader h = new DbaseFileHeader();
        h.setEncoding("UTF-8");
        try {
            for (int k = 0; k < names.size(); k++) {
                switch (types.get(k)) {
                    case 'N' -> h.addColumn(names.get(k), 'N', 9, 0); // 9 digits: GDAL reads an Integer, not Integer64
                    case 'L' -> h.addColumn(names.get(k), 'L', 1, 0);
                    default -> h.addColumn(names.get(k), 'C', widths[k], 0);
                }
            }
        } catch (org.h2gis.functions.io.dbf.internal.DbaseFileException e) {
            throw new IOException(e);
        }
        h.setNumRecords(records);
        return h;
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
            layer(c, "INCIDENTS", incidents);
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

    /** Every incident, whole geometry and full attribute names, as an H2GIS table for KML and FlatGeobuf. */
    private static void layer(Connection c, String table, List<Incident> incidents) throws SQLException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (THE_GEOM GEOMETRY(GEOMETRY, 4326)");
        for (Queryables.Attribute a : Queryables.ALL) {
            ddl.append(", \"").append(a.name()).append("\" ")
                    .append(a.type() == Integer.class ? "INTEGER" : a.type() == Boolean.class ? "BOOLEAN" : "VARCHAR");
        }
        StringBuilder insert = new StringBuilder("INSERT INTO " + table + " VALUES (ST_GeomFromWKB(?, 4326)");
        Queryables.ALL.forEach(a -> insert.append(", ?"));
        try (Statement s = c.createStatement()) {
            s.execute(ddl.append(')').toString());
        }
        try (PreparedStatement ps = c.prepareStatement(insert.append(')').toString())) {
            int n = 0;
            for (Incident i : incidents) {
                ps.setBytes(1, Wkb.write(i.geometry()));
                int k = 2;
                for (Queryables.Attribute a : Queryables.ALL) {
                    ps.setObject(k++, FlatRows.value(a, i));
                }
                ps.addBatch();
                if (++n % 5000 == 0) {
                    ps.executeBatch();
                }
            }
            ps.executeBatch();
        }
    }

    /** A DBF text is at most 254 bytes: a longer one is cut (at a whole character) and marked with an ellipsis. */
    private static Object dbfText(Object v, boolean dbf) {
        if (dbf && v instanceof String str && str.length() > 84 && utf8Length(str) > 254) {
            int bytes = 0;
            int k = 0;
            while (k < str.length()) {
                int cp = str.codePointAt(k);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + size > 251) {
                    break;
                }
                bytes += size;
                k += Character.charCount(cp);
            }
            return str.substring(0, k) + "…";
        }
        return v;
    }

    /**
     * Each text column's width: its longest value in UTF-8 bytes (1 to 254), as ogr2ogr sizes them.
     * Declaring 254 for every text made H2GIS's DBF writer pad each field to 254 bytes, which took two
     * thirds of a 100,000-incident export and bloated the files.
     */
    private static int[] widths(List<Object[]> rows, int columns) {
        int[] w = new int[columns];
        java.util.Arrays.fill(w, 1);
        for (Object[] row : rows) {
            for (int k = 0; k < columns; k++) {
                if (row[k] instanceof String str) {
                    w[k] = Math.max(w[k], Math.min(254, utf8Length(str)));
                }
            }
        }
        return w;
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            n += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3;
        }
        return n;
    }
}
