package org.conflictmap.web;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Request bodies read with a size limit (413) and a content-type check (415), for every write endpoint. */
public final class Bodies {
    private Bodies() {}

    /** Fails with 415 unless the request's content type starts with one of {@code types}; {@code hint} says what to send. */
    public static String requireType(HttpServletRequest r, String hint, String... types) {
        String type = r.getContentType() == null ? "" : r.getContentType().toLowerCase(Locale.ROOT);
        for (String t : types) {
            if (type.startsWith(t)) {
                return type;
            }
        }
        throw new ApiProblem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", hint, List.of());
    }

    /** At most {@code max} bytes of the body; more (announced or sent) is a 413 naming {@code setting}. */
    public static byte[] bytes(HttpServletRequest r, long max, String setting) {
        if (r.getContentLengthLong() > max) {
            throw tooLarge(max, setting);
        }
        try (InputStream in = r.getInputStream()) {
            byte[] b = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
            if (b.length > max) {
                throw tooLarge(max, setting);
            }
            return b;
        } catch (IOException e) {
            throw ApiProblem.badRequest("the request body could not be read");
        }
    }

    /**
     * The body as JSON (within {@code max} bytes); malformed JSON is a 400, and so is an object that names a key
     * twice ({@code {"title": "A", "title": "B"}}): it was stored with the last one, so a reviewer reading the
     * first saw something else than what was written.
     */
    public static JsonNode json(HttpServletRequest r, ObjectMapper json, long max, String setting) {
        byte[] b = bytes(r, max, setting);
        try {
            return json.reader()
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                    .readTree(new String(b, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            String m = e.getOriginalMessage();
            throw ApiProblem.badRequest(
                    m != null && m.startsWith("Duplicate Object property")
                            ? "the body is not valid JSON here: an object names the same key twice"
                            : "the body is not valid JSON");
        }
    }

    public static ApiProblem tooLarge(long max, String setting) {
        return new ApiProblem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Payload too large",
                "the body is larger than " + max + " bytes" + (setting == null ? "" : " (" + setting + ")"),
                List.of());
    }
}
