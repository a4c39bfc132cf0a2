package org.conflictmap.export;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Rows written once to a scratch file and read back in the same order: what lets a writer that must
 * know every row before its first byte (a DBF header holds the record count and each field's width)
 * take the rows as they stream from the store, with flat memory. Values are tagged: null, text,
 * integer, boolean, bytes (geometries as WKB). Texts go as a length and their UTF-8 bytes (the JDK's
 * intrinsic encoder and decoder; {@code writeUTF}'s modified UTF-8, a char at a time, was the largest
 * single cost of a 100,000-incident Shapefile export's first pass). The file is read and written
 * through one plain {@link ByteBuffer}: {@code DataOutputStream} over a {@code BufferedOutputStream}
 * wrote each int as four synchronized one-byte writes.
 */
final class Spool implements Closeable {
    private static final int NULL = 0;
    private static final int TEXT = 1;
    private static final int INT = 2;
    private static final int BOOL = 3;
    private static final int BYTES = 4;
    private static final int BUFFER = 1 << 16;

    private final Path file;
    private final FileChannel channel;
    private final ByteBuffer buf = ByteBuffer.allocate(BUFFER);
    private long rows;

    Spool(Path file) throws IOException {
        this.file = file;
        this.channel = FileChannel.open(
                file,
                StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.READ,
                StandardOpenOption.WRITE);
    }

    /** Appends one row. */
    void write(Object[] row) throws IOException {
        room(2);
        buf.putShort((short) row.length);
        for (Object v : row) {
            room(5);
            if (v == null) {
                buf.put((byte) NULL);
            } else if (v instanceof String str) {
                bytes(TEXT, str.getBytes(StandardCharsets.UTF_8));
            } else if (v instanceof Integer n) {
                buf.put((byte) INT).putInt(n);
            } else if (v instanceof Boolean b) {
                buf.put((byte) BOOL).put((byte) (b ? 1 : 0));
            } else if (v instanceof byte[] bytes) {
                bytes(BYTES, bytes);
            } else {
                throw new IllegalArgumentException(
                        "cannot spool a " + v.getClass().getSimpleName());
            }
        }
        rows++;
    }

    private void bytes(int tag, byte[] b) throws IOException {
        buf.put((byte) tag).putInt(b.length);
        int done = 0;
        while (done < b.length) {
            if (!buf.hasRemaining()) {
                drain();
            }
            int n = Math.min(buf.remaining(), b.length - done);
            buf.put(b, done, n);
            done += n;
        }
    }

    /** Makes room for {@code n} (at most the buffer's size) more bytes. */
    private void room(int n) throws IOException {
        if (buf.remaining() < n) {
            drain();
        }
    }

    private void drain() throws IOException {
        buf.flip();
        while (buf.hasRemaining()) {
            channel.write(buf);
        }
        buf.clear();
    }

    long rows() {
        return rows;
    }

    /** Reads every row back, in the order written. Call once, after the last {@link #write}. */
    void forEach(RowConsumer each) throws IOException {
        drain();
        channel.position(0);
        buf.limit(0);
        while (true) {
            if (!fill(2, true)) {
                return;
            }
            Object[] row = new Object[buf.getShort()];
            for (int k = 0; k < row.length; k++) {
                fill(1, false);
                int tag = buf.get();
                row[k] = switch (tag) {
                    case NULL -> null;
                    case TEXT -> new String(read(), StandardCharsets.UTF_8);
                    case INT -> {
                        fill(4, false);
                        yield buf.getInt();
                    }
                    case BOOL -> {
                        fill(1, false);
                        yield buf.get() != 0;
                    }
                    case BYTES -> read();
                    default -> throw new IOException("corrupt spool " + file.getFileName());
                };
            }
            each.accept(row);
        }
    }

    private byte[] read() throws IOException {
        fill(4, false);
        byte[] b = new byte[buf.getInt()];
        int done = 0;
        while (done < b.length) {
            fill(1, false);
            int n = Math.min(buf.remaining(), b.length - done);
            buf.get(b, done, n);
            done += n;
        }
        return b;
    }

    /** Makes {@code n} bytes readable; false at a clean end of file when {@code endOk}. */
    private boolean fill(int n, boolean endOk) throws IOException {
        if (buf.remaining() >= n) {
            return true;
        }
        buf.compact();
        while (buf.position() < n) {
            if (channel.read(buf) < 0) {
                if (endOk && buf.position() == 0) {
                    buf.flip();
                    return false;
                }
                throw new EOFException("spool " + file.getFileName() + " ends inside a row");
            }
        }
        buf.flip();
        return true;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @FunctionalInterface
    interface RowConsumer {
        void accept(Object[] row) throws IOException;
    }
}
