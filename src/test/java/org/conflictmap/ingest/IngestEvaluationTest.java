package org.conflictmap.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.conflictmap.TestStores.OnH2gis;
import org.conflictmap.TestStores.OnPostgis;
import org.conflictmap.incidents.IncidentRepository;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.ObjectMapper;

/**
 * The measures on the team's evaluation set (32 articles, {@link IngestEvaluation}), printed
 * and asserted; on both stores, since the drafts per real event go through the store's matching.
 */
class IngestEvaluationTest {
    /** The targets are 0.90, 0.85, 0.90, 0.95, 0.10 and 1.2; these hold what the extractor reaches on this set. */
    static final double EVENT_F1 = 0.95;

    static final double CLAIM_F1 = 0.92;
    static final double SIDE = 0.95;
    static final double DATES = 0.95;
    static final double OUTSIDE = 0.05;
    static final double DRAFTS_PER_EVENT = 1.2;
    /** Matched events whose type is the gold's: the issue sets no target; the set reaches 0.96 (72 of 75 before the type fixes). */
    static final double TYPES = 0.95;

    /** The newest blind batch: printed, not in the asserted held-out total, so that it stays a report and is never fitted. */
    static final String REPORTED_ONLY = "heldout9";

    /** Every held-out batch, oldest first; those from {@link #REPORTED_ONLY} on are printed only. */
    static final List<String> HELD_OUT = List.of(
            "heldout",
            "heldout2",
            "heldout3",
            "heldout4",
            "heldout5",
            "heldout6",
            "heldout7",
            "heldout8",
            REPORTED_ONLY,
            "heldout10");

    @Nested
    @OnH2gis
    class Embedded extends Evaluation {}

    @Nested
    @OnPostgis
    class Postgis extends Evaluation {}

    abstract static class Evaluation {
        @Autowired
        EventExtractor extractor;

        @Autowired
        ObjectMapper json;

        @Autowired
        ArticleIngest ingest;

        @Autowired
        IncidentRepository incidents;

        @Test
        void theExtractorMeetsTheMeasuresOnTheEvaluationSet() throws Exception {
            List<IngestEvaluation.Article> articles = IngestEvaluation.load(json);
            IngestEvaluation.Measures m = IngestEvaluation.empty();
            for (IngestEvaluation.Article a : articles) {
                m = IngestEvaluation.score(a, found(extractor.extract(a.text(), a.published())), m)
                        .measures();
            }
            System.out.println("Ingest evaluation (" + articles.size() + " articles): " + m.summary() + m.misses());
            assertThat(articles).hasSizeGreaterThanOrEqualTo(30);
            assertThat(m.eventF1()).as("event F1").isGreaterThanOrEqualTo(EVENT_F1);
            assertThat(m.claimF1()).as("claim F1").isGreaterThanOrEqualTo(CLAIM_F1);
            assertThat(m.side()).as("side right").isGreaterThanOrEqualTo(SIDE);
            assertThat(m.dates()).as("date in interval").isGreaterThanOrEqualTo(DATES);
            assertThat(m.outside()).as("places outside").isLessThanOrEqualTo(OUTSIDE);
            assertThat(m.types()).as("type right").isGreaterThanOrEqualTo(TYPES);
        }

