package org.conflictmap.ingest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.geocoding.Geocoder.Mention;
import org.conflictmap.incidents.Locations;
import org.locationtech.jts.geom.Geometry;

/**
 * Where an event happened, as the smallest honest geometry: towns and crossings where named (a
 * province adds nothing its town does not say), a province otherwise, and for fighting "along the
 * Durand Line" in named provinces the stretch of the line along them, buffered a few km
 * ({@link Locations#borderSegment}), rather than the provinces on either side.
 */
final class Places {
    /** How far apart two places may be (degrees, ~25 km) and still be one event's "same or adjacent" place. */
    static final double ADJACENT = 0.25;

    /** An event's location: geometry, precision and the places it names. */
    record Where(Geometry geometry, String precision, List<Place> places) {}

    /** A paragraph opening with a dateline after a headline: "ISLAMABAD/KABUL, Nov 10 (Reuters) -", "WANA / PESHAWAR:". */
    static final Pattern DATELINE_LINE = Pattern.compile(
            "[A-Z][A-Z'’.\\-/ ]{2,40}(?:,[^—–\\n:]{0,50}?)?(?:\\s*\\([A-Za-z. ]{1,20}\\))?\\s*(?:—|–|--|-|:)\\s");
    /**
     * A capital followed by a verb of its own ("what Islamabad says", "a charge Kabul rejects", "an operation Islamabad
     * named", "If Kabul cannot act"): the government acting, not a place; a word that goes with a place is not one.
     */
    static final Pattern CAPITAL_ACTS = Pattern.compile(
            "^\\s+(?!(?:and|or|in|on|at|of|for|to|from|with|near|city|province|district|airport|residents|police|after|"
                    + "before|during|late|early|where|which|who|that|as|but|while|the|a|an|by|over|into|under|this|last|"
                    + "overnight|itself|alone|too|again|because|since|until|when|if|via|across|through|toward|towards|"
                    + "than|so|earlier|later)\\b)\\p{Ll}+\\b");
    /** What comes before a capital that is the target or scene ("strikes on Kabul killed", "in Kabul said"), not its government. */
    static final Pattern AT_PLACE = Pattern.compile(
            "(?i)\\b(?:on|in|at|near|over|into|targeting|targeted|hit|hitting|struck|striking|bombed|bombing|pounded|"
                    + "shelled|attacked|around|outside|inside|to|across|of)\\s+(?:the\\s+)?(?:Afghan\\s+|Pakistani\\s+)?"
                    + "(?:capital,?\\s+)?$");
    /** "accuses Kabul of", "blame its own failures on Kabul", "swept back to power in Kabul": the government. */
    static final Pattern BEFORE_GOVERNMENT = Pattern.compile(
            "(?i)(?:\\baccus(?:e|es|ed|ing)|\\bblam\\w*\\b[^.;]{0,40}\\bon|\\bpower\\s+in|\\bbow(?:s|ed)?\\s+to|"
                    + "\\bpressure\\s+on|\\bties\\s+with|\\brelations\\s+with)\\s+$");
    /** "the provincial hospital in Sharana", "Lady Reading Hospital in Peshawar": where the wounded were treated. */
    static final Pattern HOSPITAL_IN = Pattern.compile(
            "(?i)\\b(?:hospitals?|medical\\s+(?:centre|center|complex)|trauma\\s+(?:centre|center)|morgue)\\s+(?:in|at|of)\\s+"
                    + "(?:the\\s+)?(?:city\\s+of\\s+)?$");
    /** "Peshawar's Lady Reading Hospital", "Sharana hospital", "the Jalalabad regional hospital": the hospital's town. */
    static final Pattern HOSPITAL_AFTER = Pattern.compile(
            "^(?:['’]s)?\\s+(?:[A-Z][\\w'’]*\\s+){0,3}?(?:(?:provincial|regional|civil|teaching|military|"
                    + "headquarters|combined\\s+military|main|city|central)\\s+)?(?i:hospital|CMH)\\b");
    /** "the attacks were followed by weeks of fighting along the Durand Line": the places of what came after, another event. */
    static final Pattern FOLLOWED_BY = Pattern.compile(
            "(?i)\\b(?:(?:was|were|been|is|are)\\s+followed\\s+by|(?:which|that)\\s+(?:triggered|sparked|prompted|led\\s+to))"
                    + "\\b[^.;]{0,100}$");

