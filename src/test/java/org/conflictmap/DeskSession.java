package org.conflictmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

/** A signed-in desk session (its cookie and CSRF token) and the requests made with it. */
public record DeskSession(Http http, String cookie, String csrf) {

    /** Signs {@code name} in with {@code password} through {@code POST /api/session}, which must answer 200. */
    public static DeskSession signIn(Http http, String name, String password) {
        Http.Response r = http.send(
                "POST",
                "/api/session",
                "{\"name\": \"" + name + "\", \"password\": \"" + password + "\"}",
                "Content-Type",
                "application/json");
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        String cookie = r.header("Set-Cookie");
        return new DeskSession(
                http,
                cookie.substring(0, cookie.indexOf(';')),
                r.json().get("csrf").asString());
    }

    /** {@code GET path} with the session's cookie. */
    public Http.Response get(String path) {
        return http.get(path, "Cookie", cookie);
    }

    /** {@code method path} with the cookie and the CSRF token, and a JSON body (null: none). */
    public Http.Response send(String method, String path, String body) {
        List<String> headers = new ArrayList<>();
        if (body != null) {
            headers.addAll(List.of("Content-Type", "application/json"));
        }
        headers.addAll(List.of("Cookie", cookie, "X-CSRF-Token", csrf));
        return http.send(method, path, body, headers.toArray(String[]::new));
    }
}
