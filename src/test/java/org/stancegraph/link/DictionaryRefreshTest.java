package org.stancegraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.cli.Main;
import org.stancegraph.vocab.SG;

/** {@code stancegraph dictionary refresh}: the real queries/dictionary-*.rq against the local fixture endpoint. */
class DictionaryRefreshTest {

    private static FixtureEndpoint fixture;

    @BeforeAll
    static void start() {
        fixture = new FixtureEndpoint();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    private static final String PROJECT_ALIAS = "\"Shqipëria\"@en";

    private static Path dictionary(Path dir) throws Exception {
        Path actors = dir.resolve("actors");
        Files.createDirectories(actors);
        String text = LinkTest.DICTIONARY.replace("sga:albania a sg:State ; rdfs:label \"Albania\"@en ;",
                "sga:albania a sg:State ; rdfs:label \"Albania\"@en ; skos:altLabel " + PROJECT_ALIAS + " ;");
        Files.writeString(actors.resolve("test.ttl"), text);
        return actors;
    }

    private static String refresh(Path actors, Path cache, String... more) {
        PrintStream old = System.out;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            String[] base = {"dictionary", "refresh", "--endpoint", fixture.uri("/wd").toString(), "--actors", actors.toString(),
                    "--cache", cache.toString()};
            String[] args = new String[base.length + more.length];
            System.arraycopy(base, 0, args, 0, base.length);
            System.arraycopy(more, 0, args, base.length, more.length);
            assertEquals(0, Main.run(args), out.toString(StandardCharsets.UTF_8));
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            System.setOut(old);
        }
    }

    private static Node sga(String local) {
        return NodeFactory.createURI(SG.ACTOR_NS + local);
    }

    @Test
    void addsWhatTheDictionaryLacksAndLeavesTheProjectFilesAlone(@TempDir Path dir) throws Exception {
        Path actors = dictionary(dir);
        String before = Files.readString(actors.resolve("test.ttl"));
        Path outDir = dir.resolve("out");
        String summary = refresh(actors, dir.resolve("cache"), "--out", outDir.toString());

        Path written = outDir.resolve(DictionaryRefresh.GENERATED_FILE);
        Graph additions = GraphFactory.createDefaultGraph();
        RDFParser.source(written).lang(Lang.TURTLE).parse(additions);
        assertEquals(before, Files.readString(actors.resolve("test.ttl")), "the project's file must not change");
        assertFalse(Files.exists(actors.resolve(DictionaryRefresh.GENERATED_FILE)), "without --write nothing goes into the actors folder");

        // Known actors, matched by id: new alias, ISO codes, capital; the project's alias is not repeated.
        assertTrue(additions.contains(sga("albania"), SG.skosAltLabel.asNode(), NodeFactory.createLiteralLang("Republic of Albania", "en")));
        assertTrue(additions.contains(sga("albania"), SG.skosNotation.asNode(), NodeFactory.createLiteralString("AL")));
        assertTrue(additions.contains(sga("albania"), SG.metonym.asNode(), NodeFactory.createLiteralLang("Tirana", "en")));
        assertTrue(additions.contains(sga("ruritania"), SG.skosNotation.asNode(), NodeFactory.createLiteralString("RTA")));
        assertFalse(additions.contains(sga("albania"), SG.skosAltLabel.asNode(), NodeFactory.createLiteralLang("Albania", "en")));
        assertFalse(additions.contains(sga("albania"), SG.wikidataId.asNode(), Node.ANY), "known ids are not written again");

        // New actors with their ids; the dissolved state and the film are left out.
        assertTrue(additions.contains(sga("league-of-fixtures"), SG.abbreviation.asNode(), NodeFactory.createLiteralString("LOF")));
        assertTrue(additions.contains(sga("league-of-fixtures"), SG.owlSameAs.asNode(), NodeFactory.createURI(SG.WD + "Q900000303")));
        assertTrue(additions.contains(sga("mira-novak"), SG.wikidataId.asNode(), NodeFactory.createLiteralString("Q900000030")));
        assertFalse(additions.contains(sga("old-ruritania"), Node.ANY, Node.ANY));
        Node office = NodeFactory.createURI(SG.OFFICE_NS + "mira-novak--head-of-state--ruritania--2017-01-01");
        assertTrue(additions.contains(office, SG.orgOrganization.asNode(), sga("ruritania")));
        assertTrue(additions.contains(office, SG.schemaEndDate.asNode(), NodeFactory.createLiteralDT("2022-01-01", XSDDatatype.XSDdate)));

        // Items named like a dictionary actor without that id are conflicts, not additions.
        for (String local : new String[] {"freedonia", "edi-rama", "ana-petrova", "sergei-lavrov", "sergey-lavrov"}) {
            assertFalse(additions.contains(sga(local), SG.wikidataId.asNode(), Node.ANY), local);
        }
        assertTrue(summary.contains("conflict  Q900000501 'Freedonia' has the name of freedonia"), summary);
        assertTrue(summary.contains("conflict  Q900000003 'Sergei Lavrov' has the name of sergey-lavrov"), summary);
        assertTrue(Files.readString(written).contains("NOT\n# checked"), "the file must say its ids are unchecked");
    }

    @Test
    void writeReplacesOnlyTheGeneratedFileAndARerunChangesNothing(@TempDir Path dir) throws Exception {
        Path actors = dictionary(dir);
        refresh(actors, dir.resolve("cache"), "--write");
        Path generated = actors.resolve(DictionaryRefresh.GENERATED_FILE);
        String first = Files.readString(generated);
        int requests = fixture.requests.get();
        String second = refresh(actors, dir.resolve("cache"), "--write");
        assertEquals(first, Files.readString(generated), "a second refresh must reproduce the file, not empty it");
        assertTrue(second.contains("+0 -0"), second);
        assertEquals(requests, fixture.requests.get(), "the second refresh must answer from the cache");
        // The project's alias and the refreshed ones live side by side in the folder.
        Graph all = DictionaryRefresh.readDictionary(actors);
        RDFParser.source(generated).lang(Lang.TURTLE).parse(all);
        assertTrue(all.contains(sga("albania"), SG.skosAltLabel.asNode(), NodeFactory.createLiteralLang("Shqipëria", "en")));
        assertTrue(all.contains(sga("albania"), SG.skosAltLabel.asNode(), NodeFactory.createLiteralLang("Republic of Albania", "en")));
    }
}
