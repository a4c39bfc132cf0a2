package org.conflictmap.incidents;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * An incident: where and when something happened, what happened, and what each party claims about
 * it. The claims stay apart; {@link #figures(Function)} and {@link #contested()} only summarise them.
 *
 * @param geometry     the location at its precision: a province polygon for a province-level report
 * @param version      1 on creation, +1 on every write (optimistic concurrency, ETags)
 */
public record Incident(
        String id,
        String title,
        String summary,
        String type,
        String status,
        TimeInterval occurred,
        String geoPrecision,
        List<PlaceRef> places,
        List<String> actors,
        String operation,
        List<String> tags,
        List<Claim> claims,
        List<Source> sources,
        Geometry geometry,
        int version,
        Instant created,
        Instant updated) {

    public static final String ID_PATTERN = "[a-z0-9][a-z0-9-]{0,99}";

    public Incident {
        Objects.requireNonNull(id, "id");
        if (!id.matches(ID_PATTERN)) {
            throw new IllegalArgumentException("incident id must be 1-100 lower-case letters, digits and '-'");
        }
        if (title == null || title.isBlank() || title.length() > 300) {
            throw new IllegalArgumentException("an incident needs a title of 1-300 characters");
        }
        if (summary != null && summary.length() > 4000) {
            throw new IllegalArgumentException("the summary is longer than 4000 characters");
        }
        if (!Vocabulary.in(Vocabulary.TYPES, type)) {
            throw new IllegalArgumentException("unknown type " + type);
        }
        if (!Vocabulary.in(Vocabulary.STATUSES, status)) {
            throw new IllegalArgumentException("unknown status " + status);
        }
        Objects.requireNonNull(occurred, "occurred");
        if (!Vocabulary.in(Vocabulary.GEO_PRECISIONS, geoPrecision)) {
            throw new IllegalArgumentException("unknown geo precision " + geoPrecision);
        }
        if (geometry == null || geometry.isEmpty()) {
            throw new IllegalArgumentException("an incident needs a geometry");
        }
        places = List.copyOf(places);
        actors = List.copyOf(actors);
        tags = List.copyOf(tags);
        claims = List.copyOf(claims);
        sources = List.copyOf(sources);
        Set<String> sourceIds = new HashSet<>();
        for (Source s : sources) {
            if (!sourceIds.add(s.id())) {
                throw new IllegalArgumentException("source id " + s.id() + " appears twice");
            }
        }
        for (Claim c : claims) {
            for (String s : c.sources()) {
                if (!sourceIds.contains(s)) {
                    throw new IllegalArgumentException(
                            "a claim cites source " + s + " that the incident does not list");
                }
            }
        }
        if (version < 0) {
            throw new IllegalArgumentException("version cannot be negative");
        }
    }

    /** A point inside the geometry, for clustering and point-only formats. */
    public Point point() {
        Point p = geometry.getInteriorPoint();
        p.setSRID(4326);
        return p;
    }

    /** The smallest and largest value of one figure over all claims; null when no claim states it. */
    public int[] figures(Function<Claim, Integer> figure) {
        Integer min = null;
        Integer max = null;
        for (Claim c : claims) {
            Integer v = figure.apply(c);
            if (v != null) {
                min = min == null ? v : Math.min(min, v);
                max = max == null ? v : Math.max(max, v);
            }
        }
        return min == null ? null : new int[] {min, max};
    }

    /** The gazetteer names of its places, '; '-separated (a flat column of exports and filters). */
    public String placeNames() {
        return places.stream().map(PlaceRef::name).collect(Collectors.joining("; "));
    }

    /** The gazetteer ids of its places, '; '-separated. */
    public String placeIds() {
        return places.stream().map(PlaceRef::id).collect(Collectors.joining("; "));
    }

    /** The parties that made claims, in claim order, '; '-separated. */
    public String partyNames() {
        return claims.stream().map(Claim::party).distinct().collect(Collectors.joining("; "));
    }

    /** The outlets that carried the claims, '; '-separated. */
    public String sourceOutlets() {
        return sources.stream().map(Source::outlet).distinct().collect(Collectors.joining("; "));
    }

    /** {@code |party|party|} of every claim, in first-seen order. */
    public String partiesKey() {
        StringBuilder b = new StringBuilder("|");
        claims.stream().map(Claim::party).distinct().forEach(p -> b.append(p).append('|'));
        return b.toString();
    }

    /** True when claims of different parties about the same side disagree on a figure. */
    public boolean contested() {
        List<Function<Claim, Integer>> figures =
                List.of(Claim::killed, Claim::wounded, Claim::captured, Claim::postsCaptured, Claim::postsDestroyed);
        for (Claim a : claims) {
            for (Claim b : claims) {
                if (a.party().equals(b.party()) || !a.side().equals(b.side())) {
                    continue;
                }
                for (Function<Claim, Integer> f : figures) {
                    Integer x = f.apply(a);
                    Integer y = f.apply(b);
                    if (x != null && y != null && !x.equals(y)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /** Per side: how many claims, by which parties, and the range of killed and wounded. */
    public Map<String, SideSummary> claimsBySide() {
        Map<String, List<Claim>> bySide = new LinkedHashMap<>();
        for (Claim c : claims) {
            bySide.computeIfAbsent(c.side(), k -> new ArrayList<>()).add(c);
        }
        Map<String, SideSummary> out = new LinkedHashMap<>();
        bySide.forEach((side, cs) -> {
            Incident only = withClaims(cs);
            out.put(
                    side,
                    new SideSummary(
                            cs.size(),
                            cs.stream().map(Claim::party).distinct().toList(),
                            only.figures(Claim::killed),
                            only.figures(Claim::wounded)));
        });
        return out;
    }

    /** The claims about one side, summarised; {@code killed}/{@code wounded} are [min, max] or null. */
    public record SideSummary(int claims, List<String> parties, int[] killed, int[] wounded) {}

    Incident withClaims(List<Claim> newClaims) {
        return copy(id, newClaims, version, created, updated);
    }

    Incident withVersion(int newVersion, Instant newCreated, Instant newUpdated) {
        return copy(id, claims, newVersion, newCreated, newUpdated);
    }

    Incident withId(String newId) {
        return copy(newId, claims, version, created, updated);
    }

    private Incident copy(String newId, List<Claim> newClaims, int newVersion, Instant newCreated, Instant newUpdated) {
        return new Incident(
                newId,
                title,
                summary,
                type,
                status,
                occurred,
                geoPrecision,
                places,
                actors,
                operation,
                tags,
                newClaims,
                sources,
                geometry,
                newVersion,
                newCreated,
                newUpdated);
    }
}
