package org.conflictmap.gazetteer;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The gazetteer's source files.
 *
 * @param location     where the geodata files are, as a Spring resource location (default
 *                     {@code classpath:geodata/}: the project's {@code geodata/} folder, built into the
 *                     jar; {@code file:/some/dir/} reads a folder instead; env {@code CONFLICTMAP_GAZETTEER_LOCATION})
 * @param loadOnStartup load (or re-load, when a file changed) at start-up (default true)
 */
@ConfigurationProperties("conflictmap.gazetteer")
public record GazetteerProperties(
        @DefaultValue("classpath:geodata/") String location,
        @DefaultValue("true") boolean loadOnStartup) {
    public GazetteerProperties {
        if (!location.endsWith("/")) {
            location = location + "/";
        }
    }
}
