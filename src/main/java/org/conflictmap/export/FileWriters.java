package org.conflictmap.export;

import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.conflictmap.geo.Wkb;
import org.conflictmap.incidents.Queryables;
import org.h2gis.functions.io.dbf.internal.DbaseFileException;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.shp.internal.ShapeType;
import org.h2gis.functions.io.shp.internal.ShapefileWriter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.springframework.util.StreamUtils;

/**
 * The zipped Shapefile through H2GIS IO, whatever the store is (PostGIS or H2GIS): it takes the
 * incidents as they stream from the store and keeps them on disk, never all in memory.
 */
final class FileWriters {
    private FileWriters() {}

    /** The .prj of every layer: EPSG:4326 as the OGC WKT that GDAL and QGIS read. */
    static final String WGS84_PRJ = "GEOGCS[\"WGS 84\",DATUM[\"WGS_1984\",SPHEROID[\"WGS 84\",6378137,298.257223563,"
            + "AUTHORITY[\"EPSG\",\"7030\"]],AUTHORITY[\"EPSG\",\"6326\"]],PRIMEM[\"Greenwich\",0,AUTHORITY[\"EPSG\",\"8901\"]],"
            + "UNIT[\"degree\",0.0174532925199433,AUTHORITY[\"EPSG\",\"9122\"]],AUTHORITY[\"EPSG\",\"4326\"]]";

    /**
     * A zip of Shapefiles, named after the collection ({@link FileLayers}; here as the {@code incidents}'s):
     * {@code incidents_points} (every incident at a point inside its location, with
     * {@code geo_prec} saying how precise that is), {@code incidents_areas} (the province-level and wider
     * incidents as their polygons; a stretch of the border is a band among them), {@code incidents_lines}
     * (incidents along the whole border), and the claims table {@code claims.dbf}; DBF field names are the
     * 10-character {@code shortName}s. The files are written by H2GIS's Shapefile writer and dBase header,
     * the records by {@link DbfRecords}, text fields as wide as their longest value.
     * A DBF header holds the record count and the field widths, so the rows stream from the store once
     * into scratch files (one row at a time: memory stays flat whatever the count), and the files are
     * written from there in a second pass. The rows come as the store's columns, not as incidents: the
     * claims JSON is parsed into the claims table's rows on a second thread while the first one reads
     * and spools (building every incident from its JSON columns was half of the first pass), and that
     * thread goes on to write {@code claims.dbf} while the first writes the layers.
     */
    static void shapefile(Source<ShapeRow> source, ClaimRows claimRows, FileLayers layers, Path dir, OutputStream out)
            throws IOException {
        List<String> names =
                SHP_ATTRIBUTES.stream().map(Queryables.Attribute::shortName).toList();
        List<Character> types = SHP_ATTRIBUTES.stream()
                .map(a -> a.type() == Integer.class ? 'N' : a.type() == Boolean.class ? 'L' : 'C')
                .toList();
        int[] widths = new int[names.size()];
        long[] areas = {0};
        long[] lines = {0};
        try (Spool rows = new Spool(dir.resolve("incidents.spool"));
                ClaimsTable claims = new ClaimsTable(claimRows, layers.claims(), dir)) {
            try {
                source.forEach(r -> {
                    Object[] row = new Object[names.size() + 2];
                    int type = Wkb.type(r.geometry());
                    boolean area = type == 3 || type == 6;
                    boolean line = type == 2 || type == 5;
                    row[0] = r.point();
                    row[1] = area || line ? r.geometry() : null;
                    for (int k = 0; k < names.size(); k++) {
                        row[k + 2] = dbfText(r.fields()[k]);
                    }
                    widen(widths, row, 2);
                    areas[0] += area ? 1 : 0;
                    lines[0] += line ? 1 : 0;
                    rows.write(row);
                    claims.add(r.id(), r.claims(), r.sources());
                });
            } catch (IOException | RuntimeException e) {
                claims.abort();
                throw e;
            }
            claims.finish(); // the claims thread writes claims.dbf while this one writes the layers
            List<String> files = new ArrayList<>();
            // The points layer's DBF, the largest file, goes straight into the zip as it is written; the
            // .shp files' headers are rewritten at the end (bounds, length), so they go through disk.
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.setLevel(Deflater.BEST_SPEED); // padded DBF fields squeeze well even so
            zip.putNextEntry(new ZipEntry(layers.points() + ".dbf"));
            try (Layer points = new Layer(
                            dir,
                            layers.points(),
                            ShapeType.POINT,
                            header(names, types, widths, rows.rows()),
                            StreamUtils.nonClosing(zip),
                            files);
                    Layer polygons = areas[0] == 0
                            ? null
                            : new Layer(
                                    dir,
                                    layers.areas(),
                                    ShapeType.POLYGON,
                                    header(names, types, widths, areas[0]),
                                    null,
                                    files);
                    Layer arcs = lines[0] == 0
                            ? null
                            : new Layer(
                                    dir,
                                    layers.lines(),
                                    ShapeType.ARC,
                                    header(names, types, widths, lines[0]),
                                    null,
                                    files)) {
                Object[] values = new Object[names.size()];
                rows.forEach(row -> {
                    System.arraycopy(row, 2, values, 0, names.size());
                    points.write(Wkb.read((byte[]) row[0]), values);
                    if (row[1] != null) {
                        Geometry g = Wkb.read((byte[]) row[1]);
                        if (g instanceof Polygon p) {
                            g = Wkb.FACTORY.createMultiPolygon(new Polygon[] {p});
                        } else if (g instanceof LineString l) {
                            g = Wkb.FACTORY.createMultiLineString(new LineString[] {l});
                        }
                        (g instanceof Polygonal ? polygons : arcs).write(g, values);
                    }
                });
            }
            zip.closeEntry();
            claims.await();
            files.add(layers.claims() + ".dbf");
            Files.writeString(dir.resolve(layers.claims() + ".cpg"), "UTF-8");
            files.add(layers.claims() + ".cpg");
            Files.writeString(dir.resolve("README.txt"), readme(layers));
            files.add("README.txt");
            for (String f : files) {
                zip.putNextEntry(new ZipEntry(f));
                Files.copy(dir.resolve(f), zip);
                zip.closeEntry();
            }
            // only now: an export that failed above must not end as a complete-looking zip
            zip.finish();
        }
    }

