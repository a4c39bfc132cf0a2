package org.conflictmap.export;

import static org.wololo.flatgeobuf.generated.GeometryType.MultiPolygon;
import static org.wololo.flatgeobuf.generated.GeometryType.Point;
import static org.wololo.flatgeobuf.generated.GeometryType.Unknown;

import com.google.flatbuffers.FlatBufferBuilder;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.conflictmap.geo.Wkb;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.Queryables;
import org.conflictmap.layers.GeometryType;
import org.h2gis.functions.factory.H2GISFunctions;
import org.locationtech.jts.geom.Geometry;
import org.wololo.flatgeobuf.Constants;
import org.wololo.flatgeobuf.HeaderMeta;

/**
 * FlatGeobuf through H2GIS's writer, which reads a table: the incidents stream into a scratch H2GIS
 * database on disk (not in memory, so a million rows do not fill the heap) and H2GIS writes the file,
 * whatever the store is (PostGIS or H2GIS).
 */
final class FlatGeobufWriter {
    private FlatGeobufWriter() {}

    /** The {@link ExportFormat#FGB} download. */
    static void write(ExportRows rows, OutputStream out) throws IOException {
        ScratchDirectories.within(dir -> write(rows.incidents(), rows.geometryType(), rows.layers(), dir, out));
    }

    private static void write(
            FileWriters.Source<Incident> incidents, GeometryType type, FileLayers names, Path dir, OutputStream out)
            throws IOException, SQLException {
        try (Connection c = DriverManager.getConnection(
                "jdbc:h2:file:" + dir.resolve("scratch").toAbsolutePath(), "sa", "")) {
            H2GISFunctions.load(c);
            layer(c, "INCIDENTS", incidents, type);
            Path file = dir.resolve("incidents.fgb");
            try (PreparedStatement s = c.prepareStatement("CALL FGBWrite(?, 'INCIDENTS', true)")) {
                s.setString(1, file.toString());
                s.execute();
            }
            copyWithNullableColumns(file, declared(type), names.layer(), out);
        }
    }

    /**
     * The header's geometry type for a collection's: {@code Unknown} (any, each feature typed) for the incidents
     * of every geometry, else the one type of a view, so GDAL and QGIS type the layer from the file (H2GIS declares
     * {@code Unknown} for every file). The areas' single polygons are written as one-part multipolygons, as the OGC
     * items and the GeoPackage have them. The lines stay {@code Unknown}, a single line a LineString: the FlatGeobuf
     * library leaves a one-part MultiLineString's {@code ends} out (the format allows it), and Debian 12's GDAL
     * 3.6.2 then fails on the feature ("Unexpected nullptr: MultiLineString ends data"; 3.10 reads it).
     */
    static byte declared(GeometryType type) {
        return (byte)
                switch (type) {
                    case POINT -> Point;
                    case MULTIPOLYGON -> MultiPolygon;
                    case MULTILINESTRING, ANY -> Unknown;
                };
    }

    /** A feature's geometry as {@link #declared} types it. */
    private static Geometry typed(GeometryType type, Geometry g) {
        return type == GeometryType.MULTILINESTRING ? g : type.coerce(g);
    }

    /**
     * The file as H2GIS wrote it, but named after the collection ({@code layer}, {@link FileLayers}), with every
     * column nullable and the collection's geometry type declared. H2GIS never sets a column's {@code nullable},
     * and the FlatGeobuf library's default is false, so every column came out NOT NULL while most incidents
     * leave some empty (no operation, no wounded figure): GDAL then refused to copy the file into a
     * GeoPackage ("NOT NULL constraint failed: incidents.operation"). The header is read, its columns made
     * nullable and written again; the index and the features after it are copied unchanged (they name
     * columns by their place, which stays).
     */
    static void copyWithNullableColumns(Path file, byte geometryType, String layer, OutputStream out)
            throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            byte[] magic = new byte[Constants.MAGIC_BYTES.length];
            in.mark(magic.length);
            in.readNBytes(magic, 0, magic.length);
            in.reset();
            HeaderMeta header = HeaderMeta.read(in);
            header.name = layer; // the library's read leaves the layer's name out (GDAL then named none)
            header.columns.forEach(c -> c.nullable = true);
            header.geometryType = geometryType;
            out.write(magic);
            HeaderMeta.write(header, out, new FlatBufferBuilder());
            in.transferTo(out);
        }
    }

    /** Every incident, whole geometry and full attribute names, as an H2GIS table. */
    private static void layer(Connection c, String table, FileWriters.Source<Incident> incidents, GeometryType type)
            throws SQLException, IOException {
        StringBuilder ddl = new StringBuilder("CREATE TABLE " + table + " (THE_GEOM GEOMETRY(GEOMETRY, 4326)");
        for (Queryables.Attribute a : Queryables.ALL) {
            ddl.append(", \"")
                    .append(a.name())
                    .append("\" ")
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
                    ps.setBytes(1, Wkb.write(typed(type, i.geometry())));
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
}
