package org.stancegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancegraph.graph.ArticleGraph.MentionDetail;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.load.Reextraction;
import org.stancegraph.store.Store;
import org.stancegraph.store.StoreStats;
import org.stancegraph.store.Validation;
import org.stancegraph.vocab.SG;

/**
 * A store loaded with the mentions counted per actor (the default) and one loaded with every mention ({@code --mentions
 * full}) answer every query that reads mentions alike, both validate, and re-extraction keeps or changes the choice.
 */
class MentionModesTest {

    private static final Path HOME = Path.of("").toAbsolutePath();
    private static final Path SAMPLE = Path.of("data/articles");
    private static final Path SEEDS = Path.of("../shared/corpus/seeds");
    private static final List<String> QUERIES_READING_MENTIONS = List.of("mentions", "articles-mentioning");

    private static Extraction extraction;

    @BeforeAll
    static void readKnowledge() {
        extraction = Extraction.standard();
    }

    private static Store load(Path corpus, MentionDetail detail) {
        Store store = Store.inMemory();
        Loader loader = new Loader(store, extraction.withMentions(detail), new Loader.Settings(2, 10, 20));
        loader.storeKnowledge(Ontology.load());
        loader.load(List.of(corpus), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8), Loader.Progress.NONE);
        return store;
    }

    private static String answer(Store store, String query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Queries.run(store, Queries.parse(Queries.resolve(query, HOME)), Queries.Format.TSV, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static long typed(Store store, org.apache.jena.rdf.model.Resource type) {
        return store.read(d -> (long) d.stream(Node.ANY, Node.ANY, RDF.Nodes.type, type.asNode()).count());
    }

    private static long quads(Store store) {
        return store.read(d -> (long) d.stream().filter(q -> q.getGraph().getURI().startsWith(SG.ARTICLE_NS)).count());
    }

    /** Every article graph, by IRI, as its sorted triples in text. */
    private static Map<String, Set<String>> articleGraphs(Store store) {
        return store.read(d -> {
            Map<String, Set<String>> graphs = new TreeMap<>();
            d.stream().filter(q -> q.getGraph().getURI().startsWith(SG.ARTICLE_NS))
                    .forEach(q -> graphs.computeIfAbsent(q.getGraph().getURI(), g -> new TreeSet<>()).add(q.asTriple().toString()));
            return graphs;
        });
    }

    private static void assertSameMentionAnswers(Path corpus) {
        try (Store lean = load(corpus, MentionDetail.LEAN); Store full = load(corpus, MentionDetail.FULL)) {
            for (String query : QUERIES_READING_MENTIONS) {
                String leanAnswer = answer(lean, query);
                assertTrue(leanAnswer.lines().count() > 1, query + " answers rows on " + corpus + ": " + leanAnswer);
                assertEquals(answer(full, query), leanAnswer, query + " on " + corpus);
            }
            assertEquals(0, typed(lean, SG.Mention), "the lean store keeps no mention node");
            long mentionNodes = typed(full, SG.Mention);
            assertTrue(mentionNodes > 0);
            assertEquals(mentionNodes, StoreStats.of(full).mentions(), "the counts add up to the mentions kept in full");
            assertEquals(mentionNodes, StoreStats.of(lean).mentions(), "and the lean store counts as many");
            assertTrue(quads(lean) < quads(full), "the lean store is smaller: " + quads(lean) + " against " + quads(full));
            for (Store store : List.of(lean, full)) {
                Validation.Report report = Validation.standard().validate(store);
                assertTrue(report.conforms(), () -> String.join("\n", report.violations().stream().map(Validation.Violation::line).toList()));
            }
        }
    }

    @Test
    void leanAndFullStoresOfTheSampleCorpusAnswerTheMentionQueriesAlikeAndValidate() {
        assertSameMentionAnswers(SAMPLE);
    }

    @Test
    void leanAndFullStoresOfTheSeedsAnswerTheMentionQueriesAlikeAndValidate() {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "skipped: needs ../shared/corpus/seeds (published text, not part of the project)");
        assertSameMentionAnswers(SEEDS);
    }

    @Test
    void reextractionKeepsEachArticlesChoiceOrTakesTheOneAsked() {
        Map<String, Set<String>> fullGraphs;
        try (Store full = load(SAMPLE, MentionDetail.FULL)) {
            fullGraphs = articleGraphs(full);
        }
        try (Store store = load(SAMPLE, MentionDetail.LEAN)) {
            Map<String, Set<String>> leanGraphs = articleGraphs(store);
            assertNotEquals(fullGraphs, leanGraphs);
            Loader.Settings settings = new Loader.Settings(2, 4, 4);

            Reextraction.Report keep = new Reextraction(store, extraction, settings).run(null);
            assertEquals(0, keep.reextracted(), "current articles keep the mentions they were stored with");
            assertEquals(leanGraphs, articleGraphs(store));

            Reextraction.Report toFull = new Reextraction(store, extraction, settings, Optional.of(MentionDetail.FULL)).run(null);
            assertEquals(leanGraphs.size(), toFull.reextracted());
            assertEquals(fullGraphs, articleGraphs(store), "re-extracted in full, the graphs are those a full load gives");
            assertFalse(store.summaryPairsOutOfStep().iterator().hasNext(), "the stance summary follows");

            Reextraction.Report keepFull = new Reextraction(store, extraction, settings).run(null);
            assertEquals(0, keepFull.reextracted(), "and they stay in full");

            new Reextraction(store, extraction, settings, Optional.of(MentionDetail.LEAN)).run(null);
            assertEquals(leanGraphs, articleGraphs(store), "back to lean, the graphs are those a lean load gives");
        }
    }
}