    /** The zip's README.txt, naming its files ({@code incidents_points} … in the {@code incidents} download). */
    private static String readme(FileLayers layers) {
        return README.replace("{points}", layers.points())
                .replace("{areas}", layers.areas())
                .replace("{lines}", layers.lines())
                .replace("{claims}", layers.claims());
    }

    private static final String README = """
            Afghanistan-Pakistan border conflict incidents (Conflict Map Server export), EPSG:4326.
            {points}: every incident at a point inside its location; geo_prec tells how precise it is
              (province, border_segment, country... are NOT exact points: use {areas} / {lines}).
            {areas}: incidents reported for an area (province or wider), as the area.
            {lines}: incidents reported along the whole border, as the line (a stretch of it is a band
              a few km wide, in {areas}).
            {claims}.dbf: every claim, one row each, joined on incident_i = id. kill_min/kill_max only summarise them;
              no single casualty figure exists for a contested incident.
            Times are ISO 8601 text (a DBF date would drop the time of day); texts are UTF-8 (.cpg).
            Field names are cut to 10 characters and texts to 254 bytes by the DBF format; the full text is in the
            GeoPackage and CSV exports. Data: Natural Earth and GeoNames (CC BY 4.0) for places.
            """;

    /**
     * The incidents layers' fields: every queryable but {@code claims}, whose JSON a DBF text field
     * would cut at 254 bytes into something no tool can read; the claims are whole in {@code claims.dbf}.
     */
    static final List<Queryables.Attribute> SHP_ATTRIBUTES =
            Queryables.ALL.stream().filter(a -> !a.name().equals("claims")).toList();

