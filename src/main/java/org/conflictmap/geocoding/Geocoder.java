package org.conflictmap.geocoding;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.commons.text.similarity.LevenshteinDistance;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.springframework.stereotype.Component;

/**
 * Finds place mentions in news text and resolves each to one gazetteer place, and ranks places for a
 * typed name. Matching in running text is exact on folded names (every script, accents, dashes and
 * possessives ignored) — never fuzzy, so Paktia can never become Paktika; fuzzy matching is only for
 * the search box ({@link #search}). A mention needs a capitalised name and evidence; see
 * docs/GEOCODING.md for the rules.
 */
@Component
public class Geocoder {
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}\\p{N}]+(?:[.][\\p{Lu}](?=[.]))*(?:['’]s\\b)?");
    static final Pattern BORDER = Pattern.compile(
            "\\b(?:[Tt]he|[Aa]long the|[Aa]cross the|[Oo]n the)\\s+(?:(?:Afghan|Afghanistan|Pakistan|Pakistani)[-–\\s]+(?:Afghan|Afghanistan|Pakistan|Pakistani)?\\s*)?(?:border|frontier)(?! crossing)\\b");
    static final Set<String> KIND_ORDER = Set.of();
    static final List<String> KINDS =
            List.of("country", "province", "crossing", "border", "city", "town", "district", "river", "lake");
    /** Capitalised words that are never places on their own even if a village is called so. */
    static final Set<String> NEVER = Set.of(
            "the",
            "a",
            "an",
            "in",
            "on",
            "at",
            "he",
            "she",
            "they",
            "it",
            "we",
            "this",
            "that",
            "police",
            "army",
            "officials",
            "government",
            "ministry",
            "minister",
            "president",
            "said",
            "spokesman",
            "spokesperson",
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
            "islamic",
            "state",
            "taliban",
            "defence",
            "defense",
            "information",
            "prime",
            "united",
            "nations",
            "un",
            "ap",
            "afp",
            "reuters",
            "mosque",
            "shia",
            "sunni",
            "operation",
            "open",
            "war",
            "f",
            "video",
            "two",
            "three",
            "five",
            "six",
            "ten");
    /** Districts whose bare name is an English word or a common one ("Tank", "Washer", "Kot"): named only with a cue. */
    static final Set<String> NOT_BARE = Set.of(
            "tank", "washer", "kot", "bagh", "chal", "argo", "giro", "obe", "kang", "nagar", "haveli", "kama", "chora",
            "dila", "nika", "nili", "farsi", "central", "east", "west", "north", "south", "city", "saddar", "sadar");

    /** Countries outside the gazetteer's region: never a namesake village. */
    static final Set<String> FOREIGN = Set.of(
            "qatar",
            "turkey",
            "turkiye",
            "saudi arabia",
            "saudi",
            "united states",
            "america",
            "russia",
            "britain",
            "united kingdom",
            "uk",
            "us",
            "usa",
            "germany",
            "france",
            "japan",
            "egypt",
            "israel",
            "syria",
            "iraq",
            "yemen",
            "united arab emirates",
            "uae",
            "oman",
            "bangladesh",
            "sri lanka",
            "nepal",
            "doha",
            "ankara",
            "riyadh",
            "washington",
            "moscow",
            "beijing",
            "new delhi",
            "tehran",
            "dubai",
            "london");
    /** The leading words of the multi-word {@link #FOREIGN} names. */
    static final Set<String> FOREIGN_PREFIXES = FOREIGN.stream()
            .filter(f -> f.contains(" "))
            .flatMap(f -> {
                String[] w = f.split(" ");
                return IntStream.range(1, w.length).mapToObj(k -> String.join(" ", Arrays.copyOf(w, k)));
            })
            .collect(Collectors.toUnmodifiableSet());

    static final Set<String> PROVINCE_CUES = Set.of("province", "provinces", "provincial");
    static final Set<String> CITY_CUES = Set.of("city", "capital");
    static final Set<String> PLACE_CUES = Set.of(
            "district",
            "village",
            "town",
            "city",
            "area",
            "camp",
            "crossing",
            "border",
            "region",
            "valley",
            "province",
            "bazaar",
            "checkpoint",
            "post",
            "outpost",
            "tehsil",
            "subdivision");
    static final Set<String> LOCATIVE = Set.of(
            "in", "at", "on", "near", "from", "to", "into", "over", "across", "outside", "inside", "of", "around",
            "toward", "towards");
    static final Set<String> REPORTING = Set.of(
            "accused",
            "accuses",
            "accuse",
            "said",
            "says",
            "say",
            "denied",
            "denies",
            "blamed",
            "blames",
            "warned",
            "warns",
            "rejected",
            "rejects",
            "claimed",
            "claims",
            "insisted",
            "insists",
            "responded",
            "retaliated",
            "has",
            "have",
            "had",
            "will",
            "would",
            "must",
            "wants",
            "wanted",
            "demanded",
            "demands",
            "urged",
            "urges",
            "announced",
            "condemned",
            "condemns",
            "confirmed",
            "confirms",
            "is",
            "was");
    /** Verbs whose object is a government: "Islamabad accuses Kabul". */
    static final Set<String> ADDRESSED = Set.of(
            "accuses",
            "accused",
            "blamed",
            "blames",
            "warned",
            "warns",
            "urged",
            "urges",
            "told",
            "pressed",
            "asked",
            "demanded",
            "criticised",
            "criticized");
    /** "Dand-e-Patan", "Tehreek-i-Taliban": the word after a Persian or Urdu connector is part of a longer name. */
    static final Pattern IZAFE = Pattern.compile("\\p{L}-(?:e|i|ul|al|o|da|de)-$");

    static final Pattern CAPITAL_BEFORE = Pattern.compile("(?i)(afghan|pakistani|the) capital,? $");
    /** The two capitals whose names stand for their governments. */
    static final Set<String> CAPITALS = Set.of("geonames-1138958", "geonames-1176615");

    private final NameIndex index;
    private final Gazetteer gazetteer;
    private final GeocodingProperties properties;

    Geocoder(NameIndex index, Gazetteer gazetteer, GeocodingProperties properties) {
        this.index = index;
        this.gazetteer = gazetteer;
        this.properties = properties;
    }

    // ------------------------------------------------------------------ search box

    /** A ranked candidate for a typed name. */
    record Candidate(Place place, double score, String match) {}

    List<Candidate> search(String q, String country, String kind, int limit) {
        String f = Names.fold(q);
        Map<String, Candidate> best = new LinkedHashMap<>();
        for (NameIndex.Entry e : index.get(f)) {
            offer(
                    best,
                    new Candidate(e.place(), e.main() ? 1.0 : 0.95, e.main() ? "exact" : "alternate"),
                    country,
                    kind);
        }
        if (best.size() < limit && f.length() >= 4) {
            int max = f.length() >= 7 ? 2 : 1;
            LevenshteinDistance distance = new LevenshteinDistance(max);
            for (Map.Entry<String, List<NameIndex.Entry>> n : index.all()) {
                if (Math.abs(n.getKey().length() - f.length()) > max) {
                    continue;
                }
                int d = distance.apply(f, n.getKey());
                if (d > 0) {
                    for (NameIndex.Entry e : n.getValue()) {
                        offer(best, new Candidate(e.place(), 0.9 - 0.1 * d, "fuzzy"), country, kind);
                    }
                }
            }
        }
        return best.values().stream()
                .sorted(Comparator.comparingDouble((Candidate c) -> -(c.score() + importance(c.place()) * 0.05))
                        .thenComparing(c -> c.place().id()))
                .limit(limit)
                .toList();
    }

    private static void offer(Map<String, Candidate> best, Candidate c, String country, String kind) {
        if ((country != null
                        && !country.equals(c.place().country())
                        && !c.place().kind().equals("crossing")
                        && !c.place().kind().equals("border"))
                || (kind != null && !kind.equals(c.place().kind()))) {
            return;
        }
        best.merge(c.place().id(), c, (a, b) -> a.score() >= b.score() ? a : b);
    }

    /** 0..1: countries and provinces of the two countries first, then by population. */
    static double importance(Place p) {
        double k = 1 - KINDS.indexOf(p.kind()) / (double) KINDS.size();
        boolean home = "AF".equals(p.country()) || "PK".equals(p.country()) || p.country() == null;
        double pop = p.population() == null ? 0 : Math.min(1, Math.log10(1 + p.population()) / 7);
        return (home ? 0.5 : 0) + 0.4 * k + 0.1 * pop;
    }

    // ------------------------------------------------------------------ running text

    /** A place mention in the text. */
    public record Mention(
            String text,
            int start,
            int end,
            Place place,
            double score,
            String precision,
            boolean metonymic,
            String choice,
            List<String> alternatives) {}

    /** What a text names: its place mentions and its dates, in text order. */
    public record Result(List<Mention> mentions, List<DateResolver.Found> dates) {}

    private record Token(String text, int start, int end) {
        String bare() {
            return possessive() ? text.substring(0, text.length() - 2) : text;
        }

        boolean possessive() {
            int n = text.length();
            return n > 2 && text.charAt(n - 1) == 's' && (text.charAt(n - 2) == '\'' || text.charAt(n - 2) == '’');
        }

        boolean capitalised() {
            int c = text.codePointAt(0);
            return Character.isUpperCase(c) || (Character.isLetter(c) && !Character.isLowerCase(c));
        }
    }

    /** Receives the start and end of each word. */
    interface WordSink {
        void word(int start, int end);
    }

    /**
     * The words of the text, exactly as {@link #WORD} finds them (letters, marks and digits; "U.S."-like
     * abbreviations; a possessive 's), scanned by hand: the regex was a third of the geocoder's time.
     */
    static void words(String text, WordSink sink) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            int cp = text.codePointAt(i);
            if (!wordChar(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            int start = i;
            while (i < n && wordChar(cp = text.codePointAt(i))) {
                i += Character.charCount(cp);
            }
            while (i + 2 < n
                    && text.charAt(i) == '.'
                    && Character.getType(text.codePointAt(i + 1)) == Character.UPPERCASE_LETTER) {
                int after = i + 1 + Character.charCount(text.codePointAt(i + 1));
                if (after >= n || text.charAt(after) != '.') {
                    break;
                }
                i = after;
            }
            if (i + 1 < n
                    && (text.charAt(i) == '\'' || text.charAt(i) == '’')
                    && text.charAt(i + 1) == 's'
                    && (i + 2 == n || !boundaryWordChar(text.codePointAt(i + 2)))) {
                i += 2;
            }
            sink.word(start, i);
        }
    }

    private static boolean wordChar(int cp) {
        if (cp < 128) {
            return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER,
                    Character.LOWERCASE_LETTER,
                    Character.TITLECASE_LETTER,
                    Character.MODIFIER_LETTER,
                    Character.OTHER_LETTER,
                    Character.NON_SPACING_MARK,
                    Character.ENCLOSING_MARK,
                    Character.COMBINING_SPACING_MARK,
                    Character.DECIMAL_DIGIT_NUMBER,
                    Character.LETTER_NUMBER,
                    Character.OTHER_NUMBER -> true;
            default -> false;
        };
    }

    /** A word character for the regex's {@code \\b}. */
    private static boolean boundaryWordChar(int cp) {
        return cp == '_' || Character.isLetterOrDigit(cp) || Character.getType(cp) == Character.NON_SPACING_MARK;
    }

    /** Finds the places and dates of a news text; relative dates resolve against {@code published} (may be null). */
    public Result parse(String text, LocalDate published) {
        List<Token> tokens = new ArrayList<>();
        words(text, (start, end) -> tokens.add(new Token(text.substring(start, end), start, end)));
        List<Span> spans = spans(text, tokens);
        Set<String> admin1 = new HashSet<>();
        for (Span s : spans) {
            // "near Parachinar in Pakistan's Kurram district": a district named as such is as good evidence as a
            // province
            boolean namedDistrict = s.last + 1 < tokens.size()
                    && tokens.get(s.last + 1).text().toLowerCase(Locale.ROOT).startsWith("district");
            for (NameIndex.Entry e : s.entries) {
                boolean district = namedDistrict && e.place().kind().equals("district");
                if ((strong(e.place()) || district) && e.place().admin1() != null) {
                    admin1.add(e.place().admin1());
                }
            }
        }
        List<Mention> mentions = new ArrayList<>();
        for (Span s : spans) {
            Mention mention = resolve(text, tokens, s, admin1);
            if (mention != null) {
                mentions.add(mention);
            }
        }
        gazetteer.get("border-durand-line").ifPresent(line -> {
            List<Mention> names = List.copyOf(mentions);
            Matcher b = BORDER.matcher(text);
            while (b.find()) {
                int start = b.start();
                int end = b.end();
                if (!overlapsAny(names, start, end) && !followedBy(text, end, "crossing")) {
                    mentions.add(new Mention(
                            b.group(), start, end, line, 0.6, "border_segment", false, "phrase", List.of()));
                }
            }
        });
        mentions.sort(Comparator.comparingInt(Mention::start));
        return new Result(mentions, DateResolver.resolve(text, published));
    }

    /** Whether [start, end) overlaps one of the mentions, which are in text order and do not overlap. */
    private static boolean overlapsAny(List<Mention> sorted, int start, int end) {
        int lo = 0;
        int hi = sorted.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted.get(mid).end() <= start) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo < sorted.size() && sorted.get(lo).start() < end;
    }

    private record Span(int first, int last, String text, int start, int end, List<NameIndex.Entry> entries) {}

    /**
     * The longest names found left to right, each a run of tokens joined only by spaces or dashes.
     * Each token is folded once; a run's key is its folded tokens joined by spaces, which is what
     * {@link Names#fold} makes of the run (dashes fold to spaces), so matching is map look-ups only.
     */
    private List<Span> spans(String text, List<Token> tokens) {
        List<Span> out = new ArrayList<>();
        String[] folded = new String[tokens.size()];
        for (int i = 0; i < tokens.size(); i++) {
            if (!tokens.get(i).capitalised()) {
                continue;
            }
            String firstWord = fold(tokens, folded, i);
            if (NEVER.contains(firstWord)) {
                continue;
            }
            StringBuilder key = new StringBuilder();
            int longest = 0;
            List<NameIndex.Entry> found = null;
            boolean foreign = false;
            for (int n = 1; n <= index.maxTokens() && i + n - 1 < tokens.size(); n++) {
                int last = i + n - 1;
                if (n > 1) {
                    if (!joined(text, tokens, last - 1, last)) {
                        break;
                    }
                    key.append(' ');
                }
                key.append(fold(tokens, folded, last));
                String k = key.toString();
                if (FOREIGN.contains(k)) {
                    foreign = true;
                    longest = n;
                    found = null;
                    continue;
                }
                List<NameIndex.Entry> entries = index.get(k);
                if (entries.isEmpty() && n > 1) {
                    // "Mohmand Dara district": the admin2 layer's "Muhmand Dara", not Pakistan's Mohmand and a "Dara"
                    entries = index.getBySkeleton(k);
                }
                if (!entries.isEmpty()) {
                    longest = n;
                    found = entries;
                    foreign = false;
                }
                if (!index.isPrefix(k) && !FOREIGN_PREFIXES.contains(k) && !index.isSkeletonPrefix(k)) {
                    break;
                }
            }
            if (longest > 0) {
                int last = i + longest - 1;
                if (!foreign
                        && !IZAFE.matcher(text.substring(
                                        Math.max(0, tokens.get(i).start() - 5),
                                        tokens.get(i).start()))
                                .find()
                        && !inPersonName(text, tokens, i, last)
                        && !streetName(text, tokens, last)) {
                    int start = tokens.get(i).start();
                    int end = tokens.get(last).start() + tokens.get(last).bare().length();
                    out.add(new Span(i, last, text.substring(start, end), start, end, found));
                }
                i = last;
            }
        }
        return out;
    }

    /**
     * Whether tokens first..last lie inside a longer capitalised run that names a person ("deputy
     * commissioner Raja Athar Abbas", "Gul Mohammad said", "Mawlawi Hayatullah Hayat"): a title or a
     * given name before the name in the run, a role word right before the run, or a reporting verb
     * right after a run the name ends. A whole run that is a place ("Dera Ismail Khan") is never one.
     */
    static boolean inPersonName(String text, List<Token> tokens, int first, int last) {
        int from = first;
        while (from > 0
                && tokens.get(from - 1).capitalised()
                && !tokens.get(from - 1).possessive()
                && onlySpaces(text, tokens, from - 1)) {
            from--;
        }
        int to = last;
        while (to + 1 < tokens.size()
                && !tokens.get(to).possessive()
                && tokens.get(to + 1).capitalised()
                && onlySpaces(text, tokens, to)) {
            to++;
        }
        if (from == first && to == last) {
            return false;
        }
        for (int k = from; k < first; k++) {
            String w = tokens.get(k).bare().toLowerCase(Locale.ROOT).replace(".", "");
            if (TITLES.contains(w) || GIVEN_NAMES.contains(w)) {
                return true;
            }
        }
        String before = from > 0 && onlySpaces(text, tokens, from - 1)
                ? tokens.get(from - 1).text().toLowerCase(Locale.ROOT)
                : "";
        String after = to + 1 < tokens.size() ? tokens.get(to + 1).text().toLowerCase(Locale.ROOT) : "";
        boolean afterComma = to + 1 < tokens.size()
                && text.substring(tokens.get(to).end(), tokens.get(to + 1).start())
                        .contains(",");
        return from < first && (ROLES.contains(before) || last == to && !afterComma && SPEECH.contains(after));
    }

    /** "Peshawar's Kohat Road area", "the Karakoram Highway": a road named after a place is not that place. */
    static boolean streetName(String text, List<Token> tokens, int last) {
        return last + 1 < tokens.size()
                && tokens.get(last + 1).capitalised()
                && !tokens.get(last).possessive()
                && onlySpaces(text, tokens, last)
                && STREETS.contains(tokens.get(last + 1).bare().toLowerCase(Locale.ROOT));
    }

    static final Set<String> STREETS = Set.of(
            "road", "street", "avenue", "highway", "motorway", "expressway", "bridge", "chowk", "lane", "boulevard");

    private static boolean onlySpaces(String text, List<Token> tokens, int k) {
        int from = tokens.get(k).end();
        int to = tokens.get(k + 1).start();
        return to - from == 1 && text.charAt(from) == ' ';
    }

    /** Titles and honorifics that stand before a person's name in the region's copy. */
    static final Set<String> TITLES = Set.of(
            "raja",
            "mawlawi",
            "maulvi",
            "maulana",
            "mullah",
            "mulla",
            "qari",
            "haji",
            "hafiz",
            "sardar",
            "malik",
            "khawaja",
            "khwaja",
            "syed",
            "sayed",
            "sayyid",
            "sheikh",
            "shaikh",
            "pir",
            "mr",
            "mrs",
            "ms",
            "dr",
            "gen",
            "general",
            "lt",
            "col",
            "colonel",
            "maj",
            "major",
            "brig",
            "brigadier",
            "capt",
            "captain",
            "sgt",
            "justice",
            "senator",
            "engineer",
            "mufti",
            "allama",
            "nawab",
            "begum",
            "prof",
            "professor");
    /** Common given names: a place name after one of them in a capitalised run is a person's name ("Gul Mohammad", "Mohammad Rafiq"). */
    static final Set<String> GIVEN_NAMES = Set.of(
            "mohammad",
            "muhammad",
            "mohammed",
            "muhammed",
            "abdul",
            "ahmad",
            "ahmed",
            "ali",
            "gul",
            "hassan",
            "hasan",
            "hussain",
            "husain",
            "imran",
            "shehbaz",
            "shahbaz",
            "nawaz",
            "asif",
            "zabihullah",
            "najibullah",
            "attaullah",
            "enayatullah",
            "hamdullah",
            "hayatullah",
            "abdullah",
            "amir",
            "khan",
            "mir",
            "noor",
            "nur",
            "rahman",
            "sana",
            "mosharraf",
            "waqas",
            "qureshi",
            "athar",
            "abbas",
            "mirwais",
            "ahmadullah",
            "zaheer",
            "zahid",
            "tariq",
            "usman",
            "umar");
    /** Role words that stand right before a person's name: "deputy commissioner Raja Athar Abbas". */
    static final Set<String> ROLES = Set.of(
            "commissioner",
            "spokesman",
            "spokeswoman",
            "spokesperson",
            "minister",
            "governor",
            "official",
            "officer",
            "commander",
            "chief",
            "analyst",
            "resident",
            "director",
            "secretary",
            "inspector",
            "superintendent",
            "envoy",
            "ambassador",
            "leader",
            "cleric",
            "elder",
            "witness",
            "doctor",
            "journalist",
            "correspondent",
            "mayor",
            "head");
    /** Reporting verbs that follow a person's name: "Gul Mohammad said". */
    static final Set<String> SPEECH = Set.of(
            "said",
            "says",
            "told",
            "added",
            "stated",
            "claimed",
            "confirmed",
            "denied",
            "warned",
            "wrote",
            "tweeted",
            "posted");

    private static String fold(List<Token> tokens, String[] folded, int k) {
        if (folded[k] == null) {
            folded[k] = Names.fold(tokens.get(k).bare());
        }
        return folded[k];
    }

    private static boolean joined(String text, List<Token> tokens, int first, int last) {
        for (int k = first; k < last; k++) {
            int from = tokens.get(k).end();
            int to = tokens.get(k + 1).start();
            if (to - from < 1 || to - from > 3 || tokens.get(k).possessive()) {
                return false;
            }
            for (int c = from; c < to; c++) {
                if (" \t\n\u000B\f\r-–‑".indexOf(text.charAt(c)) < 0) {
                    return false;
                }
            }
        }
        return true;
    }

    private Mention resolve(String text, List<Token> tokens, Span s, Set<String> admin1) {
        String next = s.last + 1 < tokens.size() ? tokens.get(s.last + 1).text().toLowerCase(Locale.ROOT) : "";
        String next2 =
                s.last + 2 < tokens.size() ? tokens.get(s.last + 2).text().toLowerCase(Locale.ROOT) : "";
        // "Islamabad swiftly denied", "the South Waziristan tribal district": one lowercase word between
        boolean modifier = !next.isEmpty()
                && Character.isLowerCase(next.charAt(0))
                && !LOCATIVE.contains(next)
                && !next.equals("and");
        String prev = s.first > 0 ? tokens.get(s.first - 1).text().toLowerCase(Locale.ROOT) : "";
        String prev2 = s.first > 1 ? tokens.get(s.first - 2).text().toLowerCase(Locale.ROOT) + " " + prev : prev;
        boolean cue = PLACE_CUES.contains(next)
                || modifier && PLACE_CUES.contains(next2)
                || prev2.endsWith("village of")
                || prev2.endsWith("town of")
                || prev2.endsWith("city of")
                || prev2.endsWith("district of")
                || prev2.endsWith("province of");
        // "Kandahar's Spin Boldak district", "Bajaur's Mamund tehsil": the possessive names the area the next place
        // lies in
        boolean ofPlace = tokens.get(s.last).possessive()
                && s.last + 1 < tokens.size()
                && tokens.get(s.last + 1).capitalised();
        List<NameIndex.Entry> ok = new ArrayList<>();
        boolean onlyDistricts =
                s.entries.stream().allMatch(e -> e.place().kind().equals("district"));
        for (NameIndex.Entry e : s.entries) {
            Place p = e.place();
            boolean evidence = strong(p)
                    || (p.population() != null && p.population() >= properties.evidencePopulation())
                    || ((cue || ofPlace) && isHome(p))
                    || (p.admin1() != null
                            && admin1.contains(p.admin1())
                            && s.last == s.first + 0
                            && isHome(p)
                            && p.population() != null
                            && p.population() > 0)
                    // "tension remained high in Bajaur", "Lower Chitral's deputy commissioner": a district (admin2) of
                    // a
                    // province the article names, by its bare name, when no town bears it ("in Spin Boldak" is the
                    // town, which needs evidence of its own)
                    || (p.kind().equals("district")
                            && onlyDistricts
                            && p.admin1() != null
                            && admin1.contains(p.admin1())
                            && isHome(p)
                            && !NOT_BARE.contains(Names.fold(s.text)));
            if (evidence) {
                ok.add(e);
            }
        }
        if (ok.isEmpty()) {
            return null;
        }
        // an ambiguous name ("Khogyani": a district of Nangarhar and an alias of a village in Ghazni) is the
        // candidate in a province the article names, when one is
        if (ok.stream().filter(e -> !strong(e.place())).count() > 1
                && ok.stream()
                        .anyMatch(e -> !strong(e.place())
                                && e.place().admin1() != null
                                && admin1.contains(e.place().admin1()))) {
            ok.removeIf(e -> !strong(e.place())
                    && (e.place().admin1() == null || !admin1.contains(e.place().admin1())));
        }
        // "Kandahar's Spin Boldak district", "Nangarhar's Achin district": the possessive names the province
        boolean provinceCue = PROVINCE_CUES.contains(next) || prev2.endsWith("province of") || ofPlace;
        BooleanSupplier cityCue = () -> CITY_CUES.contains(next)
                || prev2.endsWith("city of")
                || CAPITAL_BEFORE
                        .matcher(text.substring(Math.max(0, s.start - 40), s.start))
                        .find();
        boolean crossingCue = next.equals("crossing") || next.equals("border") || next.equals("gate");
        String choice = "only";
        ok.sort(Comparator.comparingDouble((NameIndex.Entry e) -> -importance(e.place()))
                .thenComparing(e -> e.place().id()));
        NameIndex.Entry chosen = ok.get(0);
        NameIndex.Entry province = ok.stream()
                .filter(e -> e.place().kind().equals("province"))
                .findFirst()
                .orElse(null);
        NameIndex.Entry city = ok.stream()
                .filter(e -> e.place().kind().equals("city") || e.place().kind().equals("town"))
                .findFirst()
                .orElse(null);
        NameIndex.Entry crossing = ok.stream()
                .filter(e -> e.place().kind().equals("crossing"))
                .findFirst()
                .orElse(null);
        if (crossing == null && crossingCue) {
            String folded = Names.fold(s.text);
            crossing = gazetteer.all().stream()
                    .filter(x ->
                            x.kind().equals("crossing") && Names.fold(x.name()).contains(folded))
                    .findFirst()
                    .map(x -> new NameIndex.Entry(x, false))
                    .orElse(null);
        }
        if (crossing != null
                && (crossingCue
                        || city == null
                        || city.place().population() == null
                        || city.place().population() < properties.cityDefault())) {
            chosen = crossing;
            choice = crossingCue ? "cue" : ok.size() > 1 ? "default" : "only";
        } else if (province != null && city != null) {
            if (provinceCue) {
                chosen = province;
                choice = "cue";
            } else if (cityCue.getAsBoolean()) {
                chosen = city;
                choice = "cue";
            } else {
                long pop = city.place().population() == null ? 0 : city.place().population();
                chosen = pop >= properties.cityDefault() ? city : province;
                choice = "default";
            }
        } else if (ok.size() > 1) {
            choice = "ranked";
        }
        Place p = chosen.place();
        boolean metonymic = CAPITALS.contains(p.id())
                && !LOCATIVE.contains(prev)
                && (REPORTING.contains(next)
                        || next.endsWith("ly") && REPORTING.contains(next2)
                        || ADDRESSED.contains(prev))
                && !PLACE_CUES.contains(next);
        double score = (chosen.main() ? 0.97 : 0.93)
                - (choice.equals("default") ? 0.07 : choice.equals("ranked") ? 0.04 : 0)
                - (strong(p)
                        ? 0
                        : p.population() != null && p.population() >= properties.evidencePopulation() ? 0.1 : 0.2);
        final Place picked = p;
        List<String> alternatives = ok.stream()
                .map(e -> e.place().id())
                .filter(id -> !id.equals(picked.id()))
                .toList();
        return new Mention(
                s.text,
                s.start,
                s.end,
                p,
                Math.round(score * 100) / 100.0,
                precision(p),
                metonymic,
                choice,
                alternatives);
    }

    static String precision(Place p) {
        return switch (p.kind()) {
            case "country" -> "country";
            case "province" -> "province";
            case "district" -> "district";
            case "border", "boundary" -> "border_segment";
            case "crossing" -> "exact";
            default -> "near";
        };
    }

    private static boolean strong(Place p) {
        return switch (p.kind()) {
            case "country", "province", "crossing", "border", "river", "lake" -> true;
            default -> false;
        };
    }

    private static boolean isHome(Place p) {
        return "AF".equals(p.country()) || "PK".equals(p.country());
    }

    private static boolean followedBy(String text, int end, String word) {
        return text.substring(end, Math.min(text.length(), end + word.length() + 2))
                .strip()
                .toLowerCase(Locale.ROOT)
                .startsWith(word);
    }
}