        /**
         * Articles written after the rules were, and never tuned on: what to expect on unseen reports
         * ({@code heldout}: five; {@code heldout2}: twelve, written with their gold before the ingest ever
         * read them, then used to fix the rules; {@code heldout3}: six more, written after those fixes, measured,
         * then used; {@code heldout4}: five more, written after all of that, measured, then used; {@code heldout5}: ten more,
         * written by someone who had not read the rules, never tuned on; {@code heldout6}: twelve more, written the same way from real
         * wire copy's sentence shapes, never tuned on; {@code heldout7}: twelve more, written by {@code w7} gold first without reading the
         * ingest, first measured after ingest6's heldout6 fixes; {@code heldout8}: twelve more, written by {@code w8} the same way
         * at the same time, kept back and first measured after ingest6's fixes, never tuned on; {@link #REPORTED_ONLY}: twelve more,
         * written blind, gold first, on 2026-12-07, printed only and kept out of the asserted total). Printed per set and together; asserted only loosely (half the targets), so that a
         * regression shows without the sets being fitted.
         */
        @Test
        void theHeldOutArticlesArePrintedSeparately() throws Exception {
            IngestEvaluation.Measures all = IngestEvaluation.empty();
            boolean asserted = false;
            for (String set : sets(HELD_OUT.toArray(String[]::new))) {
                List<IngestEvaluation.Article> articles = IngestEvaluation.load(json, set);
                IngestEvaluation.Measures m = IngestEvaluation.empty();
                for (IngestEvaluation.Article a : articles) {
                    List<IngestEvaluation.Found> found = found(extractor.extract(a.text(), a.published()));
                    m = IngestEvaluation.score(a, found, m).measures();
                    int k = HELD_OUT.indexOf(set);
                    if (k >= 0 && k < HELD_OUT.indexOf(REPORTED_ONLY)) {
                        all = IngestEvaluation.score(a, found, all).measures();
                        asserted = true;
                    }
                }
                System.out.println(
                        "Ingest " + set + " (" + articles.size() + " articles): " + m.summary() + m.misses());
            }
            if (!asserted) {
                // only printed sets were asked for (-Dingest.sets=heldout11): nothing to hold them to
                return;
            }
            System.out.println("Ingest held-out, all: " + all.summary());
            assertThat(all.eventF1()).as("held-out event F1").isGreaterThanOrEqualTo(0.45);
            assertThat(all.claimF1()).as("held-out claim F1").isGreaterThanOrEqualTo(0.4);
        }

        /** Every article through the store, in publication order: a second outlet's report adds to the first one's draft. */
        @Test
        void eachRealEventBecomesOneDraftAcrossOutlets() throws Exception {
            assertThat(draftsPerEvent("eval")).as("drafts per real event").isLessThanOrEqualTo(DRAFTS_PER_EVENT);
        }

        /**
         * The same through the store for every held-out batch, printed (their dates are their own), with their total;
         * heldout8's is asserted loosely, the others' only printed.
         */
        @Test
        void everyHeldOutBatchThroughTheStoreIsPrinted() throws Exception {
            List<String> batches = sets(HELD_OUT.toArray(String[]::new));
            int events = 0;
            int drafts = 0;
            Double heldout8 = null;
            for (String set : batches) {
                Through t = throughTheStore(set);
                events += t.events();
                drafts += t.drafts();
                if (set.equals("heldout8")) {
                    heldout8 = t.perEvent();
                }
            }
            System.out.printf(
                    "Ingest held-out, all, across outlets: %d real events with a draft, %d drafts, %.2f drafts per event%n",
                    events, drafts, (double) drafts / Math.max(1, events));
            if (heldout8 != null) {
                assertThat(heldout8).as("held-out drafts per real event").isLessThanOrEqualTo(2 * DRAFTS_PER_EVENT);
            }
        }

        /**
         * The sets to print, {@code -Dingest.sets=heldout7,heldout6} to run only some (so that a batch kept back
         * is not printed while the rules are fixed on another); {@link #HELD_OUT} by default. The blind batches
         * {@code heldout11}, {@code heldout12}, {@code heldout13}, {@code heldout15} (12 articles each) and
         * {@code heldout14} (10 articles), written without reading the ingest, heldout13's, heldout14's and
         * heldout15's shapes taken from real reporting, are in no default list, so that nobody's default run shows
         * them: each is read only when named here,
         * {@code -Dtest=IngestEvaluationTest -Dingest.sets=heldout14};
         * {@code heldout10}, opened on 2026-12-07 (merge10 read its splits), is in the list.
         */
        private static List<String> sets(String... all) {
            String only = System.getProperty("ingest.sets", "");
            return only.isBlank() ? List.of(all) : List.of(only.split(","));
        }

