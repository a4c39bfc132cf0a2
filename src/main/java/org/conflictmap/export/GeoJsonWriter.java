package org.conflictmap.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The {@link ExportFormat#GEOJSON} download: a FeatureCollection of the stored Feature texts, written
 * as they stream from the store (nothing is parsed or built per incident).
 */
final class GeoJsonWriter {
    private GeoJsonWriter() {}

    static void write(ExportRows rows, OutputStream out) throws IOException {
        BufferedOutputStream o = new BufferedOutputStream(out, 1 << 16);
        o.write("{\"type\":\"FeatureCollection\",\"features\":[\n".getBytes(StandardCharsets.UTF_8));
        boolean[] first = {true};
        rows.features().forEach(f -> {
            if (!first[0]) {
                o.write(',');
                o.write('\n');
            }
            first[0] = false;
            o.write(f);
        });
        o.write("\n]}\n".getBytes(StandardCharsets.UTF_8));
        o.flush();
    }
}
