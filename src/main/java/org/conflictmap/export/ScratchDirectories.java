package org.conflictmap.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The temporary directories of exports that need every row before their first byte (Shapefile,
 * GeoPackage, FlatGeobuf). Each is named for the process that made it,
 * {@code conflictmap-export-<pid>-…}, and deleted when its download ends, however it ends. A process
 * that is killed mid-export (or stopped while one runs) cannot delete its own: at start-up the server
 * deletes every such directory whose process is gone. Directories of live processes — another server
 * sharing {@code /tmp} — are left alone.
 */
@Component
class ScratchDirectories {
    static final String PREFIX = "conflictmap-export-";
    private static final Pattern OWNED = Pattern.compile(Pattern.quote(PREFIX) + "(\\d+)-.*");
    /** A directory from before the names carried a pid is left only this long (no export runs for a day). */
    private static final Duration UNOWNED_AGE = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(ScratchDirectories.class);

    ScratchDirectories() {
        int removed = sweep(Path.of(System.getProperty("java.io.tmpdir")));
        if (removed > 0) {
            log.info("Removed {} scratch directories left by interrupted exports", removed);
        }
    }

    /** Work on files that need every row before their first byte. */
    @FunctionalInterface
    interface Work {
        void in(Path dir) throws IOException, SQLException;
    }

    /** Runs {@code work} in a new scratch directory, deleted after however the work ends. */
    static void within(Work work) throws IOException {
        Path dir = create();
        try {
            work.in(dir);
        } catch (SQLException e) {
            throw new IOException("export failed", e);
        } finally {
            delete(dir);
        }
    }

    /** A new scratch directory of this process. */
    static Path create() throws IOException {
        return Files.createTempDirectory(PREFIX + ProcessHandle.current().pid() + "-");
    }

    /** Deletes a scratch directory and everything in it; true when nothing is left. */
    static boolean delete(Path dir) {
        try {
            FileSystemUtils.deleteRecursively(dir);
        } catch (IOException e) {
            // a file still being written (a second export thread): try once more below
        }
        if (Files.exists(dir)) {
            try {
                FileSystemUtils.deleteRecursively(dir);
            } catch (IOException e) {
                log.warn(
                        "Could not delete the export scratch directory {}: {}",
                        dir,
                        e.getClass().getSimpleName());
            }
        }
        return !Files.exists(dir);
    }

    /** Deletes the scratch directories under {@code tmp} whose process is gone; how many. */
    static int sweep(Path tmp) {
        int removed = 0;
        try (Stream<Path> all = Files.list(tmp)) {
            for (Path dir :
                    (Iterable<Path>) all.filter(p -> p.getFileName().toString().startsWith(PREFIX))::iterator) {
                if (Files.isDirectory(dir) && abandoned(dir) && delete(dir)) {
                    removed++;
                }
            }
        } catch (IOException | RuntimeException e) {
            log.warn(
                    "Could not look for abandoned export scratch directories in {}: {}",
                    tmp,
                    e.getClass().getSimpleName());
        }
        return removed;
    }

    private static boolean abandoned(Path dir) throws IOException {
        Matcher m = OWNED.matcher(dir.getFileName().toString());
        if (m.matches()) {
            long pid = Long.parseLong(m.group(1));
            return pid != ProcessHandle.current().pid()
                    && ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        }
        FileTime modified = Files.getLastModifiedTime(dir);
        return modified.toInstant().isBefore(Instant.now().minus(UNOWNED_AGE));
    }
}
