package org.conflictmap.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * A server started on an embedded store that another process holds open (a second server on the same directory)
 * stops before anything else starts: no banner, no web server, no connection pool, so the one message
 * {@link DamagedStoreFailureAnalyzer} gives ("in use by another process … do not run recover") is all it prints,
 * and it ends with {@link #EXIT_CODE}. Before, H2's refusal came out of the connection pool's start, 25 s later
 * under load, after Tomcat's own error line with the whole bean chain and a cancelled-refresh warning, and the
 * process ended with 1 like any other failure.
 *
 * <p>The check takes and at once releases the lock H2 holds on its file ({@link FileChannel#tryLock}): it says
 * nothing about the file's contents, and a process that takes the store between this check and the pool's start
 * still gets the same message from the analyzer. Added by the server's {@code main} only: in a JVM that already has
 * the store open, closing a second channel on the file could release H2's own lock.
 */
public final class StoreInUse extends RuntimeException implements ExitCodeGenerator {
    /** EX_TEMPFAIL (sysexits.h): the store may be free later; a supervisor may tell it from other failures. */
    public static final int EXIT_CODE = 75;

    private final transient Path file;

    private StoreInUse(Path file) {
        super("the embedded store " + file + " is held by another process");
        this.file = file;
    }

    /** The store's file (the analyzer names it: before the context there is no environment to ask). */
    Path file() {
        return file;
    }

    @Override
    public int getExitCode() {
        return EXIT_CODE;
    }

    /** The listener that checks the embedded store before the application starts. */
    public static ApplicationListener<ApplicationEnvironmentPreparedEvent> check() {
        return event -> {
            Path file = embeddedFile(event.getEnvironment());
            if (file != null && heldElsewhere(file)) {
                throw new StoreInUse(file);
            }
        };
    }

    /** The embedded store's file when the server runs on one (not PostGIS, not an in-memory store), else null. */
    static Path embeddedFile(ConfigurableEnvironment environment) {
        String url = environment.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:h2:file:")) {
            return null;
        }
        return Path.of(environment.getProperty("conflictmap.store.data-dir", "./data"))
                .resolve(RecoverCommand.FILE)
                .toAbsolutePath()
                .normalize();
    }

    /** True when another process holds the lock H2 takes on the file; false when it is free, absent or unreadable. */
    static boolean heldElsewhere(Path file) {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException | IOException e) {
            return false; // this JVM holds it, or the file cannot be opened for writing: H2 says what is wrong
        }
    }
}
