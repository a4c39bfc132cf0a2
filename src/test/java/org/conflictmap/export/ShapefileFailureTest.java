package org.conflictmap.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.conflictmap.geo.Wkb;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;

/**
 * The Shapefile export's two threads, when something fails: the failure reaches the caller, the claims
 * thread stops, and the bytes already sent never end as a complete-looking zip (a client would take a
 * cut-off download for the whole data).
 */
class ShapefileFailureTest {
    @TempDir
    Path dir;

    private static FileWriters.Source<FileWriters.ShapeRow> rows(int n, int failAt) {
        return each -> {
            for (int k = 0; k < n; k++) {
                if (k == failAt) {
                    throw new IOException("the store went away");
                }
                byte[] point = Wkb.write(Wkb.FACTORY.createPoint(new Coordinate(70 + k * 1e-5, 34)));
                Object[] fields = new Object[FileWriters.SHP_ATTRIBUTES.size()];
                for (int f = 0; f < fields.length; f++) {
                    Class<?> type = FileWriters.SHP_ATTRIBUTES.get(f).type();
                    fields[f] = type == Integer.class
                            ? Integer.valueOf(k % 1000)
                            : type == Boolean.class ? Boolean.FALSE : "v" + k;
                }
                fields[FileWriters.ShapeRow.ID_FIELD] = "i" + k;
                each.accept(new FileWriters.ShapeRow(point, point, fields, "[]", "[]"));
            }
        };
    }

    private static List<Object[]> oneClaim(String id) {
        List<Object[]> rows = new ArrayList<>();
        rows.add(new Object[] {
            id, 1, "ministry", "af_government", "pk_forces", 3, null, null, null, null, null, "said so", null, "outlet"
        });
        return rows;
    }

    @Test
    void aWholeExportIsACompleteZip() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FileWriters.shapefile(rows(3_000, -1), (id, c, s) -> oneClaim(id), FileLayers.INCIDENTS, dir, out);
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(out.toByteArray()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertTrue(
                names.containsAll(List.of(
                        "incidents_points.dbf",
                        "incidents_points.shp",
                        "incidents_points.shx",
                        "claims.dbf",
                        "README.txt")),
                names.toString());
        assertTrue(endsAsZip(out.toByteArray()));
    }

    @Test
    void aClaimsTableThatFailsFailsTheExport() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RuntimeException e = assertThrows(
                RuntimeException.class,
                () -> FileWriters.shapefile(
                        rows(20_000, -1),
                        (id, c, s) -> {
                            if (id.equals(
                                    "i19999")) { // the last: noticed only after the points layer went into the zip
                                throw new IllegalStateException("claims JSON that does not parse");
                            }
                            return oneClaim(id);
                        },
                        FileLayers.INCIDENTS,
                        dir,
                        out));
        assertEquals("claims JSON that does not parse", e.getMessage());
        assertFalse(endsAsZip(out.toByteArray()), "a failed export must not look complete");
        assertClaimsThreadGone();
    }

    @Test
    void aStoreThatFailsMidwayStopsTheClaimsThread() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IOException e = assertThrows(
                IOException.class,
                () -> FileWriters.shapefile(
                        rows(20_000, 9_000), (id, c, s) -> oneClaim(id), FileLayers.INCIDENTS, dir, out));
        assertEquals("the store went away", e.getMessage());
        assertEquals(0, out.size(), "nothing was sent before the first pass ended");
        assertClaimsThreadGone();
    }

    /** A zip ends with its end-of-central-directory record (PK 5 6), 22 bytes without a comment. */
    private static boolean endsAsZip(byte[] b) {
        int k = b.length - 22;
        return k >= 0 && b[k] == 'P' && b[k + 1] == 'K' && b[k + 2] == 5 && b[k + 3] == 6;
    }

    private static void assertClaimsThreadGone() throws InterruptedException {
        for (int k = 0; k < 50 && claimsThreads() > 0; k++) {
            Thread.sleep(100);
        }
        assertEquals(0, claimsThreads(), "the claims thread outlived its export");
    }

    private static long claimsThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("shapefile-claims") && t.isAlive())
                .count();
    }
}
