package org.stancegraph.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.vocab.SG;

/**
 * {@code stancegraph check} passes after a load, finds a stance summary that no longer equals the statements
 * (as a write around the store would leave it) and an article extracted by another activity, and
 * {@code --repair} rebuilds the summary.
 */
class CheckCommandTest {

    @TempDir
    Path dir;

    @Test
    void passesAfterALoadDetectsACorruptedSummaryAndRepairsIt() {
        Path db = dir.resolve("db");
        CommandRun load = CommandRun.of("load", "--db", db.toString(), "--progress", "none",
                "data/articles/2020-09-29_karabakh-fighting-erupts.txt", "data/articles/2020-10-26_washington-truce-falters.txt");
        assertEquals(0, load.exitCode(), load.err());

        CommandRun clean = CommandRun.of("check", "--db", db.toString());
        assertEquals(0, clean.exitCode(), clean.out() + clean.err());
        assertTrue(clean.out().contains("the stance summary equals what the statements give"), clean.out());
        assertTrue(clean.out().contains("all 2 articles were extracted with the current knowledge files"), clean.out());

        // Written to TDB2 around the store, as an older version or a stray tool would: one pair's count goes wrong.
        DatasetGraph raw = DatabaseMgr.connectDatasetGraph(db.toString());
        Txn.executeWrite(raw, () -> {
            Quad count = raw.find(NodeFactory.createURI(SG.SUMMARY_GRAPH), Node.ANY, SG.supportingStatements.asNode(), Node.ANY)
                    .next();
            raw.delete(count);
            raw.add(count.getGraph(), count.getSubject(), count.getPredicate(), NodeFactory.createLiteralDT("999", XSDDatatype.XSDinteger));
        });

        CommandRun corrupted = CommandRun.of("check", "--db", db.toString());
        assertEquals(CheckCommand.SUMMARY_WRONG, corrupted.exitCode(), corrupted.out());
        assertTrue(corrupted.out().contains("differs from the statements in 1 pairs"), corrupted.out());

        CommandRun repaired = CommandRun.of("check", "--db", db.toString(), "--repair");
        assertEquals(0, repaired.exitCode(), repaired.out());
        assertTrue(repaired.out().contains("repaired"), repaired.out());
        assertEquals(0, CommandRun.of("check", "--db", db.toString()).exitCode());
    }

    @Test
    void countsArticlesExtractedByAnotherActivityAsStale() {
        Path db = dir.resolve("db");
        assertEquals(0, CommandRun.of("load", "--db", db.toString(), "--progress", "none",
                "data/articles/2020-09-29_karabakh-fighting-erupts.txt", "data/articles/2020-10-26_washington-truce-falters.txt").exitCode());
        DatasetGraph raw = DatabaseMgr.connectDatasetGraph(db.toString());
        Txn.executeWrite(raw, () -> {
            Quad generated = raw.find(Node.ANY, Node.ANY, SG.provWasGeneratedBy.asNode(), Node.ANY).next();
            raw.delete(Quad.create(generated.getGraph(), generated.getGraph(), generated.getPredicate(), generated.getObject()));
            raw.add(generated.getGraph(), generated.getGraph(), generated.getPredicate(),
                    NodeFactory.createURI(SG.extractionIri("0.0.1", "0".repeat(64))));
        });
        CommandRun stale = CommandRun.of("check", "--db", db.toString());
        assertEquals(CheckCommand.ARTICLES_STALE, stale.exitCode(), stale.out());
        assertTrue(stale.out().contains("1 of 2 articles are stale"), stale.out());
    }
}
