package org.stancegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.export.ExportFixture;
import org.stancegraph.store.Store;

class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void exportsTheChosenFormatsFromADatabaseOnDisk() {
        Path db = dir.resolve("db");
        try (Store store = Store.open(db)) {
            ExportFixture.load(store, false);
        }
        Path out = dir.resolve("out");
        int code = Main.run("export", "--db", db.toString(), "--out", out.toString(), "--format", "nt,graphml",
                "--format", "csv", "--gzip", "--from", "2020-09-01");
        assertEquals(0, code);
        assertTrue(Files.isRegularFile(out.resolve("stancegraph.nt.gz")));
        assertTrue(Files.isRegularFile(out.resolve("stancegraph.graphml.gz")));
        assertTrue(Files.isRegularFile(out.resolve("stancegraph-edges.csv.gz")));
        assertTrue(Files.isRegularFile(out.resolve("stancegraph-nodes.csv.gz")));
        assertTrue(Files.isRegularFile(out.resolve("stancegraph-description.ttl")));
        assertFalse(Files.exists(out.resolve("stancegraph.nq.gz")), "only the chosen formats");
    }

    @Test
    void rejectsAnUnknownFormatAndAMissingDatabase() {
        Path out = dir.resolve("out");
        assertEquals(2, Main.run("export", "--db", dir.toString(), "--out", out.toString(), "--format", "hdt"));
        assertEquals(1, Main.run("export", "--db", dir.resolve("none").toString(), "--out", out.toString()));
        assertFalse(Files.exists(out.resolve("stancegraph-description.ttl")));
    }
}
