package org.stancegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.rdf.model.Model;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.store.BriefGraphs;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/** {@code stancegraph validate} over a TDB2 database on disk. */
class ValidateCommandTest {

    @Test
    void conformingDatabaseExitsZero(@TempDir Path dir) {
        Path db = dir.resolve("db");
        store(db, BriefGraphs.articleGraph());
        CommandRun result = run("validate", "--db", db.toString());
        assertEquals(0, result.exitCode(), result.out());
        assertTrue(result.out().contains("conforms"), result.out());
    }

    @Test
    void violationsArePrintedOneLineEachAndExitOne(@TempDir Path dir) {
        Path db = dir.resolve("db");
        Model broken = BriefGraphs.articleGraph();
        broken.removeAll(BriefGraphs.supportStatement(), SG.actor, null);
        broken.removeAll(BriefGraphs.supportStatement(), SG.target, null);
        store(db, broken);

        CommandRun result = run("validate", "--db", db.toString());
        assertEquals(1, result.exitCode(), result.out());
        List<String> violationLines = result.out().lines().filter(l -> l.startsWith("Violation ")).toList();
        assertEquals(2, violationLines.size(), result.out());
        assertTrue(violationLines.stream().allMatch(l -> l.contains("[graph <" + BriefGraphs.ARTICLE + ">]")), result.out());
        assertTrue(violationLines.stream().anyMatch(l -> l.contains(" sg:actor: ")), result.out());
        assertTrue(result.out().contains("2 results (2 violations, 0 warnings, 0 infos) on 1 nodes"), result.out());
    }

    @Test
    void customShapesFileIsUsed(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        store(db, BriefGraphs.articleGraph());
        Path shapes = dir.resolve("strict.ttl");
        // a shape the sample does not meet: every article needs a creator
        Files.writeString(shapes, """
                @prefix sh: <http://www.w3.org/ns/shacl#> .
                @prefix sg: <https://w3id.org/stancegraph/ontology#> .
                @prefix dc: <http://purl.org/dc/elements/1.1/> .
                [] a sh:NodeShape ; sh:targetClass sg:Article ;
                   sh:property [ sh:path dc:creator ; sh:minCount 1 ] .
                """);
        CommandRun result = run("validate", "--db", db.toString(), "--shapes", shapes.toString());
        assertEquals(1, result.exitCode(), result.out());
        assertTrue(result.out().contains("dc:creator"), result.out());
    }

    @Test
    void missingDatabaseIsAnErrorNotAnEmptyPass(@TempDir Path dir) {
        CommandRun result = run("validate", "--db", dir.resolve("absent").toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains("absent"), result.err());
        assertTrue(Files.notExists(dir.resolve("absent")), "validate must not create a database");
    }

    @Test
    void brokenShapesFileIsNamed(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        store(db, BriefGraphs.articleGraph());
        Path shapes = dir.resolve("bad.ttl");
        Files.writeString(shapes, "@prefix sh: <http://www.w3.org/ns/shacl#> .\n[] a sh:NodeShape ; sh:targetClass zz:X .\n");
        CommandRun result = run("validate", "--db", db.toString(), "--shapes", shapes.toString());
        assertEquals(2, result.exitCode());
        assertTrue(result.err().contains(shapes + ":2:"), result.err());
    }

    private static void store(Path db, Model article) {
        try (Store store = Store.open(db)) {
            store.replaceGraph(SG.DICTIONARY_GRAPH, BriefGraphs.dictionary().getGraph());
            store.replaceArticle(BriefGraphs.ARTICLE, "000_sample", article.getGraph());
        }
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }
}
