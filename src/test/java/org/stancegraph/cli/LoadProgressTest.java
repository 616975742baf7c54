package org.stancegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code load} shows while it runs when standard error is not a terminal (here: redirected into the test,
 * in a JVM without a console, as in CI or {@code load ... 2> log}): whole progress lines, never a bar's frames.
 * {@code --progress-every 0} asks for a line per article, so the test does not wait for the clock.
 */
class LoadProgressTest {
    /** The documented shape of a timed progress line. */
    private static final Pattern PROGRESS_LINE =
            Pattern.compile("progress: (\\d+) articles read in \\d+ s \\(\\d+\\.\\d per second\\), (\\d+) inputs skipped");
    private static final Pattern LOADED = Pattern.compile("(?m)^loaded (\\d+) articles from");

    @TempDir
    Path dir;

    @Test
    void withoutATerminalTheDefaultIsProgressLinesWithoutCarriageReturns() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.txt"), "");
        CommandRun run = CommandRun.of("load", "--db", dir.resolve("db").toString(), "--progress-every", "0",
                "data/articles", empty.toString());

        assertEquals(LoadCommand.SKIPPED, run.exitCode(), run.err());
        assertFalse(run.err().contains("\r"), "no redrawn frames: " + run.err());
        List<String> progress = run.err().lines().filter(line -> line.startsWith("progress:")).toList();
        assertFalse(progress.isEmpty(), "progress lines: " + run.err());
        long previous = -1;
        for (String line : progress) {
            Matcher m = PROGRESS_LINE.matcher(line);
            assertTrue(m.matches(), "documented shape: " + line);
            long read = Long.parseLong(m.group(1));
            assertTrue(read >= previous, "counts only grow: " + progress);
            previous = read;
        }
        Matcher loaded = LOADED.matcher(run.err());
        assertTrue(loaded.find(), run.err());
        Matcher last = PROGRESS_LINE.matcher(progress.get(progress.size() - 1));
        assertTrue(last.matches());
        assertEquals(loaded.group(1), last.group(1), "the last line has read every article");
        assertEquals("1", last.group(2), "the empty file is counted as skipped");
    }

    @Test
    void theBarAskedForIsWhatDrawsFrames() {
        // The same check catches frames when there are some: the bar, asked for, redraws with carriage returns.
        CommandRun run = CommandRun.of("load", "--db", dir.resolve("db").toString(), "--progress", "bar", "data/articles");
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.err().contains("\r"), run.err());
        assertTrue(run.err().lines().noneMatch(line -> line.startsWith("progress:")), run.err());
    }

    @Test
    void aNegativeIntervalIsBadUsage() {
        CommandRun run = CommandRun.of("load", "--db", dir.resolve("db").toString(), "--progress-every", "-1", "data/articles");
        assertNotEquals(0, run.exitCode());
        assertTrue(run.err().contains("--progress-every must be 0 or more seconds"), run.err());
    }
}
