package org.stancegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.server.ServerOptions;
import org.stancegraph.store.SampleGraphs;
import org.stancegraph.store.Store;

/** The query, stats and serve commands through Main, on a TDB2 database in a temporary folder. */
class QueryStatsCommandTest {

    @TempDir
    Path temp;
    private Path db;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void setUp() {
        db = temp.resolve("db");
        try (Store store = Store.open(db)) {
            SampleGraphs.fill(store);
        }
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void queryByNameWritesCsv() {
        assertEquals(0, Main.run("query", "--db", db.toString(), "--format", "csv", "articles"), err());
        assertTrue(out().startsWith("id,title,date,outlet,author,url"), out());
        assertTrue(out().contains(SampleGraphs.ARTICLE_2_ID));
    }

    @Test
    void aSyntaxErrorExitsTwoWithLineAndColumn() {
        assertEquals(2, Main.run("query", "--db", db.toString(), "SELECT * WHERE { ?s ?p }"));
        assertTrue(err().contains("line 1, column"), err());
    }

    @Test
    void paramGivesTheQueryAValueAndAnUnusedNameExitsTwo() {
        assertEquals(0, Main.run("query", "--db", db.toString(), "--format", "csv", "stance-timeline",
                "--param", "actor_name=Armenia", "--param", "to=2020-12-31"), err());
        List<String> armenia = out().lines().toList();
        assertEquals(2, armenia.size(), "header and Armenia's one month: " + out());
        assertTrue(armenia.get(1).startsWith("2020-09,Armenia,Q399,Turkey,Q43,0,1,"), armenia.get(1));
        out.reset();
        assertEquals(0, Main.run("query", "--db", db.toString(), "--format", "csv", "stance-timeline",
                "--param", "actor_name=Armenia", "--param", "to=2020-09-27"), err());
        assertEquals(1, out().lines().count(), "nothing before the article's date: " + out());
        assertEquals(2, Main.run("query", "--db", db.toString(), "stance-timeline", "--param", "actr=Armenia"));
        assertTrue(err().contains("no variable ?actr "), err());
        assertEquals(2, Main.run("query", "--db", db.toString(), "stance-timeline", "--param", "actor=Armenia"));
        assertTrue(err().contains("?actor is a column of stance-timeline"), err());
        assertEquals(2, Main.run("query", "--db", db.toString(), "stance-timeline", "--param", "Armenia"));
        assertTrue(err().contains("is not NAME=VALUE"), err());
    }

    @Test
    void anUnknownNameExitsTwo() {
        assertEquals(2, Main.run("query", "--db", db.toString(), "nosuchquery"));
        assertTrue(err().contains("nosuchquery"), err());
    }

    @Test
    void listShowsEachQueryWithItsComment() {
        assertEquals(0, Main.run("query", "--list"));
        assertTrue(out().lines().anyMatch(l -> l.startsWith("mentions") && l.contains("Wikidata")), out());
    }

    @Test
    void aMissingDatabaseIsNotCreated() {
        Path missing = temp.resolve("nothing-here");
        assertEquals(2, Main.run("stats", "--db", missing.toString()));
        assertTrue(err().contains("no database"), err());
        assertTrue(Files.notExists(missing));
    }

    @Test
    void statsPrintsCounts() {
        assertEquals(0, Main.run("stats", "--db", db.toString()), err());
        assertTrue(out().contains("articles      2"), out());
        assertTrue(out().contains("actors        " + SampleGraphs.ACTORS), out());
    }

    @Test
    void passwordFileAndEnvironmentForms() throws Exception {
        Path file = temp.resolve("passwd");
        Files.writeString(file, "editor:pa:ss\n");
        ServerOptions.Credentials fromFile = ServeCommand.credentials(file, null, null).orElseThrow();
        assertEquals("editor", fromFile.user());
        assertEquals("pa:ss", fromFile.password(), "only the first colon separates user and password");

        Files.writeString(file, "\nonlypassword\n");
        ServerOptions.Credentials bare = ServeCommand.credentials(file, "ignored", "bob").orElseThrow();
        assertEquals("bob", bare.user());
        assertEquals("onlypassword", bare.password(), "the file wins over the environment");

        assertEquals(ServeCommand.DEFAULT_USER, ServeCommand.credentials(null, "envpass", null).orElseThrow().user());
        assertTrue(ServeCommand.credentials(null, null, null).isEmpty(), "no password, no writer");
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.credentials(null, null, "bob"));
        Files.writeString(file, "editor:x\n");
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.credentials(file, null, "bob"));
        Files.writeString(file, "editor:\n");
        assertThrows(IllegalArgumentException.class, () -> ServeCommand.credentials(file, null, null));
    }
}
