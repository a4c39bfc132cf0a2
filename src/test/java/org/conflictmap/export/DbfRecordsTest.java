package org.conflictmap.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.channels.Channels;
import java.nio.charset.StandardCharsets;
import org.h2gis.functions.io.dbf.internal.DbaseFileHeader;
import org.h2gis.functions.io.dbf.internal.DbaseFileWriter;
import org.junit.jupiter.api.Test;

/** The export's dBase records are the bytes H2GIS's own writer makes for the same header and rows. */
class DbfRecordsTest {
    private static DbaseFileHeader header(int records) throws Exception {
        DbaseFileHeader h = new DbaseFileHeader();
        h.setEncoding("UTF-8");
        h.addColumn("id", 'C', 12, 0);
        h.addColumn("kill_min", 'N', 9, 0);
        h.addColumn("contested", 'L', 1, 0);
        h.addColumn("places", 'C', 20, 0);
        h.setNumRecords(records);
        return h;
    }

    private static String pad(String s, int bytes) {
        return s + " ".repeat(bytes - s.getBytes(StandardCharsets.UTF_8).length);
    }

    @Test
    void recordsAreWhatH2gisWrites() throws Exception {
        Object[][] rows = {
            {pad("e1", 12), 70, Boolean.TRUE, pad("Kunar; کونړ", 20)},
            {pad("e2", 12), null, Boolean.FALSE, null},
            {pad("e3-long-id12", 12), -5, null, pad("", 20)},
            {pad("e4", 12), 123_456_789, Boolean.TRUE, "not padded"}, // both pad a shorter text
            {null, 0, Boolean.FALSE, pad("Torkham", 20)},
        };
        ByteArrayOutputStream h2gis = new ByteArrayOutputStream();
        DbaseFileWriter w = new DbaseFileWriter(header(rows.length), Channels.newChannel(h2gis));
        for (Object[] r : rows) {
            w.write(r.clone());
        }
        w.close();
        ByteArrayOutputStream ours = new ByteArrayOutputStream();
        try (DbfRecords d = new DbfRecords(header(rows.length), ours)) {
            for (Object[] r : rows) {
                d.write(r.clone());
            }
        }
        byte[] expected = h2gis.toByteArray();
        byte[] actual = ours.toByteArray();
        // the header's last-update year counts from 1900 (H2GIS writes two digits: GDAL reads 1926)
        assertThat(actual[1]).isEqualTo((byte) (java.time.LocalDate.now().getYear() - 1900));
        actual[1] = expected[1];
        assertThat(actual).isEqualTo(expected);
    }

    @Test
    void aTextWiderThanItsFieldIsRefused() throws Exception {
        try (DbfRecords d = new DbfRecords(header(1), new ByteArrayOutputStream())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> d.write(new Object[] {"thirteen-char", 1, true, null}))
                    .isInstanceOf(IllegalStateException.class);
        }
    }
}
