package org.conflictmap.export;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Calendar;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;

/**
 * A dBase file: H2GIS's header ({@link DbaseFileHeader#writeHeader}) with its last-update year as dBase
 * counts it, years since 1900 (H2GIS writes the last two digits, which GDAL reads as 1926), then the
 * records, written as H2GIS's
 * {@code DbaseFileWriter} writes them, byte for byte, for the three field types the exports use: text
 * (UTF-8, padded with spaces to the field's width; never longer, as the widths are the longest
 * values'), integers (right-aligned digits) and logicals ({@code T}/{@code F}); a null is
 * the field's width of NUL, {@code *} or {@code ?}. H2GIS's writer formats every field through a
 * {@code StringBuffer} and encodes each text twice, then makes one channel write per record: that was
 * most of the Shapefile export's second pass. Here each record is assembled in one array and goes
 * to a buffered stream.
 */
final class DbfRecords implements Closeable {
    private final OutputStream out;
    private final char[] types;
    private final int[] widths;
    private final byte[][] nulls;
    private final byte[] record;

    DbfRecords(DbaseFileHeader header, OutputStream target) throws IOException {
        this.out = new BufferedOutputStream(target, 1 << 16);
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        header.writeHeader(Channels.newChannel(head));
        byte[] h = head.toByteArray();
        h[1] = (byte) (Calendar.getInstance().get(Calendar.YEAR) - 1900);
        out.write(h);
        int n = header.getNumFields();
        types = new char[n];
        widths = new int[n];
        nulls = new byte[n][];
        record = new byte[header.getRecordLength()];
        for (int k = 0; k < n; k++) {
            types[k] = header.getFieldType(k);
            widths[k] = header.getFieldLength(k);
            nulls[k] = new byte[widths[k]];
            Arrays.fill(nulls[k], (byte)
                    switch (types[k]) {
                        case 'C' -> 0;
                        case 'L' -> '?';
                        case 'N' -> '*';
                        default ->
                            throw new IllegalArgumentException("field type " + types[k] + " is not written here");
                    });
        }
    }

    void write(Object[] values) throws IOException {
        if (values.length != types.length) {
            throw new IllegalArgumentException(values.length + " values for " + types.length + " fields");
        }
        record[0] = ' '; // not deleted
        int at = 1;
        for (int k = 0; k < values.length; k++) {
            Object v = values[k];
            int w = widths[k];
            if (v == null) {
                System.arraycopy(nulls[k], 0, record, at, w);
            } else if (types[k] == 'C') {
                byte[] b = v.toString().getBytes(StandardCharsets.UTF_8);
                if (b.length > w) { // the widths are the longest values': a caller's mistake
                    throw new IllegalStateException("a text of " + b.length + " bytes for a field of " + w);
                }
                System.arraycopy(b, 0, record, at, b.length);
                Arrays.fill(record, at + b.length, at + w, (byte) ' ');
            } else if (types[k] == 'L') {
                record[at] = (byte) ((Boolean) v ? 'T' : 'F');
            } else {
                String digits = Long.toString(((Number) v).longValue());
                int n = Math.min(digits.length(), w);
                Arrays.fill(record, at, at + w - n, (byte) ' ');
                digits.getBytes(0, n, record, at + w - n); // ASCII digits and '-'
            }
            at += w;
        }
        out.write(record, 0, at);
    }

    /** Flushes the records and closes the target. */
    @Override
    public void close() throws IOException {
        out.close();
    }
}
