package org.conflictmap.export;

import java.util.Arrays;
import java.util.List;
import org.conflictmap.layers.Layers;
import org.conflictmap.ogcapi.Enclosures;
import org.springframework.stereotype.Component;

/** Every {@link ExportFormat} of each collection with downloads ({@link Layers#exported()}), linked from it. */
@Component
class ExportEnclosures implements Enclosures {
    private final Layers layers;

    ExportEnclosures(Layers layers) {
        this.layers = layers;
    }

    @Override
    public List<Enclosure> of(String collection) {
        if (layers.find(collection).filter(c -> c.exported()).isEmpty()) {
            return List.of();
        }
        return Arrays.stream(ExportFormat.values())
                .map(f -> new Enclosure(
                        "/api/export/" + collection + "." + f.extension(),
                        f.mediaType(),
                        "download everything as " + f.extension()))
                .toList();
    }
}
