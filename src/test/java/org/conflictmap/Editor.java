package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/**
 * The test editor's writes through the API ({@link TestStores#EDITOR_AUTH}, JSON bodies): the set-up that the
 * contract tests run again and again (create an incident, change or publish it with its ETag, delete it).
 */
public final class Editor {
    private final Http http;

    public Editor(Http http) {
        this.http = http;
    }

    /** {@code "n"}: the ETag of an incident's version {@code n}, for If-Match. */
    public static String version(int n) {
        return "\"" + n + "\"";
    }

    /** {@code method path} as the editor, with a JSON body (null: none), without If-Match. */
    public Http.Response send(String method, String path, String body) {
        return send(method, path, "application/json", body, null);
    }

    /** {@code method path} as the editor, with a JSON body (null: none) and If-Match {@code ifMatch}. */
    public Http.Response send(String method, String path, String body, String ifMatch) {
        return send(method, path, "application/json", body, ifMatch);
    }

    /** {@code PATCH path} as the editor with an {@code application/merge-patch+json} body. */
    public Http.Response mergePatch(String path, String body, String ifMatch) {
        return send("PATCH", path, "application/merge-patch+json", body, ifMatch);
    }

    /** {@code POST /api/incidents} with {@code body}, which must answer 201. */
    public Http.Response created(String body) {
        Http.Response r = send("POST", "/api/incidents", body);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r;
    }

    private Http.Response send(String method, String path, String contentType, String body, String ifMatch) {
        List<String> headers = new ArrayList<>();
        if (body != null) {
            headers.addAll(List.of("Content-Type", contentType));
        }
        headers.addAll(List.of("Authorization", TestStores.EDITOR_AUTH));
        if (ifMatch != null) {
            headers.addAll(List.of("If-Match", ifMatch));
        }
        return http.send(method, path, body, headers.toArray(String[]::new));
    }
}
