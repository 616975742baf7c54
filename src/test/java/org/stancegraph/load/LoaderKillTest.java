package org.stancegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.ChildJvm;
import org.stancegraph.StoreOnDisk;
import org.stancegraph.SyntheticCorpus;
import org.stancegraph.article.Articles;
import org.stancegraph.article.ProjectBoilerplate;
import org.stancegraph.graph.ArticleGraph;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.source.Sources;
import org.stancegraph.store.StanceSummary;
import org.stancegraph.vocab.SG;

/**
 * Crash safety of the loader: a real {@code stancegraph load} in a child JVM is killed with SIGKILL
 * again and again, each time just after it has stored a random number of articles, while it stores
 * the next ones; after each kill the database must open, and every
 * article graph in it must be exactly the graph a fresh extraction of its file gives, or absent.
 * A last load, left to finish, must then complete the store.
 *
 * <p>Short form (CI): 150 articles, 5 kills. Long form ({@code -Dstancegraph.longTests=true}):
 * 600 articles, 20 kills.
 */
class LoaderKillTest {

    private static final boolean LONG = Boolean.getBoolean("stancegraph.longTests");
    private static final int ARTICLES = LONG ? 600 : 150;
    private static final int KILLS = LONG ? 20 : 5;
    /** Articles per write transaction in the killed loads: small, so that a kill can fall between batches. */
    private static final int BATCH = 10;
    /** Articles still to store when a load is killed, at least: enough batches that the load cannot end before the kill. */
    private static final int UNSTORED_AT_KILL = ARTICLES / 3;
    private static final Pattern STORED_SO_FAR = Pattern.compile("\\((\\d+) stored so far");

    @TempDir
    Path work;

    @Test
    void killedLoadsLeaveEachArticleCompleteOrAbsentAndLoadingAgainCompletesThem() throws Exception {
        Path corpus = SyntheticCorpus.write(work.resolve("corpus"), ARTICLES, 7);
        Path db = work.resolve("db");
        Map<Node, Set<Triple>> expected = expectedGraphs(corpus);
        assertEquals(ARTICLES, expected.size(), "every synthetic article has its own graph");
        int dictionarySize = Extraction.standard().dictionary().model().getGraph().size();
        int ontologySize = Ontology.load().size();

        // Each killed load is watched through its commit lines and killed right after the store
        // holds a randomly chosen number of articles, short of all of them, so that every kill falls
        // while articles are being stored however fast the machine is: a kill timed by the clock
        // alone came after the end of the load on a faster machine.
        long seed = LONG ? System.nanoTime() : 42;
        Random random = new Random(seed);
        List<Integer> presentAfterEachKill = new ArrayList<>();
        int present = 0;
        long started = System.nanoTime();
        for (int kill = 0; kill < KILLS; kill++) {
            if (present >= ARTICLES - UNSTORED_AT_KILL) {
                // Too few articles left to store for the next kill to fall among them: start afresh.
                db = work.resolve("db-" + kill);
                present = 0;
            }
            int killWhenStored = present + 1 + random.nextInt(ARTICLES - UNSTORED_AT_KILL - present);
            // Batched transactions, where a kill can leave some articles stored and others not.
            try (ChildJvm load = ChildJvm.start(work.resolve("logs"), "load-" + kill, Map.of(), "load", "--progress", "lines",
                    "--batch-size", Integer.toString(BATCH), "--no-bulk", "--db", db.toString(), corpus.toString())) {
                assertTrue(load.awaitOutput(out -> storedSoFar(out) >= killWhenStored, Duration.ofMinutes(2)),
                        "the load never stored " + killWhenStored + " articles: " + load.output());
                load.kill();
            }
            present = checkEachGraphCompleteOrAbsent(db, expected, dictionarySize, ontologySize);
            presentAfterEachKill.add(present);
            assertCheckPasses(db, work.resolve("logs"), "kill " + kill);
        }
        // TDB2's bulk loader (used when the store holds no article yet) killed on a fresh database:
        // it is one transaction, so the articles are all there or none, and each one exact. It
        // commits once, at its end, so it is killed at a random time within an uninterrupted load.
        long storingMillis = timeOneLoad(corpus, work.resolve("reference-db"));
        Path bulkDb = work.resolve("bulk-db");
        try (ChildJvm load = ChildJvm.start(work.resolve("logs"), "bulk", Map.of(), "load", "--progress", "bar", "--db", bulkDb.toString(), corpus.toString())) {
            assertTrue(load.awaitOutput(out -> out.contains("Loading"), Duration.ofMinutes(2)), "the load never began: " + load.output());
            Thread.sleep(random.nextInt((int) Math.max(1, storingMillis / 2)));
            load.kill();
        }
        int afterBulkKill = checkEachGraphCompleteOrAbsent(bulkDb, expected, dictionarySize, ontologySize);
        assertCheckPasses(bulkDb, work.resolve("logs"), "the kill in the bulk loader");
        assertTrue(afterBulkKill == 0 || afterBulkKill == ARTICLES, "a bulk load is all or nothing: " + afterBulkKill);
        long killPhaseMillis = (System.nanoTime() - started) / 1_000_000;
        System.out.printf("LoaderKillTest: seed %d, %d articles, %d kills in %d ms; articles stored after each kill: %s;"
                        + " after a kill in the bulk loader: %d%n",
                seed, ARTICLES, KILLS, killPhaseMillis, presentAfterEachKill, afterBulkKill);
        assertTrue(presentAfterEachKill.stream().anyMatch(n -> n > 0 && n < ARTICLES),
                "no kill fell in the middle of storing articles, so nothing was tested: " + presentAfterEachKill);

        try (ChildJvm load = ChildJvm.start(work.resolve("logs"), "load-final", Map.of(),
                "load", "--quiet", "--db", db.toString(), corpus.toString())) {
            assertEquals(0, load.waitFor(Duration.ofMinutes(LONG ? 20 : 3)), load::output);
        }
        assertEquals(ARTICLES, checkEachGraphCompleteOrAbsent(db, expected, dictionarySize, ontologySize),
                "the load after the kills stores every article");
    }

