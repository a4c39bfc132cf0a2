package org.conflictmap.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.mvstore.MVStoreException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * An embedded store file that H2 cannot open (a crash in the middle of a write, a full disk, a
 * truncated copy) becomes one message at start-up, what happened and the command that recovers it,
 * instead of "Application run failed" and 200 lines of stack trace on every start. First of the
 * analyzers: the same failure also reaches StoreFailureAnalyzer, whose "cannot be reached" would mislead.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
class DamagedStoreFailureAnalyzer implements FailureAnalyzer {
    private final Environment environment;

    public DamagedStoreFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        String reason = null;
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof MVStoreException
                    || t instanceof SQLException e && e.getErrorCode() == ErrorCode.FILE_CORRUPTED_1) {
                reason = firstLine(t.getMessage());
                break;
            }
        }
        if (reason == null) {
            return null;
        }
        Path dir = Path.of(environment.getProperty("conflictmap.store.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
        return new FailureAnalysis(
                "The embedded store " + dir.resolve(RecoverCommand.FILE) + " is damaged and cannot be" + " opened (H2: "
                        + reason + "). The server has not changed it.",
                "Stop every server on this directory, then run\n\n    java -jar conflict-map-server.jar recover --data-dir "
                        + dir
                        + "\n\nIt moves the damaged file aside (kept, never deleted), rebuilds the store from every"
                        + " row H2's recovery tool can read and says how many incidents it kept; then start the server"
                        + " again. README, Operations, has the details.",
                failure);
    }

    /** The first line of an H2 message, at most 200 characters and without the stack of causes H2 appends. */
    static String firstLine(String message) {
        if (message == null) {
            return "no reason given";
        }
        String line = message.lines().findFirst().orElse("").strip();
        int cut = line.indexOf(", chunk ");
        if (cut > 0) {
            line = line.substring(0, cut);
        }
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
