package org.conflictmap.geocoding;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.springframework.stereotype.Component;

/**
 * Every name of every gazetteer place (main and alternate, all scripts), folded with
 * {@link Names#fold}, pointing at the places that carry it. Built once from the in-memory gazetteer.
 */
@Component
class NameIndex {
    /** A place reachable by a name, and whether that name is its main one. */
    record Entry(Place place, boolean main) {}

    private final Map<String, List<Entry>> byName = new HashMap<>();
    /** The leading words of every name of two or more words ("dera", "dera ismail"): a run is extended only along these. */
    private final Set<String> prefixes = new HashSet<>();

    private final int maxTokens;

    NameIndex(Gazetteer gazetteer) {
        int longest = 1;
        for (Place p : gazetteer.all()) {
            if (p.kind().equals("boundary")) {
                continue;
            }
            for (String n : p.allNames()) {
                String f = Names.fold(n);
                if (f.isEmpty()) {
                    continue;
                }
                List<Entry> list = byName.computeIfAbsent(f, k -> new ArrayList<>(1));
                if (list.stream().noneMatch(e -> e.place().id().equals(p.id()))) {
                    list.add(new Entry(p, Names.fold(p.name()).equals(f)));
                }
                String[] words = f.split(" ");
                longest = Math.max(longest, words.length);
                for (int k = 1; k < words.length; k++) {
                    prefixes.add(String.join(" ", Arrays.copyOf(words, k)));
                }
            }
        }
        this.maxTokens = Math.min(longest, 6);
    }

    List<Entry> get(String folded) {
        return byName.getOrDefault(folded, List.of());
    }

    /** Whether some name of more words starts with these (folded) words. */
    boolean isPrefix(String folded) {
        return prefixes.contains(folded);
    }

    int maxTokens() {
        return maxTokens;
    }

    Iterable<Map.Entry<String, List<Entry>>> all() {
        return byName.entrySet();
    }

    int size() {
        return byName.size();
    }
}