    /** The largest "N stored so far" of the commit lines in {@code output}; 0 before the first commit. */
    private static int storedSoFar(String output) {
        Matcher commit = STORED_SO_FAR.matcher(output);
        int stored = 0;
        while (commit.find()) {
            stored = Math.max(stored, Integer.parseInt(commit.group(1)));
        }
        return stored;
    }

    /** Milliseconds from the start of storing articles to the end of an uninterrupted load. */
    private static long timeOneLoad(Path corpus, Path db) throws Exception {
        try (ChildJvm load = ChildJvm.start(db.resolveSibling("logs"), "reference", Map.of(),
                "load", "--progress", "bar", "--batch-size", Integer.toString(BATCH), "--no-bulk", "--db", db.toString(), corpus.toString())) {
            assertTrue(load.awaitOutput(out -> out.contains("Loading"), Duration.ofMinutes(2)), "the load never began: " + load.output());
            long began = System.nanoTime();
            assertEquals(0, load.waitFor(Duration.ofMinutes(LONG ? 20 : 3)), load::output);
            return (System.nanoTime() - began) / 1_000_000;
        }
    }

    /** Graph name → the triples a fresh, in-memory extraction of each file gives, literals in canonical form. */
    private static Map<Node, Set<Triple>> expectedGraphs(Path corpus) {
        Extraction extraction = Extraction.standard();
        Map<Node, Set<Triple>> graphs = new HashMap<>();
        for (Path file : Sources.files(List.of(corpus), problem -> fail(problem.describe()))) {
            Sources.read(file, record -> {
                Extraction.Result result = extraction.of(Articles.from(record, ProjectBoilerplate.RULES));
                // As the load stores it: with the file it was read from.
                org.apache.jena.graph.Graph graph = result.graph();
                ArticleGraph.addSource(graph, result.graphIri(), Loader.sourceName(file, List.of(corpus)));
                graphs.put(NodeFactory.createURI(result.graphIri()), canonical(graph));
            }, problem -> fail(problem.describe()));
        }
        return graphs;
    }

    /**
     * The graph's triples with every literal in canonical form: TDB2 stores numbers by value
     * ("0.90"^^xsd:decimal comes back as "0.9"), which is the same RDF term value. Article graphs
     * have no blank nodes, so set equality is graph equality.
     */
    private static Set<Triple> canonical(Graph graph) {
        Set<Triple> triples = new HashSet<>();
        graph.find().forEach(t -> triples.add(Triple.create(t.getSubject(), t.getPredicate(),
                CanonicalizeLiteral.get().apply(t.getObject()))));
        return triples;
    }

    /**
     * What a user runs after a crash: {@code stancegraph check} finds the summary right and every stored article
     * current. In a child JVM, as a user would run it: in this one TDB2 would keep the database locked for the next load.
     */
    private static void assertCheckPasses(Path db, Path logs, String after) throws Exception {
        try (ChildJvm check = ChildJvm.start(logs, "check-" + after.replaceAll("[^a-z0-9]+", "-"), Map.of(), "check", "--db", db.toString())) {
            assertEquals(0, check.waitFor(Duration.ofMinutes(2)), () -> "stancegraph check after " + after + ": " + check.output());
        }
    }

    /** Opens the database, checks every graph in it, and returns how many article graphs it holds. */
    private static int checkEachGraphCompleteOrAbsent(Path db, Map<Node, Set<Triple>> expected, int dictionarySize, int ontologySize) {
        return StoreOnDisk.read(db, dataset -> {
            int articles = 0;
            StanceSummary.Sums summaryOfArticles = new StanceSummary.Sums();
            for (Node name : graphNames(dataset)) {
                Graph stored = dataset.getGraph(name);
                if (name.getURI().equals(SG.SUMMARY_GRAPH)) {
                    continue;
                }
                summaryOfArticles.addGraph(stored);
                if (name.getURI().equals(SG.DICTIONARY_GRAPH)) {
                    assertEquals(dictionarySize, stored.size(), "dictionary graph is partial");
                } else if (name.getURI().equals(SG.ONTOLOGY_GRAPH)) {
                    assertEquals(ontologySize, stored.size(), "ontology graph is partial");
                } else {
                    Set<Triple> graph = expected.get(name);
                    assertTrue(graph != null, "unexpected graph " + name);
                    assertEquals(graph, canonical(stored), "article graph " + name + " differs from its extraction: "
                            + stored.size() + " of " + graph.size() + " triples");
                    articles++;
                }
            }
            // The stance summary was committed with the articles: it is exactly the sum of those present.
            Set<Triple> expectedSummary = new HashSet<>();
            if (articles > 0) {
                summaryOfArticles.forEachQuad(q -> expectedSummary.add(q.asTriple()));
            }
            assertEquals(expectedSummary, canonical(dataset.getGraph(NodeFactory.createURI(SG.SUMMARY_GRAPH))),
                    "the stance summary is out of step with the " + articles + " articles stored");
            return articles;
        });
    }

    private static List<Node> graphNames(DatasetGraph dataset) {
        List<Node> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(names::add);
        return names;
    }
}
