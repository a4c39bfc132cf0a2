package org.conflictmap.ingest;

import java.util.List;
import java.util.Map;
import org.conflictmap.incidents.Provenance;
import org.springframework.stereotype.Component;

/** The ingest's provenance, as {@code GET /api/incidents/{id}} gives it to editors. */
@Component
class IngestProvenance implements Provenance {
    private final ArticleIngest ingest;

    IngestProvenance(ArticleIngest ingest) {
        this.ingest = ingest;
    }

    @Override
    public List<Map<String, Object>> spans(String incidentId) {
        return ingest.provenance(incidentId);
    }

    @Override
    public List<String> articles(String incidentId) {
        return ingest.articlesOf(incidentId);
    }
}
