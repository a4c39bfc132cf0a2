package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.Supplier;
import java.util.function.ToIntFunction;

import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import tools.jackson.databind.ObjectMapper;

/**
 * The NLP libraries measured (docs/INGEST.md, "The NLP library, decided by measurement"): the issue's
 * measures on the evaluation and held-out sets with each library's part in the pipeline
 * ({@link LanguageTools}) against the rules alone, and load time, heap and the time of an 8 KB article
 * on one thread once warm, as the thread's CPU time (ThreadMXBean) and as wall time. Only with
 * {@code -Pnlp} (see pom.xml); tagged {@code bench}.
 */
@OnH2gis
@Tag("bench")
class NlpMeasurementTest {
    static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final LocalDate PUBLISHED = LocalDate.of(2026, 4, 11);

    @Autowired
    EventExtractor extractor;
    @Autowired
    ObjectMapper json;

    @Test
    void qualityOnTheEvaluationAndHeldOutSets() throws Exception {
        StanfordCoreNLP core = new StanfordCoreNLP(CoreNlpTools.tuned("tokenize,ssplit,pos,lemma,ner,depparse"));
        Map<String, LanguageTools> variants = new LinkedHashMap<>();
        variants.put("rules", LanguageTools.RULES);
        variants.put("OpenNLP sentences", new OpenNlpTools());
        variants.put("CoreNLP sentences", new CoreNlpTools(core, EnumSet.of(CoreNlpTools.Part.SENTENCES)));
        variants.put("SUTime dates", new CoreNlpTools(core, EnumSet.of(CoreNlpTools.Part.SUTIME)));
        variants.put("SUTime adds dates", new CoreNlpTools(core, EnumSet.of(CoreNlpTools.Part.SUTIME_ADDED)));
        variants.put("NER LOCATION gate", new CoreNlpTools(core, EnumSet.of(CoreNlpTools.Part.LOCATIONS)));
        variants.put("depparse attribution", new CoreNlpTools(core, EnumSet.of(CoreNlpTools.Part.ATTRIBUTION)));
        variants.put("CoreNLP all", new CoreNlpTools(core, EnumSet.allOf(CoreNlpTools.Part.class)));
        String only = System.getProperty("nlp.only");
        if (only != null) {
            variants.keySet().retainAll(List.of(only.split(",")));
        }
        Map<String, Double> claimF1 = new LinkedHashMap<>();
        Map<String, IngestEvaluation.Measures> heldOut = new LinkedHashMap<>();
        // -Dnlp.sets=eval,heldout12 to measure a blind batch (its summary lines only) without its misses
        String sets = System.getProperty("nlp.sets", "eval,heldout,heldout2,heldout3,heldout4,heldout5");
        for (String set : List.of(sets.split(","))) {
            List<IngestEvaluation.Article> articles = IngestEvaluation.load(json, set);
            for (Map.Entry<String, LanguageTools> v : variants.entrySet()) {
                EventExtractor x = extractor.with(v.getValue());
                IngestEvaluation.Measures m = IngestEvaluation.empty();
                for (IngestEvaluation.Article a : articles) {
                    List<IngestEvaluation.Found> found = IngestEvaluationTest.found(x.extract(a.text(), a.published()));
                    m = IngestEvaluation.score(a, found, m).measures();
                    if (!set.equals("eval")) {
                        heldOut.put(v.getKey(), IngestEvaluation.score(a, found, heldOut.getOrDefault(v.getKey(),
                                IngestEvaluation.empty())).measures());
                    }
                }
                claimF1.put(set + " " + v.getKey(), m.claimF1());
                int differ = 0;
                int total = 0;
                for (IngestEvaluation.Article a : articles) {
                    Set<String> rules = spans(LanguageTools.RULES.sentences(a.text(), a.published()));
                    Set<String> other = spans(v.getValue().sentences(a.text(), a.published()));
                    total += rules.size();
                    differ += (int) other.stream().filter(span -> !rules.contains(span)).count();
                }
                System.out.printf("NLP-SENTENCES %-8s %-20s rules %d sentences; %d spans not the rules'%n", set, v.getKey(),
                        total, differ);
                System.out.printf("NLP-EVAL %-8s %-20s %s%n", set, v.getKey(), m.summary());
                if (System.getProperty("nlp.misses") != null) {
                    System.out.println(m.misses());
                }
            }
        }
        heldOut.forEach((k, m) -> System.out.printf("NLP-EVAL %-8s %-20s %s%n", "held-out", k, m.summary()));
        assertThat(claimF1.get("eval rules")).as("the rules' claim F1 as IngestEvaluationTest has it").isGreaterThan(0.5);
    }

