package org.conflictmap.export;

import java.util.Arrays;
import java.util.Locale;

import org.conflictmap.web.ApiProblem;

/** The download formats of {@code /api/export/incidents.{format}}. */
public enum ExportFormat {
    GEOJSON("geojson", "application/geo+json"),
    CSV("csv", "text/csv"),
    SHP("shp", "application/zip"),
    GPKG("gpkg", "application/geopackage+sqlite3"),
    KML("kml", "application/vnd.google-earth.kml+xml"),
    FGB("fgb", "application/flatgeobuf");

    private final String extension;
    private final String mediaType;

    ExportFormat(String extension, String mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    public String extension() {
        return extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The dated file name a download gets (a zip for the Shapefile's several files). */
    String fileName(String base) {
        return base + "-" + java.time.LocalDate.now(java.time.ZoneOffset.UTC) + (this == SHP ? ".shp.zip" : "." + extension);
    }

    public static ExportFormat of(String extension) {
        return Arrays.stream(values()).filter(f -> f.extension.equals(extension.toLowerCase(Locale.ROOT))).findFirst()
                .orElseThrow(() -> ApiProblem.notFound("no export format '" + (extension.length() > 20
                        ? extension.substring(0, 20) : extension) + "'; formats: geojson, csv, shp, gpkg, kml, fgb"));
    }
}
