package org.conflictmap.export;

import java.util.Arrays;
import java.util.List;

import org.conflictmap.ogcapi.Enclosures;
import org.springframework.stereotype.Component;

/** Every {@link ExportFormat} of the incidents, offered on the OGC {@code incidents} collection. */
@Component
class ExportEnclosures implements Enclosures {
    private static final List<Enclosure> INCIDENTS = Arrays.stream(ExportFormat.values())
            .map(f -> new Enclosure("/api/export/incidents." + f.extension(), f.mediaType(), "download everything as " + f.extension()))
            .toList();

    @Override
    public List<Enclosure> of(String collection) {
        return collection.equals("incidents") ? INCIDENTS : List.of();
    }
}
