package org.stancegraph;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

/**
 * Small made-up news articles for load and crash tests: each names a few states and has them
 * condemn, praise or call on each other, so that every article gives mentions and statements.
 * The text is generated here, not taken from any publication.
 */
public final class SyntheticCorpus {

    private static final List<String> STATES = List.of("Turkey", "Armenia", "Azerbaijan", "Russia", "France",
            "Georgia", "Iran", "Ukraine", "Germany", "Kazakhstan");
    private static final List<String> VERBS = List.of("condemned", "criticised", "praised", "accused",
            "called on", "urged");

    private SyntheticCorpus() {
    }

    /** Writes {@code count} text files into {@code directory} (created if missing); the same seed gives the same files. */
    public static Path write(Path directory, int count, long seed) throws IOException {
        Files.createDirectories(directory);
        Random random = new Random(seed);
        for (int i = 0; i < count; i++) {
            StringBuilder text = new StringBuilder("Report number ").append(i).append(" from the region\n\n");
            for (int sentence = 0; sentence < 4; sentence++) {
                text.append(sentence(random, i, sentence)).append(' ');
            }
            text.append('\n');
            Files.writeString(directory.resolve(String.format("article-%05d.txt", i)), text, StandardCharsets.UTF_8);
        }
        return directory;
    }

    /** One sentence in which one state takes a position towards another. */
    public static String sentence(Random random, int article, int sentence) {
        String actor = STATES.get(random.nextInt(STATES.size()));
        String target;
        do {
            target = STATES.get(random.nextInt(STATES.size()));
        } while (target.equals(actor));
        String verb = VERBS.get(random.nextInt(VERBS.size()));
        String tail = verb.equals("called on") || verb.equals("urged")
                ? " to stop the fighting on day " + article + "-" + sentence + "."
                : " over the events of day " + article + "-" + sentence + ".";
        return actor + " " + verb + " " + target + tail;
    }
}
