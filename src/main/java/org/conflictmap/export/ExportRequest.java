package org.conflictmap.export;

import org.conflictmap.layers.Collection;
import org.conflictmap.ogcapi.IncidentFilter;

/**
 * A download as its handler parsed it ({@link ExportRequests}), once, at the edge: nothing below the handler
 * reads the servlet request.
 *
 * @param collection  the collection downloaded, one with export fields over incidents
 * @param format      the format
 * @param filter      the incidents it selects within the collection (its condition applied); null for a gazetteer
 *                    collection's or a table layer's download (all its places or rows)
 * @param claims      whether the claims table is asked for ({@code table=claims}, CSV only) rather than the incidents
 * @param query       the request's query string as sent (null: none), which the ETag covers
 * @param ifNoneMatch the request's {@code If-None-Match} (null: none)
 */
record ExportRequest(
        Collection collection,
        ExportFormat format,
        IncidentFilter filter,
        boolean claims,
        String query,
        String ifNoneMatch) {

    /** The file's name: {@code incidents.csv}, or the claims table's {@code incident-claims.csv}. */
    String fileName() {
        String id = collection.id();
        return format.fileName(claims ? fileStem(id) + "-claims" : id);
    }

    /** What the ETag stands for besides the data version: the collection, the format and the query. */
    String etagKey() {
        return collection.id() + "." + format + "?" + query;
    }

    /** A collection's name as the claims file's first word: {@code incidents} → {@code incident}(-claims). */
    private static String fileStem(String collection) {
        return collection.endsWith("s") ? collection.substring(0, collection.length() - 1) : collection;
    }
}