    /**
     * One incident as the Shapefile layers take it, straight from the store's columns: its point inside
     * the location and its whole geometry (both WKB), {@link #SHP_ATTRIBUTES}' values in order (times as
     * ISO text), and its claims and sources as their stored JSON, for the claims table.
     */
    record ShapeRow(byte[] point, byte[] geometry, Object[] fields, String claims, String sources) {
        /** Where the incident id stands among {@link #SHP_ATTRIBUTES}. */
        static final int ID_FIELD = SHP_ATTRIBUTES.indexOf(Queryables.BY_NAME.get("id"));

        ShapeRow {
            if (point == null || geometry == null) {
                throw new IllegalArgumentException("an incident row needs its point and its geometry");
            }
            if (fields.length != SHP_ATTRIBUTES.size()) {
                throw new IllegalArgumentException(
                        "an incident row has " + SHP_ATTRIBUTES.size() + " fields, not " + fields.length);
            }
        }

        /** The incident's id, which keys its claims: one of its fields. */
        String id() {
            return (String) fields[ID_FIELD];
        }
    }

    /** An incident's claims table rows ({@link FlatRows#CLAIM_COLUMNS}) from its claims and sources JSON. */
    @FunctionalInterface
    interface ClaimRows {
        List<Object[]> of(String id, String claimsJson, String sourcesJson);
    }

    /**
     * The claims table ({@code claims.dbf} in the {@code incidents} download), built on a thread of its own: the first pass hands it each incident's claims
     * and sources JSON, a batch at a time through a bounded queue (memory stays flat); it parses them into
     * claim rows and spools them, since their widths are known only at the end, and once the last batch
     * is in it writes the file, while the first thread writes the layers.
     */
    private static final class ClaimsTable implements Closeable {
        private static final int BATCH = 256;
        private static final List<String[]> END = new ArrayList<>();
        private static final List<String[]> ABORT = new ArrayList<>();

        private final BlockingQueue<List<String[]>> queue = new ArrayBlockingQueue<>(16);
        private final Spool spool;
        private final int[] widths = new int[FlatRows.CLAIM_COLUMNS.size()];
        private final CompletableFuture<Void> done;
        private List<String[]> batch = new ArrayList<>(BATCH);

        ClaimsTable(ClaimRows rows, String name, Path dir) throws IOException {
            spool = new Spool(dir.resolve("claims.spool"));
            done = CompletableFuture.runAsync(() -> run(rows, name, dir), task -> {
                Thread t = new Thread(task, "shapefile-claims");
                t.setDaemon(true);
                t.start();
            });
        }

        void add(String id, String claims, String sources) throws IOException {
            batch.add(new String[] {id, claims, sources});
            if (batch.size() == BATCH) {
                put(batch);
                batch = new ArrayList<>(BATCH);
            }
        }

        /** The last incident is in: the thread writes claims.dbf. */
        void finish() throws IOException {
            put(batch);
            put(END);
        }

        /** The first pass failed: the thread stops without writing anything. */
        void abort() {
            queue.clear();
            queue.offer(ABORT);
        }

        /** Waits for claims.dbf; rethrows what went wrong on the thread. */
        void await() throws IOException {
            try {
                done.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof UncheckedIOException u) {
                    throw u.getCause();
                }
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IOException(e.getCause());
            }
        }

