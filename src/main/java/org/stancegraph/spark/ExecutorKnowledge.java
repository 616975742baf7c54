package org.stancegraph.spark;

import java.nio.file.Path;

import org.stancegraph.knowledge.Knowledge;
import org.stancegraph.load.Extraction;

/**
 * The knowledge files, read once per executor JVM and shared by its tasks ({@link Extraction#of} is thread-safe):
 * reading the dictionary and cues costs seconds, an article milliseconds.
 */
final class ExecutorKnowledge {
    private static Path home;
    private static Extraction extraction;

    private ExecutorKnowledge() {}

    /** The extraction with the knowledge of the project home {@code home}, read on first use. */
    static synchronized Extraction of(String home) {
        Path path = Path.of(home);
        if (extraction == null || !path.equals(ExecutorKnowledge.home)) {
            extraction = new Extraction(Knowledge.load(Knowledge.Files.under(path)));
            ExecutorKnowledge.home = path;
        }
        return extraction;
    }
}
