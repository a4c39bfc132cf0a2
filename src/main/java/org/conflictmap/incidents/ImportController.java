package org.conflictmap.incidents;

import jakarta.servlet.http.HttpServletRequest;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.conflictmap.security.Editors;
import org.conflictmap.security.EditorsOnly;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Bodies;
import org.conflictmap.web.Params;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/import?atomic=true|false}: an ACLED-style CSV body ({@code text/csv}, editor token),
 * the same import as the {@code import} command line. Answers with the report; an atomic import with
 * any bad row, or a file with no good row, is a 400 that changed nothing.
 */
@RestController
@EditorsOnly
class ImportController {
    private final AcledImport importer;
    private final Editors editors;
    private final IncidentsProperties properties;

    ImportController(AcledImport importer, Editors editors, IncidentsProperties properties) {
        this.importer = importer;
        this.editors = editors;
        this.properties = properties;
    }

    @PostMapping(value = "/api/import", produces = "application/json")
    AcledImport.Report importCsv(HttpServletRequest request) throws IOException {
        String editor = editors.of(request);
        Params.onlyKnown(request.getParameterMap(), Set.of("atomic"));
        boolean atomic = Boolean.TRUE.equals(Params.bool("atomic", request.getParameter("atomic")));
        Bodies.requireType(request, "send the ACLED export as text/csv", "text/csv", "application/csv");
        if (request.getContentLengthLong() > properties.maxImportBytes()) {
            throw Bodies.tooLarge(
                    properties.maxImportBytes(), "conflictmap.incidents.max-import-bytes; use the import command");
        }
        AcledImport.Report report = importer.run(
                new InputStreamReader(
                        new LimitedInputStream(request.getInputStream(), properties.maxImportBytes()),
                        StandardCharsets.UTF_8),
                atomic,
                editor);
        if (report.imported() == 0 && report.rejected() > 0) {
            throw ApiProblem.invalid(
                    "no row could be imported; the first problem: line "
                            + report.errors().get(0).line() + " "
                            + report.errors().get(0).field() + ": "
                            + report.errors().get(0).message(),
                    report.errors().stream()
                            .limit(100)
                            .map(e -> new ApiProblem.FieldError("line " + e.line() + " " + e.field(), e.message()))
                            .toList());
        }
        return report;
    }

    /** Stops reading past the limit (a body without Content-Length) with a 413. */
    static final class LimitedInputStream extends FilterInputStream {
        private long left;
        private final long limit;

        LimitedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, (int) Math.min(len, left + 1));
            if (n > 0) {
                left -= n;
                if (left < 0) {
                    throw Bodies.tooLarge(limit, "conflictmap.incidents.max-import-bytes");
                }
            }
            return n;
        }
    }
}
