package org.conflictmap.export;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.conflictmap.errors.NotFound;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Source;
import org.conflictmap.ogcapi.IncidentFilter;
import org.conflictmap.store.DataVersion;
import org.conflictmap.web.ETags;
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

/**
 * {@code GET /api/export/{collection}.{format}} for every {@link ExportFormat} and every collection of
 * {@link Layers} with downloads ({@code incidents}, and its one-geometry-type views): the incidents a filter
 * selects within the collection (the same parameters as the OGC items: bbox, datetime, type, party,
 * contested, q, filter) as a download. CSV takes {@code table=incidents|claims}. Every format takes the incidents as they
 * stream from the store, one at a time: GeoJSON, CSV and KML go straight to the client; Shapefile,
 * GeoPackage and FlatGeobuf are written to a temporary directory first (their headers need every
 * row). Memory stays flat whatever the count. ETag from the data version.
 */
@RestController
class ExportController {
    static final Set<String> PARAMS;

    static {
        Set<String> s = new HashSet<>(IncidentFilter.PARAMS);
        s.add("table");
        PARAMS = Set.copyOf(s);
    }

    /** The formats with separate tables, for the refusal of {@code table=} elsewhere: "CSV". */
    private static final String TABLE_FORMATS = Arrays.stream(ExportFormat.values())
            .filter(ExportFormat::hasTables)
            .map(ExportFormat::title)
            .collect(Collectors.joining(", "));

    private final IncidentRepository incidents;
    private final DataVersion dataVersion;
    private final Layers layers;

    ExportController(IncidentRepository incidents, DataVersion dataVersion, Layers layers) {
        this.incidents = incidents;
        this.dataVersion = dataVersion;
        this.layers = layers;
    }

    @GetMapping("/api/export/{collection:[a-z][a-z0-9-]*}.{format}")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable String collection, @PathVariable String format, HttpServletRequest r) {
        ExportFormat f = ExportFormat.of(format);
        Collection c = layers.get(collection);
        if (!c.exported() || !(c.source() instanceof Source.Incidents source)) {
            throw new NotFound("no downloads of collection '" + collection + "'; the collections with downloads are "
                    + layers.exported().stream().map(Collection::id).toList());
        }
        Params.onlyKnown(r.getParameterMap(), PARAMS);
        String table = Params.oneOf("table", r.getParameter("table"), Set.of("incidents", "claims"));
        if (table != null && !f.hasTables()) {
            throw Params.invalid(
                    "table", "only the " + TABLE_FORMATS + " export has separate tables; the other formats carry both");
        }
        IncidentFilter filter = IncidentFilter.parse(r::getParameter).within(source);
        String etag = dataVersion.current().etag(collection + "." + f + "?" + r.getQueryString());
        if (ETags.notModified(r, etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        boolean claims = "claims".equals(table);
        ExportRows rows = new ExportRows(incidents, filter, claims, c.geometryType());
        StreamingResponseBody body = out -> f.writer().write(rows, out);
        return ResponseEntity.ok()
                .eTag(etag)
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(f.fileName(claims ? fileStem(collection) + "-claims" : collection))
                                .build()
                                .toString())
                .body(body);
    }

    /** A collection's name as the claims file's first word: {@code incidents} → {@code incident}(-claims). */
    private static String fileStem(String collection) {
        return collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
    }
}
