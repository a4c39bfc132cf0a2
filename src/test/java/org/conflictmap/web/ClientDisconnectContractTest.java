package org.conflictmap.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * D4 (docs/QA.md): a client that goes away in the middle of an answer is no failure of the server. Its
 * log says so in one DEBUG line and nothing at WARN or ERROR: it was a WARN with the exception's message
 * ("Response already committed. Ignoring: …HttpMessageNotWritableException: … Broken pipe"). The client
 * here reads the start of a large answer (the places with their geometries, 3.4 MB) and resets the
 * connection.
 */
class ClientDisconnectContractTest {
    @Nested
    @OnH2gis
    class Embedded extends Contract {}

    @Nested
    @OnPostgis
    class Postgis extends Contract {}

    @ExtendWith(OutputCaptureExtension.class)
    abstract static class Contract {
        static final String HANDLER = ProblemHandler.class.getName();

        @LocalServerPort
        int port;

        @Autowired
        LoggingSystem logging;

        @AfterEach
        void quiet() {
            logging.setLogLevel(HANDLER, null);
        }

        @Test
        void aClientThatGoesAwayMidAnswerLogsNoWarning(CapturedOutput output) throws Exception {
            logging.setLogLevel(HANDLER, LogLevel.DEBUG);
            for (String path : List.of("/api/places?limit=2000")) {
                int before = output.getAll().length();
                try (Socket s = new Socket()) {
                    s.setReceiveBufferSize(4096);
                    s.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
                    s.setSoTimeout(120_000);
                    OutputStream out = s.getOutputStream();
                    out.write(("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: */*\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = s.getInputStream();
                    byte[] head = in.readNBytes(12);
                    assertThat(new String(head, StandardCharsets.US_ASCII))
                            .as(path)
                            .startsWith("HTTP/1.1 200");
                    s.setSoLinger(true, 0); // close with a reset, as a killed browser does
                }
                long until = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                while (!output.getAll().substring(before).contains("client gone on GET") && System.nanoTime() < until) {
                    Thread.sleep(200);
                }
                String log = output.getAll().substring(before);
                assertThat(log).as(path + ": the disconnect is logged at DEBUG").contains("client gone on GET");
                for (String line : log.lines().toList()) {
                    if (line.contains(" WARN ") || line.contains(" ERROR ")) {
                        assertThat(line)
                                .as(path)
                                .doesNotContainIgnoringCase("broken pipe")
                                .doesNotContainIgnoringCase("connection reset")
                                .doesNotContain("committed", "ClientAbort", "NotWritable");
                    }
                }
            }
        }
    }
}
