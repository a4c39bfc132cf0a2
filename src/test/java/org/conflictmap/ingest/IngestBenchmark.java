package org.conflictmap.ingest;

import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.List;
import org.conflictmap.TestStores.OnH2gis;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

/**
 * How long the extractor takes for an 8 KB article once warm, on one thread, and through the store
 * (extraction, matching and writing the drafts, one transaction), and the heap in use with the
 * server loaded. A benchmark, not a test: tagged {@code bench}; run with
 * {@code mvn verify -Dgroups=bench -DexcludedGroups= -Dtest=IngestBenchmark}.
 */
@OnH2gis
@Tag("bench")
class IngestBenchmark {
    @Autowired
    EventExtractor extractor;

    @Autowired
    ArticleIngest ingest;

    @Autowired
    ObjectMapper json;

    @Test
    void anEightKilobyteArticle() throws Exception {
        List<IngestEvaluation.Article> set = IngestEvaluation.load(json);
        StringBuilder b = new StringBuilder();
        for (int k = 0; b.length() < 8192; k++) {
            b.append(set.get(k % set.size()).text()).append("\n\n");
        }
        String text = b.substring(0, 8192);
        LocalDate published = LocalDate.of(2026, 4, 11);
        for (int k = 0; k < 20; k++) {
            extractor.extract(text, published);
        }
        int rounds = 50;
        long t0 = System.nanoTime();
        int events = 0;
        for (int k = 0; k < rounds; k++) {
            events += extractor.extract(text, published).size();
        }
        double extractMs = (System.nanoTime() - t0) / 1e6 / rounds;
        long t1 = System.nanoTime();
        int stored = 10;
        for (int k = 0; k < stored; k++) {
            ingest.ingest(
                    new ArticleIngest.Article(
                            text + "\nRef " + k,
                            "Bench wire",
                            "https://bench.example.org/" + System.nanoTime(),
                            published,
                            null),
                    "bench");
        }
        double ingestMs = (System.nanoTime() - t1) / 1e6 / stored;
        for (int k = 0; k < 3; k++) {
            System.gc();
        }
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        System.out.printf(
                "INGEST-BENCH 8 KB article: extraction %.1f ms (%d events), ingest through the store %.1f ms, heap in use %d MB%n",
                extractMs, events / rounds, ingestMs, heap / 1_000_000);
    }
}
