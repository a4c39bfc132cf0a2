package org.conflictmap.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's own error page, for requests it refuses before Spring sees them (an encoded slash or NUL
 * in the path, a malformed request line), as {@code application/problem+json} instead of HTML, with
 * no server details. Registered by {@link TomcatErrors}.
 */
public class ProblemErrorReportValve extends ErrorReportValve {
    public ProblemErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String reason = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
        String title = reason == null || reason.startsWith("http.") ? "Error" : reason;
        String detail = status == 400 ? "the request could not be read (its path or headers are malformed)" : title;
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer w = response.getReporter();
            if (w != null) {
                w.write("{\"type\":\"about:blank\",\"title\":\"" + title.replace("\"", "'") + "\",\"status\":" + status
                        + ",\"detail\":\"" + detail + "\"}");
                w.flush();
            }
        } catch (IOException | IllegalStateException e) {
            // the client is gone or the response is committed; nothing more to say
        }
    }
}
