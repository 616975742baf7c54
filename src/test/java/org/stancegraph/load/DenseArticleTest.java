package org.stancegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.source.SourceProblem;
import org.stancegraph.store.Store;

/**
 * One article just under the size limit, written as densely as prose can be: every sentence a
 * list of states condemning another list. It gave 112,000 statements and 50,000 mentions, and
 * the writer spent minutes on it in the stance summary (quadratic in the statements); a load
 * must now take it in bounded time, keep what the {@link ExtractionLimits} allow and say what it left out.
 */
class DenseArticleTest {

    private static final List<String> STATES = List.of("Turkey", "Russia", "Iran", "France", "Germany", "Japan", "Brazil",
            "China", "India", "Pakistan", "Italy", "Spain", "Greece", "Poland", "Canada", "Norway");

    @TempDir
    Path dir;

    @Test
    void aDenseArticleUnderTheSizeLimitLoadsInUnderTenSecondsAndReportsWhatItLeftOut() throws IOException {
        Path file = Files.writeString(Files.createDirectories(dir.resolve("corpus")).resolve("dense.txt"), denseArticle(499_000));
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        try (Store store = Store.open(dir.resolve("db"))) {
            Loader loader = new Loader(store, Extraction.standard());
            long start = System.nanoTime();
            LoadReport report = assertTimeoutPreemptively(Duration.ofSeconds(90), () ->
                    loader.load(List.of(file), new PrintStream(messages, true, StandardCharsets.UTF_8), Loader.Progress.NONE));
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("DenseArticleTest: a %,d-character dense article loaded in %.1f s: %s%n",
                    Files.size(file), seconds, report.limited());
            assertTrue(seconds < 10, "took " + seconds + " s");
            assertEquals(1, report.articles(), report.problems().toString());
            assertEquals(ExtractionLimits.DEFAULT.statementsPerArticle(), report.statements());
            assertEquals(1, report.limited().size(), report.limited().toString());
            SourceProblem limited = report.limited().get(0);
            assertEquals(file.toString(), limited.file());
            assertTrue(limited.message().startsWith("kept 1000 of "), limited.message());
            assertTrue(limited.message().matches(".*at most 50 per sentence, reached in [1-9][0-9]* sentences.*"), limited.message());
            assertTrue(limited.message().contains("mentions (at most 50 per actor)"), limited.message());
            assertTrue(messages.toString(StandardCharsets.UTF_8).contains("limited: " + file + ": kept 1000 of "), messages.toString());
        }
    }

    /** Sentences of five states condemning four; every seventh names eight and eight (64 statements). */
    private static String denseArticle(int characters) {
        StringBuilder text = new StringBuilder("Dense diplomacy\n\n");
        for (int i = 0; text.length() < characters - 200; i++) {
            boolean crowded = i % 7 == 0;
            int actors = crowded ? 8 : 5;
            int targets = crowded ? 8 : 4;
            text.append(list(i, actors)).append(" condemned ").append(list(i + actors, targets)).append(". ");
            if (i % 5 == 4) {
                text.append("\n\n");
            }
        }
        return text.toString();
    }

    private static String list(int from, int count) {
        StringBuilder names = new StringBuilder();
        for (int k = 0; k < count; k++) {
            names.append(k == 0 ? "" : k == count - 1 ? " and " : ", ").append(STATES.get((from + k) % STATES.size()));
        }
        return names.toString();
    }
}
