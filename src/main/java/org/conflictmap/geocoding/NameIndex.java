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

    /**
     * Names of two or more words by their romanisation skeleton ({@link #skeleton}): "Mohmand Dara" is the admin2 layer's
     * "Muhmand Dara", "Dand-e Patan" its "Dand Patan". Looked up only when the exact name is not found, and never for
     * one word, so that "Paktia" never becomes "Paktika" and a capitalised English word never becomes a village.
     */
    private final Map<String, List<Entry>> bySkeleton = new HashMap<>();

    private final Set<String> skeletonPrefixes = new HashSet<>();

    /** Izafe and other connectors the region's names are written with or without ("Dara-i-Nur", "Dand-e Patan"). */
    static final Set<String> CONNECTORS = Set.of("e", "i", "ye", "ul", "al", "el", "da", "de");

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
                String skeleton = skeleton(f);
                if (words.length > 1 && skeleton.indexOf(' ') > 0) {
                    List<Entry> same = bySkeleton.computeIfAbsent(skeleton, k -> new ArrayList<>(1));
                    if (same.stream().noneMatch(e -> e.place().id().equals(p.id()))) {
                        same.add(new Entry(p, false));
                    }
                    String[] parts = skeleton.split(" ");
                    for (int k = 1; k < parts.length; k++) {
                        skeletonPrefixes.add(String.join(" ", Arrays.copyOf(parts, k)));
                    }
                }
            }
        }
        this.maxTokens = Math.min(longest, 6);
    }

    List<Entry> get(String folded) {
        return byName.getOrDefault(folded, List.of());
    }

    /**
     * The places whose name of two or more words has the same romanisation skeleton as these folded words, when no name
     * is exactly these words.
     */
    List<Entry> getBySkeleton(String folded) {
        String skeleton = skeleton(folded);
        return skeleton.indexOf(' ') > 0 ? bySkeleton.getOrDefault(skeleton, List.of()) : List.of();
    }

    /** Whether some name of more words has a skeleton that starts with these words' skeleton. */
    boolean isSkeletonPrefix(String folded) {
        return skeletonPrefixes.contains(skeleton(folded));
    }

    /**
     * A folded name as the same name in another romanisation would fold: izafe connectors dropped ("dand e patan" is
     * "dand patan"), o as u and e as i ("mohmand" is "muhmand", "spera" "spira"), ee as i and oo as u, a doubled letter
     * as one, a final h after a vowel dropped ("darah" is "dara").
     */
    static String skeleton(String folded) {
        StringBuilder out = new StringBuilder(folded.length());
        for (String w : folded.split(" ")) {
            if (w.isEmpty() || CONNECTORS.contains(w)) {
                continue;
            }
            String x = w.replace("ee", "i").replace("oo", "u").replace('o', 'u').replace('e', 'i');
            StringBuilder y = new StringBuilder(x.length());
            for (int k = 0; k < x.length(); k++) {
                if (k == 0 || x.charAt(k) != x.charAt(k - 1)) {
                    y.append(x.charAt(k));
                }
            }
            int n = y.length();
            if (n > 3 && y.charAt(n - 1) == 'h' && "aiu".indexOf(y.charAt(n - 2)) >= 0) {
                y.setLength(n - 1);
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(y);
        }
        return out.toString();
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
