package org.conflictmap.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.conflictmap.incidents.IncidentQuery;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.ogcapi.IncidentFilter;
import org.conflictmap.ogcapi.Queryables;
import org.conflictmap.store.DataVersion;
import org.conflictmap.web.Params;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /api/export/incidents.{geojson|csv|shp|gpkg|kml|fgb}}: the incidents a filter selects
 * (the same parameters as the OGC items: bbox, datetime, type, party, contested, q, filter) as a
 * download. CSV takes {@code table=incidents|claims}. Every format takes the incidents as they stream
 * from the store, one at a time: GeoJSON, CSV and KML go straight to the client; Shapefile, GeoPackage
 * and FlatGeobuf are written to a temporary directory first (their headers need every row). Memory
 * stays flat whatever the count. ETag from the data version.
 */
@RestController
class ExportController {
    static final Set<String> PARAMS;

    static {
        Set<String> s = new HashSet<>(IncidentFilter.PARAMS);
        s.add("table");
        PARAMS = Set.copyOf(s);
    }

    private final IncidentRepository incidents;
    private final DataVersion dataVersion;

    ExportController(IncidentRepository incidents, DataVersion dataVersion) {
        this.incidents = incidents;
        this.dataVersion = dataVersion;
    }

    @GetMapping("/api/export/incidents.{format}")
    ResponseEntity<StreamingResponseBody> export(@PathVariable String format, HttpServletRequest r) {
        ExportFormat f = ExportFormat.of(format);
        Params.onlyKnown(r.getParameterMap(), PARAMS);
        String table = Params.oneOf("table", r.getParameter("table"), Set.of("incidents", "claims"));
        if (table != null && f != ExportFormat.CSV) {
            throw Params.invalid("table", "only the CSV export has separate tables; the other formats carry both");
        }
        IncidentFilter filter = IncidentFilter.parse(r::getParameter);
        String etag = dataVersion.current().etag(f + "?" + r.getQueryString());
        if (org.conflictmap.web.ETags.notModified(r, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        String name = "claims".equals(table) ? "incident-claims" : "incidents";
        StreamingResponseBody body = switch (f) {
            case GEOJSON -> out -> geojson(filter, out);
            case CSV -> out -> csv(filter, "claims".equals(table), out);
            case SHP -> out -> shapefile(filter, out);
            default -> out -> file(f, each -> rethrowingIo(() -> filter.stream(incidents, 0, IncidentQuery.MAX_LIMIT, i -> {
                try {
                    each.accept(i);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            })), out);
        };
        return ResponseEntity.ok().eTag(etag).contentType(MediaType.parseMediaType(f.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(f.fileName(name)).build().toString())
                .body(body);
    }

    /** A FeatureCollection of the stored Feature texts, written as they stream from the store. */
    private void geojson(IncidentFilter filter, OutputStream out) throws IOException {
        java.io.BufferedOutputStream o = new java.io.BufferedOutputStream(out, 1 << 16);
        o.write("{\"type\":\"FeatureCollection\",\"features\":[\n".getBytes(StandardCharsets.UTF_8));
        boolean[] first = {true};
        rethrowingIo(() -> filter.streamFeatures(incidents, 0, IncidentQuery.MAX_LIMIT, f -> {
            try {
                if (!first[0]) {
                    o.write(',');
                    o.write('\n');
                }
                first[0] = false;
                o.write(f);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));
        o.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
        o.flush();
    }

    private void csv(IncidentFilter filter, boolean claims, OutputStream out) throws IOException {
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<String> header = new ArrayList<>();
        if (claims) {
            header.addAll(FlatRows.CLAIM_COLUMNS);
        } else {
            header.addAll(FlatRows.ACLED_COLUMNS);
            header.addAll(FlatRows.QUERYABLE_COLUMNS);
        }
        CSVPrinter csv = new CSVPrinter(w, CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get());
        filter.stream(incidents, 0, IncidentQuery.MAX_LIMIT, i -> {
            try {
                if (claims) {
                    for (Object[] row : FlatRows.claims(i)) {
                        csv.printRecord(FlatRows.spreadsheetSafe(Arrays.asList(row)));
                    }
                } else {
                    List<Object> row = new ArrayList<>(Arrays.asList(FlatRows.acled(i)));
                    Queryables.ALL.forEach(a -> row.add(FlatRows.value(a, i)));
                    csv.printRecord(FlatRows.spreadsheetSafe(row));
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        csv.flush();
    }

    /**
     * The Shapefile layers' columns: each field's own column ({@link Queryables.Attribute#column}), the
     * claims and sources JSON for the claims table, and the point inside the location as WKB (the
     * whole geometry follows as {@code wkb}).
     */
    static final String SHP_COLUMNS = FileWriters.SHP_ATTRIBUTES.stream().map(Queryables.Attribute::column)
            .collect(java.util.stream.Collectors.joining(", ")) + ", claims, sources, ST_AsBinary(geom_point) AS point_wkb";

    /** The zipped Shapefile, from the store's columns: no incident is built. */
    private void shapefile(IncidentFilter filter, OutputStream out) throws IOException {
        List<Queryables.Attribute> attributes = FileWriters.SHP_ATTRIBUTES;
        int n = attributes.size();
        FileWriters.Source<FileWriters.ShapeRow> rows = each -> rethrowingIo(
                () -> filter.streamColumns(incidents, 0, IncidentQuery.MAX_LIMIT, SHP_COLUMNS, rs -> {
                    Object[] fields = new Object[n];
                    for (int k = 0; k < n; k++) {
                        Class<?> type = attributes.get(k).type();
                        if (type == java.time.Instant.class) {
                            java.time.OffsetDateTime t = rs.getObject(k + 1, java.time.OffsetDateTime.class);
                            fields[k] = t == null ? null : t.toInstant().toString();
                        } else if (type == Integer.class || type == Boolean.class) {
                            fields[k] = rs.getObject(k + 1, type);
                        } else {
                            fields[k] = rs.getString(k + 1);
                        }
                    }
                    try {
                        each.accept(new FileWriters.ShapeRow(rs.getBytes(n + 3), rs.getBytes(n + 4), fields,
                                rs.getString(n + 1), rs.getString(n + 2)));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
        IncidentRepository.StoredClaims stored = incidents.storedClaims();
        inScratchDirectory(dir -> FileWriters.shapefile(rows, (id, claims, sources) -> FlatRows.claims(id,
                stored.claims(claims), stored.sources(sources)), dir, out));
    }

    private static void file(ExportFormat f, FileWriters.Source<org.conflictmap.incidents.Incident> incidents, OutputStream out) throws IOException {
        if (f == ExportFormat.KML) {
            KmlWriter.write(incidents, out);
            return;
        }
        inScratchDirectory(dir -> {
            switch (f) {
                case FGB -> FileWriters.flatgeobuf(incidents, dir, out);
                case GPKG -> {
                    Path file = dir.resolve("incidents.gpkg");
                    GeoPackageWriter.write(incidents, file.toFile());
                    Files.copy(file, out);
                }
                default -> throw new IllegalStateException("not a file format: " + f);
            }
        });
    }

    /**
     * Runs a read from the store whose row callback writes to the download: the store's callbacks
     * cannot throw {@link IOException}, so the callback wraps it and it comes out here as itself.
     */
    private static void rethrowingIo(Runnable read) throws IOException {
        try {
            read.run();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Work on files that need every row before their first byte, in a temporary directory deleted after. */
    @FunctionalInterface
    private interface ScratchWork {
        void in(Path dir) throws IOException, SQLException;
    }

    private static void inScratchDirectory(ScratchWork work) throws IOException {
        Path dir = ScratchDirectories.create();
        try {
            work.in(dir);
        } catch (SQLException e) {
            throw new IOException("export failed", e);
        } finally {
            ScratchDirectories.delete(dir);
        }
    }
}
