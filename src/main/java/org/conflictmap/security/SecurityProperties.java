package org.conflictmap.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may write. {@code conflictmap.security.editor-tokens}: a list of {@code name:token} (or bare
 * {@code token}, named "editor"); the environment variable {@code CONFLICTMAP_EDITOR_TOKEN} adds one
 * more. With no token configured every write is refused (401): the server is read-only.
 *
 * @param editorTokens    the editors' bearer tokens (default: none)
 * @param maxBodyBytes    the largest JSON body an editor may send (default 1 MiB; a CSV import has its own limit)
 */
@ConfigurationProperties("conflictmap.security")
record SecurityProperties(@DefaultValue("") List<String> editorTokens, @DefaultValue("1048576") int maxBodyBytes) {
    SecurityProperties {
        editorTokens = editorTokens == null ? List.of() : editorTokens.stream().filter(t -> !t.isBlank()).toList();
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("conflictmap.security.max-body-bytes must be at least 1024");
        }
    }
}
