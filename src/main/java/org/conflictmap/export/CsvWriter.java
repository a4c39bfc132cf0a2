package org.conflictmap.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.conflictmap.incidents.Queryables;

/**
 * The {@link ExportFormat#CSV} download, RFC 4180: the incidents (ACLED's columns, then every
 * queryable) or, with {@code table=claims}, one row per claim; every cell spreadsheet-safe.
 */
final class CsvWriter {
    private CsvWriter() {}

    static void write(ExportRows rows, OutputStream out) throws IOException {
        boolean claims = rows.claimsTable();
        BufferedWriter w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        List<String> header = new ArrayList<>();
        if (claims) {
            header.addAll(FlatRows.CLAIM_COLUMNS);
        } else {
            header.addAll(FlatRows.ACLED_COLUMNS);
            header.addAll(FlatRows.QUERYABLE_COLUMNS);
        }
        CSVPrinter csv = new CSVPrinter(
                w,
                CSVFormat.RFC4180
                        .builder()
                        .setHeader(header.toArray(String[]::new))
                        .get());
        rows.incidents().forEach(i -> {
            if (claims) {
                for (Object[] row : FlatRows.claims(i)) {
                    csv.printRecord(FlatRows.spreadsheetSafe(Arrays.asList(row)));
                }
            } else {
                List<Object> row = new ArrayList<>(Arrays.asList(FlatRows.acled(i, rows.admin(i))));
                Queryables.ALL.forEach(a -> row.add(FlatRows.value(a, i)));
                csv.printRecord(FlatRows.spreadsheetSafe(row));
            }
        });
        csv.flush();
    }
}
