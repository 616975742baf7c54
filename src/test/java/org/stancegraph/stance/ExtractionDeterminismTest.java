package org.stancegraph.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.ChildJvm;
import org.stancegraph.load.Extraction;
import org.stancegraph.source.Sources;

/**
 * Same input, same statements: the sentence cases give the same statements, every field of each,
 * in a fresh JVM, in this one, after other articles were extracted (the tokenizer's word memory and
 * the taggers are per process or per thread), and in the reverse order.
 */
class ExtractionDeterminismTest {

    @Test
    void sentencesGiveTheSameStatementsInAFreshJvmAfterOtherArticlesAndInAnyOrder(@TempDir Path dir) throws Exception {
        Extraction extraction = Extraction.standard();
        List<SentenceCases.Case> cases = SentenceCases.read();
        String first = statements(extraction, cases);

        try (Stream<Path> files = Files.list(Path.of("data/articles"))) {
            for (Path file : files.sorted().toList()) {
                Sources.read(file, record -> extraction.of(extraction.article(record)), problem -> {
                    throw new AssertionError(problem.toString());
                });
            }
        }
        List<SentenceCases.Case> reversed = new ArrayList<>(cases);
        Collections.reverse(reversed);
        assertEquals(first, statements(extraction, reversed), "after the sample corpus, in reverse order");

        try (ChildJvm child = ChildJvm.startMain(dir, "fresh", Map.of(), Dump.class.getName())) {
            assertEquals(0, child.waitFor(Duration.ofMinutes(5)), child.output());
            assertEquals(first, Files.readString(dir.resolve("fresh.out")), "in a fresh JVM");
        }
    }

    /** Every statement of every case, one line each, keyed and ordered by case id. */
    static String statements(Extraction extraction, List<SentenceCases.Case> cases) {
        Map<String, List<Statement>> byCase = new TreeMap<>();
        for (SentenceCases.Case c : cases) {
            byCase.put(c.id(), extraction.of(SentenceCases.article(c)).statements());
        }
        StringBuilder out = new StringBuilder();
        byCase.forEach((id, statements) -> statements.forEach(s -> out.append(id).append('\t').append(s).append('\n')));
        return out.toString();
    }

    /** The child JVM's side: the statements of the sentence cases, extracted first thing in the process. */
    public static final class Dump {
        public static void main(String[] args) throws IOException {
            System.out.print(statements(Extraction.standard(), SentenceCases.read()));
        }
    }
}