    /** "said by phone from Sharana", "speaking from Quetta": where the one speaking was. */
    static final Pattern SPOKE_FROM = Pattern.compile(
            "(?i)\\b(?:said|says|spoke|speaking|told\\s+[\\w.]+|wrote|posted)\\s+(?:by\\s+(?:tele)?phone\\s+|on\\s+X\\s+)?from\\s+"
                    + "(?:the\\s+)?(?:city\\s+of\\s+)?$");
    /** "a naik from Kohat and a sepoy from Lower Dir", "hailing from Swat": where the dead came from. */
    static final Pattern HOMETOWN = Pattern.compile(
            "(?i)\\b(?:(?:lance\\s+)?naik|sepoy|havildar|subedar|hail(?:ed|ing|s)|native\\s+of|belong(?:ed|ing|s)?\\s+to|"
                    + "hometown\\s+(?:of|in)|buried\\s+in|funerals?\\s+(?:was|were)\\s+held\\s+in|laid\\s+to\\s+rest\\s+in)"
                    + "\\s+(?:from\\s+)?(?:their\\s+|his\\s+|her\\s+)?(?:native\\s+)?(?:village\\s+in\\s+|town\\s+of\\s+)?$");
    /** "after a rise in militant attacks in Khyber Pakhtunkhwa and Balochistan": the background of many attacks. */
    static final Pattern SPATE_IN = Pattern.compile(
            "(?i)\\b(?:rise|surge|spate|string|wave|series|spike|increase|uptick|escalation)\\s+(?:of|in)\\s+(?:[\\w-]+\\s+){0,3}?"
                    + "(?:attacks|violence|militancy|bombings|killings)\\s+(?:on\\s+[\\w\\s]{0,30}?)?in\\s+"
                    + "(?:[A-Z][\\w'’-]*\\s*(?:,|and)?\\s*){0,4}$");

    /**
     * "an Islamabad-based security analyst", "a Peshawar-based journalist": where someone works, not where anything
     * happened.
     */
    static final Pattern BASED_AFTER = Pattern.compile("^[-–](?:based|born|headquartered)\\b");
    /**
     * "in a statement issued in Kabul", "a statement released from Islamabad", "a press release from Rawalpindi": where a
     * statement was issued, not where the event was.
     */
    static final Pattern ISSUED_IN = Pattern.compile(
            "(?i)\\b(?:statement|communiqu[ée]|press\\s+release|release|declaration)\\s+(?:(?:was\\s+)?(?:issued|released|"
                    + "published|sent|posted|read\\s+out)\\s+)?(?:in|from)\\s+(?:the\\s+)?(?:city\\s+of\\s+)?$");
    /**
     * "are receiving treatment in Jalalabad", "moved to relatives in Jalalabad", "fled to Peshawar", "sheltering in
     * Bati Kot": where the wounded were treated or the displaced went, not where they were hit.
     */
    static final Pattern WENT_TO = Pattern.compile(
            "(?i)\\b(?:(?:receiving|received|receive|undergoing|getting)\\s+(?:medical\\s+)?treatment\\s+(?:in|at)|"
                    + "(?:moved|fled|relocated|evacuated|displaced)\\s+to\\s+(?:relatives|family|families|camps?|safer\\s+"
                    + "areas?)\\s+in|(?:fled|relocated|evacuated|displaced)\\s+to|(?:sheltering|taken\\s+refuge|sought\\s+refuge|staying\\s+with\\s+"
                    + "relatives)\\s+in)\\s+(?:the\\s+)?(?:city\\s+of\\s+)?(?:[A-Z][\\w'’]*\\s+and\\s+)?$");
    /**
     * "The attacks come amid a new spike in violence along the border", "The latest fighting follows a week of violence
     * along the frontier": the places of the violence the event came amid or after, which are no place of its own, up to
     * the next clause. ("The shelling came two days after fighting near Torkham" is not one: that clause is an event of its
     * own, with those places.)
     */
    static final Pattern CAME_AMID = Pattern.compile(
            "(?i)\\b(?:(?:comes?|came|coming)\\s+(?:\\w+\\s+){0,2}?amid|follow(?:s|ed|ing)?\\s+(?:a|an|the|weeks?|days?|"
                    + "months?)\\s+(?:\\w+\\s+){0,2}?(?:of|after)\\b)(?:(?!,\\s+(?:and|while|but)\\b)[^.;]){0,140}$");

