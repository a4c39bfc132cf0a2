package org.conflictmap.export;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.conflictmap.web.ApiProblem;

/**
 * The download formats of {@code /api/export/{collection}.{format}}, the registry of {@link ExportWriter}s:
 * a new format is its writer class and one constant here. Everything that lists formats (the
 * controller's refusals, the OGC collection's enclosure links) reads them from here.
 */
enum ExportFormat {
    GEOJSON("geojson", ".geojson", "application/geo+json", "GeoJSON", false, GeoJsonWriter::write),
    /** The only format with separate tables: {@code table=incidents|claims}. */
    CSV("csv", ".csv", "text/csv", "CSV", true, CsvWriter::write),
    /** A zip of the Shapefile's several files. */
    SHP("shp", ".shp.zip", "application/zip", "Shapefile", false, ShapefileZipWriter::write),
    GPKG("gpkg", ".gpkg", "application/geopackage+sqlite3", "GeoPackage", false, GeoPackageWriter::write),
    KML("kml", ".kml", "application/vnd.google-earth.kml+xml", "KML", false, KmlWriter::write),
    FGB("fgb", ".fgb", "application/flatgeobuf", "FlatGeobuf", false, FlatGeobufWriter::write);

    /** Every format's extension, in the order above. */
    static final List<String> EXTENSIONS =
            Arrays.stream(values()).map(ExportFormat::extension).toList();

    private final String extension;
    private final String fileSuffix;
    private final String mediaType;
    private final String title;
    private final boolean tables;
    private final ExportWriter writer;

    ExportFormat(
            String extension, String fileSuffix, String mediaType, String title, boolean tables, ExportWriter writer) {
        this.extension = extension;
        this.fileSuffix = fileSuffix;
        this.mediaType = mediaType;
        this.title = title;
        this.tables = tables;
        this.writer = writer;
    }

    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    String title() {
        return title;
    }

    ExportWriter writer() {
        return writer;
    }

    /** Whether the format has separate incidents and claims tables to choose from ({@code table=}). */
    boolean hasTables() {
        return tables;
    }

    /** The dated file name a download gets. */
    String fileName(String base) {
        return base + "-" + LocalDate.now(ZoneOffset.UTC) + fileSuffix;
    }

    static ExportFormat of(String extension) {
        return Arrays.stream(values())
                .filter(f -> f.extension.equals(extension.toLowerCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> ApiProblem.notFound(
                        "no export format '" + (extension.length() > 20 ? extension.substring(0, 20) : extension)
                                + "'; formats: " + String.join(", ", EXTENSIONS)));
    }
}
