package org.conflictmap.export;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.incidents.AdminAreas;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Source;
import org.conflictmap.layers.Tables;
import org.conflictmap.store.DataVersion;
import org.conflictmap.web.ETags;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import tools.jackson.databind.ObjectMapper;

/**
 * {@code GET /api/export/{collection}.{format}} for every {@link ExportFormat} and every collection of
 * {@link Layers} with downloads ({@code incidents}, and its one-geometry-type views): the incidents a filter
 * selects within the collection (the same parameters as the OGC items: bbox, datetime, type, party,
 * contested, q, filter) as a download. CSV takes {@code table=incidents|claims}. Every format takes the incidents as they
 * stream from the store, one at a time: GeoJSON, CSV and KML go straight to the client; Shapefile,
 * GeoPackage and FlatGeobuf are written to a temporary directory first (their headers need every
 * row). Memory stays flat whatever the count. A gazetteer collection or a table layer with export fields downloads as
 * GeoJSON, CSV and GeoPackage ({@link LayerDownloads}; a table's rows stream from the store as the incidents do). ETag
 * from the data version. The request is parsed once, at the edge, by {@link ExportRequests}.
 */
@RestController
class ExportController {
    private final IncidentRepository incidents;
    private final DataVersion dataVersion;
    private final ExportRequests requests;
    private final AdminAreas admin;
    private final Gazetteer gazetteer;
    private final Tables tables;
    private final ObjectMapper json;

    ExportController(
            IncidentRepository incidents,
            DataVersion dataVersion,
            ExportRequests requests,
            AdminAreas admin,
            Gazetteer gazetteer,
            Tables tables,
            ObjectMapper json) {
        this.incidents = incidents;
        this.gazetteer = gazetteer;
        this.tables = tables;
        this.json = json;
        this.dataVersion = dataVersion;
        this.requests = requests;
        this.admin = admin;
    }

    @GetMapping("/api/export/{collection:[a-z][a-z0-9-]*}.{format}")
    ResponseEntity<StreamingResponseBody> export(
            @PathVariable String collection, @PathVariable String format, HttpServletRequest r) {
        ExportRequest q = requests.parse(collection, format, r);
        String etag = dataVersion.current().etag(q.etagKey());
        if (ETags.notModified(q.ifNoneMatch(), etag)) {
            return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
        }
        ExportFormat f = q.format();
        StreamingResponseBody body;
        Collection c = q.collection();
        if (c.source() instanceof Source.Table) { // a table layer's rows, as they stream from the store
            FileWriters.Source<LayerDownloads.Entry> rows = LayerDownloads.rows(c, tables, json);
            body = out -> LayerDownloads.write(f, c, rows, json, out);
        } else if (q.filter() == null) { // a gazetteer collection's places
            List<LayerDownloads.Entry> places = LayerDownloads.places(c, List.copyOf(gazetteer.all()), json);
            body = out -> LayerDownloads.write(f, c, LayerDownloads.of(places), json, out);
        } else {
            ExportRows rows =
                    new ExportRows(incidents, q.filter(), q.claims(), c.geometryType(), FileLayers.of(c), admin);
            body = out -> f.writer().write(rows, out);
        }
        return ResponseEntity.ok()
                .eTag(etag)
                .contentType(MediaType.parseMediaType(f.mediaType()))
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment()
                                .filename(q.fileName())
                                .build()
                                .toString())
                .body(body);
    }
}
