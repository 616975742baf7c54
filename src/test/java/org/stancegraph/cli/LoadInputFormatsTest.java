package org.stancegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecutionFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.source.InputSamples;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/** {@code load} of a folder holding a web archive, a feed, a CSV export and compressed JSON Lines (issue 14). */
class LoadInputFormatsTest {

    @TempDir
    Path dir;

    @Test
    void aFolderOfEveryNewInputKindIsLoaded() throws IOException {
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        InputSamples.warc(corpus.resolve("crawl.warc.gz"), true);
        Files.writeString(corpus.resolve("observer.rss"), InputSamples.rss(), StandardCharsets.UTF_8);
        Files.writeString(corpus.resolve("archive.csv"), InputSamples.csv(), StandardCharsets.UTF_8);
        InputSamples.compressed(corpus.resolve("stories.jsonl.gz"), InputSamples.jsonl().getBytes(StandardCharsets.UTF_8),
                InputSamples.Compressor.GZ);
        Path db = dir.resolve("db");

        CommandRun run = CommandRun.of("load", "--db", db.toString(), "--progress", "none", corpus.toString());

        // Passing over the crawl's requests and metadata is a warning, not a skipped input.
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("warning: " + corpus.resolve("crawl.warc.gz") + ": passed over 5 of 7 WARC records"), run.err());
        assertTrue(run.err().contains("loaded 10 articles from 4 files: 10 new, 0 replaced, 0 unchanged;"), run.err());
        assertTrue(run.err().contains("; 1 warnings"), run.err());
        try (Store store = Store.open(db)) {
            // 2 pages of the crawl, 2 feed items, 3 CSV rows, 3 JSON lines
            assertEquals(10, store.articleGraphs().size(), store.articleGraphs().toString());
        }
    }

    @Test
    void theCsvColumnsCanBeChosen() throws IOException {
        Path csv = Files.writeString(dir.resolve("wire.csv"), "story,slug\n\"" + InputSamples.TALKS + "\",talks\n",
                StandardCharsets.UTF_8);
        Path db = dir.resolve("db");

        CommandRun missing = CommandRun.of("load", "--db", db.toString(), "--progress", "none", csv.toString());
        assertEquals(LoadCommand.SKIPPED, missing.exitCode(), missing.err());
        assertTrue(missing.err().contains("skipped: " + csv + ":1: no text column: the header has none of text, body, content"),
                missing.err());

        CommandRun chosen = CommandRun.of("load", "--db", db.toString(), "--progress", "none", "--text-column", "story",
                "--id-column", "slug", csv.toString());
        assertEquals(0, chosen.exitCode(), chosen.err());
        assertTrue(chosen.err().contains("loaded 1 articles from 1 files: 1 new"), chosen.err());
        try (Store store = Store.open(db)) {
            assertEquals(1, store.articleGraphs().size());
            String ask = "ASK { GRAPH ?g { ?a <" + SG.articleId.getURI() + "> \"talks\" } }";
            boolean idFromColumn = store.read(dataset -> QueryExecutionFactory.create(ask, DatasetFactory.wrap(dataset)).execAsk());
            assertTrue(idFromColumn, "the id comes from the chosen column");
        }
    }

    @Test
    void helpNamesEveryFileType() {
        CommandRun help = CommandRun.of("load", "--help");
        for (String type : List.of(".warc", ".rss", ".atom", ".csv", ".tsv", ".jsonl", ".zst")) {
            assertTrue(help.out().contains(type), type + " in: " + help.out());
        }
    }
}
