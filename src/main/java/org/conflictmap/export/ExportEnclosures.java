package org.conflictmap.export;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.conflictmap.layers.Collection;
import org.conflictmap.layers.Layers;
import org.conflictmap.layers.Source;
import org.conflictmap.ogcapi.Enclosures;
import org.springframework.stereotype.Component;

/**
 * Every {@link ExportFormat} of each collection of incidents with downloads ({@link Layers#exported()}), linked from it;
 * a gazetteer collection's or a table layer's, {@link LayerDownloads#FORMATS}.
 */
@Component
class ExportEnclosures implements Enclosures {
    private final Layers layers;

    ExportEnclosures(Layers layers) {
        this.layers = layers;
        for (Collection c : layers.exported()) {
            if (c.source() instanceof Source.Places && !LayerDownloads.PLACE_FIELDS.containsAll(c.exportFields())) {
                throw new IllegalStateException("collection " + c.id() + ": a gazetteer collection's export fields are"
                        + " among " + LayerDownloads.PLACE_FIELDS + ": " + c.exportFields());
            }
        }
    }

    @Override
    public List<Enclosure> of(String collection) {
        Optional<Collection> c = layers.find(collection).filter(Collection::exported);
        if (c.isEmpty()) {
            return List.of();
        }
        boolean incidents = c.get().source() instanceof Source.Incidents;
        return Arrays.stream(ExportFormat.values())
                .filter(f -> incidents || LayerDownloads.FORMATS.contains(f))
                .map(f -> new Enclosure(
                        "/api/export/" + collection + "." + f.extension(),
                        f.mediaType(),
                        "download everything as " + f.extension()))
                .toList();
    }
}
