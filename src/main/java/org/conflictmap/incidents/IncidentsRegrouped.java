package org.conflictmap.incidents;

import java.util.List;

/**
 * Published inside the transaction of a merge or split, so that features holding links to incidents
 * (the ingest's article links and provenance) follow: after a merge {@code from}'s links move to {@code into};
 * after a split {@code into} (the new incident) gets {@code from}'s links too.
 *
 * @param claims for each claim {@code from} had before (by index), its index in {@code into}, or -1 where it
 *        did not go there (a split's claims that stayed)
 * @param kept for each claim {@code from} had before, its index in {@code from} afterwards, or -1 where it
 *        left (every claim after a merge, which deletes {@code from})
 */
public record IncidentsRegrouped(String from, String into, boolean merged, List<Integer> claims, List<Integer> kept) {
    public IncidentsRegrouped {
        claims = List.copyOf(claims);
        kept = List.copyOf(kept);
    }
}
