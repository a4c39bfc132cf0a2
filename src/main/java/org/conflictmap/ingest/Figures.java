package org.conflictmap.ingest;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The figures one sentence states: "at least 13 civilians were killed", "killing five and wounding
 * 14", "captured six posts", "dozens of soldiers were killed" (no number: the word is kept), "no post
 * was lost" (a denial: 0), "shot down a Pakistani F-16", "put the toll at 18". Each figure keeps its
 * field, value, the bound as stated ("more than"), the noun it counts and the nationality words
 * around it, so that {@link Claims} can tell whose losses they are. Who stated it is not decided here.
 */
final class Figures {
    /** One stated figure: value null when the text gives a word ("dozens") instead of a number. */
    record Figure(
            String field,
            Integer value,
            String bound,
            String vague,
            String noun,
            String nationality,
            String verb,
            int start,
            int end) {
        /** The same figure with the noun and nationality another one gives it. */
        Figure about(String otherNoun, String otherNationality) {
            return new Figure(field, value, bound, vague, otherNoun, otherNationality, verb, start, end);
        }

        /** The same figure, its offsets moved by {@code offset}. */
        Figure shifted(int offset) {
            return new Figure(field, value, bound, vague, noun, nationality, verb, start + offset, end + offset);
        }

        /** A denial (0) of one kind of loss, at a match in a part of the sentence that starts at {@code at}. */
        static Figure denial(String field, String noun, Matcher m, int at) {
            return new Figure(field, 0, null, null, noun, nat(m.group(1)), "denied", at + m.start(), at + m.end());
        }
    }

