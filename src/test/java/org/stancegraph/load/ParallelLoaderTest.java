package org.stancegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.stancegraph.bench.Generator;
import org.stancegraph.knowledge.ProjectHome;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/** The parallel, batched load gives what a one-thread, one-article-per-transaction load gives. */
class ParallelLoaderTest {

    private static Extraction extraction;

    @TempDir
    static Path corpus;

    @TempDir
    Path dir;

    @BeforeAll
    static void corpusAndKnowledge() {
        extraction = Extraction.standard();
        Generator.of(ProjectHome.existing("data/actors"), ProjectHome.existing("data/bench/phrasings.tsv"), 7L)
                .write(60, corpus.resolve("generated"));
    }

    private static LoadReport load(Store store, Loader.Settings settings, Path... inputs) {
        return new Loader(store, extraction, settings).load(List.of(inputs), new PrintStream(new ByteArrayOutputStream()), Loader.Progress.NONE);
    }

    /** Every quad as N-Quads text; blank nodes are not used in article graphs, so this compares content exactly. */
    private static Set<String> quads(Store store) {
        return store.read(d -> {
            Set<String> all = new TreeSet<>();
            d.find().forEachRemaining((Quad q) -> all.add(q.toString()));
            return all;
        });
    }

    @Test
    void manyWorkersSmallBatchesAndTheBulkLoaderStoreTheSameQuadsAsOneWorkerWritingTransactions() {
        try (Store serial = Store.open(dir.resolve("serial")); Store parallel = Store.open(dir.resolve("parallel"))) {
            LoadReport one = load(serial, new Loader.Settings(1, 1, 1, false), corpus.resolve("generated"));
            LoadReport many = load(parallel, new Loader.Settings(3, 4, 8, true), corpus.resolve("generated"));
            assertEquals(60, one.added());
            assertEquals(one, many);
            Set<String> expected = quads(serial);
            assertTrue(expected.size() > 60 * 50, "articles have mentions and statements: " + expected.size());
            assertEquals(expected, quads(parallel));
        }
    }

    /** Issue 15 item 11: the bulk path commits once, at its end, and must still show its progress. */
    @Test
    void theBulkPathReportsProgressAsItStreamsNotOnlyWhenItCommits() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Store store = Store.open(dir.resolve("bulk"))) {
            LoadReport report = new Loader(store, extraction, new Loader.Settings(2, 10, 20, true))
                    .load(List.of(corpus.resolve("generated")), new PrintStream(out, true, StandardCharsets.UTF_8), Loader.Progress.LINES);
            assertEquals(60, report.added());
        }
        List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
        List<String> streamed = lines.stream().filter(l -> l.startsWith("streamed ")).toList();
        // Batches of at most 10 (the writer stores a smaller one when the workers have nothing queued).
        assertTrue(streamed.size() >= 6, "a line per batch written into the bulk load: " + lines);
        assertTrue(streamed.get(streamed.size() - 1).contains("(60 so far;"), streamed.toString());
        int committed = lines.indexOf(lines.stream().filter(l -> l.contains("in one bulk transaction")).findFirst().orElseThrow());
        assertTrue(lines.indexOf(streamed.get(0)) < committed, "progress shows before the one commit at the end: " + lines);
    }

    @ParameterizedTest(name = "bulk loading into the empty store: {0}")
    @ValueSource(booleans = {true, false})
    void aLaterVersionOfAnArticleInTheSameLoadReplacesTheEarlierOneWhateverTheThreads(boolean bulk) throws IOException {
        Path feed = dir.resolve("feed.jsonl");
        StringBuilder lines = new StringBuilder();
        for (int version = 1; version <= 12; version++) {
            lines.append("{\"id\":\"same\",\"text\":\"Iran urged restraint. Version ").append(version).append(".\"}\n");
        }
        // Version 1 again at the end: it must replace version 12, not be taken for the version stored first.
        lines.append("{\"id\":\"same\",\"text\":\"Iran urged restraint. Version 1.\"}\n");
        Files.writeString(feed, lines.toString());
        try (Store store = Store.open(dir.resolve("db"))) {
            LoadReport report = load(store, new Loader.Settings(4, 3, 6, bulk), feed);
            assertEquals(1, report.added());
            assertEquals(12, report.replaced());
            List<String> bodies = store.read(d -> d.stream(Node.ANY, Node.ANY, Node.ANY, Node.ANY)
                    .filter(q -> q.getPredicate().getURI().equals(SG.SCHEMA + "articleBody"))
                    .map(q -> q.getObject().getLiteralLexicalForm()).toList());
            assertEquals(List.of("Iran urged restraint. Version 1."), bodies);
        }
    }
}
