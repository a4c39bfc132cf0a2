package org.conflictmap.incidents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The incident dataset that ships with the server.
 *
 * @param dataset          where the dataset's JSON files are (default {@code classpath:geodata/incidents/};
 *                         {@code file:/dir/} for a folder); every {@code *.json} there is an array of incidents
 * @param loadOnStartup    load the dataset when its files changed since the last load (default true)
 * @param importBatchSize  rows per batch in a CSV import (default 2000); the batches commit together
 * @param maxImportBytes   the largest CSV {@code POST /api/import} accepts (default 64 MiB)
 */
@ConfigurationProperties("conflictmap.incidents")
record IncidentsProperties(
        @DefaultValue("classpath:geodata/incidents/") String dataset,
        @DefaultValue("true") boolean loadOnStartup,
        @DefaultValue("2000") int importBatchSize,
        @DefaultValue("67108864") long maxImportBytes) {
    IncidentsProperties {
        if (!dataset.endsWith("/")) {
            dataset = dataset + "/";
        }
        if (importBatchSize < 1 || importBatchSize > 100_000) {
            throw new IllegalArgumentException("conflictmap.incidents.import-batch-size must be 1..100000");
        }
    }
}
