package org.conflictmap.store;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the data lives.
 *
 * <p>With no {@code spring.datasource.url} the server runs on the embedded H2GIS store, a file
 * database under {@code dataDir} (default {@code ./data}, env {@code CONFLICTMAP_DATA_DIR}). With the
 * {@code postgis} profile or a {@code jdbc:postgresql:} URL it runs on PostGIS.
 *
 * @param dataDir directory of the embedded store's files (default {@code ./data})
 */
@ConfigurationProperties("conflictmap.store")
public record StoreProperties(@DefaultValue("./data") Path dataDir) {
}
