package org.conflictmap.incidents;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.conflictmap.web.ApiProblem;
import org.conflictmap.web.Params;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The {@code If-Match} every change of an existing incident must carry (RFC 9110 §13.1.1): the incident's
 * ETag as the editor last read it ({@code "3"}), or {@code *} for "whatever is stored now". Without it an
 * editor's change would silently overwrite one made meanwhile, so a write without it is refused with 428
 * (RFC 6585) and changes nothing.
 *
 * @param version the version the editor changed; null for {@code *}
 */
public record IfMatch(Integer version) {
    public IfMatch {
        if (version != null && version < 1) {
            throw new IllegalArgumentException("incident versions start at 1");
        }
    }

    /** The request's If-Match for a change of incident {@code id}: 428 when missing, 400 when not one ETag. */
    public static IfMatch required(HttpServletRequest request, String id) {
        return required(request, id, "/api/incidents/" + id);
    }

    /**
     * The same, for a change sent to another address of the incident: the 428 names {@code readAt}, the
     * path whose GET gives the ETag (on {@code /ogc} the OGC item, not {@code /api/incidents}).
     */
    public static IfMatch required(HttpServletRequest request, String id, String readAt) {
        String h = request.getHeader(HttpHeaders.IF_MATCH);
        if (h == null || h.isBlank()) {
            throw new ApiProblem(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "Precondition required",
                    "send If-Match with the "
                            + "ETag of the incident as you read it (GET " + readAt + " answers with it, e.g. \"3\"), "
                            + "so that a change made meanwhile is not overwritten; If-Match: * changes whatever is stored",
                    List.of());
        }
        String tag = h.strip();
        if (tag.equals("*")) {
            return new IfMatch(null);
        }
        // a weak tag names the same version (this server's incident ETags are its versions); quotes are optional
        String v = tag.startsWith("W/") ? tag.substring(2) : tag;
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            int version = Integer.parseInt(v);
            if (version >= 1) {
                return new IfMatch(version);
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw Params.invalid("If-Match", "expected one ETag of the incident, e.g. \"3\", or *");
    }
}
