package org.conflictmap.ingest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks casualty figures and who stated them out of news sentences: "…, the defence ministry said",
 * "according to the UN mission, …", "Pakistan's information minister said two soldiers were killed".
 * Each figure becomes a proposed claim for an editor to check; nothing is published from here.
 */
final class ClaimExtractor {
    /** A figure found in a sentence, with the claimant the sentence names and the guessed party and side. */
    record Figure(String claimant, String party, String side, String measure, int value) {
    }

    static final String NUMBER = "(\\d{1,5}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
            + "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|dozens of|scores of)";
    static final Pattern FIGURE = Pattern.compile("(?i)\\b(?:at least |more than |over |some |about |nearly )?" + NUMBER
            + "\\s+(?:([A-Z][a-z]+|Afghan|Pakistani)\\s+)?(soldiers|troops|militants|fighters|civilians|people|children|women|"
            + "refugees|policemen|police officers|insurgents|terrorists)(?:\\s+(?:were|had been|have been|was))?\\s+(?:\\w+\\s+)?"
            + "(killed|dead|died|wounded|injured|hurt|captured|taken prisoner)");
    static final Pattern SAID = Pattern.compile("(?i)(?:,|—|–)?\\s*(?:the\\s+)?([A-Z][\\w’'.-]*(?:\\s+[\\w’'.-]+){0,6}?)\\s+(?:said|says|claimed|claims|stated|told)\\b");
    static final Pattern ACCORDING = Pattern.compile("(?i)according to\\s+(?:the\\s+)?([\\w’'.-]+(?:\\s+[\\w’'.-]+){0,6}?)(?:[,.;]|$)");
    static final Map<String, Integer> WORDS = Map.ofEntries(Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3),
            Map.entry("four", 4), Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fifty", 50), Map.entry("dozens of", 24),
            Map.entry("scores of", 40));

    private ClaimExtractor() {
    }

    static List<Figure> extract(String text) {
        List<Figure> out = new ArrayList<>();
        for (String sentence : text.split("(?<=[.!?])\\s+")) {
            Matcher f = FIGURE.matcher(sentence);
            while (f.find()) {
                String claimant = claimant(sentence);
                if (claimant == null) {
                    continue;
                }
                String n = f.group(1).toLowerCase(Locale.ROOT);
                int value = WORDS.containsKey(n) ? WORDS.get(n) : Integer.parseInt(n);
                String verb = f.group(4).toLowerCase(Locale.ROOT);
                String measure = verb.startsWith("wound") || verb.startsWith("injur") || verb.equals("hurt") ? "wounded"
                        : verb.startsWith("captur") || verb.startsWith("taken") ? "captured" : "killed";
                out.add(new Figure(claimant, party(claimant), side(f.group(2), f.group(3), sentence), measure, value));
            }
        }
        return out;
    }

    private static String claimant(String sentence) {
        Matcher a = ACCORDING.matcher(sentence);
        if (a.find()) {
            return clean(a.group(1));
        }
        Matcher s = SAID.matcher(sentence);
        String last = null;
        while (s.find()) {
            last = clean(s.group(1));
        }
        return last;
    }

    private static String clean(String c) {
        String t = c.replaceAll("^(?i)(the|a|an)\\s+", "").strip();
        return t.isEmpty() || t.length() > 150 ? null : Character.toUpperCase(t.charAt(0)) + t.substring(1);
    }

    static String party(String claimant) {
        String c = claimant.toLowerCase(Locale.ROOT);
        if (c.matches(".*\\b(un|unama|united nations|un mission)\\b.*")) {
            return "un";
        }
        if (c.matches(".*\\b(governor|police chief|provincial|district chief|information chief|local official|elder)s?\\b.*")) {
            return "local_official";
        }
        if (c.matches(".*\\b(pakistan|pakistani|islamabad|ispr|prime minister|information minister)\\b.*")) {
            return "pk_government";
        }
        if (c.matches(".*\\b(afghan|afghanistan|taliban|kabul|islamic emirate|defence ministry|defense ministry|mujahid)\\b.*")) {
            return "af_government";
        }
        if (c.matches(".*\\b(islamic state|is-k|isis|ttp|tehreek)\\b.*")) {
            return "armed_group";
        }
        return "other";
    }

    static String side(String adjective, String noun, String sentence) {
        String n = noun.toLowerCase(Locale.ROOT);
        String a = adjective == null ? "" : adjective.toLowerCase(Locale.ROOT);
        if (n.matches("civilians|people|children|women|refugees")) {
            return "civilians";
        }
        if (n.matches("militants|insurgents|terrorists")) {
            return "militants";
        }
        if (a.startsWith("pakistan")) {
            return "pk_forces";
        }
        if (a.startsWith("afghan") || a.equals("taliban")) {
            return "af_forces";
        }
        return "unspecified";
    }
}
