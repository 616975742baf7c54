package org.stancegraph.load;

import static org.junit.jupiter.api.Assertions.assertTrue;

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
    private static final Pattern CUE_ID = Pattern.compile("^cues\\.tsv ([a-z0-9-]+):");

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

    /** The id of the cue that a stored {@code sg:rule} names ("cues.tsv condemn-1: ..."), or "" when it names none. */
    static String cueId(String rule) {
        Matcher m = CUE_ID.matcher(rule);
        return m.find() ? m.group(1) : "";
    }

    /**
     * Deletes the cue line that most of {@code rules} name (the lines after it move up; their ids, and so
     * the rules of their statements, stay the same); returns its id.
     */
    static String removeTheCueOfMostStatements(Path home, Collection<String> rules) throws IOException {
        Map<String, Long> statementsByCue = rules.stream()
                .collect(Collectors.groupingBy(KnowledgeHome::cueId, Collectors.counting()));
        statementsByCue.remove("");
        String id = statementsByCue.entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).orElseThrow().getKey();
        Path cues = home.resolve("data/stance/cues.tsv");
        List<String> lines = new ArrayList<>(Files.readAllLines(cues));
        assertTrue(lines.removeIf(line -> line.startsWith(id + "\t")), "the cue " + id + " has a line");
        Files.write(cues, lines);
        return id;
    }
}
