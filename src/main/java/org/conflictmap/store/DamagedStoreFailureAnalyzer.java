package org.conflictmap.store;

import java.nio.file.Path;
import java.sql.SQLException;
import org.h2.api.ErrorCode;
import org.h2.mvstore.DataUtils;
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
        if (locked(failure)) {
            Path file = null;
            for (Throwable t = failure; t != null && file == null && t.getCause() != t; t = t.getCause()) {
                file = t instanceof StoreInUse early ? early.file() : null;
            }
            if (file == null) {
                file = dataDir().resolve(RecoverCommand.FILE);
            }
            return new FailureAnalysis(
                    "The embedded store " + file
                            + " is in use by another process (another server on this directory?). The server"
                            + " has not changed it.",
                    "Stop the other process, or give this server a directory of its own"
                            + " (--conflictmap.store.data-dir or CONFLICTMAP_DATA_DIR). The file is not damaged:"
                            + " do not run recover on it.",
                    failure);
        }
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
        Path dir = dataDir();
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

    private Path dataDir() {
        return Path.of(environment.getProperty("conflictmap.store.data-dir", "./data"))
                .toAbsolutePath()
                .normalize();
    }

    /**
     * H2's refusal of a file another process holds open ({@code The file is locked}, MVStore error 7, or the
     * database's "already in use", 90020), or {@link StoreInUse}'s before the start: nothing is wrong with the file, and recovering it would move it away
     * under the process that writes it. Anywhere in the chain of causes.
     */
    static boolean locked(Throwable failure) {
        for (Throwable t = failure; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof StoreInUse
                    || t instanceof MVStoreException m && m.getErrorCode() == DataUtils.ERROR_FILE_LOCKED
                    || t instanceof SQLException e && e.getErrorCode() == ErrorCode.DATABASE_ALREADY_OPEN_1) {
                return true;
            }
        }
        return false;
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
