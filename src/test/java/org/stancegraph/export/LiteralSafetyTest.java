package org.stancegraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Model;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.article.Articles;
import org.stancegraph.article.ProjectBoilerplate;
import org.stancegraph.article.ReadText;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.LoadReport;
import org.stancegraph.load.Loader;
import org.stancegraph.source.Sources;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Article text that looks like SPARQL, Turtle, JSON-LD, XML or HTML stays one literal: loaded, it
 * reads back over SPARQL exactly as the article holds it, adds no triple of its own, and every RDF
 * export parses back to the same literal; the network exports stay well-formed.
 */
class LiteralSafetyTest {

    /** Each fragment must come through verbatim. */
    private static final List<String> HOSTILE = List.of(
            "\"} ; DROP ALL ; <x> <y> <z> .",
            "INSERT DATA { GRAPH <urn:evil> { <urn:a> <urn:b> <urn:c> } }",
            "<script>alert('x')</script>",
            "@prefix ex: <http://example.org/> . ex:a ex:b \"\"\"c\"\"\"@en ;",
            "]]></rdf:RDF><!-- -->",
            "{\"@context\": {\"@vocab\": \"urn:evil:\"}, \"@id\": \"urn:evil\"}",
            "back\\slash \\n \\\" \\u0022 and &amp; &lt;b&gt;",
            "emoji \uD83D\uDE00 and right-to-left \u202Eevil");

    @TempDir
    Path dir;