        private void put(List<String[]> b) throws IOException {
            try {
                while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
                    if (done.isDone()) { // the thread failed: its reason, not a wait for ever
                        await();
                        throw new IOException("the claims table stopped early");
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while writing the claims table");
            }
        }

        private void run(ClaimRows rows, String name, Path dir) {
            try {
                for (List<String[]> b = queue.take(); b != END; b = queue.take()) {
                    if (b == ABORT) {
                        return;
                    }
                    for (String[] incident : b) {
                        for (Object[] c : rows.of(incident[0], incident[1], incident[2])) {
                            for (int k = 0; k < c.length; k++) {
                                c[k] = dbfText(c[k]);
                            }
                            widen(widths, c, 0);
                            spool.write(c);
                        }
                    }
                }
                claimsDbf(spool, widths, dir.resolve(name + ".dbf"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops the thread if it still runs (an export that failed after the first pass), then its spool. */
        @Override
        public void close() throws IOException {
            if (!done.isDone()) {
                abort();
                try {
                    done.join();
                } catch (CompletionException | CancellationException ignored) {
                    // the export has failed already; that failure is the one reported
                }
            }
            spool.close();
        }
    }

    /**
     * Where an export's rows come from (incidents, or {@link ShapeRow}s for the Shapefile): the store,
     * streamed in time order, one at a time.
     */
    @FunctionalInterface
    interface Source<T> {
        void forEach(Each<T> each) throws IOException;
    }

    @FunctionalInterface
    interface Each<T> {
        void accept(T row) throws IOException;
    }

    /** The claims table's {@code file} ({@code claims.dbf}): one row per claim, keyed by the incident id. */
    private static void claimsDbf(Spool claims, int[] widths, Path file) throws IOException {
        List<String> claimNames = FlatRows.CLAIM_COLUMNS.stream()
                .map(n -> n.length() > 10 ? n.substring(0, 10) : n)
                .toList();
        List<Character> claimTypes = new ArrayList<>();
        for (int k = 0; k < claimNames.size(); k++) {
            claimTypes.add(k == 1 || (k >= 5 && k <= 10) ? 'N' : 'C');
        }
        DbfRecords dbf =
                new DbfRecords(header(claimNames, claimTypes, widths, claims.rows()), Files.newOutputStream(file));
        try {
            claims.forEach(dbf::write);
        } finally {
            dbf.close();
        }
    }

    /**
     * One Shapefile layer: H2GIS's Shapefile writer for the .shp and .shx, {@link DbfRecords} for the
     * attributes, into {@code dbf} (a zip entry) or, when that is null, the layer's own .dbf file.
     */
    private static final class Layer implements Closeable {
        private final ShapeType type;
        private final Path shpFile;
        private final Path shxFile;
        private final ShapefileWriter shp;
        private final DbfRecords dbf;

        Layer(Path dir, String base, ShapeType type, DbaseFileHeader header, OutputStream dbf, List<String> files)
                throws IOException {
            this.type = type;
            this.shpFile = dir.resolve(base + ".shp");
            this.shxFile = dir.resolve(base + ".shx");
            this.shp = new ShapefileWriter(create(shpFile), create(shxFile));
            shp.writeHeaders(type);
            this.dbf = new DbfRecords(header, dbf != null ? dbf : Files.newOutputStream(dir.resolve(base + ".dbf")));
            Files.writeString(dir.resolve(base + ".prj"), WGS84_PRJ);
            Files.writeString(dir.resolve(base + ".cpg"), "UTF-8");
            for (String ext : dbf != null
                    ? List.of(".shp", ".shx", ".prj", ".cpg")
                    : List.of(".shp", ".shx", ".dbf", ".prj", ".cpg")) {
                files.add(base + ext);
            }
        }

        void write(Geometry g, Object[] fields) throws IOException {
            shp.writeGeometry(g);
            dbf.write(fields);
        }

        /** Rewrites the .shp and .shx headers with the final bounds and length, and closes all three. */
        @Override
        public void close() throws IOException {
            try {
                shp.writeHeaders(type);
                shp.close();
                if (type == ShapeType.POLYGON) {
                    repairPolygonLengths(shpFile, shxFile);
                }
            } finally {
                dbf.close();
            }
        }

        /**
         * H2GIS 2.2.5's {@code PolygonHandler.getLength} counts the rings of a MultiPolygon of several
         * polygons wrongly (each polygon adds the running count again: 3 rings for 2 polygons, 7 for 3),
         * so such a record's length in the .shp record header and in the .shx is larger than what was
         * written, and GDAL misreads every record after it. What was written is right; this walks the
         * records by their contents (44 + 4 x parts + 16 x points bytes for a polygon) and rewrites both
         * lengths and the index offsets. The .shp header's file length comes from the file and is right.
         */
        private static void repairPolygonLengths(Path shp, Path shx) throws IOException {
            try (FileChannel s = FileChannel.open(shp, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileChannel x = FileChannel.open(shx, StandardOpenOption.WRITE)) {
                ByteBuffer head = ByteBuffer.allocate(52);
                ByteBuffer word = ByteBuffer.allocate(4);
                ByteBuffer entry = ByteBuffer.allocate(8);
                long size = s.size();
                long pos = 100;
                long index = 100;
                while (pos < size) {
                    head.clear();
                    while (head.hasRemaining() && s.read(head, pos + head.position()) > 0) {
                        // a record header, its shape type, box, part and point counts
                    }
                    head.order(ByteOrder.LITTLE_ENDIAN);
                    int shapeType = head.getInt(8);
                    int content = shapeType == 0 ? 4 : 44 + 4 * head.getInt(44) + 16 * head.getInt(48);
                    word.clear();
                    word.order(ByteOrder.BIG_ENDIAN).putInt(0, content / 2);
                    s.write(word, pos + 4);
                    entry.clear();
                    entry.order(ByteOrder.BIG_ENDIAN).putInt(0, (int) (pos / 2)).putInt(4, content / 2);
                    x.write(entry, index);
                    pos += 8 + content;
                    index += 8;
                }
                if (pos != size) {
                    throw new IOException(
                            "polygon shapefile records do not add up to its length: " + pos + " != " + size);
                }
            }
        }

        private static FileChannel create(Path file) throws IOException {
            return FileChannel.open(
                    file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        }
    }

    private static DbaseFileHeader header(List<String> names, List<Character> types, int[] widths, long records)
            throws IOException {
        DbaseFileHeader h = new DbaseFileHeader();
        h.setEncoding("UTF-8");
        try {
            for (int k = 0; k < names.size(); k++) {
                switch (types.get(k)) {
                    case 'N' -> h.addColumn(names.get(k), 'N', 9, 0); // 9 digits: GDAL reads an Integer, not Integer64
                    case 'L' -> h.addColumn(names.get(k), 'L', 1, 0);
                    default -> h.addColumn(names.get(k), 'C', Math.max(1, widths[k]), 0);
                }
            }
        } catch (DbaseFileException e) {
            throw new IOException(e);
        }
        h.setNumRecords(Math.toIntExact(records));
        return h;
    }

    /** A DBF text is at most 254 bytes: a longer one is cut (at a whole character) and marked with an ellipsis. */
    private static Object dbfText(Object v) {
        if (v instanceof String str && str.length() > 84 && utf8Length(str) > 254) {
            int bytes = 0;
            int k = 0;
            while (k < str.length()) {
                int cp = str.codePointAt(k);
                int size = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
                if (bytes + size > 251) {
                    break;
                }
                bytes += size;
                k += Character.charCount(cp);
            }
            return str.substring(0, k) + "…";
        }
        return v;
    }

    /**
     * Widens each text column to its longest value so far in UTF-8 bytes (at most 254), as ogr2ogr sizes
     * them: declaring 254 for every text made H2GIS's DBF writer pad each field to 254 bytes, which took
     * two thirds of a 100,000-incident export and bloated the files.
     */
    private static void widen(int[] widths, Object[] row, int from) {
        for (int k = 0; k < widths.length; k++) {
            if (row[from + k] instanceof String str) {
                widths[k] = Math.max(widths[k], Math.min(254, utf8Length(str)));
            }
        }
    }

    private static int utf8Length(String s) {
        int n = 0;
        for (int k = 0; k < s.length(); k++) {
            char ch = s.charAt(k);
            n += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3;
        }
        return n;
    }
}
