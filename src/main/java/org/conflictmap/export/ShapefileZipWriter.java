package org.conflictmap.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import org.conflictmap.incidents.IncidentRepository;
import org.conflictmap.incidents.Queryables;
import org.conflictmap.incidents.StoredRow;

/**
 * The {@link ExportFormat#SHP} download, from the store's columns: no incident is built. Each layer
 * field is its queryable ({@link Queryables.Attribute}) as the store holds it; the claims and sources
 * JSON go to the claims table; {@link FileWriters#shapefile} writes the zip.
 */
final class ShapefileZipWriter {

    private ShapefileZipWriter() {}

    static void write(ExportRows rows, OutputStream out) throws IOException {
        FileWriters.Source<StoredRow> stored = rows.stored(FileWriters.SHP_ATTRIBUTES);
        FileWriters.Source<FileWriters.ShapeRow> shapeRows = each -> stored.forEach(r -> {
            Object[] fields = r.values();
            for (int k = 0; k < fields.length; k++) {
                if (fields[k] instanceof Instant t) {
                    fields[k] = t.toString(); // a DBF date would drop the time of day: ISO text
                }
            }
            each.accept(new FileWriters.ShapeRow(r.point(), r.geometry(), fields, r.claims(), r.sources()));
        });
        IncidentRepository.StoredClaims claims = rows.storedClaims();
        ScratchDirectories.within(dir -> FileWriters.shapefile(
                shapeRows,
                (id, claimsJson, sourcesJson) ->
                        FlatRows.claims(id, claims.claims(claimsJson), claims.sources(sourcesJson)),
                rows.layers(),
                dir,
                out));
    }
}
