package org.conflictmap.incidents;

/**
 * Published inside the transaction that moved claim {@code claim} of {@code from} to {@code into}, where it is
 * claim {@code as}: features that point at claims by index (the ingest's provenance) or link incidents to
 * their articles follow.
 */
public record ClaimMoved(String from, int claim, String into, int as) {}
