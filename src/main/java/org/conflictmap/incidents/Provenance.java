package org.conflictmap.incidents;

import java.util.List;
import java.util.Map;

/**
 * Where an incident's fields and claims came from, for editors: the ingest knows (its articles and the
 * sentence offsets each field was read from) and implements this, so this package need not depend on it.
 */
public interface Provenance {
    /** The ingest's spans of the incident: {@code [{article, field, start, end}]}, offsets into the article's text. */
    List<Map<String, Object>> spans(String incidentId);

    /** The ids of the articles the incident was made from. */
    List<String> articles(String incidentId);
}
