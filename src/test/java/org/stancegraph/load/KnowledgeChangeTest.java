package org.stancegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.ChildJvm;
import org.stancegraph.StoreOnDisk;
import org.stancegraph.vocab.SG;

/**
 * A researcher edits a cue in a copy of the knowledge files (STANCEGRAPH_HOME pointing at it) and runs the
 * command line again, in child processes as a user would: the stored statements follow the edit, whether
 * the article files are loaded again or are gone and the store re-extracts from the text it keeps.
 */
class KnowledgeChangeTest {

    private static final List<String> ARTICLES = List.of("2020-09-29_karabakh-fighting-erupts.txt",
            "2020-10-01_turkey-jet-claim-denied.txt");
    private static final Pattern STATEMENTS = Pattern.compile("; (\\d+) statements");

    @TempDir
    Path dir;
    private Path home;
    private Path articles;
    private Path db;
    private int runs;

    /** A knowledge home of our own and a folder of two articles. */
    @BeforeEach
    void copyKnowledgeAndArticles() throws IOException {
        home = KnowledgeHome.copy(dir.resolve("home"));
        articles = Files.createDirectories(dir.resolve("articles"));
        for (String article : ARTICLES) {
            Files.copy(Path.of("data/articles", article), articles.resolve(article));
        }
        db = dir.resolve("db");
    }

    @Test
    void editingACueAndLoadingTheSameFilesAgainReExtractsThemAndTheReportSaysWhy() throws Exception {
        String first = run(0, "load", "--db", db.toString(), "--progress", "none", articles.toString());
        assertTrue(first.contains("2 new"), first);
        Map<String, String> rulesBefore = rules();
        String removedCue = KnowledgeHome.removeTheCueOfMostStatements(home, rulesBefore.values());

        String second = run(0, "load", "--db", db.toString(), "--progress", "none", articles.toString());
        assertTrue(second.contains("0 new, 0 replaced, 0 unchanged, 2 re-extracted because the knowledge files changed"), second);
        Map<String, String> rulesAfter = rules();
        assertFalse(rulesAfter.values().stream().anyMatch(rule -> KnowledgeHome.cueId(rule).equals(removedCue)),
                "no statement is left from the removed cue: " + rulesAfter);
        assertEquals(rulesAfter.size(), reportedStatements(second), "the report counts what the store holds");

        String third = run(0, "load", "--db", db.toString(), "--progress", "none", articles.toString());
        assertTrue(third.contains("2 unchanged") && !third.contains("re-extracted"), third);
        assertEquals(rulesAfter.size(), reportedStatements(third), "unchanged articles count the statements stored");

        String check = run(0, "check", "--db", db.toString());
        assertTrue(check.contains("equals what the statements give") && check.contains("all 2 articles were extracted with the current"), check);
        // The project's own knowledge files are not the ones these articles were extracted with.
        String otherKnowledge = run(Map.of(), 6, "check", "--db", db.toString());
        assertTrue(otherKnowledge.contains("2 of 2 articles are stale"), otherKnowledge);
    }

    @Test
    void reextractWorksFromTheStoredTextOnceTheFilesAreGone() throws Exception {
        run(0, "load", "--db", db.toString(), "--progress", "none", articles.toString());
        Map<String, Set<String>> original = StoreOnDisk.articleGraphs(db);
        Map<String, String> rulesBefore = rules();
        for (String article : ARTICLES) {
            Files.delete(articles.resolve(article));
        }
        Files.delete(articles);
        Path cues = home.resolve("data/stance/cues.tsv");
        String originalCues = Files.readString(cues);
        String removedCue = KnowledgeHome.removeTheCueOfMostStatements(home, rulesBefore.values());

        String reextracted = run(0, "reextract", "--db", db.toString(), "--batch-size", "1");
        assertTrue(reextracted.contains("re-extracted 2 of 2 articles with the current knowledge files (0 already current)"), reextracted);
        assertTrue(reextracted.contains("(1 of 2 articles done") && reextracted.contains("(2 of 2 articles done"),
                "one batch, one transaction, one line each: " + reextracted);
        Map<String, String> rulesAfter = rules();
        assertFalse(rulesAfter.values().stream().anyMatch(rule -> KnowledgeHome.cueId(rule).equals(removedCue)), rulesAfter.toString());
        assertEquals(rulesAfter.size(), reportedStatements(reextracted));
        // Re-extraction rebuilds each graph from its stored text; the file it was read from stays recorded.
        assertEquals(new TreeSet<>(ARTICLES), read(d -> d.stream(Node.ANY, Node.ANY, SG.dctermsSource.asNode(), Node.ANY)
                .filter(q -> q.getSubject().equals(q.getGraph()))
                .map(q -> q.getObject().getLiteralLexicalForm()).collect(java.util.stream.Collectors.toCollection(TreeSet::new))));
        assertTrue(run(0, "check", "--db", db.toString()).contains("equals what the statements give"));

        String again = run(0, "reextract", "--db", db.toString());
        assertTrue(again.contains("re-extracted 0 of 2 articles with the current knowledge files (2 already current)"), again);

        // Back to the original cues: the stored text gives exactly the graphs that loading the files gave.
        Files.writeString(cues, originalCues);
        run(0, "reextract", "--db", db.toString());
        assertEquals(original, StoreOnDisk.articleGraphs(db));
    }

    private static long reportedStatements(String output) {
        Matcher m = STATEMENTS.matcher(output);
        assertTrue(m.find(), output);
        return Long.parseLong(m.group(1));
    }

    /** Every stored statement with its sg:rule. */
    private Map<String, String> rules() {
        return read(d -> {
            Map<String, String> rules = new TreeMap<>();
            d.find(Node.ANY, Node.ANY, SG.rule.asNode(), Node.ANY)
                    .forEachRemaining(q -> rules.put(q.getSubject().getURI(), q.getObject().getLiteralLexicalForm()));
            return rules;
        });
    }


    private <T> T read(Function<DatasetGraph, T> action) {
        return StoreOnDisk.read(db, action);
    }

    private String run(int expectedExit, String... args) throws Exception {
        return run(Map.of("STANCEGRAPH_HOME", home.toString()), expectedExit, args);
    }

    /** Runs the command line in a child JVM with {@code environment}; returns what it printed. */
    private String run(Map<String, String> environment, int expectedExit, String... args) throws Exception {
        try (ChildJvm child = ChildJvm.start(dir.resolve("logs"), "run-" + (++runs), environment, args)) {
            int exit = child.waitFor(Duration.ofMinutes(3));
            String output = child.output();
            assertEquals(expectedExit, exit, output);
            return output;
        }
    }
}
