package org.conflictmap.export;

import java.io.IOException;
import java.io.OutputStream;

/**
 * How one download format writes the incidents a request selects. A format is one class with a
 * {@code write(ExportRows, OutputStream)} and one registration, its constant in {@link ExportFormat};
 * the controller, the OGC collection's links and the error messages list the formats from there.
 */
@FunctionalInterface
interface ExportWriter {
    void write(ExportRows rows, OutputStream out) throws IOException;
}