    /**
     * "Bajaur lies directly across the mountains from Dangam and Sarkani districts of Kunar", "a house in Nari district,
     * across the border from Bajaur", "lies on the opposite side of the border from Mohmand": the place the scene lies
     * across from, a neighbour.
     */
    static final Pattern ACROSS_FROM = Pattern.compile(
            "(?i)\\b(?:across\\s+(?:the\\s+(?:border|mountains|frontier|line|Durand\\s+Line|river)\\s+)?|"
                    + "(?:on\\s+)?the\\s+(?:opposite|other)\\s+side\\s+of\\s+the\\s+(?:border|frontier|line|Durand\\s+Line)\\s+)from\\s+"
                    + "(?-i:(?:[A-Z][\\w'’-]*|and|districts?|provinces?|of|the|eastern|western|southern|northern)\\s+){0,6}$");

    /**
     * "the crossing, which links Pakistan's Balochistan province with Kandahar", "the road connecting Zhob and Quetta": the
     * places a road or crossing joins, not where anything happened on it.
     */
    static final Pattern LINKS = Pattern.compile("(?i)\\b(?:links?|linking|connects?|connecting)\\b[^.;:,]{0,60}$");

    /** "the shells were fired from the Zhob area", "fired from Afghanistan's Kunar province": where the fire came from. */
    static final Pattern FIRED_FROM = Pattern.compile(
            "(?i)\\b(?:fired|launched|lobbed)\\s+from\\s+(?:(?!(?:in|on|at|into|near|across|hit|landed|struck|killed)\\b)[\\w'’]+\\s+){0,4}$");
    /** "on the Zhob-Quetta highway": a road named after the towns it joins, not where the event was. */
    static final Pattern ROAD_AFTER = Pattern.compile("^[-–][A-Z][\\w'’]*\\s+(?i:highway|road|motorway)\\b");

    static final Pattern ROAD_BEFORE = Pattern.compile("\\b[A-Z][\\w'’]*[-–]$");
    static final Pattern ROAD_WORD = Pattern.compile("^\\s+(?i:highway|road|motorway)\\b");

    private Places() {}

