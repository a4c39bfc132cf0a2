package org.conflictmap.export;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.BoundingBox;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.attributes.AttributesColumn;
import mil.nga.geopackage.attributes.AttributesDao;
import mil.nga.geopackage.attributes.AttributesRow;
import mil.nga.geopackage.attributes.AttributesTableMetadata;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.wkb.GeometryReader;
import org.conflictmap.geo.Wkb;
import org.conflictmap.incidents.Incident;
import org.conflictmap.incidents.Queryables;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.GeometryType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * A GeoPackage (NGA's writer): the feature table named after the collection ({@link FileLayers}: {@code incidents},
 * {@code incidents_points}, …) with each incident at its own geometry, full texts and the claims JSON; and the claims
 * attribute table ({@code claims}, {@code incidents_points_claims}, …), one row per claim.
 * The geometry column declares the collection's type: GEOMETRY for the whole incidents (points, province
 * polygons and border lines side by side), POINT, MULTILINESTRING or MULTIPOLYGON for {@code incidents-points},
 * {@code -lines}, {@code -areas}, whose single lines and polygons are written as one-part multi-geometries
 * (as the OGC items serve them), so GDAL and QGIS type the layer from the file's declaration. A gazetteer
 * collection's or a table layer's download is one feature table of its export fields, by the same writer.
 */
final class GeoPackageWriter {
    private GeoPackageWriter() {}

    /** The {@link ExportFormat#GPKG} download: the file is written in a scratch directory, then sent. */
    static void write(ExportRows rows, OutputStream out) throws IOException {
        ScratchDirectories.within(dir -> {
            Path file = dir.resolve("incidents.gpkg");
            write(rows.incidents(), rows.geometryType(), rows.layers(), file.toFile());
            Files.copy(file, out);
        });
    }

    static void write(FileWriters.Source<Incident> incidents, GeometryType type, FileLayers names, File file)
            throws IOException, SQLException {
        GeoPackageManager.create(file);
        GeoPackage gpkg = GeoPackageManager.open(file);
        try {
            Map<String, Class<?>> attributes = new LinkedHashMap<>();
            Queryables.ALL.forEach(a -> attributes.put(a.name(), a.type()));
            SpatialReferenceSystem srs =
                    featureTable(gpkg, names.layer(), type, attributes, new BoundingBox(60.5, 23.6, 77.9, 38.5));
            List<AttributesColumn> claimColumns = new ArrayList<>();
            for (int k = 0; k < FlatRows.CLAIM_COLUMNS.size(); k++) {
                boolean number = k == 1 || (k >= 5 && k <= 10);
                claimColumns.add(AttributesColumn.createColumn(
                        FlatRows.CLAIM_COLUMNS.get(k), number ? GeoPackageDataType.INTEGER : GeoPackageDataType.TEXT));
            }
            gpkg.createAttributesTable(AttributesTableMetadata.create(names.claims(), "fid", claimColumns));
            FeatureDao features = gpkg.getFeatureDao(names.layer());
            AttributesDao claims = gpkg.getAttributesDao(names.claims());
            gpkg.beginTransaction();
            // one row at a time as the store streams them, committed every 10,000: memory stays flat
            int[] n = {0};
            incidents.forEach(i -> {
                FeatureRow row = features.newRow();
                row.setGeometry(GeoPackageGeometryData.createAndBuildEnvelope(
                        srs.getSrsId(), GeometryReader.readGeometry(Wkb.write(type.coerce(i.geometry())))));
                for (Queryables.Attribute a : Queryables.ALL) {
                    Object v = FlatRows.value(a, i);
                    row.setValue(a.name(), v instanceof Integer k ? k.longValue() : v);
                }
                features.create(row);
                for (Object[] c : FlatRows.claims(i)) {
                    AttributesRow r = claims.newRow();
                    for (int k = 0; k < c.length; k++) {
                        r.setValue(FlatRows.CLAIM_COLUMNS.get(k), c[k] instanceof Integer m ? m.longValue() : c[k]);
                    }
                    claims.create(r);
                }
                if (++n[0] % 10_000 == 0) {
                    gpkg.endTransaction(true);
                    gpkg.beginTransaction();
                }
            });
            gpkg.endTransaction(true);
        } finally {
            gpkg.close();
        }
    }

