package org.conflictmap.overload;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;

/**
 * Ends the process when it runs out of memory, so that its supervisor (systemd, Docker's restart
 * policy, Kubernetes) starts a healthy one, for a {@code java -jar} started without
 * {@code -XX:+ExitOnOutOfMemoryError} (every start this project writes has the flag). After an
 * OutOfMemoryError a JVM is not to be trusted: in issue 18 one killed Tomcat's poller and Hikari's
 * housekeeper, and the process stayed up, accepted connections and never answered again. The guard
 * sees the error where it can surface: a thread that dies of it (the default uncaught-exception
 * handler), a request whose handling met it (Spring turned it into a 500), and the embedded store's own
 * "out of memory" (H2 error 90108, after which H2 closes the database). It halts with status 3, as the
 * JVM flag does, after one line on standard error; it allocates nothing on the way.
 */
@Component
class OutOfMemoryGuard implements HandlerExceptionResolver, Ordered {
    /** The exit status, as {@code -XX:+ExitOnOutOfMemoryError}'s. */
    static final int STATUS = 3;
    /** H2's ErrorCode.OUT_OF_MEMORY. */
    static final int H2_OUT_OF_MEMORY = 90108;

    private static final String MESSAGE =
            "OutOfMemoryError: the server stops (status 3) so that its supervisor starts it "
                    + "again (conflictmap.overload.exit-on-out-of-memory)";

    private final boolean enabled;

    OutOfMemoryGuard(OverloadProperties properties) {
        this.enabled = properties.exitOnOutOfMemory();
        if (enabled) {
            Thread.UncaughtExceptionHandler before = Thread.getDefaultUncaughtExceptionHandler();
            Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
                if (outOfMemory(e)) {
                    halt();
                }
                if (before != null) {
                    before.uncaughtException(t, e);
                } else {
                    t.getThreadGroup().uncaughtException(t, e);
                }
            });
        }
    }

    /** Whether the error is, or was caused by, running out of memory (the Java heap or the embedded store's). */
    static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError || t instanceof SQLException s && s.getErrorCode() == H2_OUT_OF_MEMORY) {
                return true;
            }
        }
        return false;
    }

    private static void halt() {
        System.err.println(MESSAGE);
        System.err.flush();
        Runtime.getRuntime().halt(STATUS);
    }

    @Override
    public ModelAndView resolveException(
            HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (enabled && outOfMemory(ex)) {
            halt();
        }
        return null;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