    @Test
    void articleTextThatLooksLikeCodeStaysLiteralTextInTheStoreAndEveryExport() throws Exception {
        StringBuilder text = new StringBuilder("Hostile text\n\nTurkey condemned Armenia over the shelling.\n\n");
        for (String fragment : HOSTILE) {
            text.append("The statement said ").append(fragment).append(" and ended.\n\n");
        }
        Path file = Files.writeString(dir.resolve("hostile.txt"), text, StandardCharsets.UTF_8);
        List<String> expected = new ArrayList<>();
        Sources.read(file, record -> expected.add(ReadText.withHeadline(Articles.from(record, ProjectBoilerplate.RULES)).text()), problem -> { throw new AssertionError(problem.describe()); });
        String body = expected.get(0);
        HOSTILE.forEach(fragment -> assertTrue(body.contains(fragment), "cleaning kept " + fragment));

        try (Store store = Store.inMemory()) {
            LoadReport report = new Loader(store, Extraction.standard()).load(List.of(file),
                    new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), Loader.Progress.NONE);
            assertEquals(1, report.added(), report.problems().toString());
            assertEquals(List.of(body), bodies(store), "the body reads back exactly");
            assertEquals(0L, (long) store.read(d -> d.stream().filter(q -> List.of(q.getGraph(), q.getSubject(), q.getPredicate(), q.getObject())
                    .stream().anyMatch(n -> n.isURI() && (n.getURI().startsWith("urn:") || n.getURI().startsWith("http://example.org/")))).count()),
                    "no triple came from the text");

            ExportResult result = Exporter.export(store, ExportOptions.of(dir.resolve("out"), EnumSet.allOf(ExportFormat.class)));
            int rdfFiles = 0;
            for (ExportedFile exported : result.files()) {
                ExportFormat format = formatOf(exported);
                if (format.rdfFormat() != null) {
                    Model model;
                    try (InputStream in = Files.newInputStream(exported.path())) {
                        model = Rio.parse(in, "", format.rdfFormat());
                    }
                    List<String> exportedBodies = model.filter(null, org.eclipse.rdf4j.model.util.Values.iri(SG.SCHEMA + "articleBody"), null)
                            .objects().stream().map(v -> ((Literal) v).getLabel()).toList();
                    assertEquals(List.of(body), exportedBodies, exported.fileName());
                    assertTrue(model.filter(org.eclipse.rdf4j.model.util.Values.iri("urn:a"), null, null).isEmpty(), exported.fileName());
                    rdfFiles++;
                } else if (format == ExportFormat.PNG) {
                    assertTrue(javax.imageio.ImageIO.read(exported.path().toFile()) != null, exported.fileName());
                } else if (format == ExportFormat.GRAPHML || format == ExportFormat.SVG) {
                    DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
                    xml.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
                    xml.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
                    xml.newDocumentBuilder().parse(exported.path().toFile());    // throws unless well-formed
                } else {
                    try (Reader in = Files.newBufferedReader(exported.path(), StandardCharsets.UTF_8)) {
                        List<CSVRecord> rows = CSVFormat.RFC4180.parse(in).getRecords();
                        assertTrue(rows.stream().allMatch(row -> row.size() == rows.get(0).size()), exported.fileName());
                    }
                }
            }
            assertEquals(8, rdfFiles, "every RDF syntax was checked");
        }
    }

    /**
     * A JSON line may carry NUL, other C0 controls, a carriage return, lone surrogates and
     * non-characters, which RDF/XML cannot hold; read once, the text is cleaned, and every export
     * of the store parses with Jena's strict parsers (RDF4J's for its binary and NDJSON-LD).
     */
    @Test
    void controlCharactersAndBrokenUnicodeAreCleanedAtReadingAndEveryExportParses() throws Exception {
        String hostile = "Turkey condemned Armenia \\u0000 over \\u0001 the \\u001b[31m shelling\\r\\n of \\ud800 the town "
                + "\\ufffe and \\ufdd0 said \\uffff so.";
        Path file = Files.writeString(dir.resolve("hostile.jsonl"),
                "{\"id\": \"x\\u0007y\", \"title\": \"Bell \\u0007 title\", \"text\": \"" + hostile + "\"}\n", StandardCharsets.UTF_8);
        try (Store store = Store.inMemory()) {
            LoadReport report = new Loader(store, Extraction.standard()).load(List.of(file),
                    new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), Loader.Progress.NONE);
            assertEquals(1, report.added(), report.problems().toString());
            String body = bodies(store).get(0);
            // Controls became spaces (which cleaning then collapses), the rest the replacement character.
            // The headline, cleaned the same way, is the text's first paragraph.
            assertEquals("Bell title\n\nTurkey condemned Armenia over the [31m shelling of \uFFFD the town \uFFFD and \uFFFD said \uFFFD so.", body);

            ExportResult result = Exporter.export(store, ExportOptions.of(dir.resolve("out"), EnumSet.allOf(ExportFormat.class)));
            int parsed = 0;
            for (ExportedFile exported : result.files()) {
                ExportFormat format = formatOf(exported);
                if (format.rdfFormat() == null) {
                    continue;
                }
                org.apache.jena.riot.Lang lang = org.apache.jena.riot.RDFLanguages.filenameToLang(exported.fileName());
                if (lang != null && format != ExportFormat.NDJSONLD) {
                    org.apache.jena.sparql.core.DatasetGraph read = org.apache.jena.sparql.core.DatasetGraphFactory.create();
                    org.apache.jena.riot.RDFParser.source(exported.path()).lang(lang).strict(true)
                            .errorHandler(org.apache.jena.riot.system.ErrorHandlerFactory.errorHandlerStrict).parse(read);
                    assertTrue(read.find(null, null, org.apache.jena.graph.NodeFactory.createURI(SG.SCHEMA + "articleBody"), null).hasNext()
                            || read.getDefaultGraph().contains(null, org.apache.jena.graph.NodeFactory.createURI(SG.SCHEMA + "articleBody"), null),
                            exported.fileName());
                } else {
                    try (InputStream in = Files.newInputStream(exported.path())) {
                        assertTrue(!Rio.parse(in, "", format.rdfFormat()).isEmpty(), exported.fileName());
                    }
                }
                parsed++;
            }
            assertEquals(8, parsed, "every RDF syntax was parsed");
        }
    }

    private static ExportFormat formatOf(ExportedFile file) {
        String name = file.fileName();
        for (ExportFormat format : ExportFormat.values()) {
            if (name.endsWith("." + format.extension())) {
                return format;
            }
        }
        return ExportFormat.CSV;
    }

    private static List<String> bodies(Store store) {
        return store.read(dataset -> {
            List<String> bodies = new ArrayList<>();
            try (QueryExecution exec = QueryExecutionFactory.create(
                    "SELECT ?body WHERE { ?a <" + SG.SCHEMA + "articleBody> ?body }", DatasetFactory.wrap(dataset))) {
                exec.execSelect().forEachRemaining(row -> bodies.add(row.getLiteral("body").getLexicalForm()));
            }
            return bodies;
        });
    }
}
