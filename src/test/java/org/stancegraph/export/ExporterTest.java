package org.stancegraph.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.core.Quad;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ExporterTest {
    private static final Set<ExportFormat> ALL = EnumSet.allOf(ExportFormat.class);
    private static final String DCAT = "http://www.w3.org/ns/dcat#";
    private static final String SPDX = "http://spdx.org/rdf/terms#";

    private static Store store;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        store = ExportFixture.store(false);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void quadFormatsRoundTripThroughJenaGraphByGraph() throws IOException {
        ExportResult result = Exporter.export(store, ExportOptions.of(dir, ALL));
        DatasetGraph expected = storeCopy();
        for (ExportFormat format : List.of(ExportFormat.NQ, ExportFormat.TRIG, ExportFormat.JSONLD)) {
            ExportedFile file = file(result, format);
            DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
            RDFParser.source(file.path()).lang(jenaLang(format)).parse(parsed);
            assertEquals(quadCount(expected), quadCount(parsed), format + ": quads read back");
            assertEquals(quadCount(expected), file.count(), format + ": quads reported");
            expected.listGraphNodes().forEachRemaining(g -> assertTrue(
                    expected.getGraph(g).isIsomorphicWith(parsed.getGraph(g)), format + ": graph " + g + " differs"));
        }
    }

    @Test
    void tripleFormatsFlattenQuadsAndRoundTripThroughJena() throws IOException {
        ExportResult result = Exporter.export(store, ExportOptions.of(dir, ALL));
        DatasetGraph expected = storeCopy();
        Graph union = expected.getUnionGraph();
        for (ExportFormat format : List.of(ExportFormat.NT, ExportFormat.TTL, ExportFormat.RDFXML)) {
            ExportedFile file = file(result, format);
            Graph parsed = RDFParser.source(file.path()).lang(jenaLang(format)).toGraph();
            assertTrue(union.isIsomorphicWith(parsed), format + ": differs from the union of the graphs");
            // A triple held by two graphs (armenia memberOf csto) is written once per graph.
            assertEquals(quadCount(expected), file.count(), format + ": one triple per quad");
            assertTrue(union.size() < file.count(), "the fixture has a triple in two graphs");
            assertTrue(file.description().contains("flattened"), format + ": description says quads were flattened");
        }
        long lines = Files.readAllLines(file(result, ExportFormat.NT).path()).stream().filter(l -> !l.isBlank()).count();
        assertEquals(quadCount(expected), lines);
    }

    @Test
    void rioOnlyFormatsReadBackWithRioMatchJenaCounts() throws IOException {
        ExportResult result = Exporter.export(store, ExportOptions.of(dir, ALL));
        DatasetGraph fromNQuads = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(fromNQuads, file(result, ExportFormat.NQ).path().toString(), Lang.NQUADS);
        long jenaQuads = quadCount(fromNQuads);
        for (ExportFormat format : List.of(ExportFormat.NDJSONLD, ExportFormat.BRF)) {
            try (InputStream in = Files.newInputStream(file(result, format).path())) {
                var model = Rio.parse(in, "", format.rdfFormat());
                assertEquals(jenaQuads, model.size(), format + ": statements read back by Rio");
                assertEquals(expectedGraphCount(), model.contexts().size(), format + ": named graphs kept");
            }
        }
    }

    @Test
    void sameStoreGivesByteIdenticalFilesAndSoDoesAnotherLoadOrder() throws IOException {
        ExportOptions options = ExportOptions.of(dir.resolve("one"), ALL).withGzip(true);
        Map<String, String> first = checksums(Exporter.export(store, options));
        Map<String, String> second = checksums(Exporter.export(store, options.withOutputDirectory(dir.resolve("two"))));
        assertEquals(first, second);
        assertEquals(ALL.size() + 1 /* two csv files */ + 1 /* timeline csv and svg */ + 1 /* description */, first.size());
        try (Store reloaded = ExportFixture.store(true)) {
            Map<String, String> other = checksums(Exporter.export(reloaded, options.withOutputDirectory(dir.resolve("three"))));
            assertEquals(first, other);
        }
    }

    @Test
    void gzipFilesHaveAFixedHeaderAndTheSameContent() throws IOException {
        ExportResult plain = Exporter.export(store, ExportOptions.of(dir.resolve("plain"), Set.of(ExportFormat.NT)));
        ExportResult zipped = Exporter.export(store, ExportOptions.of(dir.resolve("gz"), Set.of(ExportFormat.NT)).withGzip(true));
        Path gz = file(zipped, ExportFormat.NT).path();
        assertTrue(gz.toString().endsWith(".nt.gz"));
        byte[] bytes = Files.readAllBytes(gz);
        assertEquals(0x1f, bytes[0] & 0xff);
        assertEquals(0x8b, bytes[1] & 0xff);
        assertEquals(0, bytes[3], "no FNAME/FCOMMENT/FEXTRA flags");
        for (int i = 4; i < 8; i++) {
            assertEquals(0, bytes[i], "mtime byte " + i);
        }
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            assertEquals(new String(Files.readAllBytes(file(plain, ExportFormat.NT).path()), StandardCharsets.UTF_8),
                    new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void descriptionParsesAndItsChecksumsMatchTheFiles() throws IOException {
        ExportResult result = Exporter.export(store, ExportOptions.of(dir, ALL).withGzip(true));
        Model description = ModelFactory.createDefaultModel();
        RDFParser.source(result.description()).lang(Lang.TURTLE).parse(description);
        Resource dataset = description.listSubjectsWithProperty(org.apache.jena.vocabulary.RDF.type,
                description.createResource(DCAT + "Dataset")).toList().get(0);
        List<RDFNode> distributions = description.listObjectsOfProperty(dataset, description.createProperty(DCAT + "distribution")).toList();
        assertEquals(result.files().size(), distributions.size());
        for (RDFNode node : distributions) {
            Resource distribution = node.asResource();
            String url = distribution.getPropertyResourceValue(description.createProperty(DCAT + "downloadURL")).getURI();
            Path file = Path.of(java.net.URI.create(url));
            assertEquals(result.description().getParent().toRealPath(), file.getParent().toRealPath(), "relative download URL");
            Resource checksum = distribution.getPropertyResourceValue(description.createProperty(SPDX + "checksum"));
            assertEquals(SPDX + "checksumAlgorithm_sha256",
                    checksum.getPropertyResourceValue(description.createProperty(SPDX + "algorithm")).getURI());
            assertEquals(sha256(file), checksum.getProperty(description.createProperty(SPDX + "checksumValue")).getString());
            assertEquals(Files.size(file), distribution.getProperty(description.createProperty(DCAT + "byteSize")).getLong());
        }
        // The one date is the latest article date, not the clock.
        assertEquals("2020-10-05", dataset.getProperty(description.createProperty(SG.DCTERMS + "created")).getString());
        assertEquals(3, dataset.getProperty(description.createProperty("http://rdfs.org/ns/void#documents")).getInt());
        assertEquals(3, description.listObjectsOfProperty(dataset, description.createProperty(SG.DCTERMS + "source")).toList().size());
        long voidTriples = dataset.getProperty(description.createProperty("http://rdfs.org/ns/void#triples")).getLong();
        assertEquals(quadCount(storeCopy()), voidTriples);
    }

    @Test
    void csvEdgesCarryTheStatementAndArticleCounts() throws IOException {
        ExportResult result = Exporter.export(store, ExportOptions.of(dir, Set.of(ExportFormat.CSV)));
        Map<String, CSVRecord> edges = edges(result);
        CSVRecord support = edges.get("turkey>azerbaijan:support");
        assertEquals("2", support.get("statements"));
        assertEquals("2", support.get("articles"));
        assertEquals("2020-09-28", support.get("first_date"));
        assertEquals("2020-10-05", support.get("last_date"));
        assertEquals("Q43", support.get("source_wikidata"));
        assertEquals("Azerbaijan", support.get("target_label"));
        assertEquals("2", edges.get("turkey>armenia:oppose").get("statements"));
        assertEquals("1", edges.get("turkey>france:oppose").get("statements"));
        assertEquals("", edges.get("russia>armenia:support").get("first_date"), "undated article, no date");
        assertEquals(Set.of("turkey>azerbaijan:support", "turkey>armenia:oppose", "turkey>france:oppose",
                "russia>armenia:ally", "russia>armenia:support", "armenia>csto:member", "azerbaijan>armenia:deny"),
                edges.keySet(), "appeal statements make no edge");

        Map<String, CSVRecord> nodes = records(path(result, "stancegraph-nodes.csv")).stream()
                .collect(Collectors.toMap(r -> r.get("id").substring(SG.ACTOR_NS.length()), r -> r));
        // Turkey makes four statements; one of them has two targets, so the edges sum to five.
        assertEquals("4", nodes.get("turkey").get("statements_as_actor"));
        assertEquals("0", nodes.get("france").get("statements_as_actor"));
        assertEquals("1", nodes.get("france").get("statements_as_target"));
        assertEquals("MilitaryAlliance", nodes.get("csto").get("type"));
        assertEquals(Set.of("turkey", "azerbaijan", "armenia", "russia", "france", "csto"), nodes.keySet());
    }

    @Test
    void graphmlHasTheNodesAndEdges() throws Exception {
        ExportResult result = Exporter.export(store, ExportOptions.of(dir, Set.of(ExportFormat.GRAPHML)));
        var factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document doc = factory.newDocumentBuilder().parse(path(result, "stancegraph.graphml").toFile());
        NodeList nodes = doc.getElementsByTagNameNS(NetworkGraphmlFile.GRAPHML_NS, "node");
        NodeList edges = doc.getElementsByTagNameNS(NetworkGraphmlFile.GRAPHML_NS, "edge");
        assertEquals(6, nodes.getLength());
        assertEquals(7, edges.getLength());
        Map<String, Element> byKey = new HashMap<>();
        for (int i = 0; i < edges.getLength(); i++) {
            Element e = (Element) edges.item(i);
            byKey.put(e.getAttribute("source") + ">" + e.getAttribute("target") + ":" + data(e, "class"), e);
        }
        Element ally = byKey.get("sga:russia>sga:armenia:ally");
        assertEquals("false", ally.getAttribute("directed"));
        Element support = byKey.get("sga:turkey>sga:azerbaijan:support");
        assertEquals("", support.getAttribute("directed"), "edges are directed by default");
        assertEquals("2", data(support, "weight"));
        assertEquals("2", data(support, "articles"));
        Element turkey = null;
        for (int i = 0; i < nodes.getLength(); i++) {
            Element n = (Element) nodes.item(i);
            if (n.getAttribute("id").equals("sga:turkey")) {
                turkey = n;
            }
        }
        assertEquals("Turkey", data(turkey, "label"));
        assertEquals("State", data(turkey, "type"));
        assertEquals("Q43", data(turkey, "wikidata"));
    }

    @Test
    void dateRangeLeavesOutArticlesOutsideItAndUndatedOnes() throws IOException {
        ExportOptions options = ExportOptions.of(dir, Set.of(ExportFormat.NQ, ExportFormat.CSV))
                .withDateRange(LocalDate.parse("2020-09-01"), LocalDate.parse("2020-09-30"));
        ExportResult result = Exporter.export(store, options);
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(parsed, file(result, ExportFormat.NQ).path().toString(), Lang.NQUADS);
        assertTrue(parsed.containsGraph(NodeFactory.createURI(ExportFixture.A)));
        assertFalse(parsed.containsGraph(NodeFactory.createURI(ExportFixture.B)), "issued after the range");
        assertFalse(parsed.containsGraph(NodeFactory.createURI(ExportFixture.C)), "no date");
        assertTrue(parsed.containsGraph(NodeFactory.createURI(SG.DICTIONARY_GRAPH)));
        assertEquals(1, result.articles());
        Map<String, CSVRecord> edges = edges(result);
        assertEquals("1", edges.get("turkey>azerbaijan:support").get("statements"));
        assertFalse(edges.containsKey("turkey>france:oppose"), "from article B");
        assertFalse(edges.containsKey("russia>armenia:support"), "from undated article C");
        assertTrue(edges.containsKey("armenia>csto:member"));
    }

    @Test
    void statementSelectionHoldsOnlyStatementNodes() throws IOException {
        ExportResult result = Exporter.export(store, ExportOptions.of(dir, Set.of(ExportFormat.NQ)).withGraphs(GraphSelection.STATEMENTS));
        DatasetGraph parsed = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(parsed, file(result, ExportFormat.NQ).path().toString(), Lang.NQUADS);
        Set<Node> statements = parsed.getUnionGraph().find(Node.ANY, org.apache.jena.vocabulary.RDF.Nodes.type, SG.Statement.asNode())
                .mapWith(t -> t.getSubject()).toSet();
        assertEquals(9, statements.size());
        parsed.find().forEachRemaining(q -> assertTrue(statements.contains(q.getSubject()), "not a statement triple: " + q));
        assertFalse(parsed.containsGraph(NodeFactory.createURI(SG.DICTIONARY_GRAPH)));
        assertEquals(3, parsed.size());
    }

    // ---- helpers

    private static DatasetGraph storeCopy() {
        return store.read(d -> {
            DatasetGraph copy = DatasetGraphFactory.createTxnMem();
            d.find().forEachRemaining(q -> {
                if (!q.isDefaultGraph()) {
                    copy.add(q);
                }
            });
            return copy;
        });
    }

    private static long expectedGraphCount() {
        return store.read(d -> { long[] n = {0}; d.listGraphNodes().forEachRemaining(g -> n[0]++); return n[0]; });
    }

    private static long quadCount(DatasetGraph d) {
        long[] n = {0};
        d.find(Node.ANY, Node.ANY, Node.ANY, Node.ANY).forEachRemaining((Quad q) -> {
            if (!q.isDefaultGraph()) {
                n[0]++;
            }
        });
        return n[0];
    }

    private static Lang jenaLang(ExportFormat format) {
        return switch (format) {
            case NT -> Lang.NTRIPLES;
            case NQ -> Lang.NQUADS;
            case TTL -> Lang.TURTLE;
            case TRIG -> Lang.TRIG;
            case JSONLD -> Lang.JSONLD;
            case RDFXML -> Lang.RDFXML;
            default -> throw new IllegalArgumentException(format + " has no Jena reader");
        };
    }

    private static ExportedFile file(ExportResult result, ExportFormat format) {
        String suffix = "." + format.extension();
        return result.files().stream().filter(f -> f.fileName().endsWith(suffix) || f.fileName().endsWith(suffix + ".gz"))
                .findFirst().orElseThrow(() -> new AssertionError("no file for " + format));
    }

    private static Path path(ExportResult result, String name) {
        return result.files().stream().map(ExportedFile::path).filter(p -> p.getFileName().toString().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no file " + name));
    }

    private static Map<String, CSVRecord> edges(ExportResult result) throws IOException {
        return records(path(result, "stancegraph-edges.csv")).stream().collect(Collectors.toMap(
                r -> local(r.get("source")) + ">" + local(r.get("target")) + ":" + r.get("class"), r -> r));
    }

    private static String local(String actorIri) {
        return actorIri.substring(SG.ACTOR_NS.length());
    }

    private static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.builder().setReader(reader)
                     .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        }
    }

    private static String data(Element element, String key) {
        NodeList data = element.getElementsByTagNameNS(NetworkGraphmlFile.GRAPHML_NS, "data");
        for (int i = 0; i < data.getLength(); i++) {
            Element d = (Element) data.item(i);
            if (d.getAttribute("key").equals(key)) {
                return d.getTextContent();
            }
        }
        return null;
    }

    private static Map<String, String> checksums(ExportResult result) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.list(result.description().getParent())) {
            for (Path p : files.toList()) {
                sums.put(p.getFileName().toString(), sha256(p));
            }
        }
        return sums;
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
