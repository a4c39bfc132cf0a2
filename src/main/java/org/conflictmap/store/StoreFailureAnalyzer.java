package org.conflictmap.store;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a store that cannot start into a short message at start-up instead of a stack trace. */
class StoreFailureAnalyzer extends AbstractFailureAnalyzer<StoreUnavailableException> {
    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, StoreUnavailableException cause) {
        return new FailureAnalysis(
                "The store is not usable: " + cause.getMessage(),
                "Run on the embedded store (no datasource configured), or make PostGIS available with"
                        + " scripts/setup-postgis and point spring.datasource.url (env CONFLICTMAP_DB_URL) at it.",
                cause);
    }
}
