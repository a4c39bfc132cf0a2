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
 * Shapefile and FlatGeobuf through H2GIS IO, whatever the store is (PostGIS or H2GIS). Both take the
 * incidents as they stream from the store and keep them on disk, never all in memory.
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
     * written straight by H2GIS's Shapefile and dBase drivers, text fields as wide as their longest value.
     * A DBF header holds the record count and the field widths, so the incidents stream from the store
     * once into scratch files (one row at a time: memory stays flat whatever the count), and the
     * layers are written from there in a second pass.
     */
    static void shapefile(IncidentSource incidents, Path dir, OutputStream out) throws IOException {
        List<String> names = SHP_ATTRIBUTES.stream().map(Queryables.Attribute::shortName).toList();
        List<Character> types = SHP_ATTRIBUTES.stream().map(a -> a.type() == Integer.class ? 'N' : a.type() == Boolean.class ? 'L' : 'C').toList();
        int[] widths = new int[names.size()];
        int[] claimWidths = new int[FlatRows.CLAIM_COLUMNS.size()];
        long[] areas = {0};
        long[] lines = {0};
        try (Spool rows = new Spool(dir.resolve("incidents.spool")); Spool claims = new Spool(dir.resolve("claims.spool"))) {
            incidents.forEach(i -> {
                Object[] row = new Object[names.size() + 2];
                Geometry g = i.geometry();
                row[0] = Wkb.write(i.point());
                row[1] = g instanceof Polygonal || g instanceof Lineal ? Wkb.write(g) : null;
                for (int k = 0; k < names.size(); k++) {
                    row[k + 2] = dbfText(FlatRows.value(SHP_ATTRIBUTES.get(k), i));
                }
                widen(widths, row, 2);
                areas[0] += g instanceof Polygonal ? 1 : 0;
                lines[0] += g instanceof Lineal ? 1 : 0;
                rows.write(row);
                for (Object[] c : FlatRows.claims(i)) {
                    for (int k = 0; k < c.length; k++) {
                        c[k] = dbfText(c[k]);
                    }
                    widen(claimWidths, c, 0);
                    claims.write(c);
                }
            });
            List<String> files = new ArrayList<>();
            // the claims table on the other core while the layers are written
            java.util.concurrent.CompletableFuture<Void> claimsTable = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    claimsDbf(claims, claimWidths, dir);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            SHPDriver points = layer(dir, "incidents_points", ShapeType.POINT, names, types, widths, rows.rows(), files);
            SHPDriver polygons = areas[0] == 0 ? null : layer(dir, "incidents_areas", ShapeType.POLYGON, names, types, widths, areas[0], files);
            SHPDriver arcs = lines[0] == 0 ? null : layer(dir, "incidents_lines", ShapeType.ARC, names, types, widths, lines[0], files);
            try {
                Object[] values = new Object[names.size() + 1];
                rows.forEach(row -> {
                    System.arraycopy(row, 2, values, 1, names.size());
                    pad(values, 1, widths);
                    values[0] = Wkb.read((byte[]) row[0]);
                    points.insertRow(values);
                    if (row[1] != null) {
                        Geometry g = Wkb.read((byte[]) row[1]);
                        if (g instanceof org.locationtech.jts.geom.Polygon p) {
                            g = Wkb.FACTORY.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {p});
                        } else if (g instanceof org.locationtech.jts.geom.LineString l) {
                            g = Wkb.FACTORY.createMultiLineString(new org.locationtech.jts.geom.LineString[] {l});
                        }
                        values[0] = g;
                        (g instanceof Polygonal ? polygons : arcs).insertRow(values);
                    }
                });
            } finally {
                points.close();
                if (polygons != null) {
                    polygons.close();
                }
                if (arcs != null) {
                    arcs.close();
                }
            }
            try {
                claimsTable.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof java.io.UncheckedIOException u ? u.getCause() : new IOException(e.getCause());
            }
            files.add("claims.dbf");
            Files.writeString(dir.resolve("claims.cpg"), "UTF-8");
            files.add("claims.cpg");
            Files.writeString(dir.resolve("README.txt"), README);
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
    }

    private static final String README = """
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
            """;

    /**
     * The incidents layers' fields: every queryable but {@code claims}, whose JSON a DBF text field
     * would cut at 254 bytes into something no tool can read; the claims are whole in {@code claims.dbf}.
     */
    static final List<Queryables.Attribute> SHP_ATTRIBUTES = Queryables.ALL.stream().filter(a -> !a.name().equals("claims")).toList();

    /**
     * Pads each text to its field's width in bytes. H2GIS's DBF writer pads a shorter text itself, one
     * {@code StringBuffer.append(' ')} at a time: that loop was half the time of a 100,000-incident
     * Shapefile export. The bytes written are the same.
     */
    private static void pad(Object[] row, int from, int[] widths) {
        for (int k = 0; k < widths.length; k++) {
            if (row[from + k] instanceof String str) {
                int missing = widths[k] - utf8Length(str);
                if (missing > 0) {
                    row[from + k] = str.concat(" ".repeat(missing));
                }
            }
        }
    }

    /** Where an export's incidents come from: the store, streamed in time order, one at a time. */
    @FunctionalInterface
    interface IncidentSource {
        void forEach(IncidentConsumer each) throws IOException;
    }

    @FunctionalInterface
    interface IncidentConsumer {
        void accept(Incident i) throws IOException;
    }

    /** {@code claims.dbf}: one row per claim, keyed by the incident id. */
    private static void claimsDbf(Spool claims, int[] widths, Path dir) throws IOException {
        List<String> claimNames = FlatRows.CLAIM_COLUMNS.stream().map(n -> n.length() > 10 ? n.substring(0, 10) : n).toList();
        List<Character> claimTypes = new ArrayList<>();
        for (int k = 0; k < claimNames.size(); k++) {
            claimTypes.add(k == 1 || (k >= 5 && k <= 10) ? 'N' : 'C');
        }
        DBFDriver dbf = new DBFDriver();
        dbf.initDriver(dir.resolve("claims.dbf").toFile(), header(claimNames, claimTypes, widths, claims.rows()));
        try {
            claims.forEach(row -> {
                pad(row, 0, widths);
                dbf.insertRow(row);
            });
        } finally {
            dbf.close();
        }
    }

    private static SHPDriver layer(Path dir, String base, ShapeType shapeType, List<String> names, List<Character> types,
            int[] widths, long records, List<String> files) throws IOException {
        SHPDriver shp = new SHPDriver();
        shp.initDriver(dir.resolve(base + ".shp").toFile(), shapeType, header(names, types, widths, records));
        Files.writeString(dir.resolve(base + ".prj"), WGS84_PRJ);
        Files.writeString(dir.resolve(base + ".cpg"), "UTF-8");
        for (String ext : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
            files.add(base + ext);
        }
        return shp;
    }

    private static DbaseFileHeader header(List<String> names, List<Character> types, int[] widths, long records) throws IOException {
        DbaseFileHeader h = new DbaseFileHeader();
        h.setEncoding("UTF-8");
        try {
            for (int k = 0; k < names.size(); k++) {
                switch (types.get(k)) {
                    case 'N' -> h.addColumn(names.get(k), 'N', 9, 0); // 9 digits: GDAL reads an Integer, not Integer64
                    case 'L' -> h.addColumn(names.get(k), 'L', 1, 0);
                    default -> h.addColumn(names.get(k), 'C', Math.max(1, widths[k]), 0);
                }
            }
        } catch (org.h2gis.functions.io.dbf.internal.DbaseFileException e) {
            throw new IOException(e);
        }
        h.setNumRecords(Math.toIntExact(records));
        return h;
    }

    /**
     * FlatGeobuf through H2GIS's writer, which reads a table: the incidents stream into a scratch H2GIS
     * database on disk (not in memory, so a million rows do not fill the heap) and H2GIS writes the file.
     */
    static void flatgeobuf(IncidentSource incidents, Path dir, OutputStream out) throws IOException, SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("scratch").toAbsolutePath(), "sa", "")) {
            H2GISFunctions.load(c);
            layer(c, "INCIDENTS", incidents);
            Path file = dir.resolve("incidents.fgb");
            try (PreparedStatement s = c.prepareStatement("CALL FGBWrite(?, 'INCIDENTS', true)")) {
                s.setString(1, file.toString());
                s.execute();
            }
            Files.copy(file, out);
        }
    }

    /** Every incident, whole geometry and full attribute names, as an H2GIS table. */
    private static void layer(Connection c, String table, IncidentSource incidents) throws SQLException, IOException {
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
            int[] n = {0};
            incidents.forEach(i -> {
                try {
                    ps.setBytes(1, Wkb.write(i.geometry()));
                    int k = 2;
                    for (Queryables.Attribute a : Queryables.ALL) {
                        ps.setObject(k++, FlatRows.value(a, i));
                    }
                    ps.addBatch();
                    if (++n[0] % 5000 == 0) {
                        ps.executeBatch();
                    }
                } catch (SQLException e) {
                    throw new IOException("scratch table", e);
                }
            });
            ps.executeBatch();
        }
    }

    /** A DBF text is at most 254 bytes: a longer one is cut (at a whole character) and marked with an ellipsis. */
    private static Object dbfText(Object v) {
        if (v instanceof String str && str.length() > 84 && utf8Length(str) > 254) {
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
     * Widens each text column to its longest value so far in UTF-8 bytes (at most 254), as ogr2ogr sizes
     * them: declaring 254 for every text made H2GIS's DBF writer pad each field to 254 bytes, which took
     * two thirds of a 100,000-incident export and bloated the files.
     */
    private static void widen(int[] widths, Object[] row, int from) {
        for (int k = 0; k < widths.length; k++) {
            if (row[from + k] instanceof String str) {
                widths[k] = Math.max(widths[k], Math.min(254, utf8Length(str)));
            }
        }
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
