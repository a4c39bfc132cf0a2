package org.conflictmap.incidents;

/**
 * Published inside the transaction of a merge or split, so that features holding links to incidents
 * (the ingest's article links) follow: after a merge {@code from}'s links move to {@code into}; after
 * a split {@code into} (the new incident) gets {@code from}'s links too.
 */
public record IncidentsRegrouped(String from, String into, boolean merged) {
}
