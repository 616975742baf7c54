package org.stancegraph.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.hadoop.conf.Configuration;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.process.normalize.CanonicalizeLiteral;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.vocabulary.RDF;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.bench.Generator;
import org.stancegraph.cli.CommandRun;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.knowledge.ProjectHome;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.LoadReport;
import org.stancegraph.load.Loader;
import org.stancegraph.query.Queries;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * The Spark job extracts what {@code load} stores: on the sample corpus and 2,000 generated articles (with a file
 * holding a malformed record), run once in local mode, its N-Quads shards are the quads of a load of the same files,
 * its statements table holds the rows of queries/positions.rq, and a store built from the shards answers
 * who-supports-whom as the loaded one does.
 */
class SparkExtractionTest {

    private static final Path HOME = Path.of("").toAbsolutePath();

    @TempDir
    static Path dir;

    private static SparkSession spark;
    private static Path jobOutput;
    private static Path loaded;
    private static RunReport report;
    private static LoadReport loadReport;

    @BeforeAll
    static void runJobAndLoad() throws IOException {
        Path generated = dir.resolve("generated");
        Generator.of(ProjectHome.existing("data/actors"), ProjectHome.existing("data/bench/phrasings.tsv"), Generator.DEFAULT_SEED)
                .write(2_000, generated);
        // A record the JSON Lines reader refuses, between two good ones.
        Files.writeString(generated.resolve("mixed.jsonl"), """
                {"id": "ruritania-1", "text": "Ruritania supports Borduria in the talks, the foreign minister said on Monday."}
                {"id": "broken", "text": "no closing quote}
                {"id": "ruritania-2", "text": "Borduria condemned the strikes on the border, its president said."}
                """, StandardCharsets.UTF_8);
        List<Path> inputs = List.of(HOME.resolve("data/articles"), generated);

        spark = SparkSession.builder().master("local[2]").appName("stancegraph-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .getOrCreate();
        jobOutput = dir.resolve("job");
        report = ExtractionJob.run(spark, new ExtractionJob.Arguments(inputs.stream().map(Path::toString).toList(),
                jobOutput.toString(), HOME.toString(), 0));

        loaded = dir.resolve("loaded");
        Extraction extraction = Extraction.standard();
        try (Store store = Store.open(loaded)) {
            Loader loader = new Loader(store, extraction, new Loader.Settings(2, 200, 1000));
            loader.storeKnowledge(Ontology.load());
            loadReport = loader.load(inputs, new PrintStream(new ByteArrayOutputStream()), Loader.Progress.NONE);
        }
        org.stancegraph.StoreOnDisk.read(loaded, d -> null);
    }

    @AfterAll
    static void stopSpark() {
        if (spark != null) {
            spark.stop();
        }
    }

    @Test
    void shardsHoldTheQuadsThatLoadStores() throws IOException {
        Map<String, List<String>> fromShards = new HashMap<>();
        long lines = 0;
        try (Stream<Path> shards = Files.list(jobOutput.resolve("quads"))) {
            for (Path shard : shards.filter(p -> p.getFileName().toString().endsWith(".gz")).sorted().toList()) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(shard)),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        // The graph is the last term: an IRI, which holds no space.
                        String graph = line.substring(line.lastIndexOf(" <") + 2, line.length() - 3);
                        fromShards.computeIfAbsent(graph, g -> new ArrayList<>()).add(canonical(line));
                        lines++;
                    }
                }
            }
        }
        Map<String, String> shardDigests = new HashMap<>();
        fromShards.forEach((graph, quads) -> shardDigests.put(graph, digest(quads)));
        Map<String, String> loadDigests = org.stancegraph.StoreOnDisk.read(loaded, SparkExtractionTest::articleDigests);
        String differing = loadDigests.keySet().stream().filter(g -> !loadDigests.get(g).equals(shardDigests.get(g))).sorted()
                .findFirst().orElse(null);
        if (differing != null) {
            List<String> stored = org.stancegraph.StoreOnDisk.read(loaded, d -> graphLines(d, differing));
            List<String> written = fromShards.getOrDefault(differing, List.of());
            List<String> onlyStored = new ArrayList<>(stored);
            onlyStored.removeAll(written);
            List<String> onlyWritten = new ArrayList<>(written);
            onlyWritten.removeAll(stored);
            assertEquals(onlyStored, onlyWritten, "the quads of " + differing + " that differ (first of the graphs that differ)");
        }
        fromShards.clear();
        assertEquals(loadReport.added(), report.articles(), "articles extracted by the job and stored by the load");
        assertEquals(loadDigests.size(), shardDigests.size(), "article graphs in the shards and in the load");
        assertEquals(loadDigests, shardDigests, "each article graph's sorted N-Quads lines, by SHA-256");
        assertEquals(report.quads(), lines, "the report counts the quads written");
        assertTrue(lines > 2_000 * 100, "the articles have their quads: " + lines);
    }

    @Test
    void statementsTableHoldsTheRowsOfThePositionsQuery() throws IOException {
        Query positions = Queries.parse(Queries.resolve("positions", HOME));
        List<String> fromStore = org.stancegraph.StoreOnDisk.read(loaded, d -> {
            List<String> rows = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(d).query(positions).build()) {
                RowSet solutions = exec.select();
                List<String> vars = solutions.getResultVars().stream().map(v -> v.getVarName()).toList();
                solutions.forEachRemaining(binding -> rows.add(String.join("\t", vars.stream().map(v -> {
                    Node n = binding.get(v);
                    return n == null ? "-" : n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI();
                }).toList())));
            }
            return rows;
        });
        List<String> columns = List.of("article", "actor", "actor_wikidata", "class", "stance", "cameo", "target", "target_wikidata",
                "speaker", "quote", "sentence", "date", "confidence", "rule", "statement");
        List<String> fromParquet = parquetRows(jobOutput.resolve("statements"), columns);
        fromStore.sort(null);
        fromParquet.sort(null);
        assertTrue(fromStore.size() > 1_000, "the corpus gives statements: " + fromStore.size());
        List<String> onlyInStore = new ArrayList<>(fromStore);
        onlyInStore.removeAll(fromParquet);
        List<String> onlyInParquet = new ArrayList<>(fromParquet);
        onlyInParquet.removeAll(fromStore);
        assertEquals(List.of(), onlyInStore.subList(0, Math.min(5, onlyInStore.size())),
                "rows of the positions query missing from the table; rows only in the table: "
                        + onlyInParquet.subList(0, Math.min(5, onlyInParquet.size())));
        assertEquals(fromStore, fromParquet);
    }

    @Test
    void aMalformedRecordIsReportedAndTheRestOfItsFileRead() throws IOException {
        JsonNode written = new ObjectMapper().readTree(jobOutput.resolve("report.json").toFile());
        List<JsonNode> skipped = new ArrayList<>();
        written.get("skipped").forEach(skipped::add);
        assertEquals(1, skipped.size(), "one record skipped: " + skipped);
        assertTrue(skipped.get(0).get("file").asText().endsWith("mixed.jsonl"), skipped.toString());
        assertEquals(2, skipped.get(0).get("line").asLong(), skipped.toString());
        assertEquals(loadReport.problems().get(0).message(), skipped.get(0).get("message").asText(), "the message load prints");
        List<String> ids = parquetRows(jobOutput.resolve("articles"), List.of("article"));
        assertTrue(ids.contains("ruritania-1") && ids.contains("ruritania-2"), "the good records of the file are read");
        assertFalse(ids.contains("broken"));
        assertEquals(report.articles(), ids.size());
        assertEquals(written.get("articles").asLong(), report.articles());
        long perTask = 0;
        for (JsonNode task : written.get("tasks")) {
            perTask += task.get("articles").asLong();
        }
        assertEquals(report.articles(), perTask, "the tasks' articles add up");
    }

    @Test
    void aStoreBuiltFromTheShardsAnswersWhoSupportsWhomAsALoadedOne() {
        Path built = dir.resolve("built");
        CommandRun run = CommandRun.of("build-store", "--from", jobOutput.resolve("quads").toString(), "--db", built.toString());
        assertEquals(0, run.exitCode(), run.err());
        org.stancegraph.StoreOnDisk.read(built, d -> null);
        String fromBuilt = whoSupportsWhom(built);
        String fromLoad = whoSupportsWhom(loaded);
        assertTrue(fromLoad.lines().count() > 20, fromLoad);
        assertEquals(fromLoad, fromBuilt);
        assertEquals(org.stancegraph.StoreOnDisk.articleGraphs(loaded), org.stancegraph.StoreOnDisk.articleGraphs(built));
        assertEquals(org.stancegraph.StoreOnDisk.read(loaded, SparkExtractionTest::otherGraphs),
                org.stancegraph.StoreOnDisk.read(built, SparkExtractionTest::otherGraphs), "dictionary, ontology and summary");
    }

    @Test
    void pairsTableCountsAsTheStanceSummary() throws IOException {
        List<String> fromParquet = parquetRows(jobOutput.resolve("pairs"),
                List.of("actor_iri", "target_iri", "supporting", "opposing", "dated", "articles", "first_date", "last_date"));
        List<String> fromStore = org.stancegraph.StoreOnDisk.read(loaded, d -> {
            List<String> rows = new ArrayList<>();
            Node summary = org.apache.jena.graph.NodeFactory.createURI(SG.SUMMARY_GRAPH);
            d.find(summary, Node.ANY, RDF.Nodes.type, SG.StancePair.asNode()).forEachRemaining(q -> {
                List<String> row = new ArrayList<>();
                for (Node p : List.of(SG.pairActor.asNode(), SG.pairTarget.asNode(), SG.supportingStatements.asNode(),
                        SG.opposingStatements.asNode(), SG.datedStatements.asNode(), SG.articleCount.asNode(),
                        SG.firstDate.asNode(), SG.lastDate.asNode())) {
                    var found = d.find(summary, q.getSubject(), p, Node.ANY);
                    row.add(found.hasNext() ? lexical(found.next().getObject()) : "-");
                }
                rows.add(String.join("\t", row));
            });
            return rows;
        });
        fromParquet.sort(null);
        fromStore.sort(null);
        assertTrue(fromStore.size() > 20, "pairs: " + fromStore.size());
        assertEquals(fromStore, fromParquet);
    }

    private static String whoSupportsWhom(Path db) {
        Store store = Store.open(db);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Queries.run(store, Queries.parse(Queries.resolve("who-supports-whom", HOME)), Queries.Format.TSV, out);
            return out.toString(StandardCharsets.UTF_8);
        } finally {
            store.closeAndRelease();
        }
    }

    /** The SHA-256 of each article graph's sorted N-Quads lines, by graph: the whole corpus's quads do not fit the test's heap as text. */
    private static Map<String, String> articleDigests(DatasetGraph d) {
        Map<String, String> digests = new HashMap<>();
        d.find(Node.ANY, Node.ANY, RDF.Nodes.type, SG.Article.asNode()).forEachRemaining(a -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            RDFDataMgr.writeQuads(out, d.find(a.getGraph(), Node.ANY, Node.ANY, Node.ANY));
            digests.put(a.getGraph().getURI(), digest(new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList())));
        });
        return digests;
    }

    /**
     * The N-Quads line with its object in canonical lexical form. TDB2 keeps decimals, integers and dates as values,
     * so the store gives a confidence written "0.90" back as "0.9": the same RDF term by value, not by lexical form.
     */
    private static String canonical(String line) {
        return TRAILING_ZEROS.matcher(line).replaceAll("\"$1\"^^<http://www.w3.org/2001/XMLSchema#decimal>");
    }

    /** A decimal's trailing zeros after the first fraction digit: Jena's canonical form drops them. */
    private static final java.util.regex.Pattern TRAILING_ZEROS = java.util.regex.Pattern.compile(
            "\"([0-9]+\\.[0-9]*[1-9]|[0-9]+\\.[0-9])0+\"\\^\\^<http://www\\.w3\\.org/2001/XMLSchema#decimal>");

    private static List<String> graphLines(DatasetGraph d, String graph) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.writeQuads(out, d.find(org.apache.jena.graph.NodeFactory.createURI(graph), Node.ANY, Node.ANY, Node.ANY));
        List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        lines.sort(null);
        return lines;
    }

    private static String digest(List<String> lines) {
        lines.sort(null);
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The quads of the graphs that are not articles (dictionary, ontology, summary), as sorted text. */
    private static List<String> otherGraphs(DatasetGraph d) {
        List<String> quads = new ArrayList<>();
        for (String g : List.of(SG.DICTIONARY_GRAPH, SG.ONTOLOGY_GRAPH, SG.SUMMARY_GRAPH)) {
            d.find(org.apache.jena.graph.NodeFactory.createURI(g), Node.ANY, Node.ANY, Node.ANY)
                    .forEachRemaining(q -> quads.add(q.toString()));
        }
        quads.sort(null);
        return quads;
    }

    private static String lexical(Node n) {
        return n.isLiteral() ? n.getLiteralLexicalForm() : n.getURI();
    }

    /** The rows of a Parquet table folder, read with Parquet's own reader, the {@code columns} joined by tabs ("-" for null). */
    private static List<String> parquetRows(Path table, List<String> columns) throws IOException {
        List<String> rows = new ArrayList<>();
        List<Path> parts;
        try (Stream<Path> files = Files.list(table)) {
            parts = files.filter(p -> p.getFileName().toString().endsWith(".parquet")).sorted().toList();
        }
        for (Path part : parts) {
            try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(),
                    new org.apache.hadoop.fs.Path(part.toUri())).withConf(new Configuration()).build()) {
                for (Group g = reader.read(); g != null; g = reader.read()) {
                    Group row = g;
                    rows.add(String.join("\t", columns.stream().map(c -> value(row, c)).toList()));
                }
            }
        }
        return rows;
    }

    private static String value(Group row, String column) {
        GroupType type = row.getType();
        if (row.getFieldRepetitionCount(column) == 0) {
            return "-";
        }
        LogicalTypeAnnotation logical = type.getType(column).getLogicalTypeAnnotation();
        if (logical instanceof LogicalTypeAnnotation.DateLogicalTypeAnnotation) {
            return LocalDate.ofEpochDay(row.getInteger(column, 0)).toString();
        }
        if (logical instanceof LogicalTypeAnnotation.DecimalLogicalTypeAnnotation decimal) {
            // in the canonical form that the store gives back (see canonical)
            String lexical = BigDecimal.valueOf(row.getInteger(column, 0), decimal.getScale()).toPlainString();
            return CanonicalizeLiteral.get().apply(org.apache.jena.graph.NodeFactory.createLiteralDT(lexical,
                    org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal)).getLiteralLexicalForm();
        }
        return switch (type.getType(column).asPrimitiveType().getPrimitiveTypeName()) {
            case INT64 -> Long.toString(row.getLong(column, 0));
            case INT32 -> Integer.toString(row.getInteger(column, 0));
            default -> row.getString(column, 0);
        };
    }

}
