package org.conflictmap.export;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.conflictmap.errors.NotFound;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Source;
import org.conflictmap.ogcapi.IncidentFilter;
import org.conflictmap.web.Params;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Parses a download request once, at the edge, into an {@link ExportRequest} (as {@code ogcapi.OgcRequests}
 * does for OGC API – Features): the collection and format of the path, the filter parameters (those of the OGC
 * items: bbox, datetime, type, party, contested, q, filter), {@code table}, the query string and
 * {@code If-None-Match}. An unknown collection or one without downloads is a 404; an unknown format, parameter
 * or value a 400 naming it.
 */
@Component
class ExportRequests {
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

    /** A gazetteer collection's or a table layer's formats, by extension: "csv, geojson". */
    private static final String LAYER_FORMATS = LayerDownloads.FORMATS.stream()
            .map(ExportFormat::extension)
            .sorted()
            .collect(Collectors.joining(", "));

    private final Layers layers;

    ExportRequests(Layers layers) {
        this.layers = layers;
    }

    /** {@code /api/export/{collection}.{format}} with the request's parameters and headers. */
    ExportRequest parse(String collection, String format, HttpServletRequest r) {
        ExportFormat f = ExportFormat.of(format);
        Collection c = layers.get(collection);
        if (c.exported() && !(c.source() instanceof Source.Incidents)) {
            if (!LayerDownloads.FORMATS.contains(f)) {
                throw new NotFound("collection '" + collection + "' downloads as " + LAYER_FORMATS
                        + " only; the collections with every download are " + incidentsExported());
            }
            Params.onlyKnown(r.getParameterMap(), Set.of());
            return new ExportRequest(c, f, null, false, r.getQueryString(), r.getHeader(HttpHeaders.IF_NONE_MATCH));
        }
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
        return new ExportRequest(
                c, f, filter, "claims".equals(table), r.getQueryString(), r.getHeader(HttpHeaders.IF_NONE_MATCH));
    }

    private List<String> incidentsExported() {
        return layers.exported().stream()
                .filter(c -> c.source() instanceof Source.Incidents)
                .map(Collection::id)
                .toList();
    }
}
