package org.conflictmap.ogcapi;

import java.util.List;
import java.util.Objects;

/**
 * Downloads of a whole collection that another feature offers (the exports do), linked from the
 * collection as {@code enclosure}s. Declared here and implemented there, so that the OGC API names
 * no format and does not depend on the package that depends on it.
 */
public interface Enclosures {
    /** One download: its path under the server's base URL, its media type and a title. */
    record Enclosure(String path, String mediaType, String title) {
        public Enclosure {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(mediaType, "mediaType");
            Objects.requireNonNull(title, "title");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("an enclosure's path starts with '/': " + path);
            }
        }
    }

    /** The downloads of collection {@code id}; none for a collection this provider does not serve. */
    List<Enclosure> of(String collection);
}
