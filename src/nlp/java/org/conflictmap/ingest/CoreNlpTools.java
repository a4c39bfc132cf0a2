package org.conflictmap.ingest;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.conflictmap.geocoding.DateResolver;
import org.conflictmap.geocoding.Geocoder;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.IndexedWord;
import edu.stanford.nlp.pipeline.CoreDocument;
import edu.stanford.nlp.pipeline.CoreEntityMention;
import edu.stanford.nlp.pipeline.CoreSentence;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.semgraph.SemanticGraph;
import edu.stanford.nlp.semgraph.SemanticGraphEdge;
import edu.stanford.nlp.time.TimeAnnotations;
import edu.stanford.nlp.time.Timex;

/**
 * Stanford CoreNLP 4.5.10, tuned (tokenize, ssplit, pos, lemma, ner with one 3-class CRF model, no
 * fine-grained NER, SUTime against the publication date), standing in for the parts of the rules
 * named in {@link Part}. One annotation per article, kept for the next call with the same text.
 */
final class CoreNlpTools implements LanguageTools {
    /** Which parts of the rules the library replaces. */
    enum Part {
        /** CoreNLP's sentence split inside each paragraph. */
        SENTENCES,
        /** SUTime's dates instead of the geocoder's. */
        SUTIME,
        /** SUTime's dates where the geocoder found none overlapping. */
        SUTIME_ADDED,
        /** A gazetteer place counts only where the NER tags the words LOCATION. */
        LOCATIONS,
        /** The claimant from the dependency parse (needs the depparse annotator): the subject of the reporting verb. */
        ATTRIBUTION
    }

    static final Set<String> REPORTING = Set.of("say", "tell", "claim", "confirm", "announce", "report", "add", "post", "write", "state",
            "put", "deny", "insist");

