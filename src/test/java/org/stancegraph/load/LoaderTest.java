package org.stancegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.article.ProjectBoilerplate;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.store.Store;
import org.stancegraph.store.Validation;
import org.stancegraph.vocab.SG;

class LoaderTest {

    private static Extraction extraction;

    @TempDir
    Path dir;

    @BeforeAll
    static void knowledge() {
        extraction = Extraction.standard();
    }

    private static final String ARTICLE = "Border clashes resume\n\nOctober 2, 2020\n\n"
            + "Turkey condemned Armenia on Friday. France called for an immediate ceasefire.\n";

    private LoadReport load(Store store, Path... inputs) {
        return new Loader(store, extraction).load(List.of(inputs), new PrintStream(new ByteArrayOutputStream()), Loader.Progress.NONE);
    }

    private static long quads(Store store) {
        return store.read(d -> {
            long[] n = {0};
            d.find().forEachRemaining(q -> n[0]++);
            return n[0];
        });
    }

    private static long statements(Store store) {
        return store.read(d -> {
            long[] n = {0};
            d.find(Node.ANY, Node.ANY, NodeFactory.createURI(org.apache.jena.vocabulary.RDF.type.getURI()), SG.Statement.asNode())
                    .forEachRemaining(q -> n[0]++);
            return n[0];
        });
    }

    @Test
    void loadingTheSameFileTwiceChangesNothingAndAChangedFileReplacesItsGraph() throws IOException {
        Path file = dir.resolve("clash.txt");
        Files.writeString(file, ARTICLE);
        try (Store store = Store.open(dir.resolve("db"))) {
            LoadReport first = load(store, file);
            assertEquals(1, first.added());
            assertTrue(statements(store) >= 2, "a condemnation and an appeal");
            long before = quads(store);

            LoadReport again = load(store, file);
            assertEquals(1, again.unchanged());
            assertEquals(before, quads(store), "reloading leaves every quad as it was");

            Files.writeString(file, ARTICLE.replace("France called for an immediate ceasefire.", "Iran offered to mediate."));
            LoadReport changed = load(store, file);
            assertEquals(1, changed.replaced());
            long articles = store.read(d -> d.stream(Node.ANY, Node.ANY, SG.articleId.asNode(), Node.ANY).count());
            assertEquals(1, articles, "the old version's graph is gone");
        }
    }

    @Test
    void badInputIsReportedWithItsFileAndTheRestLoadsWithoutLosingStoredArticles() throws IOException {
        Path good = dir.resolve("good.txt");
        Files.writeString(good, ARTICLE);
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("empty.txt"), "");
        Files.write(corpus.resolve("binary.txt"), new byte[] {0, 1, 2, 3, 0, 0, 7});
        Files.write(corpus.resolve("latin1.txt"), "caf\u00e9 au lait".getBytes(StandardCharsets.ISO_8859_1));
        Files.writeString(corpus.resolve("feed.jsonl"), "{\"id\":\"a1\",\"text\":\"Russia brokered a ceasefire.\"}\n{not json\n");
        Files.writeString(corpus.resolve("other.txt"), "Iran urged restraint.\n");
        try (Store store = Store.open(dir.resolve("db"))) {
            load(store, good);
            long before = quads(store);
            ByteArrayOutputStream messages = new ByteArrayOutputStream();
            LoadReport report = new Loader(store, extraction).load(List.of(corpus), new PrintStream(messages, true, StandardCharsets.UTF_8), Loader.Progress.NONE);
            String printed = messages.toString(StandardCharsets.UTF_8);
            assertEquals(4, report.problems().size(), printed);
            for (String name : List.of("empty.txt", "binary.txt", "latin1.txt", "feed.jsonl:2")) {
                assertTrue(printed.contains(name), name + " is named in: " + printed);
            }
            assertEquals(2, report.added(), "the jsonl record and other.txt load");
            assertTrue(quads(store) > before, "stored articles kept, new ones added");
            String firstArticle = org.stancegraph.graph.ArticleGraph.iri(org.stancegraph.article.Articles.from(
                    new org.stancegraph.source.SourceRecord("good", good.toString(), "text", ARTICLE, java.util.Map.of()), ProjectBoilerplate.RULES));
            assertTrue(store.containsGraph(firstArticle), "the first article is still there");
        }
    }

    @Test
    void theLoadedSeedsConformToTheShapes() {
        Path seeds = Path.of("../shared/corpus/seeds");
        Assumptions.assumeTrue(Files.isDirectory(seeds), "needs the seed articles in ../shared/corpus/seeds (not in the project: published text)");
        try (Store store = Store.inMemory()) {
            Loader loader = new Loader(store, extraction);
            loader.storeKnowledge(Ontology.load());
            LoadReport report = loader.load(List.of(seeds), new PrintStream(new ByteArrayOutputStream()), Loader.Progress.NONE);
            assertEquals(5, report.articles());
            assertTrue(report.statements() > 50, "statements: " + report.statements());
            Validation.Report validation = Validation.standard().validate(store);
            assertTrue(validation.conforms(), () -> String.join("\n", validation.violations().stream().limit(20).map(Object::toString).toList()));
        }
    }
}
