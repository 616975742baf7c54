package org.stancegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.ChildJvm;
import org.stancegraph.StoreOnDisk;
import org.stancegraph.SyntheticCorpus;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * {@code reextract} killed with SIGKILL midway leaves every article graph exactly as the old knowledge
 * gave it or exactly as the new one gives it, with a stance summary that equals the statements, and a
 * second run finishes the work.
 */
class ReextractKillTest {

    private static final int ARTICLES = 120;
    private static final int BATCH = 10;
    private static final Pattern DONE = Pattern.compile("\\((\\d+) of \\d+ articles done");

    @TempDir
    Path work;

    @Test
    void aKilledReextractLeavesEachArticleOldOrNewAndRunningAgainFinishes() throws Exception {
        Path home = KnowledgeHome.copy(work.resolve("home"));
        Map<String, String> environment = Map.of("STANCEGRAPH_HOME", home.toString());
        Path corpus = SyntheticCorpus.write(work.resolve("corpus"), ARTICLES, 11);
        Path db = work.resolve("db");
        run(environment, "load", "--quiet", "--db", db.toString(), corpus.toString());
        Map<String, Set<String>> old = StoreOnDisk.articleGraphs(db);
        assertEquals(ARTICLES, old.size());

        KnowledgeHome.removeTheCueOfMostStatements(home, rules(db));
        // What a whole run gives with the new knowledge, on a copy of the store.
        Path reference = work.resolve("reference");
        copyDatabase(db, reference);
        run(environment, "reextract", "--quiet", "--db", reference.toString());
        Map<String, Set<String>> renewed = StoreOnDisk.articleGraphs(reference);

        int killAfter = 3 * BATCH;
        try (ChildJvm child = ChildJvm.start(work.resolve("logs"), "reextract-killed", environment,
                "reextract", "--batch-size", Integer.toString(BATCH), "--workers", "1", "--db", db.toString())) {
            assertTrue(child.awaitOutput(out -> done(out) >= killAfter, Duration.ofMinutes(3)),
                    "reextract never got to " + killAfter + " articles: " + child.output());
            child.kill();
        }
        Map<String, Set<String>> afterKill = StoreOnDisk.articleGraphs(db);
        assertEquals(old.keySet(), afterKill.keySet(), "no article was lost or added");
        int oldCount = 0;
        int newCount = 0;
        for (Map.Entry<String, Set<String>> graph : afterKill.entrySet()) {
            if (graph.getValue().equals(renewed.get(graph.getKey()))) {
                newCount++;
            } else {
                assertEquals(old.get(graph.getKey()), graph.getValue(), "neither old nor new: " + graph.getKey());
                oldCount++;
            }
        }
        System.out.printf("ReextractKillTest: after the kill, %d articles new and %d old%n", newCount, oldCount);
        assertTrue(newCount >= killAfter, "the batches reported done are committed: " + newCount);
        assertTrue(oldCount > 0, "the kill fell before the end, else nothing was tested");
        assertSummaryEqualsTheStatements(db);

        run(environment, "reextract", "--quiet", "--db", db.toString());
        assertEquals(renewed, StoreOnDisk.articleGraphs(db), "running again re-extracts the rest");
        assertSummaryEqualsTheStatements(db);
    }

    private static void assertSummaryEqualsTheStatements(Path db) {
        Store store = Store.open(db);
        try {
            assertEquals(Set.of(), store.summaryPairsOutOfStep());
        } finally {
            store.closeAndRelease();
        }
    }

    private static int done(String output) {
        Matcher m = DONE.matcher(output);
        int most = 0;
        while (m.find()) {
            most = Math.max(most, Integer.parseInt(m.group(1)));
        }
        return most;
    }

    private void run(Map<String, String> environment, String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start(work.resolve("logs"), args[0] + "-" + System.nanoTime(), environment, args)) {
            assertEquals(0, child.waitFor(Duration.ofMinutes(5)), child::output);
        }
    }

    private static void copyDatabase(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
    }

    /** The sg:rule of every stored statement, once per statement. */
    private static List<String> rules(Path db) {
        return StoreOnDisk.read(db, d -> {
            List<String> rules = new ArrayList<>();
            d.find(Node.ANY, Node.ANY, SG.rule.asNode(), Node.ANY).forEachRemaining(q -> rules.add(q.getObject().getLiteralLexicalForm()));
            return rules;
        });
    }

}
