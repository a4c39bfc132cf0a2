package org.conflictmap.ingest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Who states each figure, for which party and about whose losses. The claimant is the subject of the
 * sentence's reporting verb ("…, the defence ministry said", "Zabihullah Mujahid posted on X",
 * "according to the UN mission", "said Najibullah Hanif, spokesman for the Kunar governor"); "he",
 * "it", "the ministry" and "its spokesman" resolve to the last person or body named; a sentence
 * without one (a quote's second sentence, "Nineteen people were wounded.") keeps its paragraph's
 * claimant. The person's name is the claimant and the rest the role ("Information Minister").
 */
final class Claims {
    /** Who said something: name (or body), role, and party ({@code Vocabulary.PARTIES}). */
    record Speaker(String claimant, String role, String party) {}

    /** A reporting verb's place in the article and its speaker. */
    record Attribution(int at, Speaker speaker) {}

    /** A verb's subject decided: the speaker, or nobody (null) when the subject resolves to nobody. */
    private record Decided(Speaker speaker) {}

    /** Who says a sentence's figures: its speaker, or per figure the nearest of several speakers it names before it. */
    record Voices(Speaker sentence, List<Attribution> within, int reporters) {
        /**
         * {@code reporters}: where the reporter's own background starts in the article ({@link #REPORTERS_SINCE}), so that a
         * clause cut from the sentence knows it; {@code Integer.MAX_VALUE} when the sentence has none.
         */
        Voices {
            within = List.copyOf(within);
        }

        static Voices of(Speaker speaker) {
            return new Voices(speaker, List.of(), Integer.MAX_VALUE);
        }

        Speaker at(int figureStart) {
            Speaker out = sentence;
            for (Attribution a : within) {
                // a figure that starts at its verb ("…, a claim Islamabad denied", "officials denied hitting any
                // civilians")
                // is that verb's subject's
                if (a.at() <= figureStart) {
                    out = a.speaker();
                }
            }
            return out;
        }
    }

    /** Forces of one country that struck the other's men, posts or aircraft: "Afghan forces killed 12 Pakistani soldiers". */
    static final Pattern FORCES_STRUCK = Pattern.compile(
            "(?i)\\b(?:(Afghan|Afghanistan's|Pakistani|Pakistan's)\\s+(?:[\\w-]+\\s+){0,2}?(?:forces|troops|units)|"
                    + "forces\\s+of\\s+the\\s+(Islamic Emirate))\\s+(?:had\\s+|have\\s+|has\\s+)?"
                    + "(?:killed|captured|destroyed|shot down|brought down)\\s+(?:[\\w-]+\\s+){0,4}?"
                    + "(?:soldiers|troops|posts|checkposts|outposts|militants|terrorists|khwarij|fighters|drones?)\\b");

    /** A figure with its speaker and side: one field of a proposed claim. */
    record Stated(Speaker speaker, String side, Figures.Figure figure, int sentenceStart, int sentenceEnd) {}

    static final Pattern REPORTING =
            Pattern.compile("\\b(saying|said|says|told|posted|wrote|added|claimed|confirmed|announced|reported|"
                    + "stated|insisted|tweeted|put|quoted|denied|rejected|dismissed|accused|blamed|alleged|released|"
                    // a live blog's present tense: "Bilal Khattak … tells Al Jazeera that", "It denies the Taliban's
                    // claim"
                    + "tells|adds|confirms|announces|insists|denies|rejects|dismisses|"
                    // "Islamabad acknowledged the death of one soldier"
                    + "acknowledged|acknowledges|"
                    // "The Afghan Taliban claim 19 soldiers were killed" (but not "the claim", "rejected Afghan claims
                    // that")
                    + "(?<!\\b(?:the|a|an|this|that|its|their|his|her|such|Afghan|Pakistani|Taliban|Indian)\\s)(?<!['’]s\\s)claim"
                    + "(?=\\s+(?:that\\s+)?(?:\\d|[a-z]))"
                    + "(?!\\s+(?:of|by|about|from|to|were|was|are|is|have|had|made|and|or|on|in|against|regarding|"
                    + "responsibility|credit)\\b)|"
                    // a monitor's count: "The UN mission counted at least 13 civilians killed", "UNAMA later verifies
                    // 12 civilian deaths", "the ministry spoke of 14 dead Pakistani soldiers"
                    + "counted|verified|verifies|spoke of|"
                    // "Pakistani officials say two soldiers died"
                    + "say|"
                    // "…, claiming to have eliminated 80 militants" (not "claiming responsibility", "claiming the lives
                    // of");
                    // a headline's "State media claims 58 … killed"; "police in Nangarhar detailed how …"
                    + "claiming(?!\\s+(?:responsibility|credit|(?:the\\s+)?li(?:ves|fe)))|"
                    + "claims(?=\\s+(?:that|at least|more than|over|up to|nearly|about|around|\\d))|mentioned|"
                    + "(?:detailed|described|recounted)(?=\\s+(?:how|that)\\b)|"
                    // a monitor's "UNAMA has received credible reports that at least seven civilians were killed", "has
                    // documented"
                    + "received\\s+(?:[\\w-]+\\s+){0,2}?(?:reports?|information|accounts?)|documented|recorded)\\b");
    static final Pattern ACCORDING =
            Pattern.compile("(?i)\\baccording to\\s+(?:the\\s+)?((?:(?:Dr|Mr|Mrs|Ms|Gen|Lt|Col|Maj|Capt|Brig)\\.\\s+)?"
                    + "[^,.;“”\"]{2,80}?)(?=[,.;]|\\s+(?:who|which|speaking|quoted)\\b|$)");
    /** The person's name in commas after "according to" and a role: "according to Kurram's deputy commissioner, Javed Mehsud." */
    static final Pattern ACCORDING_NAME =
            Pattern.compile("^,\\s+((?:[A-Z][\\w'’-]+\\s){1,3}[A-Z][\\w'’-]+)(?=\\s*[,.;]|\\s*$)");
    /** A quote closed and its speaker named after it: "…,” Khwarazmi said", "…,\" said the spokesman". */
    static final Pattern SAID_AFTER_QUOTE =
            Pattern.compile("[,.?!]\\s*[”\"’]\\s*(?:[\\w'’.-]+\\s+){0,6}?" + REPORTING.pattern());

    /** "people, including six policemen", "including soldiers and passers-by": the dead are not only civilians. */
    static final Pattern MIXED = Pattern.compile(
            "(?i)\\b(?:people|persons),?\\s+(?:including|among them)\\s+(?:\\w+\\s+){0,2}?(?:policemen|police officers|soldiers|"
                    + "security personnel|troops|officers)\\b");

    /**
     * "with Kabul saying it had killed 23 soldiers and Islamabad saying it had lost two men": the subject of an absolute
     * "saying" clause, after "with" or, in the second of two, after "and".
     */
    static final Pattern WITH_SAYING = Pattern.compile(
            "\\bwith\\s+([^,]{2,40})$|\\band\\s+((?:the\\s+)?[A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*){0,3})$");

    /** A headline's or a bullet's subject before "claims": "State media", "• Pakistan army", "Kabul". */
    static final Pattern HEADLINE_SUBJECT = Pattern.compile(
            "^(?:[-–—•*]\\s+)?(?:The\\s+)?[A-Z][\\w'’-]*(?:\\s+(?:[A-Z][\\w'’-]*|media|television|radio|army|military|"
                    + "government|officials|sources|ministry|spokesman))*$");

    static final Pattern AND_SUBJECT =
            Pattern.compile("\\s(?:and|but)\\s+((?:the\\s+)?[A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*){0,3})$");
    static final Pattern CONJUNCTION = Pattern.compile("\\s(?:after|before|since|when|as|because|while)\\s");
    static final Pattern CITING = Pattern.compile(
            "\\b(?:reported|said|reports|says),?\\s+citing\\s+(?:the\\s+)?([^,.;“”\"]{2,60}?)(?=[,.;]|$)");
    /**
     * A relay's source named in commas anywhere in the sentence: "Pakistani media reported that one soldier was injured,
     * citing local officials in Khyber district", "Pakistani media, quoting security sources, claimed …".
     */
    static final Pattern RELAYED_FROM =
            Pattern.compile(",\\s+(?:citing|quoting)\\s+(?:the\\s+)?([^,.;“”\"]{2,60}?)(?=[,.;]|$)");
    /** A person's name and nothing else: "Mohammad Yousuf". */
    static final Pattern PERSON = Pattern.compile("(?:[A-Z][\\w'’-]+\\s){1,3}[A-Z][\\w'’-]+");

    static final Pattern INVERTED = Pattern.compile(
            "\\b(?:said|says|according to)\\s+((?:[A-Z][\\w'’.-]+\\s?){2,4}?)(?:,\\s+(?:the\\s+|a\\s+|an\\s+)?"
                    + "([^,.]{3,80}))?[.,]?$");
    static final Pattern APPOSITIVE = Pattern.compile(
            "((?:[A-Z][\\w'’-]+\\s){1,3}[A-Z][\\w'’-]+),\\s+(?:the\\s+|a\\s+|an\\s+)?([^,]{3,90}),\\s*$");
    static final Pattern ROLE_THEN_NAME =
            Pattern.compile("([^,]{3,90}),\\s+((?:[A-Z][\\w'’-]+\\s){1,3}[A-Z][\\w'’-]+),\\s*$");
    /** A sentence opening with a role and the person's name in commas, then its verb: "A spokesman for …, Mawlawi Abdul Haq Saeed, gave". */
    static final Pattern LEAD_ROLE_THEN_NAME =
            Pattern.compile("^([^,]{3,90}),\\s+((?:[A-Z][\\w'’-]+\\s){1,3}[A-Z][\\w'’-]+),\\s+(?=[a-z])");
    /** A sentence opening with a person's name and role in commas, then its verb: "Mawlawi Abdul Haq Saeed, a spokesman for …, gave". */
    static final Pattern LEAD_NAME_THEN_ROLE = Pattern.compile(
            "^((?:[A-Z][\\w'’-]+\\s){1,3}[A-Z][\\w'’-]+),\\s+(?:the\\s+|a\\s+|an\\s+)?" + "([^,]{3,90}),\\s+(?=[a-z])");

    /** A sentence opening with a described subject and its verb: "The security sources termed", "A police official said". */
    static final Pattern LEAD_DESCRIBED = Pattern.compile(
            "^((?:The|A|An|Another)\\s+(?:[\\w'’-]+\\s+){0,3}?[a-z][\\w'’-]+)\\s+(?:[a-z]+ed|said|says|told|put|puts)\\b");

    static final Pattern NAME_AT_END = Pattern.compile("((?:[A-Z][\\w'’-]+\\s){1,2}[A-Z][\\w'’-]+)$");
    static final Set<String> TITLES = Set.of(
            "minister",
            "ministry",
            "information",
            "defence",
            "defense",
            "foreign",
            "office",
            "police",
            "spokesman",
            "spokesperson",
            "spokeswoman",
            "governor",
            "prime",
            "interior",
            "chief",
            "deputy",
            "commissioner",
            "army",
            "taliban",
            "national",
            "security",
            "government",
            "general",
            "department",
            "public",
            "relations",
            "islamic",
            "emirate",
            "mission",
            "united",
            "nations",
            "state",
            "senior",
            "provincial",
            "district",
            "military",
            "inter-services",
            "the",
            "kunar",
            "nangarhar",
            "khost",
            "kandahar",
            "kabul",
            "paktika",
            "paktia",
            "bannu",
            "kurram",
            "chaman",
            "afghan",
            "afghanistan's",
            "pakistan's",
            "pakistani",
            "afghanistan",
            "pakistan",
            "lady",
            "reading",
            "hospital",
            "ispr");
    static final Set<String> PRONOUNS = Set.of(
            "he",
            "she",
            "it",
            "they",
            "the ministry",
            "the military",
            "the spokesman",
            "the official",
            "the sources",
            "the statement",
            "the army",
            "the military's media wing",
            "its spokesman",
            "the group",
            "the office",
            "the mission",
            "the governor",
            "him",
            "her",
            "them");
    /** Nouns that, alone or after "the", refer back to a body already named ("according to the ministry"). */
    static final Set<String> BACK = Set.of(
            "ministry",
            "military",
            "army",
            "spokesman",
            "sources",
            "statement",
            "office",
            "mission",
            "group",
            "military's media wing",
            "media wing",
            "government",
            "governor's office",
            "minister",
            // "the info minister also confirmed" after "Federal Minister for Information Attaullah Tarar" spoke
            "info minister",
            "information minister",
            "defence minister",
            "defense minister",
            "interior minister",
            "foreign minister");

    private Claims() {}

    /** Reads sentences in order, remembering the last person and body named for "he" and "it". */
    static final class Reader {
        private Speaker lastPerson;
        private Speaker lastBody;
        private Speaker paragraphSpeaker;
        private Speaker lastSpeaker;
        private final List<Speaker> history = new ArrayList<>();
        private int paragraph = -1;
        private final String text;
        private final String datelineCountry;
        /** The names (lower case) of the provinces, districts, towns and crossings the text names: a role naming one is local. */
        private final Set<String> localPlaces;

        Reader(String text, String datelineCountry) {
            this(text, datelineCountry, Set.of());
        }

        Reader(String text, String datelineCountry, Set<String> localPlaces) {
            this.text = text;
            this.datelineCountry = datelineCountry;
            this.localPlaces = localPlaces;
            Matcher release = PRESS_RELEASE.matcher(text);
            String heading = release.lookingAt()
                    ? release.group(1)
                            .replaceAll("(?m)^\\s*(?i:press release|statement)\\s*$", "")
                            .strip()
                            .replaceAll("\\s*\\n\\s*", ", ")
                    : null;
            if (heading == null) {
                // no heading, but signed: "Director General ISPR" on the release's last line
                Matcher signed = SIGNATURE.matcher(text);
                heading = signed.find() ? signed.group(1).strip() : null;
            }
            this.issuer = heading == null ? null : new Speaker(heading, null, party(heading, 0));
        }

        /**
         * Who issued a press release: the body its heading names above "Press Release" ("Islamic Emirate of Afghanistan /
         * Ministry of National Defense / Office of the Spokesman"); it says every figure nobody else is said to say.
         */
        private final Speaker issuer;

        /** The speaker of a sentence (its own, else its paragraph's), or null when nobody says it. */
        Speaker speaker(Sentences.Sentence s) {
            if (s.paragraph() != paragraph) {
                paragraph = s.paragraph();
                paragraphSpeaker = continuedQuote(s) ? lastSpeaker : null;
            }
            Speaker own = attribution(s.text(), s.start());
            if (own == null) {
                own = quotedAfter(s);
            }
            if (own != null) {
                paragraphSpeaker = own;
                return own;
            }
            return paragraphSpeaker != null ? paragraphSpeaker : issuer;
        }

        /**
         * A paragraph that opens with a quotation mark and names no speaker of its own after the quote
         * closes goes on quoting the last speaker: wire copy puts the attribution first ("…, the ISPR said
         * in a statement.") and the quote after it, and runs a long quote over paragraphs without closing it.
         */
        private boolean continuedQuote(Sentences.Sentence s) {
            if (lastSpeaker == null || !s.text().matches("(?s)^[“\"‘].*")) {
                return false;
            }
            int end = text.indexOf("\n", s.start());
            String para = text.substring(s.start(), end < 0 ? text.length() : end);
            return !SAID_AFTER_QUOTE.matcher(para).find();
        }

        /**
         * A quote that opens in this sentence and closes in a later one of the paragraph is said by the speaker named after
         * it closes ("\u201cNot a single civilian was killed. Every target was verified,\u201d the minister told reporters").
         */
        private Speaker quotedAfter(Sentences.Sentence s) {
            String t = s.text();
            if (!t.matches("(?s)^[\u201c\"].*") || t.substring(1).matches("(?s).*[\u201d\"].*")) {
                return null;
            }
            int end = text.indexOf("\n", s.end());
            String rest = text.substring(s.end(), end < 0 ? text.length() : end);
            Matcher after = SAID_AFTER_QUOTE.matcher(rest);
            if (!after.find() || rest.substring(0, after.start()).matches("(?s).*[\u201c\u201d\"].*")) {
                return null;
            }
            String said = rest.substring(after.start()).replaceFirst("^[,.?!]\\s*[\u201d\"\u2019]\\s*", "");
            int stop = said.indexOf('.');
            return attribution(stop < 0 ? said : said.substring(0, stop + 1), s.start());
        }

        /**
         * The claimant a parser found for the sentence (the subject of its reporting verb, an appositive
         * as the role), resolved as the rules resolve theirs: pronouns, "the ministry", party. Null when
         * it resolves to nobody.
         */
        Speaker parsed(Sentences.Sentence s, String subject, String role) {
            Speaker found = remember(resolve(subject, role, s.start()));
            if (found != null) {
                paragraphSpeaker = found;
            }
            return found;
        }

        private Speaker attribution(String sentence, int offset) {
            Matcher a = ACCORDING.matcher(sentence);
            if (a.find()) {
                Matcher name = ACCORDING_NAME.matcher(sentence.substring(a.end()));
                if (name.find()) {
                    return remember(resolve(name.group(1), a.group(1).strip(), offset));
                }
                return remember(resolve(a.group(1).strip(), null, offset));
            }
            // "state media reported, citing security sources": the claim is the cited body's, relayed
            Matcher citing = CITING.matcher(sentence);
            if (citing.find()) {
                Speaker cited = resolve(citing.group(1).strip(), null, offset);
                if (cited != null) {
                    return remember(cited);
                }
            }
            Matcher relayed = RELAYED_FROM.matcher(sentence);
            if (relayed.find() && REPORTING.matcher(sentence).find()) {
                Speaker cited = resolve(relayed.group(1).strip(), null, offset);
                if (cited != null && !cited.party().equals("other")) {
                    return remember(cited);
                }
            }
            Matcher inv = INVERTED.matcher(sentence);
            if (inv.find()) {
                return remember(resolve(inv.group(1).strip(), inv.group(2), offset));
            }
            Matcher v = REPORTING.matcher(sentence);
            Speaker found = null;
            int quoted = quoteClosedFrom(sentence);
            while (v.find()) {
                if (v.start() < quoted) {
                    // "Intercepts show over 15 militants confirmed dead," another source said: a quote opened in an
                    // earlier sentence; its verbs are the speaker's words
                    continue;
                }
                Decided d = atVerb(sentence, v, offset);
                if (d != null) {
                    found = d.speaker();
                    break;
                }
            }
            return remember(found);
        }

        /**
         * Where a quote opened in an earlier sentence closes in this one ("… a larger number hurt,” another source
         * said."): the index of its closing mark, 0 when the sentence's first quotation mark opens a quote.
         */
        static int quoteClosedFrom(String sentence) {
            Matcher q = FIRST_QUOTE_CLOSING.matcher(sentence);
            return q.lookingAt() ? q.end() : 0;
        }

        /** Who a reporting verb's subject is; null when the verb says nothing (passive, no subject), a decision (maybe nobody) else. */
        private Decided atVerb(String sentence, Matcher v, int offset) {
            String verb = v.group(1);
            if (verb.equals("put")
                    && !sentence.substring(v.end())
                            .matches("(?s)\\s+the\\s+(?:(?:death\\s+)?toll|number\\s+of)\\b.*")) {
                return null;
            }
            // "the spokesperson of the Taliban, Zabihullah Mujahid, has claimed": the auxiliary after the name's comma
            String before = ASIDE.matcher(sentence.substring(0, v.start()).stripTrailing())
                            .replaceFirst("")
                            .replaceFirst(",\\s*(?:has|have|had)(?:\\s+also)?$", ",")
                    + " ";
            if (before.matches("(?s).*\\b(?:were|was|is|are|been|be)(?:\\s+also|\\s+\\w+ly)?\\s*$")) {
                return null;
            }
            // "The ministry did not say where", "declined to say": nobody says anything
            if (before.matches("(?s).*(?:\\b(?:not|never|to)|n['’]t)\\s*$")) {
                return null;
            }
            // "… said its troops had responded to fire from the Afghan side and denied hitting any civilian area": the
            // second verb of the same subject
            if (before.matches("(?s).*\\band(?:\\s+also|\\s+\\w+ly)?\\s*$")) {
                Decided main = nearestBefore(sentence, v, offset);
                if (main != null) {
                    return main;
                }
            }
            if (verb.equals("claims")
                    && !HEADLINE_SUBJECT.matcher(before.strip()).matches()) {
                // "dismissing Afghan claims that posts were captured": the noun, not a verb
                return null;
            }
            if (verb.equals("saying") || verb.equals("claiming")) {
                Matcher with = WITH_SAYING.matcher(before.strip());
                if (with.find()) {
                    String who = with.group(1) != null ? with.group(1) : with.group(2);
                    return new Decided(resolve(who.strip(), null, offset));
                }
                // "A spokesman for the Taliban's border forces in Paktika, Mawlawi Abdul Haq Saeed, gave a different
                // version, saying"
                Matcher roleName = LEAD_ROLE_THEN_NAME.matcher(sentence);
                if (roleName.find() && roleName.end() <= v.start()) {
                    return new Decided(
                            resolve(roleName.group(2).strip(), roleName.group(1).strip(), offset));
                }
                Matcher nameRole = LEAD_NAME_THEN_ROLE.matcher(sentence);
                if (nameRole.find() && nameRole.end() <= v.start()) {
                    return new Decided(
                            resolve(nameRole.group(1).strip(), nameRole.group(2).strip(), offset));
                }
                // "The security sources termed the claim …, saying": the subject before the sentence's first verb
                Matcher described = LEAD_DESCRIBED.matcher(sentence);
                if (described.find() && described.end(1) <= v.start()) {
                    return new Decided(resolve(described.group(1).strip(), null, offset));
                }
                // "A faction of the Pakistani Taliban led by … claimed responsibility in a statement, saying": the
                // subject of
                // the nearest reporting verb before it says it
                Decided main = nearestBefore(sentence, v, offset);
                if (main != null) {
                    return main;
                }
                Matcher lead = Pattern.compile("^((?:[A-Z][\\w'’-]*\\s?)+)").matcher(sentence);
                if (lead.find() && !lead.group(1).strip().matches("A|An|The")) {
                    return new Decided(resolve(lead.group(1).strip(), null, offset));
                }
                return null;
            }
            // "Zabihullah Mujahid, the spokesman of the Islamic Emirate, in a post on X condemned the attack and said":
            // the
            // lead name and role are the subject, after a phrase or another verb of their own
            Matcher leadNameRole = LEAD_NAME_THEN_ROLE.matcher(sentence);
            if (leadNameRole.find() && leadNameRole.end() <= v.start()) {
                String between = sentence.substring(leadNameRole.end(), v.start());
                if (!between.contains(",")
                        && !REPORTING.matcher(between).find()
                        && (between.matches("(?s)(?:in|on|at|after|during|later|also|then)\\b.*")
                                || between.matches("(?s).*\\band\\s*$"))) {
                    return new Decided(resolve(
                            leadNameRole.group(1).strip(), leadNameRole.group(2).strip(), offset));
                }
            }
            Matcher app = APPOSITIVE.matcher(before);
            // "A spokesman for the 203rd Mansoori Corps, Mohammad Yousuf, said": the body ends a role, the name follows
            boolean roleFirst = app.find()
                    && PERSON.matcher(app.group(2).strip()).matches()
                    && before.substring(0, app.start()).matches("(?s).*\\b(?:for|of)\\s+(?:the\\s+)?(?:\\S+\\s+)?$");
            if (roleFirst) {
                String role = before.substring(0, app.end(1))
                        .replaceAll("^.*[.;:]\\s*", "")
                        .strip();
                return new Decided(resolve(app.group(2).strip(), role, offset));
            }
            if (app.find(0)) {
                return new Decided(resolve(app.group(1).strip(), app.group(2).strip(), offset));
            }
            Matcher rtn = ROLE_THEN_NAME.matcher(before);
            if (rtn.find() && !rtn.group(1).contains(" said")) {
                // "SBN News reported that the spokesperson of the Taliban, Zabihullah Mujahid,": the role starts after
                // "that"
                String role = rtn.group(1)
                        .replaceAll("^.*[.;:]\\s*", "")
                        .replaceFirst("^.*\\sthat\\s+", "")
                        .strip();
                return new Decided(resolve(rtn.group(2).strip(), role, offset));
            }
            String subject = subject(before);
            Speaker found = subject == null ? null : resolve(subject, null, offset);
            return found == null ? null : new Decided(found);
        }

        /** The subject of the nearest reporting verb before {@code v} in the sentence that has one; null when none has. */
        private Decided nearestBefore(String sentence, Matcher v, int offset) {
            Decided main = null;
            Matcher earlier = REPORTING.matcher(sentence).region(0, v.start());
            while (earlier.find()) {
                if (!earlier.group(1).equals("saying")) {
                    Decided d = atVerb(sentence, earlier, offset);
                    if (d != null && d.speaker() != null) {
                        main = d;
                    }
                }
            }
            return main;
        }

        /**
         * Who states each figure of a sentence that names two speakers ("the Taliban authorities said Monday, in strikes the
         * United Nations said had killed at least 11"; "Afghanistan says it killed 46 …; Pakistan says it lost three men"):
         * the subject of the nearest reporting verb before the figure; before any, the sentence's speaker.
         */
        Voices voices(Sentences.Sentence s, Speaker sentence) {
            List<Attribution> within = new ArrayList<>();
            Matcher v = REPORTING.matcher(s.text());
            Matcher according = ACCORDING.matcher(s.text());
            boolean accordingTo = according.find();
            if (accordingTo && v.find() && according.start() < v.start()) {
                // "According to the AP, the information minister said two soldiers were killed": the relay opens the
                // sentence, the one it quotes says the figures after their verb
                Matcher name = ACCORDING_NAME.matcher(s.text().substring(according.end()));
                Speaker relay = name.find()
                        ? resolve(name.group(1), according.group(1).strip(), s.start())
                        : resolve(according.group(1).strip(), null, s.start());
                if (relay != null) {
                    within.add(new Attribution(s.start() + according.start(), relay));
                }
            }
            v.reset();
            while (v.find()) {
                Decided d = atVerb(s.text(), v, s.start());
                if (d != null && d.speaker() != null) {
                    within.add(new Attribution(s.start() + v.start(), d.speaker()));
                }
            }
            // "According to the Afghan side, 14 … were killed, while Islamabad acknowledged the death of one soldier":
            // the sentence's own speaker and a later verb's subject are two voices too
            boolean two = Stream.concat(
                                    within.stream().map(Attribution::speaker),
                                    sentence != null && accordingTo ? Stream.of(sentence) : Stream.empty())
                            .map(a -> a.claimant() + "|" + a.party())
                            .distinct()
                            .count()
                    > 1;
            Matcher since = REPORTERS_SINCE.matcher(s.text());
            int reporters = since.find() ? s.start() + since.start(1) : Integer.MAX_VALUE;
            return new Voices(sentence, two ? within : List.of(), reporters);
        }

        private Speaker remember(Speaker s) {
            if (s == null) {
                return null;
            }
            lastSpeaker = s;
            history.add(s);
            boolean person =
                    s.role() != null || NAME_AT_END.matcher(s.claimant()).matches() && !looksLikeBody(s.claimant());
            if (person) {
                lastPerson = s;
            } else {
                lastBody = s;
            }
            return s;
        }

        /** A named or described claimant, with pronouns and "the ministry" resolved. */
        private Speaker resolve(String subject, String role, int offset) {
            String s = subject.replaceAll("^[-–—•*]\\s+", "")
                    // a live page's entry: "22:40 IST: The Afghan Taliban"
                    .replaceAll("^\\d{1,2}[:.]\\d{2}\\s*(?:[A-Z]{2,4}\\s*)?:\\s*", "")
                    .replaceAll("^(?i)(and|but|while|as|then|also|in which|which|who|where|when)\\s+", "")
                    .replaceAll("[“”\"]", "")
                    .replaceAll(
                            "(?i)(?:\\s+(also|later|earlier|further|separately|again|had|has|have|now|already|since|initially|"
                                    + "previously|reportedly|first))+$",
                            "")
                    .strip();
            // "Pakistan's military attacked … and said": the subject ends at its verb; but "a faction of the banned
            // Tehreek-e-Taliban Pakistan" names the group with an adjective
            String verbEd = "\\s+(?!(?:banned|outlawed|proscribed|armed|unnamed)\\b)[a-z]+ed\\b(?!\\s+by\\b)";
            if (s.matches("[A-Z].*") && s.matches("(?s).*" + verbEd + ".*")) {
                s = s.replaceAll(verbEd + ".*$", "").strip();
            }
            String low = s.toLowerCase(Locale.ROOT);
            if (low.equals("he") || low.equals("she") || low.equals("him") || low.equals("her")) {
                return lastSpeaker != null && !looksLikeBody(lastSpeaker.claimant()) ? lastSpeaker : lastPerson;
            }
            // "according to its findings at the time", "their figures": the body that was last named
            if (low.matches(
                            "(?:its|their)\\s+(?:own\\s+)?(?:findings|figures|count|tally|data|records|report|documentation)\\b.*")
                    && (lastBody != null || lastSpeaker != null)) {
                return lastBody != null ? lastBody : lastSpeaker;
            }
            String bare = low.replaceFirst("^the\\s+", "");
            if (BACK.contains(bare) && (lastBody != null || lastSpeaker != null)) {
                Speaker body = lastBody != null
                                && lastBody.claimant().toLowerCase(Locale.ROOT).contains(bare.split(" ")[0])
                        ? lastBody
                        : lastSpeaker != null
                                        && (lastSpeaker.claimant() + " " + lastSpeaker.role())
                                                .toLowerCase(Locale.ROOT)
                                                .contains(bare.split(" ")[0])
                                ? lastSpeaker
                                : null;
                // "according to the ministry" paragraphs after the ministry's spokesman spoke: the last one who was it
                for (int k = history.size() - 1; k >= 0 && body == null; k--) {
                    Speaker h = history.get(k);
                    if ((h.claimant() + " " + h.role()).toLowerCase(Locale.ROOT).contains(bare.split(" ")[0])) {
                        body = h;
                    }
                }
                if (body != null) {
                    return body;
                }
                if (bare.equals("statement") && lastSpeaker != null) {
                    // "according to the statement": the statement of whoever was last said to have issued one
                    return lastSpeaker;
                }
            }
            // "Hassanyar said" after "Najibullah Hassanyar, the provincial spokesman, said": the person named before,
            // with role and party
            if (s.matches("(?:(?:Dr|Mr|Mrs|Ms|Gen|Maj|Col)\\.?\\s+)?[A-Z][\\w'’-]+")) {
                String surname = s.replaceAll("^.*\\s", "");
                for (int k = history.size() - 1; k >= 0; k--) {
                    Speaker h = history.get(k);
                    if (h.claimant().contains(" ") && h.claimant().endsWith(" " + surname)) {
                        return h;
                    }
                }
                Speaker named = namedBefore(surname, offset);
                if (named != null) {
                    return named;
                }
            }
            boolean personal = low.matches("he|she|it|they|him|her|them|its spokesman");
            if (PRONOUNS.contains(low) || low.equals("they")) {
                Speaker body = lastBody != null ? lastBody : lastPerson;
                if (body == null && personal) {
                    return null;
                }
                if (body == null) {
                    // "the military said" in a lede: nobody named before it, so the body itself is the claimant
                    return new Speaker(s.replaceAll("^(?i)the\\s+", ""), role, party(s, offset));
                }
                if (low.startsWith("its ") && body != null) {
                    return new Speaker(body.claimant(), s.substring(4), body.party());
                }
                return body;
            }
            if (s.isEmpty() || s.length() > 120 || !s.matches("(?s).*[A-Za-z].*")) {
                return null;
            }
            String name = null;
            String description = role;
            Matcher n = NAME_AT_END.matcher(s);
            if (n.find()) {
                String candidate = n.group(1);
                String[] words = candidate.split("\\s+");
                int first = 0;
                while (first < words.length && TITLES.contains(words[first].toLowerCase(Locale.ROOT))) {
                    first++;
                }
                String rest = s.substring(0, s.length() - candidate.length()).strip();
                // "A faction of the Pakistani Taliban led by Hafiz Gul Bahadur": the name is in the body's, not the
                // claimant
                if (words.length - first >= 2 && !rest.matches("(?s).*\\sby$")) {
                    name = String.join(" ", Arrays.copyOfRange(words, first, words.length));
                    rest = s.substring(0, s.length() - name.length()).strip();
                    if (!rest.isEmpty()) {
                        description = description == null ? rest : rest + ", " + description;
                    }
                }
            }
            String claimant = name != null ? name : s.replaceAll("^(?i)(the|a|an)\\s+", "");
            String party = party((description == null ? "" : description + " ") + s, offset);
            return new Speaker(claimant, description, party);
        }

        /**
         * "Mehsud told Radio Mashaal" where nobody of that name spoke before but the text named him in full ("…, according to
         * Kurram's deputy commissioner, Javed Mehsud", "the district's police chief, Javed Mehsud, visited"): that person, with
         * the role in commas before or after his name; null when the text names nobody so, or the word is a body or a place.
         */
        private Speaker namedBefore(String surname, int offset) {
            if (!named(surname, offset).equals("other") || TITLES.contains(surname.toLowerCase(Locale.ROOT))) {
                return null;
            }
            Matcher full = Pattern.compile("((?:[A-Z][\\w'’-]+\\s){1,3}" + Pattern.quote(surname) + ")\\b")
                    .matcher(text.substring(0, Math.min(offset, text.length())));
            String name = null;
            int at = -1;
            while (full.find()) {
                name = full.group(1);
                at = full.start(1);
            }
            if (name == null
                    || name.matches(
                            "(?s)(?:In|On|At|The|A|An|By|For|From|With|And|But|Of|To|As|After|Before|When|While|Since)\\s.*")
                    || looksLikeBody(name)) {
                return null;
            }
            Matcher before = ROLE_BEFORE_NAME.matcher(text.substring(Math.max(0, at - 100), at));
            Matcher after = ROLE_AFTER_NAME.matcher(text.substring(at + name.length()));
            String role = before.find()
                    ? before.group(1)
                            .replaceAll("^(?i).*\\b(?:according to|said|says|told|by|and)\\s+", "")
                            .strip()
                    : after.find() ? after.group(1).strip() : null;
            boolean isRole = role != null && ROLE_WORD.matcher(role).find();
            return resolve(name, isRole ? role : null, offset);
        }

        /** The party a claimant stands for; bare "the defence ministry" takes the nearest nationality before it. */
        String party(String who, int offset) {
            String party = named(who, offset);
            if (party.equals("other")) {
                // "the MoD also said" after "The Ministry of Defense (MoD) of the Islamic Emirate says": what the text
                // spelled out
                String spelled = spelledOut(who);
                if (spelled != null) {
                    return named(spelled, offset);
                }
            }
            return party;
        }

        /**
         * The words an acronym of {@code who} stands for where the text defined it in brackets ("The Ministry of Defense (MoD)
         * of the Islamic Emirate"): the name before the bracket, in its clause, and the "of …" after it; null when none is.
         */
        private String spelledOut(String who) {
            Matcher acronym = ACRONYM.matcher(who);
            while (acronym.find()) {
                int at = text.indexOf("(" + acronym.group() + ")");
                if (at <= 0) {
                    continue;
                }
                String name = text.substring(Math.max(0, at - 80), at).replaceAll("(?s)^.*[.;:,\n]", "");
                Matcher of = OF_NAME.matcher(text.substring(at + acronym.group().length() + 2));
                return name + (of.lookingAt() ? of.group() : "");
            }
            return null;
        }

        private String named(String who, int offset) {
            String c = who.toLowerCase(Locale.ROOT);
            if (c.matches(".*(\\bun\\b|u\\.n\\.|united nations|unama|un mission).*")) {
                return "un";
            }
            if (c.matches(".*\\b(?:social media|accounts?|users|bloggers)\\b.*")) {
                // "some social media accounts linked to the Taliban": nobody's official word
                return "other";
            }
            if (c.matches(
                    "(?:the\\s+|a\\s+)?(?:local\\s+|district\\s+|civil\\s+)?administration(?:\\s+(?:of|in)\\s+[a-z][\\w\\s-]{1,40})?")) {
                // "the local administration of North Waziristan", "the administration has put the toll at two": the
                // district's
                return "local_official";
            }
            if (c.matches(
                    ".*\\b(islamic state|is-k|isis|ttp|tehreek|tehrik|amaq|pakistani taliban|banned outfit|outfit|"
                            + "militant group|proscribed|mujahideen|lashkar|jaish|jamaat-ul-ahrar)\\b.*")) {
                return "armed_group";
            }
            if (c.matches(".*\\btaliban\\b.*")
                    && !c.matches(
                            ".*\\b(pakistani taliban|police|governor|governor's|provincial|district|local taliban officials)\\b.*")
                    && !localRole(c, LOCAL_OFFICE)) {
                // "a local Taliban official", "a Taliban official in Kandahar": the Taliban government's own; but "the
                // Taliban's provincial spokesman", "the head of information and culture in Kunar appointed by the
                // Taliban"
                // hold a provincial office, as a governor's spokesman does
                return "af_government";
            }
            if (c.matches(".*\\bstate(?:-run)? (?:media|television|broadcaster|radio|news agency)\\b.*")) {
                // "Pakistani state television"; else the country named last before the sentence (its own words are
                // the figures, often the other side's losses: "State media claims 40 Afghan fighters dead")
                return c.matches(".*\\bafghan(?:istan)?(?:['’]s)?\\b.*")
                        ? "af_government"
                        : c.matches(".*\\bpakistan(?:i|['’]s)?\\b.*") ? "pk_government" : nearestNationality(offset, 0);
            }
            if (c.matches(
                    ".*\\b(hospital|doctor|residents?|witness(es)?|elders?|villagers?|relatives?|rescue|aid group|red cross|red crescent)\\b.*")) {
                return "other";
            }
            if (UNNAMED_SOURCE.matcher(c).matches()) {
                // "a security source told Dawn", "another source said", "sources said": an unnamed source of the
                // outlet's own country
                return nearestNationality(offset);
            }
            if (c.matches(".*\\bsecurity (?:sources?|officials?)\\b.*")
                    && !c.matches(".*\\b(police|provincial|district|local)\\b.*")) {
                // "two security officials in Peshawar": the military's, wherever they sit
                return c.matches(".*\\b(afghan|afghanistan|afghanistan's|taliban)\\b.*")
                        ? "af_government"
                        : "pk_government";
            }
            if (c.matches(
                            ".*\\b(police|governor|governor's|provincial|district|deputy commissioner|information chief|head of information|"
                                    + "municipal|local(?: [a-z]+)? officials?|local (?:government|administration)|administrator|officials? there|chief minister|commissioner|khyber pakhtunkhwa government)\\b.*")
                    || c.matches(".*\\bofficials? (?:in|from) (?!kabul|islamabad|afghanistan|pakistan|the )[a-z]+.*")
                    || c.matches(
                            ".*\\b(kunar|nangarhar|khost|kandahar|paktika|paktia|kurram|bajaur|chaman|bannu) officials?\\b.*")) {
                return "local_official";
            }
            if (localRole(c, LOCAL_ROLE)) {
                return "local_official";
            }
            if (c.matches(".*\\b(frontier corps|fc)\\b.*")) {
                return "pk_government";
            }
            if (c.matches(
                    ".*\\b(mujahid|fitrat|khwarazmi|islamic emirate|iea|ministry of national defen[cs]e|taliban|afghan|afghanistan|"
                            + "afghanistan's|kabul)\\b.*")) {
                return "af_government";
            }
            if (c.matches(
                    ".*\\b(zaidi|tarar|khawaja asif|sharif|ispr|inter[- ]services|pakistan|pakistani|pakistan's|islamabad|military|army|"
                            + "security sources?|security officials?|state television|foreign office|ptv)\\b.*")) {
                return "pk_government";
            }
            if (c.matches(
                    ".*\\b(defen[cs]e ministry|ministry of defen[cs]e|ministry|officials?|spokesman|government|authorities)\\b.*")) {
                String forces = c.matches(".*\\bministry\\b.*") ? forcesItSpeaksFor(offset) : null;
                return forces != null ? forces : nearestNationality(offset);
            }
            return "other";
        }

        /**
         * "Nangarhar information and culture director", "the Kandahar health department's head": an office named for a
         * province, district or town of the text is the local government's, not the country's (a ministry or the army never is).
         */
        private boolean localRole(String c, Pattern office) {
            if (!office.matcher(c).find()
                    || c.matches(
                            ".*\\b(ministry|minister|national|federal|army|military|ispr|foreign|prime|president|corps|forces)\\b.*")) {
                return false;
            }
            for (String place : localPlaces) {
                if (c.matches("(?s).*\\b" + Pattern.quote(place) + "\\b.*")) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A ministry named without its country speaks for the forces its sentence says struck the other side ("The Ministry
         * of Defense said that Afghan forces killed 12 Pakistani soldiers", "… the forces of the Islamic Emirate destroyed
         * five Pakistani military posts"); null when the sentence says no such thing.
         */
        private String forcesItSpeaksFor(int offset) {
            int stop = text.indexOf(". ", offset);
            String sentence = text.substring(offset, stop < 0 ? Math.min(text.length(), offset + 300) : stop);
            Matcher m = FORCES_STRUCK.matcher(sentence);
            if (!m.find()) {
                return null;
            }
            return m.group(2) != null || m.group(1).toLowerCase(Locale.ROOT).startsWith("afghan")
                    ? "af_government"
                    : "pk_government";
        }

        private String nearestNationality(int offset) {
            return nearestNationality(offset, 200);
        }

        /** The dateline's country, else the one named last before {@code offset} plus {@code ahead} characters. */
        private String nearestNationality(int offset, int ahead) {
            if (datelineCountry != null) {
                return datelineCountry.equals("PK") ? "pk_government" : "af_government";
            }
            String before =
                    text.substring(0, Math.min(offset + ahead, text.length())).toLowerCase(Locale.ROOT);
            int af = Math.max(before.lastIndexOf("afghan"), before.lastIndexOf("taliban"));
            int pk = before.lastIndexOf("pakistan");
            if (af < 0 && pk < 0) {
                return "other";
            }
            return af > pk ? "af_government" : "pk_government";
        }
    }

    /** A press release's heading: up to four lines naming its issuer, then "Press Release" (or "Statement") on a line of its own. */
    static final Pattern PRESS_RELEASE = Pattern.compile(
            "\\s*((?:[^\\n]{3,80}\\n){1,4})\\s*(?:(?:Press Release|PRESS RELEASE|Press release|Statement|STATEMENT)\\s*\\n|"
                    // or its number: "No PR-87/2028-ISPR   Rawalpindi - May 14, 2028", "PR No. 123/2025", "Press
                    // Release No. 45"
                    + "(?:No\\.?\\s*PR\\b|PR\\s*No\\b|(?i:press release)\\s+No\\b)[^\\n]*\\n)");
    /**
     * A release signed on its last line by its issuer's office, with no full stop: "Director General ISPR", "Spokesperson,
     * Ministry of Foreign Affairs".
     */
    static final Pattern SIGNATURE = Pattern.compile(
            "\\n\\s*((?:Director General|DG|Spokes(?:man|person|woman)|Press Secretary|Office of the Spokes(?:man|person))\\b"
                    + "[^\\n.]{0,70})\\s*$");

    /**
     * A sentence whose first quotation mark closes a quote: no opening mark before it, punctuation right before it and no
     * word right after it (", \"several of them …\"" opens one).
     */
    static final Pattern FIRST_QUOTE_CLOSING = Pattern.compile("[^“”\"]*?[,.?!](?:”|\"(?![\\w‘'“]))");

    /** A source the copy does not name, nor its side: "another source", "the sources", "two senior sources". */
    static final Pattern UNNAMED_SOURCE = Pattern.compile(
            "(?:(?:the|a|an|another|other|one|two|three|several|some|these|those|same|senior|official|informed|reliable|"
                    + "well-placed|credible)\\s+)*sources?");

    /** The office words of a role named for a place ({@code Reader.localRole}). */
    static final Pattern LOCAL_ROLE = Pattern.compile(
            "\\b(?:director|chief|head|spokes(?:man|woman|person)|officials?|officer|administrator|department|office)\\b");
    /** The same without "official": "a Taliban official in Kandahar" is the Taliban government's (the sets' gold reads so). */
    static final Pattern LOCAL_OFFICE =
            Pattern.compile("\\b(?:director|chief|head|spokes(?:man|woman|person)|administrator|department)\\b");

    /** A word that makes a phrase a person's role. */
    static final Pattern ROLE_WORD = Pattern.compile(
            "(?i)\\b(?:spokes(?:man|woman|person)|commissioner|officer|chief|minister|governor|officials?|head|director|"
                    + "commander|administrator|secretary|general|police|ministry|mayor|elder)\\b");
    /** A role in commas right before a name: "… according to Kurram's deputy commissioner, " (Javed Mehsud). */
    static final Pattern ROLE_BEFORE_NAME = Pattern.compile("([^,.;:\\n“”\"]{3,90}),\\s+$");
    /** A role in commas right after a name: (Javed Mehsud)", the district's police chief,". */
    static final Pattern ROLE_AFTER_NAME =
            Pattern.compile("^,\\s+(?:the\\s+|a\\s+|an\\s+)?([^,.;:\\n“”\"]{3,90})[,.;]");

    /** An acronym of two to six letters, two or more of them capitals: "MoD", "ISPR", "DPO". */
    static final Pattern ACRONYM = Pattern.compile("\\b(?=[A-Za-z]*[A-Z][a-z]*[A-Z])[A-Z][A-Za-z]{1,5}\\b");
    /** "… of the Islamic Emirate" right after a bracket. */
    static final Pattern OF_NAME = Pattern.compile("\\s+of\\s+(?:the\\s+)?[A-Z][\\w'’-]*(?:\\s+[A-Z][\\w'’-]*){0,3}");

    private static boolean looksLikeBody(String s) {
        return s.toLowerCase(Locale.ROOT)
                .matches(".*\\b(ministry|office|mission|police|army|military|government|department|ispr|"
                        + "television|sources|officials|forces)\\b.*");
    }

    /**
     * An adverb set off by commas between a subject and its verb ("The Taliban administration, in turn, said", "A local
     * elder, however, said"): the subject is before it.
     */
    static final Pattern ASIDE = Pattern.compile(
            "(?i),\\s+(?:in turn|however|meanwhile|for (?:its|his|her|their) part|too|"
                    + "though|in response|in reply|instead|by contrast|in contrast|separately|also|for their part)\\s*,$");

    /**
     * A phrase set off by commas between the subject and its verb that says where or how it was said ("Zabihullah Mujahid,
     * in a post on X, claimed", "the spokesman, in a video statement, said"): the subject is before it.
     */
    static final Pattern MEDIUM_PHRASE = Pattern.compile(
            "(?:in|on|via|through|during|at|from|over|speaking)\\s+(?:a|an|the|his|her|its|their)\\b[^,;]*");

    /** The subject right before a reporting verb: back to the clause's start, at most eight words. */
    static String subject(String before) {
        String b = ASIDE.matcher(before.replaceAll("\\s+$", "")).replaceFirst("");
        if (b.isEmpty() || b.endsWith("”") || b.endsWith("\"") || b.endsWith(",") && b.length() < 2) {
            return null;
        }
        int cut = Math.max(
                Math.max(b.lastIndexOf(','), b.lastIndexOf('“')), Math.max(b.lastIndexOf('"'), b.lastIndexOf(';')));
        int dash = b.lastIndexOf(" — ");
        if (dash >= 0) {
            cut = Math.max(cut, dash + 2);
        }
        int that = b.lastIndexOf(" that ");
        if (that >= 0) {
            cut = Math.max(cut, that + 5);
        }
        // "Pakistan said it killed 30 Afghan fighters and Afghanistan said": a second clause's own subject
        Matcher coordinated = AND_SUBJECT.matcher(b);
        if (coordinated.find()) {
            cut = Math.max(cut, coordinated.start(1) - 1);
        }
        // "The claim came a day after the Pakistani military said": the subject starts after the conjunction
        Matcher conj = CONJUNCTION.matcher(b);
        while (conj.find()) {
            cut = Math.max(cut, conj.end() - 2);
        }
        String s = b.substring(cut + 1).strip();
        // "Tahir Khan, a journalist, said Pakistani media claimed one …": a reporting verb with no "that" opens the
        // reported clause, whose subject speaks (the claimant was "said Pakistani media")
        s = s.replaceFirst("^(?i)(?:said|says|added|adds|wrote|writes|noted|stated)\\s+(?=\\S)", "");
        // "between 1 January and 31 August it documented": the pronoun after an opening phrase is the subject
        s = s.replaceFirst("^(?s).*\\s(it|he|she|they)$", "$1");
        // "strikes …, which the Taliban administration said killed 16": the relative clause's own subject
        s = s.replaceFirst("^(?i)(?:which|whom)\\s+(?=\\S)", "");
        if (s.isEmpty()
                || s.matches("(?i)^(speaking|citing|who|which|according|in a statement|on condition|because|adding|"
                        + "quoted|writing)\\b.*")
                || MEDIUM_PHRASE.matcher(s).matches()) {
            String[] segments = b.split(",");
            s = "";
            for (int k = segments.length - 1; k >= 0; k--) {
                String seg = segments[k].strip();
                if (!seg.isEmpty()
                        && !seg.matches("(?i)^(speaking|citing|who|which|according|in a statement|on condition|because|"
                                + "adding|quoted|writing)\\b.*")
                        && !MEDIUM_PHRASE.matcher(seg).matches()) {
                    s = seg;
                    break;
                }
            }
        }
        // "…, a claim Islamabad flatly denied": the claim is what was denied, its denier the subject
        s = s.replaceFirst("^(?i:a|an|the)\\s+(?i:claims?|account|assertion)\\s+(?:that\\s+)?(?=[A-Z])", "")
                .replaceFirst(
                        "(?<=\\S)\\s+(?:flatly|swiftly|strongly|firmly|quickly|promptly|immediately|categorically|vehemently|"
                                + "repeatedly|officially|publicly|angrily|formally)$",
                        "");
        // "…, he said in a statement posted on X": the subject of the reporting clause the verb is part of ("he")
        Matcher inner = REPORTING.matcher(s);
        if (inner.find()
                && inner.start() > 0
                && s.substring(inner.end()).matches("(?s)\\s+(?:in|on|by|at|from|via|through|during)\\b.*")) {
            s = s.substring(0, inner.start()).strip();
        }
        String[] words = s.split("\\s+");
        if (words.length > 12 || s.isEmpty()) {
            return null;
        }
        if (!s.matches(
                "(?s).*\\b(?:[A-Z][\\w'’-]*|he|she|it|they|him|her|police|officials?|residents|sources?|ministry|military|army|"
                        + "media|broadcaster|television|radio|agency|newspaper|"
                        + "spokes(?:man|woman|person)|chief|governor|commander|officers?|minister|head|director|commissioner|witness(?:es)?|"
                        + "doctors?|villagers|elders?|mission|government|authorities|statement)\\b.*")) {
            return null;
        }
        return s;
    }

    /**
     * A clause after the attribution that dates the news by another event ("…, local officials said, a day after a suicide
     * bombing in the northwest killed seven people", "…, police said, hours after …"): the reporter's background, not what
     * they said.
     */
    static final Pattern REPORTERS_SINCE = Pattern.compile(
            "\\b(?:said|says|told\\s+[\\w'’-]+)\\s*,\\s+((?:just\\s+|only\\s+|barely\\s+|less than\\s+)?(?:a|an|one|two|three|four|five|"
                    + "six|several|\\d+)\\s+(?:days?|hours?|weeks?|months?)\\s+(?:after|before)\\b)");

    /** Every figure of the sentences, with its speaker and side; figures nobody states are left out. */
    static List<Stated> of(Sentences.Sentence s, Speaker speaker, String eventCountry, boolean civilianContext) {
        return of(s, Voices.of(speaker), eventCountry, civilianContext);
    }

    /** The same, each figure said by the speaker {@code voices} gives it. */
    static List<Stated> of(Sentences.Sentence s, Voices voices, String eventCountry, boolean civilianContext) {
        List<Stated> out = new ArrayList<>();
        Matcher since = REPORTERS_SINCE.matcher(s.text());
        int reporters = Math.min(voices.reporters(), since.find() ? s.start() + since.start(1) : Integer.MAX_VALUE);
        for (Figures.Figure f : Figures.of(s.text(), s.start())) {
            // "…, local officials said, a day after a suicide bombing in the northwest killed seven people": the
            // reporter's
            if (f.start() >= reporters) {
                continue;
            }
            Speaker speaker = voices.at(f.start());
            if (speaker != null) {
                String side = side(f, speaker.party(), eventCountry, civilianContext);
                if (side.equals("civilians")
                        && (f.noun() == null || f.noun().matches("people|persons"))
                        && MIXED.matcher(s.text()).find()) {
                    // "12 people, including soldiers and passers-by": a toll of both, no side of its own
                    side = "unspecified";
                }
                out.add(new Stated(speaker, side, f, s.start(), s.end()));
            }
        }
        return out;
    }

    /** Whose losses a figure states. */
    static String side(Figures.Figure f, String party, String eventCountry, boolean civilianContext) {
        String noun = f.noun() == null ? "people" : f.noun();
        String nat = f.nationality();
        if ("ttp".equals(nat)) {
            return "militants";
        }
        String own = own(party, eventCountry);
        if ("own".equals(nat)) {
            return own;
        }
        String other = own.equals("af_forces") ? "pk_forces" : own.equals("pk_forces") ? "af_forces" : "unspecified";
        boolean denial = "denied".equals(f.verb());
        String forNat = "af".equals(nat) ? "af_forces" : "pk".equals(nat) ? "pk_forces" : null;
        if (denial && forNat != null && noun.matches("people|persons")) {
            return forNat;
        }
        if (noun.equals("no one")) {
            // "no one on the ground was killed or injured": nobody of any side
            return "unspecified";
        }
        if (noun.matches("posts|outposts|checkposts|positions|post|outpost")) {
            // a party denies losing its own posts ("no post was lost", "no post damaged")
            return forNat != null ? forNat : denial ? own : other;
        }
        if (noun.matches("aircraft|drones|jets|drone|jet|f-16|plane|helicopter|quadcopter")) {
            return forNat != null ? forNat : denial ? own : other;
        }
        if ("lost".equals(f.verb()) && noun.matches("men|man")) {
            // "Pakistan says it lost three men": one's own men, not civilians
            return forNat != null ? forNat : own;
        }
        if (noun.matches(
                "civilians?|children|child|women|woman|girl|boy|refugees?|residents?|worshippers?|villagers|passengers|"
                        + "family members|returnees|students|elder|passerby|bystander|men|man|passers-by|passersby|bystanders|countrymen|"
                        + "labourers?|laborers?|workers?|"
                        + "compatriots|citizens")) {
            return "civilians";
        }
        if (noun.matches("taliban|mujahideen|mujahidin")) {
            // the Taliban without "Pakistani" before them are the Afghan government's men
            return "af_forces";
        }
        if (noun.matches("militants?|insurgents|terrorists|infiltrators|khwarij|khawarij|kharijis")) {
            return "militants";
        }
        if (noun.matches("fighters?|attackers")) {
            // a police force's or a local official's attackers are militants; a government's may be the other army
            boolean gov = party.equals("af_government") || party.equals("pk_government");
            return forNat != null ? forNat : gov ? other : "militants";
        }
        if (noun.matches(
                "soldiers?|troops|forces|guards?|border guards|policemen|policeman|police officers?|police|officers?|personnel|servicem[ae]n|"
                        + "commanders?|officials?|members?|sons of (?:the )?soil")) {
            if (forNat != null) {
                return forNat;
            }
            // "the bodies of 10 soldiers had been brought into Kunar": a government holds the other side's dead
            boolean active = f.verb() != null
                    && (f.verb().startsWith("active:") || f.verb().equals("bodies"));
            boolean gov = party.equals("af_government") || party.equals("pk_government");
            // "several soldiers were taken prisoner", in a government's or a local official's account: the other side's
            // men
            // (a party denies, it does not claim, that its own were taken)
            boolean taken = "captured".equals(f.field()) && !denial && (gov || party.equals("local_official"));
            return gov && active || taken ? other : own;
        }
        if (forNat != null && !noun.matches("people|persons|others")) {
            return forNat;
        }
        return civilianContext ? "civilians" : "unspecified";
    }

    private static String own(String party, String eventCountry) {
        return switch (party) {
            case "af_government" -> "af_forces";
            case "pk_government" -> "pk_forces";
            default ->
                "AF".equals(eventCountry) ? "af_forces" : "PK".equals(eventCountry) ? "pk_forces" : "unspecified";
        };
    }
}