    /**
     * A gazetteer collection's or a table layer's download ({@link LayerDownloads}): one feature table named as the
     * collection ({@link FileLayers}: {@code -} as {@code _}), of its geometry type, with these {@code columns} (their values' kinds:
     * {@code String}, {@code Integer} or {@code Long}, {@code Double}, {@code Boolean}, {@code Instant} written as RFC
     * 3339 text) and each entry as one feature, in their order.
     */
    static void write(
            Collection c,
            Map<String, Class<?>> columns,
            FileWriters.Source<LayerDownloads.Entry> entries,
            OutputStream out)
            throws IOException {
        ScratchDirectories.within(dir -> {
            Path file = dir.resolve("layer.gpkg");
            String table = FileLayers.of(c).layer();
            GeoPackageManager.create(file.toFile());
            GeoPackage gpkg = GeoPackageManager.open(file.toFile());
            try {
                SpatialReferenceSystem srs =
                        featureTable(gpkg, table, c.geometryType(), columns, new BoundingBox(-180, -90, 180, 90));
                FeatureDao features = gpkg.getFeatureDao(table);
                gpkg.beginTransaction();
                // one row at a time as the store streams them, committed every 10,000: memory stays flat
                Envelope box = new Envelope();
                int[] n = {0};
                entries.forEach(e -> {
                    Geometry geometry = e.geometry().get();
                    box.expandToInclude(geometry.getEnvelopeInternal());
                    FeatureRow row = features.newRow();
                    row.setGeometry(GeoPackageGeometryData.createAndBuildEnvelope(
                            srs.getSrsId(), GeometryReader.readGeometry(Wkb.write(geometry))));
                    for (String name : columns.keySet()) {
                        Object v = e.field().apply(name);
                        row.setValue(name, v instanceof Integer k ? k.longValue() : v);
                    }
                    features.create(row);
                    if (++n[0] % 10_000 == 0) {
                        gpkg.endTransaction(true);
                        gpkg.beginTransaction();
                    }
                });
                gpkg.endTransaction(true);
                if (!box.isNull()) { // the extent of what was written, known at the end
                    Contents contents = gpkg.getContentsDao().queryForId(table);
                    contents.setMinX(box.getMinX());
                    contents.setMinY(box.getMinY());
                    contents.setMaxX(box.getMaxX());
                    contents.setMaxY(box.getMaxY());
                    gpkg.getContentsDao().update(contents);
                }
            } finally {
                gpkg.close();
            }
            Files.copy(file, out);
        });
    }

    /**
     * A feature table {@code name} with its geometry column {@code geom} (EPSG:4326, declared of the collection's type),
     * its key {@code fid} and these columns; the reference system its geometries are written in.
     */
    private static SpatialReferenceSystem featureTable(
            GeoPackage gpkg, String name, GeometryType type, Map<String, Class<?>> attributes, BoundingBox box)
            throws SQLException {
        SpatialReferenceSystem srs = gpkg.getSpatialReferenceSystemDao().getOrCreateCode("EPSG", 4326);
        gpkg.createGeometryColumnsTable();
        GeometryColumns gc = new GeometryColumns();
        gc.setId(new TableColumnKey(name, "geom"));
        gc.setGeometryType(declared(type));
        gc.setZ((byte) 0);
        gc.setM((byte) 0);
        gc.setSrs(srs);
        List<FeatureColumn> columns = new ArrayList<>();
        attributes.forEach((a, kind) -> columns.add(FeatureColumn.createColumn(a, type(kind))));
        gpkg.createFeatureTable(FeatureTableMetadata.create(gc, "fid", columns, box));
        return srs;
    }

    /** The geometry column's type (gpkg_geometry_columns.geometry_type_name) for a collection's type. */
    private static mil.nga.sf.GeometryType declared(GeometryType type) {
        return switch (type) {
            case POINT -> mil.nga.sf.GeometryType.POINT;
            case MULTILINESTRING -> mil.nga.sf.GeometryType.MULTILINESTRING;
            case MULTIPOLYGON -> mil.nga.sf.GeometryType.MULTIPOLYGON;
            case ANY -> mil.nga.sf.GeometryType.GEOMETRY;
        };
    }

    private static GeoPackageDataType type(Class<?> t) {
        if (t == Integer.class || t == Long.class) {
            return GeoPackageDataType.INTEGER;
        }
        if (t == Double.class) {
            return GeoPackageDataType.DOUBLE;
        }
        if (t == Boolean.class) {
            return GeoPackageDataType.BOOLEAN;
        }
        return t == Instant.class ? GeoPackageDataType.DATETIME : GeoPackageDataType.TEXT;
    }
}