        private double draftsPerEvent(String set) throws Exception {
            return throughTheStore(set).perEvent();
        }

        /**
         * One set's articles through the store in publication order, and its drafts deleted afterwards, so that a
         * background event another set also tells (the October 2025 clashes) is not found in that set's drafts.
         * Prints the real events split over several drafts and the drafts holding several real events (merged
         * wrongly: what a looser match must not raise).
         */
        private Through throughTheStore(String set) throws Exception {
            Map<String, Set<String>> draftsByEvent = new TreeMap<>();
            Map<String, Set<String>> eventsByDraft = new TreeMap<>();
            Set<String> written = new TreeSet<>();
            IngestEvaluation.Measures m = IngestEvaluation.empty();
            int n = 0;
            for (IngestEvaluation.Article a : IngestEvaluation.load(json, set)) {
                ArticleIngest.Outcome o = ingest.ingest(
                        new ArticleIngest.Article(
                                a.text(),
                                a.outlet(),
                                "https://" + set + ".example.org/" + a.file() + "/" + (n++),
                                a.published(),
                                null),
                        "evaluation");
                written.addAll(o.drafts());
                List<EventExtractor.Event> events =
                        o.events().stream().map(ArticleIngest.Found::event).toList();
                IngestEvaluation.Scored scored = IngestEvaluation.score(a, found(events), m);
                m = scored.measures();
                for (int k = 0; k < o.events().size(); k++) {
                    String key = scored.keys().get(k);
                    String draft = o.events().get(k).draft();
                    if (key != null && draft != null) {
                        draftsByEvent.computeIfAbsent(key, x -> new TreeSet<>()).add(draft);
                        eventsByDraft
                                .computeIfAbsent(draft, x -> new TreeSet<>())
                                .add(key);
                    }
                }
            }
            for (String id : written) {
                incidents.byId(id).ifPresent(i -> incidents.delete(i.id(), null, "evaluation"));
            }
            int drafts = draftsByEvent.values().stream().mapToInt(Set::size).sum();
            double perEvent = (double) drafts / Math.max(1, draftsByEvent.size());
            StringBuilder split = new StringBuilder();
            draftsByEvent.forEach((k, v) -> {
                if (v.size() > 1) {
                    split.append("\n  ").append(k).append(" -> ").append(v);
                }
            });
            long merged =
                    eventsByDraft.values().stream().filter(v -> v.size() > 1).count();
            eventsByDraft.forEach((d, v) -> {
                if (v.size() > 1) {
                    split.append("\n  ").append(d).append(" holds ").append(v);
                }
            });
            System.out.printf(
                    "Ingest %s across outlets: %d real events with a draft, %d drafts, %.2f drafts per event,"
                            + " %d drafts holding several real events%s%n",
                    set, draftsByEvent.size(), drafts, perEvent, merged, split);
            return new Through(draftsByEvent.size(), drafts, perEvent);
        }
    }

    /** A set through the store: its real events with a draft, their drafts, and the ratio. */
    record Through(int events, int drafts, double perEvent) {}

    static List<IngestEvaluation.Found> found(List<EventExtractor.Event> events) {
        List<IngestEvaluation.Found> out = new ArrayList<>();
        for (EventExtractor.Event e : events) {
            Set<String> places = new TreeSet<>(e.places().keySet());
            List<IngestEvaluation.GoldClaim> claims = new ArrayList<>();
            for (Claims.Stated s : e.claims()) {
                claims.add(new IngestEvaluation.GoldClaim(
                        s.speaker().claimant(),
                        s.speaker().party(),
                        s.side(),
                        s.figure().field(),
                        s.figure().value()));
            }
            out.add(new IngestEvaluation.Found(
                    e.type(), e.occurred().start(), e.occurred().end(), places, claims));
        }
        return out;
    }
}
