package org.stancegraph.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A copy of the project's knowledge files (what extraction reads, and the ontology a load stores) for a
 * child process to use as STANCEGRAPH_HOME, so that a test can edit a cue without touching data/.
 */
final class KnowledgeHome {
    private static final Pattern CUE_LINE = Pattern.compile("^cues\\.tsv line (\\d+):");

    private KnowledgeHome() {}

    static Path copy(Path home) throws IOException {
        for (String folder : List.of("data/actors", "data/stance", "ontology")) {
            Files.createDirectories(home.resolve(folder));
            try (Stream<Path> files = Files.list(Path.of(folder))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, home.resolve(folder).resolve(file.getFileName()));
                }
            }
        }
        Files.copy(Path.of("data/boilerplate.tsv"), home.resolve("data/boilerplate.tsv"));
        return home;
    }

    /** The line of cues.tsv that a stored {@code sg:rule} names, or -1 when it names none. */
    static int cueLine(String rule) {
        Matcher m = CUE_LINE.matcher(rule);
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * Replaces the cue line that most of {@code rules} name by a comment (other lines keep their numbers, so
     * their rules read the same); returns its number.
     */
    static int removeTheCueOfMostStatements(Path home, Collection<String> rules) throws IOException {
        Map<Integer, Long> statementsByLine = rules.stream()
                .collect(Collectors.groupingBy(KnowledgeHome::cueLine, Collectors.counting()));
        statementsByLine.remove(-1);
        int line = statementsByLine.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Path cues = home.resolve("data/stance/cues.tsv");
        List<String> lines = new ArrayList<>(Files.readAllLines(cues));
        lines.set(line - 1, "# removed by a test");
        Files.write(cues, lines);
        return line;
    }
}
