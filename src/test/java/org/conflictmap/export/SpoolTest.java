package org.conflictmap.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The export's scratch file gives back every row as written, across its buffer's edges. */
class SpoolTest {
    @TempDir
    Path dir;

    @Test
    void rowsComeBackAsWrittenAcrossBufferEdges() throws IOException {
        Random r = new Random(7);
        List<Object[]> written = new ArrayList<>();
        for (int n = 0; n < 5_000; n++) {
            byte[] wkb =
                    new byte[n % 97 == 0 ? 70_000 + r.nextInt(70_000) : r.nextInt(40)]; // some larger than the buffer
            r.nextBytes(wkb);
            written.add(new Object[] {"کنړ Kunar " + n, null, n * 31, n % 2 == 0, wkb, "x".repeat(r.nextInt(300)), ""});
        }
        try (Spool spool = new Spool(dir.resolve("rows.spool"))) {
            for (Object[] row : written) {
                spool.write(row);
            }
            assertEquals(written.size(), spool.rows());
            List<Object[]> read = new ArrayList<>();
            spool.forEach(read::add);
            assertEquals(written.size(), read.size());
            for (int k = 0; k < written.size(); k++) {
                Object[] w = written.get(k);
                Object[] g = read.get(k);
                assertEquals(w.length, g.length);
                for (int c = 0; c < w.length; c++) {
                    if (w[c] instanceof byte[] b) {
                        assertArrayEquals(b, (byte[]) g[c], "row " + k);
                    } else {
                        assertEquals(w[c], g[c], "row " + k + " column " + c);
                    }
                }
            }
        }
    }

    @Test
    void anEmptySpoolReadsNoRows() throws IOException {
        try (Spool spool = new Spool(dir.resolve("empty.spool"))) {
            List<Object[]> read = new ArrayList<>();
            spool.forEach(read::add);
            assertEquals(0, read.size());
        }
    }
}