    static final Pattern DAY = Pattern.compile("^(\\d{4}-\\d{2}-\\d{2})(T(NI|EV|MO|AF|\\d{2}.*))?$");
    static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
    static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})$");

    private final StanfordCoreNLP pipeline;
    private final Set<Part> parts;
    private String lastText;
    private LocalDate lastDate;
    private CoreDocument last;

    CoreNlpTools(StanfordCoreNLP pipeline, Set<Part> parts) {
        this.pipeline = pipeline;
        this.parts = parts.isEmpty() ? EnumSet.noneOf(Part.class) : EnumSet.copyOf(parts);
    }

    /** The tuned pipeline's properties, with the annotators given. */
    static Properties tuned(String annotators) {
        Properties p = new Properties();
        p.setProperty("annotators", annotators);
        p.setProperty("ssplit.newlineIsSentenceBreak", "always");
        p.setProperty("ner.model", "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz");
        p.setProperty("ner.applyFineGrained", "false");
        p.setProperty("ner.buildEntityMentions", "true");
        p.setProperty("ner.useSUTime", "true");
        return p;
    }

    /** One annotated document, the publication date as SUTime's document date. */
    static CoreDocument annotate(StanfordCoreNLP pipeline, String text, LocalDate published) {
        CoreDocument d = new CoreDocument(text);
        d.annotation().set(CoreAnnotations.DocDateAnnotation.class, published.toString());
        pipeline.annotate(d);
        return d;
    }

    private CoreDocument doc(String text, LocalDate published) {
        if (!text.equals(lastText) || !published.equals(lastDate)) {
            // the dateline blanked out, offsets kept: the parser otherwise makes "ISLAMABAD (AP) —" the lede's subject
            last = annotate(pipeline, " ".repeat(Sentences.dateline(text)) + text.substring(Sentences.dateline(text)), published);
            lastText = text;
            lastDate = published;
        }
        return last;
    }

    @Override
    public List<Sentences.Sentence> sentences(String text, LocalDate published) {
        if (!parts.contains(Part.SENTENCES)) {
            return LanguageTools.super.sentences(text, published);
        }
        List<CoreSentence> all = doc(text, published).sentences();
        return bySentence(text, all);
    }

    private static List<Sentences.Sentence> bySentence(String text, List<CoreSentence> all) {
        int dateline = Sentences.dateline(text);
        List<Sentences.Sentence> out = new ArrayList<>();
        int paragraph = 0;
        int lastEnd = dateline;
        for (CoreSentence s : all) {
            int start = Math.max(s.charOffsets().first(), dateline);
            int end = s.charOffsets().second();
            if (end <= start) {
                continue;
            }
            if (!out.isEmpty() && text.substring(lastEnd, start).indexOf('\n') >= 0) {
                paragraph++;
            }
            String t = text.substring(start, end).strip();
            if (!t.isEmpty()) {
                int from = text.indexOf(t, start);
                out.add(new Sentences.Sentence(out.size(), from, from + t.length(), paragraph, t));
                lastEnd = from + t.length();
            }
        }
        return out;
    }

    @Override
    public List<DateResolver.Found> dates(String text, LocalDate published, List<DateResolver.Found> rules) {
        if (parts.contains(Part.ATTRIBUTION)) {
            doc(text, published); // the extractor asks for dates first, then for each sentence's speaker
        }
        if (!parts.contains(Part.SUTIME) && !parts.contains(Part.SUTIME_ADDED)) {
            return rules;
        }
        List<DateResolver.Found> sutime = sutime(doc(text, published));
        if (parts.contains(Part.SUTIME)) {
            return sutime;
        }
        List<DateResolver.Found> out = new ArrayList<>(rules);
        for (DateResolver.Found f : sutime) {
            if (rules.stream().noneMatch(r -> r.start() < f.end() && f.start() < r.end())) {
                out.add(f);
            }
        }
        out.sort((a, b) -> a.start() - b.start());
        return out;
    }

    /** SUTime's DATE and TIME mentions as the geocoder's dates: a day (with a part of day), an ISO week or a month. */
    static List<DateResolver.Found> sutime(CoreDocument d) {
        List<DateResolver.Found> out = new ArrayList<>();
        for (CoreEntityMention em : d.entityMentions()) {
            if (!em.entityType().equals("DATE") && !em.entityType().equals("TIME")) {
                continue;
            }
            Timex t = em.coreMap().get(TimeAnnotations.TimexAnnotation.class);
            String v = t == null ? null : t.value();
            if (v == null) {
                continue;
            }
            int start = em.charOffsets().first();
            int end = em.charOffsets().second();
            Matcher m = DAY.matcher(v);
            Matcher mo = MONTH.matcher(v);
            Matcher w = WEEK.matcher(v);
            if (m.matches()) {
                String part = m.group(3);
                String precision = part != null && part.length() == 2 && Character.isLetter(part.charAt(0)) ? "part_of_day" : "day";
                out.add(new DateResolver.Found(em.text(), start, end, LocalDate.parse(m.group(1)), precision));
            } else if (mo.matches()) {
                out.add(new DateResolver.Found(em.text(), start, end, LocalDate.of(Integer.parseInt(mo.group(1)), Integer.parseInt(mo.group(2)), 1),
                        "month"));
            } else if (w.matches()) {
                LocalDate monday = LocalDate.of(Integer.parseInt(w.group(1)), 1, 4)
                        .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(w.group(2)))
                        .with(DayOfWeek.MONDAY);
                out.add(new DateResolver.Found(em.text(), start, end, monday, "week"));
            }
        }
        return out;
    }

    @Override
    public Claims.Speaker speaker(Sentences.Sentence sentence, Claims.Reader reader) {
        Claims.Speaker rules = reader.speaker(sentence);
        if (!parts.contains(Part.ATTRIBUTION)) {
            return rules;
        }
        CoreSentence best = null;
        int overlap = 0;
        for (CoreSentence c : last.sentences()) {
            int o = Math.min(c.charOffsets().second(), sentence.end()) - Math.max(c.charOffsets().first(), sentence.start());
            if (o > overlap) {
                overlap = o;
                best = c;
            }
        }
        String[] subject = best == null ? null : subject(last.text(), best.dependencyParse());
        if (subject == null) {
            return rules;
        }
        Claims.Speaker parsed = reader.parsed(sentence, subject[0], subject[1]);
        return parsed != null ? parsed : rules;
    }

    /** The subject of the first reporting verb ("…, the ministry said"), or the object of "according to"; and its appositive as role. */
    static String[] subject(String text, SemanticGraph g) {
        for (IndexedWord w : g.vertexListSorted()) {
            if (w.word().equalsIgnoreCase("according")) {
                IndexedWord head = g.getParent(w);
                if (head != null) {
                    return phrase(text, g, head);
                }
            }
            if (w.tag() != null && w.tag().startsWith("VB") && REPORTING.contains(w.lemma())) {
                for (SemanticGraphEdge e : g.outgoingEdgeList(w)) {
                    if (e.getRelation().toString().equals("nsubj")) {
                        return phrase(text, g, e.getDependent());
                    }
                }
            }
        }
        return null;
    }

    /** A noun phrase without its appositive, relative clause or preposition "to", and the appositive apart. */
    private static String[] phrase(String text, SemanticGraph g, IndexedWord head) {
        int start = head.beginPosition();
        int end = head.endPosition();
        String role = null;
        for (SemanticGraphEdge e : g.outgoingEdgeList(head)) {
            String rel = e.getRelation().toString();
            Set<IndexedWord> sub = g.descendants(e.getDependent());
            int s = sub.stream().mapToInt(IndexedWord::beginPosition).min().orElse(start);
            int t = sub.stream().mapToInt(IndexedWord::endPosition).max().orElse(end);
            if (rel.equals("appos")) {
                role = text.substring(s, t);
            } else if (rel.startsWith("compound") || rel.equals("flat") || rel.equals("amod") || rel.equals("det") || rel.startsWith("nmod")
                    || rel.equals("nummod")) {
                start = Math.min(start, s);
                end = Math.max(end, t);
            }
        }
        return new String[] {text.substring(start, end), role};
    }

    @Override
    public List<Geocoder.Mention> places(String text, LocalDate published, List<Geocoder.Mention> rules) {
        if (!parts.contains(Part.LOCATIONS)) {
            return rules;
        }
        List<CoreEntityMention> locations = doc(text, published).entityMentions().stream()
                .filter(e -> e.entityType().equals("LOCATION")).toList();
        return rules.stream().filter(m -> locations.stream()
                .anyMatch(e -> e.charOffsets().first() < m.end() && m.start() < e.charOffsets().second())).toList();
    }
}
