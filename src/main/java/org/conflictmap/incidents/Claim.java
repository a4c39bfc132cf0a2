package org.conflictmap.incidents;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What one claimant says about an incident. Figures are the claimant's, for one {@code side}; any
 * figure may be null (not stated). Claims are never merged or averaged.
 *
 * @param claimant   who said it, e.g. "Afghan Ministry of National Defence"
 * @param party      {@link Vocabulary#PARTIES}
 * @param side       whose losses the figures state, {@link Vocabulary#SIDES}
 * @param statement  what the claimant stated (the ingest: its source sentences from the article)
 * @param statedAt   the day the claim was made, when known
 * @param sources    ids of the incident's {@link Source}s that carried it (at least one)
 */
public record Claim(
        String claimant,
        String party,
        String side,
        Integer killed,
        Integer wounded,
        Integer captured,
        Integer postsCaptured,
        Integer postsDestroyed,
        Integer aircraftDowned,
        String statement,
        LocalDate statedAt,
        List<String> sources) {

    public Claim {
        if (claimant == null || claimant.isBlank()) {
            throw new IllegalArgumentException("a claim needs a claimant");
        }
        if (!Vocabulary.in(Vocabulary.PARTIES, party)) {
            throw new IllegalArgumentException("unknown party " + party);
        }
        if (!Vocabulary.in(Vocabulary.SIDES, side)) {
            throw new IllegalArgumentException("unknown side " + side);
        }
        for (Integer n : new Integer[] {killed, wounded, captured, postsCaptured, postsDestroyed, aircraftDowned}) {
            if (n != null && n < 0) {
                throw new IllegalArgumentException("figures cannot be negative");
            }
        }
        sources = List.copyOf(Objects.requireNonNull(sources, "sources"));
    }
}
