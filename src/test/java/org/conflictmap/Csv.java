package org.conflictmap;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** Reads a CSV download the way a spreadsheet would: RFC 4180, its first row the header (not a record). */
public final class Csv {
    private static final CSVFormat WITH_HEADER =
            CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    private Csv() {}

    /** A parser over a response body (close it; its records stream). */
    public static CSVParser parser(String body) throws IOException {
        return parser(new StringReader(body));
    }

    /** A parser over a downloaded file, read as UTF-8 and streamed (close it). */
    public static CSVParser parser(Path file) throws IOException {
        return parser(Files.newBufferedReader(file, StandardCharsets.UTF_8));
    }

    private static CSVParser parser(Reader in) throws IOException {
        return WITH_HEADER.parse(in);
    }
}
