package org.stancegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.ChildJvm;
import org.stancegraph.StoreOnDisk;
import org.stancegraph.SyntheticCorpus;

/** {@code stancegraph compact}: a store that replaced its articles shrinks, holds the same data, and a served one is refused. */
class CompactCommandTest {

    @TempDir
    Path work;

    /** Every quad of the database, as text, sorted. */
    private static Set<String> everyQuad(Path db) {
        return StoreOnDisk.read(db, d -> {
            Set<String> quads = new TreeSet<>();
            d.find().forEachRemaining(q -> quads.add(q.toString()));
            return quads;
        });
    }

    @Test
    void aStoreWhoseArticlesWereReplacedShrinksAndKeepsItsData() throws Exception {
        Path db = work.resolve("db");
        // The same file names with other sentences each time: every load replaces every article.
        for (long seed = 1; seed <= 4; seed++) {
            Path corpus = SyntheticCorpus.write(work.resolve("corpus-" + seed), 30, seed);
            CommandRun load = CommandRun.of("load", "--quiet", "--db", db.toString(), corpus.toString());
            assertEquals(0, load.exitCode(), load.err());
        }
        Set<String> before = everyQuad(db);
        long bytesBefore = CompactCommand.bytesUnder(db);

        CommandRun compact = CommandRun.of("compact", "--db", db.toString());

        assertEquals(0, compact.exitCode(), compact.err());
        long bytesAfter = CompactCommand.bytesUnder(db);
        assertTrue(bytesAfter < bytesBefore, "shrinks: " + bytesBefore + " -> " + bytesAfter);
        assertTrue(compact.out().contains(String.format("%,d bytes before, %,d bytes after", bytesBefore, bytesAfter)), compact.out());
        assertEquals(before, everyQuad(db), "the data is unchanged");
        assertTrue(before.size() > 1000, "the store held the articles: " + before.size() + " quads");
    }

    @Test
    void aDatabaseAServerHoldsIsRefusedWithExitCodeFourAndLeftAsItWas() throws Exception {
        Path db = work.resolve("db");
        Path corpus = SyntheticCorpus.write(work.resolve("corpus"), 3, 7);
        assertEquals(0, CommandRun.of("load", "--quiet", "--db", db.toString(), corpus.toString()).exitCode());
        Set<String> before = everyQuad(db);
        try (ChildJvm server = ChildJvm.start(work.resolve("logs"), "serve-held", Map.of(), "serve", "--port", "0", "--db", db.toString())) {
            assertTrue(server.awaitOutput(out -> Pattern.compile("SPARQL\\s+http://\\S+/sparql").matcher(out).find(), Duration.ofMinutes(2)),
                    "the server did not start: " + server.output());
            CommandRun compact = CommandRun.of("compact", "--db", db.toString());
            assertEquals(4, compact.exitCode(), compact.err());
            assertTrue(compact.err().startsWith("compact: database " + db.toAbsolutePath().normalize() + " is in use by another process"),
                    compact.err());
            assertEquals(1, compact.err().lines().count(), "one line, no stack trace: " + compact.err());
            server.kill();
        }
        assertEquals(before, everyQuad(db), "nothing changed");
        assertTrue(Files.isDirectory(db.resolve("Data-0001")), "no new generation was made");
    }
}
