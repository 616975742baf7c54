package org.stancegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.bench.Generator;
import org.stancegraph.knowledge.ProjectHome;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.LoadReport;
import org.stancegraph.load.Loader;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * queries/who-supports-whom.rq reads the stance summary graph; its answers must be those of the
 * statement-level aggregate (queries/who-supports-whom-from-statements.rq), whatever path wrote the
 * store: the bulk loader, transactions, replacement of changed articles, and a store rebuilt on opening.
 */
class WhoSupportsWhomTest {

    private static final Path HOME = Path.of("").toAbsolutePath();
    private static final Query SUMMARY = new Query("who-supports-whom");
    private static final Query STATEMENTS = new Query("who-supports-whom-from-statements");
    private static final Query TOP = new Query("who-supports-whom-top");
    private static Extraction extraction;

    @TempDir
    Path dir;

    private record Query(String name) {
        String answer(Store store) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Queries.run(store, Queries.parse(Queries.resolve(name, HOME)), Queries.Format.TSV, out);
            return out.toString(StandardCharsets.UTF_8);
        }
    }

    @BeforeAll
    static void extraction() {
        extraction = Extraction.standard();
    }

    /** Stores the dictionary (the queries need the actors' labels), then loads the inputs. */
    private static LoadReport load(Store store, boolean bulk, Path... inputs) {
        store.replaceGraph(SG.DICTIONARY_GRAPH, extraction.dictionary().model().getGraph());
        return new Loader(store, extraction, new Loader.Settings(2, 7, 14, bulk))
                .load(List.of(inputs), new PrintStream(new ByteArrayOutputStream()), Loader.Progress.NONE);
    }

    /** Writes {@code articles} synthetic articles of the benchmark's generator with {@code seed} into {@code folder}. */
    private static void synthetic(long seed, int articles, Path folder) {
        Generator.of(ProjectHome.existing("data/actors"), ProjectHome.existing("data/bench/phrasings.tsv"), seed).write(articles, folder);
    }

    /** Checks the two queries agree and returns the answer, which must have rows. */
    private static String sameAnswers(Store store) {
        String expected = STATEMENTS.answer(store);
        assertTrue(expected.lines().count() > 1, "the statement-level aggregate has rows:\n" + expected);
        assertEquals(expected, SUMMARY.answer(store));
        return expected;
    }

    private static Set<String> summaryQuads(Store store) {
        return store.read(d -> {
            Set<String> quads = new TreeSet<>();
            d.find(NodeFactory.createURI(SG.SUMMARY_GRAPH), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(q -> quads.add(q.toString()));
            return quads;
        });
    }

    /** The summary as the store kept it equals the summary recomputed from every statement. */
    private static void keptEqualsRebuilt(Store store) {
        Set<String> kept = summaryQuads(store);
        store.rebuildSummary();
        assertEquals(kept, summaryQuads(store));
    }

    @Test
    void theSampleCorpusGivesTheSameAnswersLoadedInBulkOrByTransactions() {
        try (Store bulk = Store.open(dir.resolve("bulk")); Store transactions = Store.open(dir.resolve("transactions"))) {
            load(bulk, true, ProjectHome.existing("data/articles"));
            load(transactions, false, ProjectHome.existing("data/articles"));
            String answer = sameAnswers(bulk);
            assertTrue(answer.lines().count() > 10, "the sample corpus has many pairs: " + answer);
            assertEquals(answer, sameAnswers(transactions));
            assertEquals(summaryQuads(bulk), summaryQuads(transactions));
            keptEqualsRebuilt(transactions);
        }
    }

    @Test
    void aSyntheticCorpusGivesTheSameAnswersAfterChangedArticlesAreLoadedAndTheOriginalsReloaded() {
        Path first = dir.resolve("first");
        Path changed = dir.resolve("changed");
        synthetic(7L, 150, first);
        // Another seed gives other texts under the same ids (bench-0000000 ...): each replaces an article of the first load.
        synthetic(8L, 60, changed);
        try (Store store = Store.open(dir.resolve("db"))) {
            load(store, true, first);
            String original = sameAnswers(store);
            assertTrue(original.lines().count() > 101, "the synthetic corpus has many pairs: " + original.lines().count());
            assertEquals(original.lines().limit(101).toList(), TOP.answer(store).lines().toList(),
                    "who-supports-whom-top is the header and the first 100 rows of who-supports-whom");
            Set<String> originalSummary = summaryQuads(store);

            LoadReport replacing = load(store, false, changed);
            assertEquals(60, replacing.replaced());
            assertNotEquals(original, sameAnswers(store), "the changed articles change the answer");
            keptEqualsRebuilt(store);

            LoadReport reloading = load(store, false, first);
            assertEquals(60, reloading.replaced());
            assertEquals(original, sameAnswers(store));
            assertEquals(originalSummary, summaryQuads(store), "the same articles give the same summary triples");
        }
    }

    @Test
    void versionsOfAnArticleWithinOneBulkLoadLeaveTheSummaryOfTheLastOne() {
        Path first = dir.resolve("first");
        Path changed = dir.resolve("changed");
        synthetic(7L, 40, first);
        synthetic(8L, 20, changed);
        try (Store store = Store.open(dir.resolve("db"))) {
            // The later versions are deferred past the bulk load and stored by replacement.
            LoadReport report = load(store, true, first, changed);
            assertEquals(20, report.replaced());
            sameAnswers(store);
            keptEqualsRebuilt(store);
        }
    }

    @Test
    void aStoreWrittenBeforeTheSummaryExistedGetsItWhenOpened() {
        Path db = dir.resolve("db");
        String answer;
        Store store = Store.open(db);
        try {
            load(store, true, ProjectHome.existing("data/articles"));
            answer = sameAnswers(store);
        } finally {
            store.closeAndRelease();
        }
        // What an older version wrote: the same articles, no summary graph (written to TDB2 directly, as it did).
        DatasetGraph older = DatabaseMgr.connectDatasetGraph(db.toString());
        Txn.executeWrite(older, () -> older.removeGraph(NodeFactory.createURI(SG.SUMMARY_GRAPH)));
        assertFalse(Txn.calculateRead(older, () -> older.containsGraph(NodeFactory.createURI(SG.SUMMARY_GRAPH))));
        older.close();
        TDBInternal.expel(older);
        try (Store reopened = Store.open(db)) {
            assertEquals(answer, sameAnswers(reopened));
        }
    }

    /** Hand-made articles: Russia supports Armenia on three dates; one undated statement; replacing the latest. */
    @Test
    void datesFollowReplacementAndAnUndatedStatementBehavesAsInTheAggregate() {
        try (Store store = Store.inMemory()) {
            store.replaceGraph(SG.DICTIONARY_GRAPH, dictionary());
            store.replaceArticle(article("a"), "a", statementGraph("a", "support", "2020-01-01"));
            store.replaceArticle(article("b"), "b", statementGraph("b", "support", "2020-06-01"));
            store.replaceArticle(article("c"), "c", statementGraph("c", "oppose", "2021-01-01"));
            assertTrue(sameAnswers(store).contains("2020-01-01") && sameAnswers(store).contains("2021-01-01"));

            // Replacing the article that held the last date: the last date goes back to the one before.
            store.replaceArticle(article("c2"), "c", statementGraph("c2", "support", "2020-03-01"));
            String answer = sameAnswers(store);
            assertTrue(answer.contains("2020-06-01") && !answer.contains("2021-01-01"), answer);
            // ... and the first date: replacing "a" by a later version.
            store.replaceArticle(article("a2"), "a", statementGraph("a2", "support", "2020-04-01"));
            answer = sameAnswers(store);
            assertTrue(answer.contains("2020-03-01") && !answer.contains("2020-01-01"), answer);

            // An undated statement: SPARQL's MIN and MAX over the pair then have no value, in both queries.
            store.replaceArticle(article("d"), "d", statementGraph("d", "support", null));
            answer = sameAnswers(store);
            assertFalse(answer.contains("2020-"), answer);
            assertTrue(answer.contains("\t4\t0\t4\t"), "four supporting statements from four articles: " + answer);
            keptEqualsRebuilt(store);

            // Statements stored in a graph that is not an article count too, and its replacement takes them away.
            store.replaceGraph("urn:test:other", statementGraph("x", "oppose", "2019-05-05"));
            assertTrue(sameAnswers(store).contains("\t4\t1\t5\t"), "one more opposing statement, from one more article");
            store.replaceGraph("urn:test:other", ModelFactory.createDefaultModel().getGraph());
            assertEquals(answer, sameAnswers(store));
        }
    }

    @Test
    void theSummaryGraphCannotBeReplacedFromOutside() {
        try (Store store = Store.inMemory()) {
            assertThrows(IllegalArgumentException.class,
                    () -> store.replaceGraph(SG.SUMMARY_GRAPH, ModelFactory.createDefaultModel().getGraph()));
        }
    }

    private static String article(String key) {
        return SG.ARTICLE_NS + "test-" + key;
    }

    private static Graph dictionary() {
        Model m = ModelFactory.createDefaultModel();
        m.createResource(SG.ACTOR_NS + "russia").addProperty(RDF.type, SG.State).addProperty(RDFS.label, "Russia", "en");
        m.createResource(SG.ACTOR_NS + "armenia").addProperty(RDF.type, SG.State).addProperty(RDFS.label, "Armenia", "en");
        return m.getGraph();
    }

    /** A graph with one statement of Russia about Armenia, derived from the article {@code key}, dated or not. */
    private static Graph statementGraph(String key, String stanceClass, String date) {
        Model m = ModelFactory.createDefaultModel();
        Resource art = m.createResource(article(key)).addProperty(RDF.type, SG.Article).addProperty(SG.articleId, key);
        Resource statement = m.createResource(article(key) + "/statement/0/russia/x/armenia")
                .addProperty(RDF.type, SG.Statement)
                .addProperty(SG.provWasDerivedFrom, art)
                .addProperty(SG.actor, m.createResource(SG.ACTOR_NS + "russia"))
                .addProperty(SG.target, m.createResource(SG.ACTOR_NS + "armenia"))
                .addProperty(SG.stanceClass, m.createResource(SG.stanceIri(stanceClass)));
        if (date != null) {
            statement.addProperty(SG.dctermsDate, m.createTypedLiteral(date, XSDDatatype.XSDdate));
        }
        return m.getGraph();
    }
}
