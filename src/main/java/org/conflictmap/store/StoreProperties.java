package org.conflictmap.store;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * <p>With no {@code spring.datasource.url} the server runs on the embedded H2GIS store, a file
 * database under {@code dataDir} (default {@code ./data}, env {@code CONFLICTMAP_DATA_DIR}). With the
 * {@code postgis} profile or a {@code jdbc:postgresql:} URL it runs on PostGIS.
 *
 * @param dataDir       directory of the embedded store's files (default {@code ./data})
 * @param versionMaxAge how long a data version read from the store answers requests, and (a little
 *                      more) how long every write waits after its commit before it answers (default
 *                      {@code 50ms}, at most 10 s): so no replica answers from a version older than a
 *                      write that has answered. Give every process on one store the same value; 0 reads
 *                      the version for every request and writes do not wait
 */
@ConfigurationProperties("conflictmap.store")
public record StoreProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("50ms") Duration versionMaxAge) {
    public StoreProperties {
        if (versionMaxAge.isNegative() || versionMaxAge.compareTo(Duration.ofSeconds(10)) > 0) {
            throw new IllegalArgumentException(
                    "conflictmap.store.version-max-age must be between 0 and 10s, not " + versionMaxAge);
        }
    }
}