    @Test
    void speedLoadAndHeap() throws Exception {
        String text = eightKilobytes();
        Map<String, String> configs = new LinkedHashMap<>();
        configs.put("tokenize,ssplit", "tokenize,ssplit");
        configs.put("+pos", "tokenize,ssplit,pos");
        configs.put("+lemma", "tokenize,ssplit,pos,lemma");
        configs.put("+ner (tuned: 3class, SUTime)", "tokenize,ssplit,pos,lemma,ner");
        configs.put("+depparse", "tokenize,ssplit,pos,lemma,ner,depparse");
        for (Map.Entry<String, String> c : configs.entrySet()) {
            StanfordCoreNLP.clearAnnotatorPool();
            Supplier<StanfordCoreNLP> load = () -> new StanfordCoreNLP(CoreNlpTools.tuned(c.getValue()));
            measure("CoreNLP " + c.getKey(), load, p -> CoreNlpTools.annotate(p, text, PUBLISHED).tokens().size());
        }
        StanfordCoreNLP.clearAnnotatorPool();
        measure("CoreNLP untuned ner (3 models, fine-grained)", () -> new StanfordCoreNLP(untuned("tokenize,ssplit,pos,lemma,ner")),
                p -> CoreNlpTools.annotate(p, text, PUBLISHED).tokens().size());
        StanfordCoreNLP.clearAnnotatorPool();
        measure("CoreNLP tuned+depparse in the extractor (all parts)", () -> extractor.with(new CoreNlpTools(
                new StanfordCoreNLP(CoreNlpTools.tuned("tokenize,ssplit,pos,lemma,ner,depparse")), EnumSet.allOf(CoreNlpTools.Part.class))),
                x -> x.extract(text + " Ref " + System.nanoTime() + ".", PUBLISHED).size());
        StanfordCoreNLP.clearAnnotatorPool();
        measure("OpenNLP sentences, tokens, POS", () -> {
            try {
                return new OpenNlpTools();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }, o -> o.annotate(text));
        measure("rules (EventExtractor)", () -> extractor, x -> x.extract(text, PUBLISHED).size());
        if (System.getProperty("nlp.coref") != null) {
            StanfordCoreNLP.clearAnnotatorPool();
            measure("CoreNLP full (ner untuned, depparse, coref)", () -> new StanfordCoreNLP(untuned("tokenize,ssplit,pos,lemma,ner,depparse,coref")),
                    p -> CoreNlpTools.annotate(p, text, PUBLISHED).tokens().size());
        }
    }

    private static Set<String> spans(List<Sentences.Sentence> sentences) {
        Set<String> out = new HashSet<>();
        for (Sentences.Sentence s : sentences) {
            out.add(s.start() + "-" + s.end());
        }
        return out;
    }

    private static Properties untuned(String annotators) {
        Properties p = new Properties();
        p.setProperty("annotators", annotators);
        return p;
    }

    /** Load (wall and thread CPU), heap the loaded tool holds, then 3 warm-up runs and 5 timed ones on the 8 KB text. */
    private static <T> void measure(String name, Supplier<T> load, ToIntFunction<T> run) {
        long heap0 = heapAfterGc();
        long c0 = THREADS.getCurrentThreadCpuTime();
        long w0 = System.nanoTime();
        T tool = load.get();
        double loadWall = (System.nanoTime() - w0) / 1e9;
        double loadCpu = (THREADS.getCurrentThreadCpuTime() - c0) / 1e9;
        long heap1 = heapAfterGc();
        int n = 0;
        for (int k = 0; k < 3; k++) {
            n = run.applyAsInt(tool);
        }
        int rounds = 5;
        long c1 = THREADS.getCurrentThreadCpuTime();
        long w1 = System.nanoTime();
        for (int k = 0; k < rounds; k++) {
            n = run.applyAsInt(tool);
        }
        double cpu = (THREADS.getCurrentThreadCpuTime() - c1) / 1e6 / rounds;
        double wall = (System.nanoTime() - w1) / 1e6 / rounds;
        long heap2 = heapAfterGc();
        System.out.printf("NLP-BENCH %-58s load %.1f s wall / %.1f s cpu; tool heap %d MB; 8 KB: %.0f ms cpu, %.0f ms wall (%d); heap in use %d MB%n",
                name, loadWall, loadCpu, (heap1 - heap0) / 1_000_000, cpu, wall, n, heap2 / 1_000_000);
        assertThat(n).as(name + " produced something").isPositive();
    }

    private static long heapAfterGc() {
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private String eightKilobytes() throws Exception {
        List<IngestEvaluation.Article> set = IngestEvaluation.load(json);
        StringBuilder b = new StringBuilder();
        for (int k = 0; b.length() < 8192; k++) {
            b.append(set.get(k % set.size()).text()).append("\n\n");
        }
        return b.substring(0, 8192);
    }
}
