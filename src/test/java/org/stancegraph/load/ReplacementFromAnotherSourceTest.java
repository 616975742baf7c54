package org.stancegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Issue 15 item 5: an article replaced by one of the same id read from another file was replaced silently.
 * The id stays what the gold files name (file name without extension, or a JSON record's id); the source
 * is recorded with the article, and a replacement from another source is printed naming both.
 */
class ReplacementFromAnotherSourceTest {

    private static Extraction extraction;

    @TempDir
    Path dir;

    @BeforeAll
    static void knowledge() {
        extraction = Extraction.standard();
    }

    private static String article(String second) {
        return "Border clashes resume\n\nOctober 2, 2020\n\nTurkey condemned Armenia on Friday. " + second + "\n";
    }

    /** A load's report and what it printed. */
    private record Run(LoadReport report, List<String> lines) {}

    private Run load(Store store, Loader.Settings settings, Path... inputs) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LoadReport report = new Loader(store, extraction, settings)
                .load(List.of(inputs), new PrintStream(out, true, StandardCharsets.UTF_8), Loader.Progress.NONE);
        return new Run(report, out.toString(StandardCharsets.UTF_8).lines().toList());
    }

    private Run load(Store store, Path... inputs) {
        return load(store, Loader.Settings.standard(), inputs);
    }

    /** The sources recorded for the article graphs holding {@code articleId}. */
    private static List<String> sources(Store store, String articleId) {
        return store.read(d -> d.stream(Node.ANY, Node.ANY, SG.articleId.asNode(), Node.ANY)
                .filter(q -> q.getObject().getLiteralLexicalForm().equals(articleId))
                .flatMap(q -> d.stream(q.getGraph(), q.getSubject(), SG.dctermsSource.asNode(), Node.ANY))
                .map(q -> q.getObject().getLiteralLexicalForm())
                .toList());
    }

    @Test
    void twoFilesOfOneNameInTwoFoldersGiveAWarningNamingBoth() throws IOException {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus.resolve("a"));
        Files.createDirectories(corpus.resolve("b"));
        Files.writeString(corpus.resolve("a/001.txt"), article("France called for an immediate ceasefire."));
        Files.writeString(corpus.resolve("b/001.txt"), article("Iran offered to mediate."));
        // Into an empty store (the bulk path, which postpones the second version) and into a store that already
        // holds an article (one transaction per batch, both versions in the same batch).
        for (boolean bulk : List.of(true, false)) {
            try (Store store = Store.inMemory()) {
                if (!bulk) {
                    Path other = Files.writeString(Files.createDirectories(dir.resolve("other")).resolve("other.txt"),
                            article("Russia urged restraint."));
                    load(store, other);
                }
                Run run = load(store, corpus);
                assertEquals(1, run.report().replaced(), run.lines().toString());
                assertEquals(List.of("replaced: article 001 from b/001.txt replaces the one from a/001.txt"),
                        run.lines().stream().filter(l -> l.startsWith("replaced:")).toList());
                assertEquals(1, run.report().displaced().size());
                assertEquals(List.of("b/001.txt"), sources(store, "001"), "the later one in reading order wins, and says where it came from");
            }
        }
    }

    @Test
    void aTextFileBesideAnHtmlFileOfTheSameNameGivesAWarningNamingBoth() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("x.txt"), article("France called for an immediate ceasefire."));
        Files.writeString(corpus.resolve("x.html"), "<html><head><title>Border clashes resume</title></head><body><article>"
                + "<p>Turkey condemned Armenia on Friday. Iran offered to mediate.</p></article></body></html>");
        try (Store store = Store.inMemory()) {
            Run run = load(store, corpus);
            assertEquals(1, run.report().replaced(), run.lines().toString());
            assertEquals(List.of("replaced: article x from x.txt replaces the one from x.html"),
                    run.lines().stream().filter(l -> l.startsWith("replaced:")).toList());
        }
    }

    @Test
    void aJsonRecordWithTheIdOfAStoredArticleFromAnotherFileGivesAWarningNamingBoth() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("d01.txt"), article("France called for an immediate ceasefire."));
        Path feeds = Files.createDirectories(dir.resolve("feeds"));
        Files.writeString(feeds.resolve("one.jsonl"), "{\"id\":\"d01\",\"title\":\"Clashes\",\"text\":\"Iran urged restraint. Russia offered to mediate.\"}\n");
        Files.writeString(feeds.resolve("two.jsonl"), "{\"id\":\"d01\",\"title\":\"Clashes\",\"text\":\"Iran condemned Azerbaijan. Russia offered to mediate.\"}\n");
        try (Store store = Store.inMemory()) {
            load(store, corpus);
            // Across loads: the stored article's recorded source is the text file.
            Run one = load(store, feeds.resolve("one.jsonl"));
            assertEquals(List.of("replaced: article d01 from one.jsonl replaces the one from d01.txt"),
                    one.lines().stream().filter(l -> l.startsWith("replaced:")).toList());
            // Within one load: two JSON Lines files with a record of one id. one.jsonl changed but is the source stored
            // (no warning); two.jsonl, read after it, replaces it (a warning).
            Files.writeString(feeds.resolve("one.jsonl"), "{\"id\":\"d01\",\"title\":\"Clashes\",\"text\":\"Iran urged calm. Russia offered to mediate.\"}\n");
            Run both = load(store, feeds);
            assertEquals(List.of("replaced: article d01 from two.jsonl replaces the one from one.jsonl"),
                    both.lines().stream().filter(l -> l.startsWith("replaced:")).toList());
            assertEquals(List.of("two.jsonl"), sources(store, "d01"));
        }
    }

    @Test
    void theSameFileChangedAndReloadedReplacesItsArticleWithoutAWarning() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus").resolve("a"));
        Path file = Files.writeString(corpus.resolve("001.txt"), article("France called for an immediate ceasefire."));
        try (Store store = Store.inMemory()) {
            load(store, dir.resolve("corpus"));
            Files.writeString(file, article("Iran offered to mediate."));
            Run run = load(store, dir.resolve("corpus"));
            assertEquals(1, run.report().replaced());
            assertEquals(List.of(), run.report().displaced());
            assertFalse(run.lines().stream().anyMatch(l -> l.startsWith("replaced:")), run.lines().toString());
            assertEquals(List.of("a/001.txt"), sources(store, "001"));
        }
    }
}
