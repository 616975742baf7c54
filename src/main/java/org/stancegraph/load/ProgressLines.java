package org.stancegraph.load;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.function.IntSupplier;

/**
 * The load's progress for a log: at most one line per {@code every}, written by the reading thread as it reads,
 * of the shape {@code progress: 1200 articles read in 12 s (100.0 per second), 3 inputs skipped}. A log gets
 * whole lines instead of a bar's redrawn frames, and a load that stalls shows it by falling silent.
 */
final class ProgressLines {
    private final PrintStream out;
    private final long everyNanos;
    private final IntSupplier skipped;
    private final long start = System.nanoTime();
    private long lastLine = start;
    private long articles;

    /**
     * @param every   the least time between two lines; zero writes a line for every article read
     * @param skipped how many inputs have been skipped so far
     */
    ProgressLines(PrintStream out, Duration every, IntSupplier skipped) {
        if (every.isNegative()) {
            throw new IllegalArgumentException("the progress interval must not be negative: " + every);
        }
        this.out = out;
        this.everyNanos = every.toNanos();
        this.skipped = skipped;
    }

    void articleRead() {
        articles++;
        tick();
    }

    /** Writes a line when {@code every} has passed since the last one. */
    void tick() {
        long now = System.nanoTime();
        if (now - lastLine < everyNanos) {
            return;
        }
        lastLine = now;
        double seconds = Math.max(now - start, 1) / 1e9;
        out.printf(Locale.ROOT, "progress: %d articles read in %d s (%.1f per second), %d inputs skipped%n",
                articles, (long) seconds, articles / seconds, skipped.getAsInt());
    }
}