    static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("a", 1),
            Map.entry("an", 1),
            Map.entry("one", 1),
            Map.entry("two", 2),
            Map.entry("three", 3),
            Map.entry("four", 4),
            Map.entry("five", 5),
            Map.entry("six", 6),
            Map.entry("seven", 7),
            Map.entry("eight", 8),
            Map.entry("nine", 9),
            Map.entry("ten", 10),
            Map.entry("eleven", 11),
            Map.entry("twelve", 12),
            Map.entry("thirteen", 13),
            Map.entry("fourteen", 14),
            Map.entry("fifteen", 15),
            Map.entry("sixteen", 16),
            Map.entry("seventeen", 17),
            Map.entry("eighteen", 18),
            Map.entry("nineteen", 19),
            Map.entry("twenty", 20),
            Map.entry("thirty", 30),
            Map.entry("forty", 40),
            Map.entry("fifty", 50),
            Map.entry("sixty", 60),
            Map.entry("seventy", 70),
            Map.entry("eighty", 80),
            Map.entry("ninety", 90),
            Map.entry("hundred", 100),
            Map.entry("a dozen", 12),
            Map.entry("dozen", 12),
            Map.entry("another", 1));
    static final String NUMWORD =
            "(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                    + "sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred)";
    static final String QUANT = "(?:\\d{1,3}(?:,\\d{3})+|\\d+|" + NUMWORD + "(?:[- ]" + NUMWORD + ")?|a dozen)";
    static final String VAGUE = "(?:dozens|scores|several|hundreds|many|a number|a large number|a few|a handful)";
    static final String BOUND =
            "(?:at least|more than|over|nearly|about|around|some|up to|as many as|fewer than|less than|almost|roughly)";
    static final String PLURAL =
            "(?:soldiers|troops|militants|fighters|civilians|people|persons|children|women|men|refugees|policemen|"
                    + "passers-by|passersby|bystanders|"
                    + "police officers|police|officers|insurgents|terrorists|khwarij|khawarij|kharijis|attackers|infiltrators|guards|border guards|"
                    + "worshippers|residents|servicemen|labourers|laborers|workers|mujahideen|mujahidin|"
                    + "villagers|passengers|members|officials|commanders|personnel|others|forces|family members|returnees|students|countrymen|compatriots|citizens|"
                    + "posts|outposts|checkposts|positions|aircraft|drones|jets|affiliates|associates|"
                    // ISPR's soldiers: "2 brave sons of soil … embraced shahadat"
                    + "sons of (?:the )?soil|"
                    // "30 Afghan Taliban were killed"; but in "four Afghan Taliban posts" the noun is posts
                    + "Taliban(?!\\s+(?:posts?|outposts?|checkposts?|positions?|fighters?|soldiers?|militants?|commanders?|members?|officials?|"
                    + "forces|guards?|troops|personnel|men|man|regime|government|administration)\\b))";
    static final String SINGULAR =
            "(?:soldier|militant|fighter|civilian|person|child|woman|man|girl|boy|refugee|policeman|police officer|"
                    + "officer|guard|elder|commander|official|member|resident|worshipper|serviceman|labourer|laborer|worker|passerby|bystander|post|outpost|drone|jet|aircraft|F-16|plane|helicopter|quadcopter)";
    /** An adjective or other word between a number and its noun: never a conjunction, a verb of being, a number or "bodies". */
    static final String MOD =
            "(?:\\s+(?!(?:and|or|were|was|are|bodies|body|families|family|had|have|of)\\b)(?!" + QUANT + "\\b)[\\w'’-]+"
                    // "Four Frontier Corps (FC) soldiers": an acronym in brackets after the unit's name
                    + "|\\s+\\([A-Z]{2,6}\\))";

    static final String VERBS =
            "(killed|dead|died|wounded|injured|hurt|martyred|embraced martyrdom|embraced shahadat|captured|taken prisoner|"
                    + "taken|seized|overrun|destroyed|fallen|fell|arrested|captured alive|abducted|lost (?:their|his|her) li(?:ves|fe)|lost|sent to hell|"
                    + "laid down (?:their|his|her) li(?:ves|fe)|confirmed dead|confirmed killed|"
                    + "eliminated|neutrali[sz]ed|"
                    // "six others sustained injuries", "a labourer was hit by a bullet": wounded
                    + "sustained (?:[\\w-]+\\s+)?(?:injuries|wounds)|hit by (?:a\\s+)?(?:stray\\s+)?(?:bullets?|shrapnel))";
    /** "five civilians, including three children, were killed" and, without the commas, "five civilians including three children were killed". */
    static final String AUX =
            "(?:\\s*,\\s*(?:(?:including|among them|most of them|many of them|all of them|mostly|mainly|largely)[^,]{1,50}|[^,]{1,40}\\s+among\\s+them|"
                    // "Five civilians, three of them children, were martyred"
                    + QUANT + "\\s+of\\s+them\\s+[^,]{1,40}|"
                    // "Two people, a woman and an elderly man, died", "two civilians, a man and his son, were wounded"
                    + "(?:a|an)\\s+[\\w'’-]+(?:\\s+[\\w'’-]+)?\\s+and\\s+(?:a|an|his|her|their)\\s+[\\w'’-]+(?:\\s+[\\w'’-]+)?|"
                    // "45 khwarij, the term Pakistan uses for fighters of the Pakistani Taliban, were killed"
                    + "the\\s+(?:term|word|name)\\s+[^,]{1,60}|"
                    // "4 of their posts, being used by khwarij, were destroyed", "2 brave sons of soil, having fought
                    // gallantly, embraced shahadat": a participle's aside
                    + "(?:being|having)\\s+[^,]{1,60}|"
                    // "over 20 militants, who he said had gathered near the posts, were confirmed dead": a relative
                    // clause
                    + "who\\s+[^,]{1,80}|"
                    // "One soldier, Sepoy Muhammad Irfan, a resident of Karak, embraced martyrdom": the man's name (and
                    // home)
                    + "(?-i:[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+){1,3})(?:\\s*,\\s*(?:a|an)\\s+(?:resident|native)\\s+of\\s+[^,]{1,40})?),|\\s+(?:including|among them)\\s+(?:"
                    + QUANT
                    + "|a|an)\\s+[\\w'’-]+(?:\\s+[\\w'’-]+)?"
                    // "a labourer working at the terminal was hit": where the man was, as a participle
                    + "|\\s+(?:working|standing|sitting|travelling|traveling|living)\\s+(?:at|in|on|near)\\s+(?:the\\s+|a\\s+)?[\\w'’-]+)?"
                    + "(?:\\s+(?:were|was|had been|have been|has been|"
                    + "are|is|had|have|also|reportedly|later|been|all|were all|allegedly|"
                    // "Further 3 soldiers got injured"
                    + "got|get|gets))*";
    /** "three of its soldiers", "two of its own fighters": a part of one's own men ({@link #OUR} reads whose). */
    static final String OF_OWN = "(?:\\s+of\\s+(?:its|their|our)(?:\\s+own)?)?";
    /** Whose men a noun names after it: "three soldiers of the Islamic Emirate", "two commanders of the Pakistani Taliban". */
    static final String OF_WHOM =
            "of\\s+(?:the\\s+)?(?:Islamic Emirate|Pakistani Taliban|Afghan Taliban|TTP|Tehr[ei]e?k[- ]e[- ]Taliban Pakistan|"
                    + "Pakistan(?:i)? (?:army|military)|Afghan (?:army|forces)|"
                    // "two members of the Islamic Emirate's forces", "two soldiers of Pakistan's Frontier Corps"
                    + "(?:Pakistan|Afghanistan|(?:Islamic )?Emirate)['’]s|"
                    // Pakistan's paramilitary forces: "three personnel of the Chitral Levies"
                    + "(?:[A-Z][\\w-]+\\s+)?(?:Levies|Frontier Corps|Rangers|Scouts))\\b";

    static final Pattern OF_WHOM_AFTER = Pattern.compile("(?i)^\\s+(" + OF_WHOM + ")");
    /**
     * "seven members of one family were killed" (the family makes them civilians), "two members of the
     * Levies force were killed" (a force's members are its men).
     */
    static final String OF_FAMILY =
            "(?:\\s+of\\s+(?:a|an|one|the|their|his|her|the same)\\s+(?:[\\w-]+\\s+){0,2}?(?:famil(?:y|ies)|force|forces|"
                    + "police|militia|army|corps|unit|council|levies|rangers|scouts|constabulary)|\\s+" + OF_WHOM
                    + "(?:\\s+[\\w-]+){0,3}?\\s+"
                    + "(?:forces|force|corps|army|police|militia|guards|units?|troops|personnel)|\\s+" + OF_WHOM + ")?";

    static final Pattern PASSIVE =
            Pattern.compile("(?i)\\b(?:(" + BOUND + ")\\s+)?(" + QUANT + "|" + VAGUE + ")(?:\\s+of)?"
                    + "(?:\\s+(?:their|its|the|our|them|his|her))?(" + MOD + "{0,3}?)\\s+(" + PLURAL + ")\\b"
                    + OF_FAMILY + AUX + "\\s+" + VERBS
                    + "\\b");
    /** "More than 30 Afghan Taliban and khwarij were killed": one figure counts two nouns together; the first one's words give the side. */
    static final Pattern JOINT = Pattern.compile("(?i)\\b(?:(" + BOUND + ")\\s+)?(" + QUANT + "|" + VAGUE + ")(" + MOD
            + "{0,3}?)\\s+(" + PLURAL + ")\\s+and\\s+(?:(?!" + QUANT + "\\b|a\\b|an\\b)[\\w'’-]+\\s+){0,2}?" + PLURAL
            + "\\b" + AUX + "\\s+" + VERBS + "\\b");
    /** "at least 11 civilians were among the dead": a number (not "several") among a toll is that many killed. */
    static final Pattern AMONG_DEAD = Pattern.compile("(?i)\\b(?:(" + BOUND + ")\\s+)?(" + QUANT + ")(" + MOD
            + "{0,3}?)\\s+(" + PLURAL + ")"
            // "two civilians, one of them a shopkeeper, were among the dead"
            + "(?:\\s*,\\s*(?:" + QUANT + "\\s+of\\s+them\\s+[^,]{1,40}|(?:including|among them)\\s+[^,]{1,50}),)?"
            + "\\s+(?:were|are|was)\\s+among\\s+(?:the\\s+dead|those\\s+killed)\\b");
    /** "received the bodies of two civilians", "the bodies of 10 Pakistani soldiers had been brought to Kunar": that many killed. */
    static final Pattern BODIES = Pattern.compile(
            "(?i)\\bbodies\\s+of\\s+(?:(" + BOUND + ")\\s+)?(" + QUANT + ")(" + MOD + "{0,3}?)\\s+(" + PLURAL + ")\\b");
    /** "four civilians had been brought in with shrapnel wounds": a hospital's count of the wounded it received. */
    static final Pattern BROUGHT_IN =
            Pattern.compile("(?i)\\b(?:(" + BOUND + ")\\s+)?(" + QUANT + ")(" + MOD + "{0,3}?)\\s+("
                    + PLURAL + ")\\b" + AUX
                    + "\\s+(?:brought in|brought to (?:the\\s+)?hospital|taken to (?:the\\s+)?hospital|admitted)"
                    + "\\s+with\\s+(?:[\\w-]+\\s+){0,2}?(?:wounds|injuries)\\b");
    /** "were treating six people with shrapnel wounds", "treated 22 wounded": the wounded a hospital has. */
    static final Pattern TREATING = Pattern.compile("(?i)\\b(?:treating|treated)\\s+(?:(" + BOUND + ")\\s+)?(" + QUANT
            + ")(" + MOD + "{0,3}?)\\s+(" + PLURAL + ")\\b");

    static final Pattern PASSIVE_ONE = Pattern.compile(
            "(?i)\\b(a|an|one)(" + MOD + "{0,3}?)\\s+(" + SINGULAR + ")\\b" + OF_FAMILY + AUX + "\\s+" + VERBS + "\\b");
    static final Pattern ACTIVE =
            Pattern.compile("(?i)\\b(killing|killed|kill|kills|wounding|wounded|injuring|injured|martyring|martyred|"
                    + "capturing|captured|seized|seizing|took|taken|overran|overrun|destroyed|destroying|left|leaving|lost|losing|eliminated|"
                    + "eliminating|(?:took|taken|taking|seized|gained)\\s+control\\s+of)\\s+(?:(" + BOUND
                    // "killing around 15 to 20 Afghan Taliban": read at the range's upper end, which lowerBound()
                    // lowers
                    + ")\\s+)?(?:" + QUANT + "\\s+(?:to|or)\\s+)?(" + QUANT + "|" + VAGUE
                    + ")(?:\\s+of)?(?:\\s+(?:their|its|the|our|them))?(" + MOD
                    + "{0,3}?)\\s+("
                    + PLURAL + ")\\b" + OF_FAMILY + "(\\s+dead)?");
    /** A second object of an active toll: (killing five security personnel)" and two civilians". */
    static final Pattern ACTIVE_AND = Pattern.compile(
            "(?i)\\s+and\\s+(?:(" + BOUND + ")\\s+)?(" + QUANT + ")(" + MOD + "{0,3}?)\\s+(" + PLURAL + ")\\b");
    /** "killing between 30 and 35 terrorists": the lower bound, the range kept as stated. */
    static final Pattern ACTIVE_RANGE = Pattern.compile("(?i)\\b(killing|killed|wounding|wounded|injuring|injured|"
            + "destroying|destroyed|capturing|captured)\\s+between\\s+(" + QUANT + ")\\s+and\\s+(" + QUANT + ")(" + MOD
            + "{0,3}?)\\s+(" + PLURAL + ")\\b");

    static final Pattern ACTIVE_ONE =
            Pattern.compile("(?i)\\b(killing|killed|wounding|wounded|injuring|injured)\\s+(a|an|one)(" + MOD
                    + "{0,3}?)\\s+(" + SINGULAR + ")\\b");
    /** "two soldiers and", "three of its soldiers and" before a passive figure: the same verb counts them too. */
    static final Pattern COORDINATED = Pattern.compile("(?i)\\b(?:(" + BOUND + ")\\s+)?(" + QUANT + ")" + OF_OWN + "("
            + MOD + "{0,3}?)\\s+(" + PLURAL + ")\\s+and\\s+$");
    /** "14 dead Pakistani soldiers", "four captured posts": the adjective before the noun says what happened to them. */
    static final Pattern ADJECTIVAL = Pattern.compile("(?i)\\b(?:(" + BOUND + ")\\s+)?(" + QUANT
            + ")\\s+(injured|wounded|dead|captured|destroyed)((?:\\s+(?:Pakistani|Afghan))?)\\s+"
            + "(people|persons|civilians|soldiers|troops|posts|outposts|checkposts)\\b");
    /**
     * A monitor's count: "verified the deaths of at least nine civilians", "injuries to seven others", "at least 12 civilian
     * deaths".
     */
    static final Pattern DEATHS_OF =
            Pattern.compile("(?i)\\b(deaths|death|killings?|injuries|injury|loss)\\s+(?:of|to)\\s+(?:("
                    + BOUND + ")\\s+)?(" + QUANT + ")" + OF_OWN + "(" + MOD + "{0,3}?)\\s+(" + PLURAL + "|" + SINGULAR
                    + ")\\b"
                    // "at least 12 civilian deaths"; a count with no noun after a verb that counts ("recorded 11
                    // deaths")
                    + "|\\b(?:(" + BOUND + ")\\s+)?(" + QUANT + ")\\s+(civilian|military)\\s+(deaths|injuries)\\b"
                    + "|\\b(?:reported|recorded|registered|confirmed|counted)\\s+(?:(" + BOUND + ")\\s+)?(" + QUANT
                    + ")\\s+(deaths|fatalities)\\b");
    /** The injuries counted with the deaths: (recorded 11 deaths)" and a few injuries". */
    static final Pattern AND_INJURIES = Pattern.compile(
            "(?i)^\\s+and\\s+(?:(" + BOUND + ")\\s+)?(" + QUANT + "|" + VAGUE + ")\\s+(?:other\\s+)?injuries\\b");

    static final Pattern BARE = Pattern.compile("(?i)(?:\\band|,|;|\\bwith|\\bwhile|\\bthat|\\btreated|\\badmitted|^|"
            // a clause after its reporting verb without "that": "claims more than 30 of them died"
            + "\\b(?:said|says|claims|claimed|insists|insisted)\\b)\\s*(?:(" + BOUND + ")\\s+)?(" + QUANT
            + "|several|another|dozens|scores|hundreds)(?:\\s+of\\s+them)?(?:\\s+(?:others|more|other people))?(?:\\s+(?:were|was|had been|have been|also))*\\s+"
            + "(killed|wounded|injured|dead|died|"
            + "destroyed|captured|hurt|sustained\\s+(?:[\\w-]+\\s+)?(?:injuries|wounds))\\b");
    static final Pattern BARE_ACTIVE = Pattern.compile("(?i)\\b(wounding|injuring|killing|wounded|injured)\\s+(?:("
            + BOUND + ")\\s+)?(" + QUANT + ")\\b(?!\\s*(?:km|kilomet|mile|%|per\\b|"
            // "were injured two days ago": a time, not a figure
            + "(?:days?|hours?|weeks?|months?|years?|minutes?|nights?)\\b))");
    static final Pattern ANTECEDENT = Pattern.compile("(?i)\\b(" + PLURAL
            + ")\\b((?:\\s+of)?(?:\\s+the)?(?:\\s+(?:Pakistani|Afghan)" + "(?:\\s+Taliban)?|\\s+TTP)?)");
    /** "had taken two Pakistani soldiers prisoner". */
    static final Pattern PRISONER = Pattern.compile("(?i)\\b(?:took|taken|taking|take)\\s+(?:(" + BOUND + ")\\s+)?("
            + QUANT + ")(" + MOD + "{0,3}?)\\s+(" + PLURAL + ")\\s+(?:as\\s+)?(?:prisoners?|captives?|hostages?)\\b");
    /** "killed a dozen of them": the noun is in the sentence before, so the figure has none. */
    static final Pattern OF_THEM = Pattern.compile("(?i)\\b(killing|killed|wounding|wounded|injuring|injured)\\s+(?:("
            + BOUND + ")\\s+)?(" + QUANT + ")\\s+of\\s+them\\b");

    static final Pattern TOLL = Pattern.compile(
            "(?i)\\b(?:put|putting|puts|placed)\\s+the\\s+(?:death\\s+)?toll\\s+(?:(?:from|of|in)\\s+[^.;,]{1,40}?\\s+)?at\\s+(?:("
                    + BOUND + ")\\s+)?(" + QUANT
                    + ")\\b|\\btoll\\b[^.;]{0,100}?\\b(?:rose|risen|climbed|jumped|reached|rises)\\s+to\\s+(?:("
                    + BOUND + ")\\s+)?(" + QUANT + ")\\b");
    /** "Kandahar officials now put the number of civilians killed in the clash at 12": a toll of that noun. */
    static final Pattern NUMBER_PUT =
            Pattern.compile("(?i)\\b(?:put|puts|putting|placed)\\s+the\\s+number\\s+of\\s+((?:[\\w'’-]+\\s+){0,3}?)("
                    + PLURAL + ")\\s+(killed|dead|wounded|injured)\\b[^.;]{0,80}?\\bat\\s+(?:(" + BOUND + ")\\s+)?("
                    + QUANT + ")\\b");
    /** A figure given before it was revised: "had earlier (in the day) put …", "had initially put …". */
    static final Pattern SUPERSEDED =
            Pattern.compile("(?i)\\bhad\\s+(?:earlier|initially|first|previously)\\b[^.;]{0,30}$");
    /** "the number of Afghan Taliban killed in the Pakistani response had risen to 41". */
    static final Pattern NUMBER_ROSE =
            Pattern.compile("(?i)\\bnumber of ((?:[\\w'’-]+\\s+){0,3}?)(" + PLURAL + "|(?:[\\w'’-]+\\s+)?)\\s*"
                    + "(killed|dead|wounded|injured)\\b[^.;]{0,60}?\\b(?:rose|risen|climbed|jumped|reached|rises|stood at|stands at)\\s+(?:to\\s+)?"
                    + "(?:(" + BOUND + ")\\s+)?(" + QUANT + ")\\b");

    static final Pattern POSTS_AT =
            Pattern.compile("(?i)\\bnumber of (?:posts|outposts|positions) (destroyed|captured) at (" + QUANT + ")\\b");
    static final Pattern DOWNED =
            Pattern.compile("(?i)\\b(?:shot down|shoot down|shooting down|downed|brought down|bringing down|"
                    + "neutralised|neutralized)\\s+(?:(a|an|one|two|three|" + QUANT
                    + ")\\s+)?((?:[\\w'’-]+\\s+){0,3}?)(drone|jet|"
                    + "aircraft|F-16|plane|helicopter|quadcopter|fighter)s?\\b");
    static final Pattern DOWNED_PASSIVE = Pattern.compile(
            "(?i)\\b(?:(Pakistani|Afghan)\\s+)?(?:[\\w-]+\\s+){0,2}?(drone|jet|aircraft|F-16|"
                    + "plane|helicopter|quadcopter)\\s+(?:was|had been|has been)\\s+(?:shot down|brought down|downed)\\b");
    static final Pattern NO_POST = Pattern.compile(
            "(?i)\\b(?:no|not a single|not one|any)\\s+(?:(Pakistani|Afghan)\\s+)?(?:army\\s+|border\\s+)?"
                    + "(?:post|posts|outpost|outposts|checkpost|checkposts|position)\\s+(?:had\\s+|has\\s+|was\\s+|were\\s+|have\\s+)?(?:been\\s+)?"
                    // "Not a single post has been vacated or captured", "no post damaged" (a post destroyed is not one
                    // lost)
                    + "(?:(?:vacated|abandoned|evacuated)\\s+or\\s+)?(fallen|fell|lost|captured|taken|overrun|damaged|destroyed)\\b");
    static final Pattern NO_PEOPLE =
            Pattern.compile("(?i)\\b(?:no|not a single|not one|any)\\s+(?:(Pakistani|Afghan)\\s+)?(soldier|soldiers|"
                    + "troops|civilians|civilian|militants|one|fighters)\\s+(?:had\\s+|has\\s+|was\\s+|were\\s+|have\\s+)?(?:been\\s+)?"
                    + "(captured|taken prisoner|taken|killed|martyred|wounded|injured|hurt|harmed|present)\\b");
    /** "There were no civilians there": nobody of that kind where the strike fell, as "no militants were present" is. */
    static final Pattern NONE_THERE = Pattern.compile(
            "(?i)\\bthere\\s+(?:were|was)\\s+no\\s+(?:(Pakistani|Afghan)\\s+)?"
                    + "(civilians|militants|fighters|soldiers|troops)\\s+(?:there|present|in\\s+the\\s+(?:area|village|house|houses|building))\\b");

    /** "not a single member of the TTP or any other group was present in the area": no militant was there to be killed. */
    static final Pattern NO_MEMBER_THERE = Pattern.compile(
            "(?i)\\b(?:no|not a single|not one)\\s+(?:member|fighter|militant)s?\\s+of\\s+(?:the\\s+)?[\\w-]+(?:\\s+[\\w-]+){0,3}?"
                    + "(?:\\s+or\\s+(?:of\\s+)?any\\s+other\\s+[\\w\\s-]{1,30}?)?\\s+(?:was|were|had been)\\s+(?:present|there)\\b");

    static final Pattern NOBODY = Pattern.compile(
            "(?i)\\b(?:nobody|no one|no-one)(?:\\s+(?:on the ground|else|in the area|inside|nearby))?\\s+(?:was|had been|were)\\s+"
                    + "(hurt|injured|killed|harmed|wounded)(?:\\s+or\\s+(hurt|injured|killed|harmed|wounded))?\\b");
    static final Pattern NO_CASUALTIES =
            Pattern.compile("(?i)(?<!reports of )(?<!reports of any )\\bno\\s+(civilian\\s+)?(?:casualties|"
                    + "deaths|injuries|losses|loss)\\b(?:\\s+(?:on|among)\\s+(?:the\\s+|their\\s+|its\\s+)?(Pakistani|Afghan)\\s+(?:side|forces|troops|soldiers|"
                    + "ranks))?"
                    // "No casualties were reported" is the reporter's own line, not a party's denial, unless a speaker
                    // is named after it
                    // in the same sentence ("No casualties were reported on either side, the official said")
                    + "(?!\\s+(?:were|was|have been|had been)\\s+(?:immediately\\s+)?reported(?![^.;]*,\\s*(?:the|a|an|he|she|they|"
                    + "police|officials?)\\b[^,.;]{0,60}\\b(?:said|says|told|added)\\b))");
    static final Pattern NO_AIRCRAFT = Pattern.compile(
            "(?i)\\bno\\s+(?:(?:Pakistani|Afghan|(?-i:[A-Z]{2,5}))\\s+)?(?:aircraft|jet|drone|plane)s?\\s+"
                    + "(?:had\\s+|has\\s+|was\\s+|were\\s+)?(?:been\\s+)?(?:lost|downed|shot down)\\b"
                    + "|\\b(?:has|have|had|did)\\s+not\\s+(?:lost|lose)\\s+(?:any|a single)\\s+(?:aircraft|jets?|planes?|drones?)\\b"
                    // "Pakistan's military said it had lost no aircraft"
                    + "|\\b(?:lost|lose|loses)\\s+no\\s+(?:aircraft|jets?|planes?|drones?)\\b");
    static final Pattern DENIED_CLAIM = Pattern.compile(
            "(?i)\\b(?:rejected|rejects|rejecting|denied|denies|denying|dismissed|dismisses|dismissing|refuted|refutes|"
                    + "refuting)\\b[^.;]{0,40}?\\b(?:claims?|reports?)"
                    // "dismissed as propaganda a claim by the Afghan Taliban that they had shot down a drone",
                    // "rejected
                    // claims circulated by the Taliban's defence authorities regarding a strike"
                    + "(?:\\s+(?:\\w+\\s+)?(?:by|from)\\s+[^.;,]{1,50}?)?\\s+(?:that|of|about|regarding)\\b");
    static final Pattern DISMISSED_ENDS = Pattern.compile("[.;]|,\\s+(?:saying|adding|insisting|and\\s+said)\\b");
    static final Pattern DENIED_POSTS = Pattern.compile(
            "(?i)\\b(?:(?:any|a single)\\s+(?:of\\s+(?:its|their|our)\\s+)?)?(?:(Pakistani|Afghan)\\s+)?(?:posts?|outposts?)\\s+(?:(?:had|have|has)\\s+been|were|was)\\s+(?:captured|lost|taken)\\b");
    static final Pattern DENIED_AIRCRAFT = Pattern.compile(
            "(?i)\\b(?:(Pakistani|Afghan)\\s+)?(?:drone|jet|aircraft|F-16|plane)\\s+(?:had|has)\\s+been\\s+(?:downed|shot down)\\b");

    /** "denies hitting civilians", "denied killing any civilians": none killed (but "denied targeting civilians" is an intent). */
    static final Pattern DENIED_HITTING = Pattern.compile(
            "(?i)\\b(?:denied|denies|deny|denying)\\s+(?:hitting|harming|killing)\\s+(?:(?:any|a single)\\s+)?civilians?\\b");

    /**
     * "denied hitting any civilian targets", "denies losing any posts", "denied that it had lost any soldiers": a
     * party's denial of any loss of that kind is its figure 0. Only with "any": "denied targeting civilians"
     * denies an intent, not a toll, and states no figure.
     */
    static final Pattern DENIED_ANY = Pattern.compile(
            "(?i)\\b(?:denied|denies|deny|denying|rejected)\\s+(?:that\\s+(?:it|they|its forces|"
                    + "its troops)\\s+(?:had|have|has)\\s+)?(hitting|targeting|striking|shelling|harming|killing|losing|lost|having lost|"
                    + "suffering|suffered)\\s+(?:any|a single)\\s+(?:(Pakistani|Afghan)\\s+)?(?:(civilian|army|border|military|security)\\s+)?"
                    + "(targets?|areas?|homes?|houses?|populations?|settlements?|villages?|civilians?|posts?|outposts?|checkposts?|positions?|"
                    + "soldiers?|troops|personnel|men|lives|casualties|aircraft|jets?|drones?|planes?|helicopters?)\\b");

    /**
     * "denied that any of its posts had been captured", "denies that a single drone was shot down": a party's denial that it
     * lost any post or aircraft is its figure 0, as "denied losing any posts" is.
     */
    static final Pattern DENIED_THAT_ANY = Pattern.compile(
            "(?i)\\b(?:denied|denies|deny|denying|rejected)\\s+that\\s+(?:any|a single)\\s+(?:of\\s+(?:its|their|our)\\s+)?"
                    + "(?:(Pakistani|Afghan)\\s+)?(posts?|outposts?|checkposts?|positions|aircraft|jets?|drones?|planes?)\\s+"
                    + "(?:had|has|have|was|were)\\s+(?:been\\s+)?(?:captured|lost|taken|overrun|seized|downed|shot down)\\b");
    /** "the hospital had received 13 bodies", "recovered six bodies": a hospital's or rescuers' count of the dead. */
    static final Pattern RECEIVED_BODIES = Pattern.compile("(?i)\\b(?:received|recovered|retrieved|brought in)\\s+(?:("
            + BOUND + ")\\s+)?(" + QUANT + ")\\s+(?:dead\\s+)?bodies\\b");
    /** "eight bodies had been recovered", "six bodies were pulled out of the rubble": the same count, told in the passive. */
    static final Pattern BODIES_RECOVERED = Pattern.compile(
            "(?i)\\b(?:(" + BOUND + ")\\s+)?(" + QUANT
                    + ")\\s+(?:dead\\s+)?bodies\\s+(?:had|have|has)?\\s*(?:been|were|was)\\s+(?:recovered|retrieved|pulled out|brought in|found)\\b");

    private Figures() {}

    /**
     * Quotation marks around a word ("killed 25 \"terrorists\"", 'dozens of terrorists') stand
     * between a number and its noun; they become spaces, so that offsets stay those of the article.
     */
    static final Pattern QUOTES = Pattern.compile("[\"“”‘]|(?<![\\w])'|'(?![\\w])(?<!s')");
    /** "between 10 and 15 people": the lower figure is the claim's value, the range its bound. */
    static final Pattern RANGE = Pattern.compile("(?i)\\bbetween\\s+(" + QUANT + ")\\s+and\\s+(?=" + QUANT + "\\b)");
    /** "the head of the council and his deputy": two people named by their posts. */
    static final Pattern HEAD_AND_DEPUTY =
            Pattern.compile("(?i)\\b(killing|killed|wounding|wounded|injuring|injured)\\s+the\\s+"
                    + "(?:head|chief|commander|leader|chairman|director|mayor|elder)\\b[^,.;]{0,60}?\\s+and\\s+(?:his|her|their)\\s+(?:deputy|son|brother|"
                    + "aide|driver|guard|bodyguard)\\b");

    static final Pattern LOST_NO_POST = Pattern.compile(
            "(?i)\\b(?:(Pakistani|Afghan)\\s+(?:forces|troops|soldiers|border forces)\\s+)?"
                    + "(?:had\\s+|have\\s+|has\\s+)?(?:lost|lose)\\s+no\\s+(?:posts?|outposts?|checkposts?|positions?)\\b");

    /** The figures of one sentence, in text order; {@code offset} is the sentence's start in the article. */
    static List<Figure> of(String quoted, int offset) {
        String sentence = blank(DIGITS_AGAIN, QUOTES.matcher(quoted).replaceAll(" "));
        List<Figure> out = new ArrayList<>();
        if (CUMULATIVE.matcher(sentence).find()) {
            // "Since the beginning of July, security forces have killed 61 khwarij": a running tally, no event's toll
            return out;
        }
        read(FIRST, sentence, out);
        Matcher denied = DENIED_CLAIM.matcher(sentence);
        int[] dismissed = null;
        if (denied.find()) {
            String clause = sentence.substring(denied.end());
            int at = denied.end();
            // the claim ends with the sentence, or where the speaker's own account begins ("…, saying 30 militants were
            // killed")
            Matcher stop = DISMISSED_ENDS.matcher(clause);
            dismissed = new int[] {at, stop.find() ? at + stop.start() : sentence.length()};
            Matcher m = DENIED_POSTS.matcher(clause);
            if (m.find()) {
                add(out, Figure.denial("posts_captured", "posts", m, at));
            }
            m = DENIED_AIRCRAFT.matcher(clause);
            if (m.find()) {
                add(out, Figure.denial("aircraft_downed", "aircraft", m, at));
            }
        }
        read(THEN, sentence, out);
        if (dismissed != null) {
            // "dismissed Afghanistan's claim of shooting down a Pakistani F-16": the figure is the other side's claim,
            // not the speaker's
            final int[] d = dismissed;
            out.removeIf(f -> f.start() >= d[0] && f.start() < d[1] && !"denied".equals(f.verb()));
        }
        deniedAfter(sentence, out);
        lowerBound(sentence, out);
        out.sort(Comparator.comparingInt(Figure::start));
        // "six of its own fighters had been killed and nine others wounded": the others are the speaker's own too
        ours(sentence, out);
        inheritNouns(out);
        ofWhom(sentence, out);
        ours(sentence, out);
        return shift(out, offset);
    }

    /** "nine (9) khwarij": a number spelled out, then again in digits in brackets (a press release's habit). */
    static final Pattern DIGITS_AGAIN = Pattern.compile("(?i)(?<=[a-z])\\s+\\(\\d{1,4}\\)(?=\\s)");

    /**
     * A running tally over weeks or months, not one event's toll: "Since the beginning of July, security forces have
     * killed 61 khwarij", "so far this year 40 soldiers have been martyred".
     */
    static final Pattern CUMULATIVE = Pattern.compile(
            "(?i)\\b(?:since the (?:beginning|start) of|so far this (?:year|month)|(?:earlier )?this year alone|"
                    + "in the (?:past|last) (?:few |several |\\w+ )?(?:months|years))\\b.*\\b(?:have|has)\\b"
                    // "at least 37 civilians have been killed in such incidents since January": a toll since a month
                    + "|\\b(?:have|has)\\s+been\\s+(?:killed|wounded|injured|martyred)\\b[^.;]*\\bsince\\s+(?:January|February|"
                    + "March|April|May|June|July|August|September|October|November|December|the start of)\\b(?!\\s+\\d{1,2}\\b)"
                    // a year's or a period's total: "More than 2,400 people were killed in militant violence … last
                    // year",
                    // "between 1 January and 31 August it documented 112 civilian casualties"
                    + "|\\b(?:killed|wounded|injured)\\s+in\\s+(?:militant|terrorist|political|cross-border)\\s+(?:violence|attacks|incidents)\\b"
                    + "[^.;]*\\b(?:last|that|the previous|this)\\s+year\\b"
                    + "|\\bbetween\\s+(?:\\d{1,2}\\s+)?(?:January|February|March|April|May|June|July|August|September|October|November|"
                    + "December)(?:\\s+\\d{1,2})?\\s+and\\s+(?:\\d{1,2}\\s+)?(?:January|February|March|April|May|June|July|August|"
                    + "September|October|November|December)\\b[^.;]*\\b(?:documented|recorded|verified|counted)\\b");

    /** The text with every match of {@code p} blanked out, its offsets kept. */
    private static String blank(Pattern p, String text) {
        Matcher m = p.matcher(text);
        StringBuilder b = new StringBuilder(text);
        while (m.find()) {
            for (int i = m.start(); i < m.end(); i++) {
                b.setCharAt(i, ' ');
            }
        }
        return b.toString();
    }

    /** "seven to eight Afghan fighters", "two or three soldiers": a range stated without "between". */
    static final Pattern TO_RANGE = Pattern.compile("(?i)\\b(" + QUANT + ")\\s+(?:to|or)\\s+(" + QUANT + ")\\b");

    /** A figure read from a range's upper end ("seven to eight killed" read as 8) takes its lower bound, the range kept. */
    private static void lowerBound(String sentence, List<Figure> out) {
        Matcher r = TO_RANGE.matcher(sentence);
        while (r.find()) {
            Integer low = number(r.group(1));
            Integer high = number(r.group(2));
            if (low == null || high == null || low >= high) {
                continue;
            }
            for (int i = 0; i < out.size(); i++) {
                Figure f = out.get(i);
                if (high.equals(f.value()) && f.start() <= r.start(2) && r.start(2) < f.end()) {
                    String range = r.group(1).toLowerCase(Locale.ROOT) + " to "
                            + r.group(2).toLowerCase(Locale.ROOT);
                    out.set(
                            i,
                            new Figure(
                                    f.field(),
                                    low,
                                    f.bound() == null ? range : f.bound(),
                                    f.vague(),
                                    f.noun(),
                                    f.nationality(),
                                    f.verb(),
                                    f.start(),
                                    f.end()));
                }
            }
        }
    }

    /** "…, a claim Islamabad flatly denied", "…, an account Pakistan dismissed as false": the claim's loss denied. */
    static final Pattern CLAIM_DENIED_AFTER = Pattern.compile(
            ",\\s+(?i:a|an|the)\\s+(?i:claims?|account|assertion)\\s+(?:that\\s+)?(?:[A-Z][\\w'’-]+(?:\\s+[A-Z][\\w'’-]+){0,3})"
                    + "\\s+(?:[a-z]+ly\\s+)?(denied|denies|rejected|rejects|dismissed|dismisses|disputed|disputes)\\b");

    /**
     * A loss claimed and denied in one sentence ("the Taliban said they had brought down two Pakistani drones, a claim
     * Islamabad flatly denied"): the denier's figure is 0 of the same loss, where it is one a side can deny outright (an
     * aircraft, a post, a man captured); a denied toll states no figure of the denier's ("rejected the claims").
     */
    private static void deniedAfter(String sentence, List<Figure> out) {
        Matcher m = CLAIM_DENIED_AFTER.matcher(sentence);
        if (!m.find()) {
            return;
        }
        List<Figure> denied = new ArrayList<>();
        for (Figure f : out) {
            if (f.start() < m.start()
                    && f.value() != null
                    && f.value() > 0
                    && f.field().matches("aircraft_downed|posts_captured|captured")) {
                denied.add(new Figure(
                        f.field(), 0, null, null, f.noun(), f.nationality(), "denied", m.start(1), m.end(1)));
            }
        }
        out.addAll(denied);
    }

    static final Pattern FAMILY = Pattern.compile("(?i)\\bfamil(?:y|ies)\\b");

    /** "them" are the last people the sentence named before {@code end} ("commanders of the Pakistani Taliban"): noun and its words. */
    private static String[] antecedent(String sentence, int end) {
        String[] found = new String[2];
        Matcher before = ANTECEDENT.matcher(sentence.substring(0, end));
        while (before.find()) {
            found[0] = before.group(1).toLowerCase(Locale.ROOT);
            found[1] = before.group(2);
        }
        if ("members".equals(found[0])
                && FAMILY.matcher(sentence.substring(0, end)).find()) {
            // "The family living in the house had 19 members; 14 of them were killed"
            found[0] = "family members";
        }
        return found;
    }

    /** A figure without its own noun ("and three wounded") counts what the figure before it counted. */
    private static void inheritNouns(List<Figure> out) {
        for (int i = 1; i < out.size(); i++) {
            Figure f = out.get(i);
            Figure prev = out.get(i - 1);
            boolean bare = f.noun() == null
                    || f.noun().equals("others") && !prev.noun().equals("others");
            if (bare && prev.noun() != null && !prev.noun().matches("posts|aircraft")) {
                out.set(i, f.about(prev.noun(), prev.nationality()));
            } else if (bare && "posts".equals(prev.noun()) && f.field().equals("captured")) {
                // "27 Afghan posts were destroyed, and nine were captured", "destroyed 102 posts, captured 22 others":
                // posts taken, not men
                out.set(
                        i,
                        new Figure(
                                "posts_captured",
                                f.value(),
                                f.bound(),
                                f.vague(),
                                "posts",
                                prev.nationality(),
                                f.verb(),
                                f.start(),
                                f.end()));
            }
        }
    }

    /** "four of our men were martyred", "our soldiers": the speaker's own men (nationality {@code own}), whatever the noun. */
    private static void ours(String sentence, List<Figure> out) {
        for (int i = 0; i < out.size(); i++) {
            Figure f = out.get(i);
            if (f.nationality() == null
                    && f.noun() != null
                    && f.noun()
                            .matches("men|man|soldiers?|troops|fighters?|guards?|border guards|"
                                    + "personnel|policemen|officers|comrades|members")
                    && OUR.matcher(sentence.substring(f.start(), f.end())).find()) {
                out.set(i, f.about(f.noun(), "own"));
            }
        }
    }

    /** "four of our men", "six of its own fighters": the speaker's own. */
    static final Pattern OUR = Pattern.compile("(?i)\\b(?:our|its own|their own)\\b");

    /** A figure whose noun has no nationality before it takes the one its "of the X" after it names. */
    private static void ofWhom(String sentence, List<Figure> out) {
        for (int i = 0; i < out.size(); i++) {
            Figure f = out.get(i);
            if (f.nationality() != null || f.noun() == null) {
                continue;
            }
            Matcher noun = Pattern.compile("(?i)\\b" + Pattern.quote(f.noun()) + "\\b")
                    .matcher(sentence)
                    .region(f.start(), f.end());
            if (!noun.find()) {
                continue;
            }
            Matcher of = OF_WHOM_AFTER.matcher(sentence.substring(noun.end()));
            if (of.find()) {
                out.set(i, f.about(f.noun(), nat(of.group(1))));
            }
        }
    }

    private static List<Figure> shift(List<Figure> out, int offset) {
        out.sort(Comparator.comparingInt(Figure::start));
        return out.stream().map(f -> f.shifted(offset)).toList();
    }

    /** What killed in "a roadside bomb struck a vehicle, killing three soldiers" or "an attack the military said killed seven". */
    static final Pattern BOMB_AGENT = Pattern.compile(
            "(?i)\\b(?:bombs?|bombers?|blasts?|explosions?|explosives?|devices?|IEDs?|mines?|landmines?|(?<!retaliatory |counter-|its |our |their )attacks?|ambush(?:es)?)\\b");

    static final Pattern FORCE_AGENT = Pattern.compile(
            "(?i)\\b(?:forces|troops|soldiers|we|they|jets|warplanes|aircraft|drones?|strikes|airstrikes|raids?|shelling|"
                    + "fire|fighters|militants|gunmen|taliban|the (?:army|military))\\b");

    /**
     * The clause before an active toll names a bomb or an attack as what killed, after any force ("a roadside bomb struck a
     * military vehicle …, killing three soldiers"): the dead are the side the bomb hit, the speaker's own, not the other side's.
     */
    static boolean byABomb(String before) {
        String clause = before.replaceAll("(?s)^.*[;:]", "")
                .replaceAll("\\b(?:the\\s+)?[\\w'’-]+\\s+(?:said|says|claimed|told \\w+)\\b", " ");
        int bomb = -1;
        int force = -1;
        Matcher b = BOMB_AGENT.matcher(clause);
        while (b.find()) {
            bomb = b.start();
        }
        Matcher f = FORCE_AGENT.matcher(clause);
        while (f.find()) {
            force = f.start();
        }
        return bomb > force;
    }

    /** "the number of X killed … at/rose to N": groups 3 the verb, 4 the bound, 5 the number ({@code how} the figure's verb). */
    private static Figure numberOf(Matcher m, String noun, String words, String how) {
        String verb = m.group(3).toLowerCase(Locale.ROOT);
        return figure(
                verb.equals("dead") ? "killed" : field(verb, noun),
                m.group(4),
                m.group(5),
                noun,
                words,
                how,
                m.start(),
                m.end());
    }

    private static Figure figure(
            String field, String bound, String quantity, String noun, String mods, String verb, int start, int end) {
        String q = quantity.toLowerCase(Locale.ROOT);
        boolean vague = q.matches(VAGUE);
        return new Figure(
                field,
                vague ? null : number(q),
                lower(bound),
                vague ? q : null,
                noun,
                nat((mods == null ? "" : mods) + " " + (noun == null ? "" : noun)),
                verb,
                start,
                end);
    }

    /**
     * A figure coordinated with one already read ("two soldiers and" before it, "and two civilians" after it): {@code c}'s
     * groups are bound, quantity, words and noun, at {@code at} in the sentence; a null {@code field} states none.
     */
    private static void second(List<Figure> out, Matcher c, int at, String field, String verb) {
        if (field != null) {
            String noun = c.group(4).toLowerCase(Locale.ROOT);
            add(out, figure(field, c.group(1), c.group(2), noun, c.group(3), verb, at + c.start(), at + c.end()));
        }
    }

    private static void add(List<Figure> out, Figure f) {
        for (Figure g : out) {
            boolean sameSpan =
                    f.start() == g.start() && f.end() == g.end() && !f.field().equals(g.field());
            if (f.start() < g.end() && g.start() < f.end() && !sameSpan) {
                return;
            }
        }
        out.add(f);
    }

    static String field(String verb, String noun) {
        boolean posts = noun != null && noun.matches("posts|outposts|checkposts|positions|post|outpost");
        boolean aircraft =
                noun != null && noun.matches("aircraft|drones|jets|drone|jet|f-16|plane|helicopter|quadcopter");
        if (aircraft) {
            return verb.matches("destroyed|lost") ? "aircraft_downed" : null;
        }
        if (posts) {
            return verb.equals("destroyed")
                    ? "posts_destroyed"
                    : verb.matches("captured|taken|seized|overrun|fallen|fell|lost|captured alive")
                            ? "posts_captured"
                            : null;
        }
        return switch (verb) {
            case "killed",
                    "dead",
                    "died",
                    "martyred",
                    "embraced martyrdom",
                    "embraced shahadat",
                    "sent to hell",
                    "eliminated",
                    "neutralised",
                    "neutralized",
                    "lost their lives",
                    "lost his life",
                    "lost her life",
                    "laid down their lives",
                    "laid down his life",
                    "laid down her life",
                    "confirmed dead",
                    "confirmed killed" -> "killed";
            case "wounded", "injured", "hurt" -> "wounded";
            case "captured", "taken prisoner", "captured alive", "abducted", "arrested", "taken", "seized" ->
                "captured";
            default -> verb.startsWith("sustained ") || verb.startsWith("hit by ") ? "wounded" : null;
        };
    }

    private static String activeField(String verb, String noun) {
        boolean posts = noun.matches("posts|outposts|checkposts|positions");
        if (posts) {
            return verb.startsWith("destroy")
                    ? "posts_destroyed"
                    : verb.matches("captur.*|seiz.*|took.*|taken.*|taking.*|gained.*|overr.*")
                            ? "posts_captured"
                            : null;
        }
        if (noun.matches("aircraft|drones|jets")) {
            return null;
        }
        if (verb.matches("los.*")) {
            return "killed";
        }
        if (verb.contains("control")) {
            return null;
        }
        if (verb.startsWith("kill")
                || verb.startsWith("le")
                || verb.startsWith("martyr")
                || verb.startsWith("elimin")) {
            return "killed";
        }
        if (verb.startsWith("wound") || verb.startsWith("injur")) {
            return "wounded";
        }
        return verb.startsWith("captur") || verb.startsWith("seiz") ? "captured" : null;
    }

    /** "af", "pk", "ttp" or null: the nationality the words around a figure give. */
    static String nat(String words) {
        if (words == null) {
            return null;
        }
        String w = words.toLowerCase(Locale.ROOT);
        if (w.contains("pakistani taliban") || w.matches(".*\\b(ttp|tehreek)\\b.*")) {
            return "ttp";
        }
        if (w.matches(".*\\b(afghan|afghanistan|taliban|afghan taliban|islamic emirate|emirate['’]s)\\b.*")) {
            return "af";
        }
        if (w.matches(".*\\b(pakistani|pakistan|frontier corps|fc|levies|rangers)\\b.*")) {
            return "pk";
        }
        return null;
    }

    static Integer number(String q) {
        if (q == null) {
            return null;
        }
        String s = q.toLowerCase(Locale.ROOT).strip();
        if (s.matches("[\\d,]+")) {
            return Integer.valueOf(s.replace(",", ""));
        }
        if (WORDS.containsKey(s)) {
            return WORDS.get(s);
        }
        String[] parts = s.split("[- ]");
        int total = 0;
        for (String p : parts) {
            Integer v = WORDS.get(p);
            if (v == null) {
                return null;
            }
            total = v == 100 ? Math.max(total, 1) * 100 : total + v;
        }
        return total;
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** A figure with no bound and no vague word, spanning the whole match. */
    private static Figure plain(Matcher m, String field, Integer value, String noun, String nationality, String verb) {
        return new Figure(field, value, null, null, noun, nationality, verb, m.start(), m.end());
    }

    /** A figure read from a shape whose groups are its bound, number, words before the noun and noun, in that order. */
    private static Figure counted(Matcher m, String field, String verb) {
        return figure(
                field,
                m.group(1),
                m.group(2),
                m.group(4).toLowerCase(Locale.ROOT),
                m.group(3),
                verb,
                m.start(),
                m.end());
    }

    /** Reads one match of a sentence shape into figures. */
    private interface Reading {
        void read(String sentence, Matcher m, List<Figure> out);
    }

    /** A sentence shape and how its matches become figures. */
    private record Rule(Pattern pattern, Reading reading) {}

    /** Every match of each shape, in the table's order: a figure an earlier shape read is not read again ({@link #add}). */
    private static void read(List<Rule> rules, String sentence, List<Figure> out) {
        for (Rule r : rules) {
            Matcher m = r.pattern().matcher(sentence);
            while (m.find()) {
                r.reading().read(sentence, m, out);
            }
        }
    }

    /** The shapes read first: ranges, denials and the head and his deputy, before a dismissed claim is set apart. */
    private static final List<Rule> FIRST = List.of(
            new Rule(RANGE, (sentence, m, out) -> {
                String lowest = m.group(1);
                Matcher upper = PASSIVE.matcher(sentence).region(m.end(), sentence.length());
                if (upper.lookingAt()) {
                    String noun = upper.group(4).toLowerCase(Locale.ROOT);
                    String field = field(upper.group(5).toLowerCase(Locale.ROOT), noun);
                    if (field != null) {
                        add(
                                out,
                                new Figure(
                                        field,
                                        number(lowest),
                                        "between " + lowest.toLowerCase(Locale.ROOT) + " and "
                                                + upper.group(2).toLowerCase(Locale.ROOT),
                                        null,
                                        noun,
                                        nat(upper.group(3) + " " + noun),
                                        upper.group(5).toLowerCase(Locale.ROOT),
                                        m.start(),
                                        upper.end()));
                    }
                }
            }),
            new Rule(ACTIVE_RANGE, (sentence, m, out) -> {
                String verb = m.group(1).toLowerCase(Locale.ROOT);
                String noun = m.group(5).toLowerCase(Locale.ROOT);
                String field = activeField(verb, noun);
                if (field != null) {
                    String how = byABomb(sentence.substring(0, m.start())) ? "bomb:" : "active:";
                    add(
                            out,
                            figure(
                                    field,
                                    "between " + m.group(2) + " and " + m.group(3),
                                    m.group(2),
                                    noun,
                                    m.group(4),
                                    how + verb,
                                    m.start(),
                                    m.end()));
                }
            }),
            new Rule(HEAD_AND_DEPUTY, (sentence, m, out) -> {
                String verb = m.group(1).toLowerCase(Locale.ROOT);
                add(out, plain(m, verb.startsWith("kill") ? "killed" : "wounded", 2, "people", null, "active:" + verb));
            }),
            new Rule(LOST_NO_POST, (sentence, m, out) -> {
                add(out, plain(m, "posts_captured", 0, "posts", nat(m.group(1)), "denied"));
            }),
            new Rule(NO_POST, (sentence, m, out) -> {
                String field = m.group(2).toLowerCase(Locale.ROOT).matches("damaged|destroyed")
                        ? "posts_destroyed"
                        : "posts_captured";
                add(out, plain(m, field, 0, "posts", nat(m.group(1)), "denied"));
            }),
            new Rule(NO_PEOPLE, (sentence, m, out) -> {
                String noun = m.group(2).toLowerCase(Locale.ROOT);
                String verb = m.group(3).toLowerCase(Locale.ROOT);
                String n = noun.equals("one") ? "people" : noun;
                if (verb.equals("present")) {
                    add(out, plain(m, "killed", 0, n, nat(m.group(1)), "denied"));
                } else if (verb.equals("harmed") || verb.equals("hurt")) {
                    add(out, plain(m, "killed", 0, n, nat(m.group(1)), "denied"));
                    add(out, plain(m, "wounded", 0, n, nat(m.group(1)), "denied"));
                } else {
                    add(out, plain(m, field(verb, n), 0, n, nat(m.group(1)), "denied"));
                }
            }),
            new Rule(NONE_THERE, (sentence, m, out) -> {
                add(out, plain(m, "killed", 0, m.group(2).toLowerCase(Locale.ROOT), nat(m.group(1)), "denied"));
            }),
            new Rule(NO_MEMBER_THERE, (sentence, m, out) -> {
                add(out, plain(m, "killed", 0, "militants", null, "denied"));
            }),
            new Rule(NOBODY, (sentence, m, out) -> {
                String verb = m.group(1).toLowerCase(Locale.ROOT);
                // "no one on the ground was killed or injured": both
                String or = m.group(2) == null ? verb : m.group(2).toLowerCase(Locale.ROOT);
                if (!verb.equals("injured") && !verb.equals("wounded")
                        || !or.equals("injured") && !or.equals("wounded")) {
                    add(out, plain(m, "killed", 0, "no one", null, "denied"));
                }
                if (!verb.equals("killed") || !or.equals("killed")) {
                    add(out, plain(m, "wounded", 0, "no one", null, "denied"));
                }
            }),
            new Rule(NO_CASUALTIES, (sentence, m, out) -> {
                String noun = m.group(1) != null ? "civilians" : "people";
                add(out, plain(m, "killed", 0, noun, nat(m.group(2)), "denied"));
                if (!m.group().matches("(?is).*\\bloss\\b.*")) {
                    // "no civilian loss": no life lost, which says nothing of the hurt
                    add(out, plain(m, "wounded", 0, noun, nat(m.group(2)), "denied"));
                }
            }),
            new Rule(NO_AIRCRAFT, (sentence, m, out) -> {
                add(out, plain(m, "aircraft_downed", 0, "aircraft", null, "denied"));
            }),
            new Rule(DENIED_THAT_ANY, (sentence, m, out) -> {
                boolean posts = m.group(2).toLowerCase(Locale.ROOT).matches("posts?|outposts?|checkposts?|positions");
                add(
                        out,
                        plain(
                                m,
                                posts ? "posts_captured" : "aircraft_downed",
                                0,
                                posts ? "posts" : "aircraft",
                                nat(m.group(1)),
                                "denied"));
            }),
            new Rule(DENIED_HITTING, (sentence, m, out) -> {
                add(out, plain(m, "killed", 0, "civilians", null, "denied"));
            }),
            new Rule(DENIED_ANY, (sentence, m, out) -> {
                String act = m.group(1).toLowerCase(Locale.ROOT);
                String what = m.group(4).toLowerCase(Locale.ROOT);
                boolean civilian =
                        m.group(3) != null && m.group(3).equalsIgnoreCase("civilian") || what.startsWith("civilian");
                boolean losing = act.matches("los.*|lost|having lost|suffer.*");
                if (civilian) {
                    add(out, plain(m, "killed", 0, "civilians", null, "denied"));
                } else if (!losing) {
                    return;
                } else if (what.matches("posts?|outposts?|checkposts?|positions?")) {
                    add(out, plain(m, "posts_captured", 0, "posts", nat(m.group(2)), "denied"));
                } else if (what.matches("aircraft|jets?|drones?|planes?|helicopters?")) {
                    add(out, plain(m, "aircraft_downed", 0, "aircraft", nat(m.group(2)), "denied"));
                } else if (what.matches("soldiers?|troops|personnel|men|lives|casualties")) {
                    add(
                            out,
                            plain(
                                    m,
                                    "killed",
                                    0,
                                    what.matches("lives|casualties|men") ? "soldiers" : what,
                                    nat(m.group(2)),
                                    "denied"));
                }
            }));

    /** The shapes read after: tolls, active and passive figures, the bare ones last. */
    private static final List<Rule> THEN = List.of(
            new Rule(TOLL, (sentence, m, out) -> {
                String bound = m.group(1) != null ? m.group(1) : m.group(3);
                String q = m.group(2) != null ? m.group(2) : m.group(4);
                add(
                        out,
                        new Figure(
                                "killed", number(q), lower(bound), null, "people", null, "toll", m.start(), m.end()));
            }),
            new Rule(NUMBER_PUT, (sentence, m, out) -> {
                // "The ministry had earlier in the day put the number … at nine, before revising it": a figure
                // withdrawn
                if (!SUPERSEDED.matcher(sentence.substring(0, m.start())).find()) {
                    add(out, numberOf(m, m.group(2).toLowerCase(Locale.ROOT), m.group(1), "toll"));
                }
            }),
            new Rule(NUMBER_ROSE, (sentence, m, out) -> {
                String verb = m.group(3).toLowerCase(Locale.ROOT);
                String words = (m.group(1) + " " + m.group(2)).strip();
                Matcher plural = Pattern.compile("(?i)\\b(" + PLURAL + ")\\b").matcher(words);
                String noun = plural.find() ? plural.group(1).toLowerCase(Locale.ROOT) : "people";
                add(out, numberOf(m, noun, words, verb));
            }),
            new Rule(POSTS_AT, (sentence, m, out) -> {
                add(
                        out,
                        plain(
                                m,
                                m.group(1).equalsIgnoreCase("destroyed") ? "posts_destroyed" : "posts_captured",
                                number(m.group(2)),
                                "posts",
                                null,
                                m.group(1)));
            }),
            new Rule(DOWNED, (sentence, m, out) -> {
                if (m.group(1) == null && m.group().matches("(?is).*(?<!aircraft)s")) {
                    // "claimed to have brought down Pakistani drones": how many, it does not say
                    return;
                }
                Integer n = m.group(1) == null ? Integer.valueOf(1) : number(m.group(1));
                add(out, plain(m, "aircraft_downed", n, "aircraft", nat(m.group(2)), "downed"));
            }),
            new Rule(DOWNED_PASSIVE, (sentence, m, out) -> {
                add(out, plain(m, "aircraft_downed", 1, "aircraft", nat(m.group(1)), "downed"));
            }),
            new Rule(ACTIVE, (sentence, m, out) -> {
                String verb = m.group(1).toLowerCase(Locale.ROOT);
                // "killing 14 members of a family": the family makes them civilians
                String noun = FAMILY.matcher(m.group()).find()
                        ? "family members"
                        : m.group(5).toLowerCase(Locale.ROOT);
                if (verb.startsWith("le") && m.group(6) == null) {
                    return;
                }
                String field = activeField(verb, noun);
                if (field != null && verb.matches("los.*")) {
                    // "Afghan forces had lost several posts": one's own losses, the nationality is the subject's
                    String subject = sentence.substring(Math.max(0, m.start() - 30), m.start());
                    add(
                            out,
                            figure(
                                    field,
                                    m.group(2),
                                    m.group(3),
                                    noun,
                                    subject + " " + m.group(4),
                                    "lost",
                                    m.start(),
                                    m.end()));
                } else if (field != null) {
                    String how = byABomb(sentence.substring(0, m.start())) ? "bomb:" : "active:";
                    add(out, figure(field, m.group(2), m.group(3), noun, m.group(4), how + verb, m.start(), m.end()));
                    // "killing five security personnel and two civilians": the verb's second object
                    Matcher and = ACTIVE_AND.matcher(sentence).region(m.end(), sentence.length());
                    if (and.lookingAt()) {
                        second(out, and, 0, activeField(verb, and.group(4).toLowerCase(Locale.ROOT)), how + verb);
                    }
                }
            }),
            new Rule(JOINT, (sentence, m, out) -> {
                String noun = m.group(4).toLowerCase(Locale.ROOT);
                String field = field(m.group(5).toLowerCase(Locale.ROOT), noun);
                if (field != null) {
                    add(
                            out,
                            figure(
                                    field,
                                    m.group(1),
                                    m.group(2),
                                    noun,
                                    m.group(3),
                                    m.group(5).toLowerCase(Locale.ROOT),
                                    m.start(),
                                    m.end()));
                }
            }),
            new Rule(PASSIVE, (sentence, m, out) -> {
                String noun = m.group().matches("(?is).*\\bfamil(?:y|ies)\\b.*")
                        ? "family members"
                        : m.group(4).toLowerCase(Locale.ROOT);
                String verb = m.group(5).toLowerCase(Locale.ROOT);
                String field = field(verb, noun);
                if (field != null) {
                    add(out, figure(field, m.group(1), m.group(2), noun, m.group(3), verb, m.start(), m.end()));
                    Matcher c = COORDINATED.matcher(sentence.substring(Math.max(0, m.start() - 80), m.start()));
                    if (c.find()) {
                        second(
                                out,
                                c,
                                Math.max(0, m.start() - 80),
                                field(verb, c.group(4).toLowerCase(Locale.ROOT)),
                                verb);
                    }
                }
            }),
            new Rule(BODIES, (sentence, m, out) -> {
                add(out, counted(m, "killed", "bodies"));
            }),
            new Rule(RECEIVED_BODIES, (sentence, m, out) -> {
                add(out, figure("killed", m.group(1), m.group(2), "people", "", "bodies", m.start(), m.end()));
            }),
            new Rule(BODIES_RECOVERED, (sentence, m, out) -> {
                add(out, figure("killed", m.group(1), m.group(2), "people", "", "bodies", m.start(), m.end()));
            }),
            new Rule(BROUGHT_IN, (sentence, m, out) -> {
                add(out, counted(m, "wounded", "wounded"));
            }),
            new Rule(TREATING, (sentence, m, out) -> {
                add(out, counted(m, "wounded", "wounded"));
            }),
            new Rule(AMONG_DEAD, (sentence, m, out) -> {
                add(out, counted(m, "killed", "killed"));
            }),
            new Rule(ACTIVE_ONE, (sentence, m, out) -> {
                String verb = m.group(1).toLowerCase(Locale.ROOT);
                String noun = m.group(4).toLowerCase(Locale.ROOT);
                if (!noun.matches("post|outpost|drone|jet|aircraft|f-16|plane|helicopter|quadcopter")) {
                    add(
                            out,
                            plain(
                                    m,
                                    verb.startsWith("kill") ? "killed" : "wounded",
                                    1,
                                    noun,
                                    nat(m.group(3) + " " + noun),
                                    "active:" + verb));
                }
            }),
            new Rule(ADJECTIVAL, (sentence, m, out) -> {
                String adj = m.group(3).toLowerCase(Locale.ROOT);
                String noun = m.group(5).toLowerCase(Locale.ROOT);
                String field = field(adj, noun);
                if (field != null && !field.equals("captured")) {
                    add(out, figure(field, m.group(1), m.group(2), noun, m.group(4), adj, m.start(), m.end()));
                }
            }),
            new Rule(DEATHS_OF, (sentence, m, out) -> {
                if (m.group(1) != null) {
                    String field = m.group(1).toLowerCase(Locale.ROOT).startsWith("injur") ? "wounded" : "killed";
                    String noun = m.group(5).toLowerCase(Locale.ROOT);
                    add(out, figure(field, m.group(2), m.group(3), noun, m.group(4), field, m.start(), m.end()));
                } else if (m.group(7) != null) {
                    String noun = m.group(8).equalsIgnoreCase("civilian") ? "civilians" : "soldiers";
                    String field = m.group(9).equalsIgnoreCase("deaths") ? "killed" : "wounded";
                    add(out, figure(field, m.group(6), m.group(7), noun, null, field, m.start(), m.end()));
                } else {
                    // "the Red Crescent reported 18 deaths and several injuries": whose, the event's context says
                    add(out, figure("killed", m.group(10), m.group(11), null, null, "killed", m.start(), m.end()));
                    Matcher and = AND_INJURIES.matcher(sentence).region(m.end(), sentence.length());
                    if (and.lookingAt()) {
                        add(
                                out,
                                figure(
                                        "wounded",
                                        and.group(1),
                                        and.group(2),
                                        null,
                                        null,
                                        "wounded",
                                        and.start(),
                                        and.end()));
                    }
                }
            }),
            new Rule(PASSIVE_ONE, (sentence, m, out) -> {
                String noun = m.group(3).toLowerCase(Locale.ROOT);
                String verb = m.group(4).toLowerCase(Locale.ROOT);
                String field = field(verb, noun);
                if (field != null && !field.equals("aircraft_downed")) {
                    add(out, plain(m, field, 1, noun, nat(m.group(2) + " " + noun), verb));
                }
            }),
            new Rule(BARE_ACTIVE, (sentence, m, out) -> {
                String verb = m.group(1).toLowerCase(Locale.ROOT);
                add(
                        out,
                        figure(
                                verb.startsWith("kill") ? "killed" : "wounded",
                                m.group(2),
                                m.group(3),
                                null,
                                null,
                                verb,
                                m.start(),
                                m.end()));
            }),
            new Rule(PRISONER, (sentence, m, out) -> {
                add(out, counted(m, "captured", "captured"));
            }),
            new Rule(OF_THEM, (sentence, m, out) -> {
                String verb = m.group(1).toLowerCase(Locale.ROOT);
                String[] them = antecedent(sentence, m.start());
                add(
                        out,
                        figure(
                                verb.startsWith("kill") ? "killed" : "wounded",
                                m.group(2),
                                m.group(3),
                                them[0],
                                them[1],
                                "active:" + verb,
                                m.start(),
                                m.end()));
            }),
            new Rule(BARE, (sentence, m, out) -> {
                String verb = m.group(3).toLowerCase(Locale.ROOT);
                String[] them = m.group().matches("(?is).*\\bof\\s+them\\b.*")
                        ? antecedent(sentence, m.start())
                        : new String[2];
                add(
                        out,
                        figure(
                                field(verb, them[0]),
                                m.group(1),
                                m.group(2),
                                them[0],
                                them[1],
                                verb,
                                m.start(),
                                m.end()));
            }));
}
