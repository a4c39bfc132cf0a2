package org.conflictmap.export;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Rows written once to a scratch file and read back in the same order: what lets a writer that must
 * know every row before its first byte (a DBF header holds the record count and each field's width)
 * take the rows as they stream from the store, with flat memory. Values are tagged: null, text,
 * integer, boolean, bytes (geometries as WKB). Texts go as a length and their UTF-8 bytes: the JDK's
 * intrinsic encoder and decoder, where {@code writeUTF}'s modified UTF-8, a char at a time, was the
 * largest single cost of a 100,000-incident Shapefile export's first pass.
 */
final class Spool implements Closeable {
    private static final int NULL = 0;
    private static final int TEXT = 1;
    private static final int INT = 2;
    private static final int BOOL = 3;
    private static final int BYTES = 4;

    private final Path file;
    private final DataOutputStream out;
    private long rows;

    Spool(Path file) throws IOException {
        this.file = file;
        this.out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file), 1 << 16));
    }

    /** Appends one row. */
    void write(Object[] row) throws IOException {
        out.writeShort(row.length);
        for (Object v : row) {
            if (v == null) {
                out.writeByte(NULL);
            } else if (v instanceof String str) {
                byte[] utf8 = str.getBytes(StandardCharsets.UTF_8);
                out.writeByte(TEXT);
                out.writeInt(utf8.length);
                out.write(utf8);
            } else if (v instanceof Integer n) {
                out.writeByte(INT);
                out.writeInt(n);
            } else if (v instanceof Boolean b) {
                out.writeByte(BOOL);
                out.writeBoolean(b);
            } else if (v instanceof byte[] bytes) {
                out.writeByte(BYTES);
                out.writeInt(bytes.length);
                out.write(bytes);
            } else {
                throw new IllegalArgumentException("cannot spool a " + v.getClass().getSimpleName());
            }
        }
        rows++;
    }

    long rows() {
        return rows;
    }

    /** Reads every row back, in the order written. */
    void forEach(RowConsumer each) throws IOException {
        out.flush();
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            while (true) {
                int n;
                try {
                    n = in.readShort();
                } catch (EOFException end) {
                    return;
                }
                Object[] row = new Object[n];
                for (int k = 0; k < n; k++) {
                    row[k] = switch (in.readByte()) {
                        case NULL -> null;
                        case TEXT -> new String(in.readNBytes(in.readInt()), StandardCharsets.UTF_8);
                        case INT -> in.readInt();
                        case BOOL -> in.readBoolean();
                        case BYTES -> in.readNBytes(in.readInt());
                        default -> throw new IOException("corrupt spool " + file.getFileName());
                    };
                }
                each.accept(row);
            }
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(Object[] row) throws IOException;
    }
}