    /**
     * Whether a mention says where something other than the event was: a dateline opening a paragraph after a headline,
     * a capital acting as its government, the hospital the wounded were taken to, where a speaker spoke from, where the
     * dead came from or were buried, a region's spate of attacks, what an event was followed by, where fire came from
     * ("fired from the Zhob area"), a road named after the towns it joins ("the Zhob-Quetta highway"), where someone is
     * based ("an Islamabad-based analyst"), what the scene lies across from, what a road or crossing links, where a statement was issued, where the wounded were treated or the displaced
     * went, and what the event came amid or followed ("come amid a new spike in violence along the border").
     */
    static boolean notTheEventsPlace(String text, Mention m, boolean capital, boolean provinceName) {
        String before = text.substring(Math.max(0, m.start() - 60), m.start());
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 60));
        return inDateline(text, m)
                || capital
                        && (CAPITAL_ACTS.matcher(after).find()
                                        && !AT_PLACE.matcher(before).find()
                                || BEFORE_GOVERNMENT.matcher(before).find())
                || HOSPITAL_IN.matcher(before).find()
                || SPOKE_FROM.matcher(before).find()
                || HOMETOWN.matcher(before).find()
                || SPATE_IN.matcher(text.substring(Math.max(0, m.start() - 120), m.start()))
                        .find()
                || HOSPITAL_AFTER.matcher(after).find()
                // "fired from Afghanistan", "fired from across the border": the border the fire crossed, which the
                // event's
                // places keep
                || FIRED_FROM.matcher(before).find()
                        && !m.place().kind().equals("country")
                        && !m.place().kind().equals("border")
                || BASED_AFTER.matcher(after).find()
                || ACROSS_FROM.matcher(before).find()
                || LINKS.matcher(before).find()
                || ISSUED_IN.matcher(before).find()
                || WENT_TO.matcher(before).find()
                || CAME_AMID
                        .matcher(text.substring(Math.max(0, m.start() - 180), m.start()))
                        .find()
                || ROAD_AFTER.matcher(after).find()
                || ROAD_BEFORE.matcher(before).find()
                        && ROAD_WORD.matcher(after).find()
                || FOLLOWED_BY
                        .matcher(text.substring(Math.max(0, m.start() - 140), m.start()))
                        .find();
    }

    /** Whether a town's name is also its province's ("Khost", "Kandahar"), so that the name may stand for the province. */
    static boolean namesAProvince(Mention m, Collection<Place> all) {
        String name = m.text().replaceAll("['’]s$", "").toLowerCase(Locale.ROOT);
        return all.stream()
                .anyMatch(p -> p.kind().equals("province")
                        && p.name().toLowerCase(Locale.ROOT).equals(name));
    }

    /** Whether the mention stands in a dateline opening its paragraph ("ISLAMABAD/KABUL, Nov 10 (Reuters) -"). */
    static boolean inDateline(String text, Mention m) {
        int line = text.lastIndexOf('\n', Math.max(0, m.start() - 1)) + 1;
        if (m.start() == 0) {
            line = 0;
        }
        Matcher d = DATELINE_LINE.matcher(text);
        d.region(line, Math.min(text.length(), line + 140));
        return d.lookingAt() && m.end() <= d.end();
    }

    /**
     * A town named as a region ("Pakistan's Chitral region"), as a district's province ("the Spin Boldak district of
     * Kandahar") or in a list of provinces ("the provinces of Paktika and Kandahar"): the district or province of the
     * gazetteer that holds it and bears its name ("Chitral Lower") in place of the town ("Dangam district" stays the
     * town: the team codes the town).
     */
    static Mention asNamedDistrict(String text, Mention m, Collection<Place> all) {
        String kind = m.place().kind();
        String after = text.substring(m.end(), Math.min(text.length(), m.end() + 12));
        String before = text.substring(Math.max(0, m.start() - 14), m.start());
        // "the Spin Boldak district of Kandahar": a province, not its capital city
        String unit = after.matches("(?s)^\\s+region\\b.*")
                ? "district"
                : before.matches("(?s).*\\bdistricts?\\s+of\\s+$")
                                || PROVINCES_OF
                                        .matcher(text.substring(Math.max(0, m.start() - 60), m.start()))
                                        .find()
                        ? "province"
                        : null;
        if (!kind.equals("city") && !kind.equals("town") || unit == null) {
            return m;
        }
        String name = m.text().replaceAll("['’]s$", "").toLowerCase(Locale.ROOT);
        for (Place p : all) {
            if (p.kind().equals(unit)
                    && p.name().toLowerCase(Locale.ROOT).contains(name)
                    && p.geometry().covers(m.place().geometry().getInteriorPoint())) {
                return new Mention(
                        m.text(), m.start(), m.end(), p, m.score(), unit, false, m.choice(), m.alternatives());
            }
        }
        return m;
    }

    /** "the provinces of Paktika and Kandahar", "the province of Khost": each name listed is a province, not its city. */
    static final Pattern PROVINCES_OF = Pattern.compile(
            "\\bprovinces?\\s+of\\s+(?:[A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*)?(?:\\s*,\\s*|\\s+and\\s+|\\s*,\\s*and\\s+)){0,4}$");

    static boolean near(Place a, Place b) {
        if (a.id().equals(b.id())) {
            return true;
        }
        if (a.kind().equals("border")
                || b.kind().equals("border")
                || a.kind().equals("country")
                || b.kind().equals("country")) {
            return false;
        }
        return a.geometry().distance(b.geometry()) <= ADJACENT;
    }

    /**
     * The location of an event from its places; {@code alongBorder} when its sentences put the
     * fighting on the border, {@code line} the Durand Line (null if the gazetteer lacks it).
     */
    static Where where(Collection<Place> named, boolean alongBorder, Place line) {
        List<Place> places = new ArrayList<>(named);
        List<Place> provinces =
                places.stream().filter(p -> p.kind().equals("province")).toList();
        List<Place> smaller = places.stream()
                .filter(p -> !p.kind().equals("province")
                        && !p.kind().equals("border")
                        && !p.kind().equals("country"))
                .toList();
        if (line != null && alongBorder && !provinces.isEmpty() && smaller.isEmpty()) {
            Geometry segment = Locations.borderSegment(line.geometry(), provinces);
            if (segment != null) {
                if (places.stream().noneMatch(p -> p.id().equals(line.id()))) {
                    places.add(line);
                }
                return new Where(segment, "border_segment", places);
            }
        }
        List<Place> shape = new ArrayList<>(smaller);
        for (Place p : provinces) {
            if (smaller.stream()
                    .noneMatch(s -> p.admin1() != null && p.admin1().equals(s.admin1())
                            || p.geometry().covers(s.geometry().getInteriorPoint()))) {
                shape.add(p);
            }
        }
        if (shape.isEmpty()) {
            shape.addAll(places);
        }
        if (shape.isEmpty()) {
            return null;
        }
        String precision = shape.size() > 1
                ? "multiple"
                : switch (shape.get(0).kind()) {
                    case "crossing" -> "exact";
                    case "province" -> "province";
                    case "border" -> "border_segment";
                    case "country" -> "country";
                    case "district" -> "district";
                    default -> "near";
                };
        return new Where(Locations.union(shape), precision, places);
    }
}
