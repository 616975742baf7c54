package org.stancegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The summary line of {@code load} counts replacements from another source (issue 15 item 5), and the warning precedes it. */
class LoadCommandReplacementTest {

    @TempDir
    Path dir;

    @Test
    void theSummaryCountsAReplacementFromAnotherSource() throws IOException {
        Path corpus = dir.resolve("corpus");
        Files.createDirectories(corpus.resolve("a"));
        Files.createDirectories(corpus.resolve("b"));
        Files.writeString(corpus.resolve("a/001.txt"), "Clashes\n\nTurkey condemned Armenia on Friday. France called for a ceasefire.\n");
        Files.writeString(corpus.resolve("b/001.txt"), "Clashes\n\nTurkey condemned Armenia on Friday. Iran offered to mediate.\n");
        CommandRun run = CommandRun.of("load", "--db", dir.resolve("db").toString(), "--progress", "none", corpus.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("replaced: article 001 from b/001.txt replaces the one from a/001.txt\n"
                + "loaded 2 articles from 2 files: 1 new, 1 replaced (1 replaced from another source), 0 unchanged;"), run.err());
    }
}
