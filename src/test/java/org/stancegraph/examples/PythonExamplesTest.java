package org.stancegraph.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.cli.CommandRun;
import org.stancegraph.query.Queries;
import org.stancegraph.server.ServerOptions;
import org.stancegraph.server.SparqlServer;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * The Python examples of {@code examples/python/} run as the README says, with Debian's Python and its packages,
 * on the sample corpus loaded and exported by the command line: the DataFrame holds what Jena answers to the same
 * query, the chart is a PNG, and rdflib counts in the Turtle export what the store holds.
 */
class PythonExamplesTest {
    /** Debian's interpreter, which has the python3-* packages; another python3 first on PATH may lack them. */
    static final Path PYTHON = Path.of("/usr/bin/python3");
    static final List<String> MODULES = List.of("SPARQLWrapper", "pandas", "matplotlib", "rdflib");
    private static final Path EXAMPLES = Path.of("examples", "python");
    private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    @TempDir
    static Path work;

    private static Store store;
    private static SparqlServer.Running server;
    private static Path export;

    @BeforeAll
    static void loadExportAndServe() throws Exception {
        requirePythonAndModules();
        Path db = work.resolve("db");
        CommandRun load = CommandRun.of("load", "--db", db.toString(), "--progress", "none", "data/articles");
        assertEquals(0, load.exitCode(), load.err());
        Path out = work.resolve("export");
        CommandRun exported = CommandRun.of("export", "--db", db.toString(), "--out", out.toString(), "--format", "ttl");
        assertEquals(0, exported.exitCode(), exported.err());
        export = out.resolve("stancegraph.ttl");
        store = Store.open(db);
        server = SparqlServer.start(store, ServerOptions.defaults().withPort(0).withFusekiBase(work.resolve("fuseki")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    @Test
    void whoSupportsWhomGivesJenasRowsAndDrawsAPng() throws Exception {
        Path png = work.resolve("who-supports-whom.png");
        Run run = python("who_supports_whom.py", server.sparqlEndpoint().toString(), png.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(png), "no chart written: " + run.err());
        byte[] start = Arrays.copyOf(Files.readAllBytes(png), PNG_SIGNATURE.length);
        assertArrayEquals(PNG_SIGNATURE, start, "the chart is a PNG");

        ByteArrayOutputStream jena = new ByteArrayOutputStream();
        Queries.run(store, Queries.parse(Queries.resolve("who-supports-whom", Queries.home())), Queries.Format.CSV, jena);
        List<List<String>> expected = csv(jena.toString(StandardCharsets.UTF_8));
        List<List<String>> printed = csv(run.out());
        assertTrue(expected.size() > 2, "the sample corpus has pairs: " + expected);
        assertEquals(expected, printed, "the DataFrame's rows, header first, are Jena's");
    }

    @Test
    void rdflibCountsTheExportsStatementsPerStanceClass() throws Exception {
        Run run = python("load_turtle_export.py", export.toString());

        assertEquals(0, run.exitCode(), run.err());
        List<List<String>> printed = csv(run.out());
        assertEquals(List.of("class", "statements"), printed.get(0));
        Map<String, Long> counted = new LinkedHashMap<>();
        for (List<String> row : printed.subList(1, printed.size())) {
            counted.put(row.get(0), Long.parseLong(row.get(1)));
        }
        assertEquals(statementsPerClassInTheStore(), counted);
        List<Long> counts = new ArrayList<>(counted.values());
        for (int i = 1; i < counts.size(); i++) {
            assertTrue(counts.get(i - 1) >= counts.get(i), "most frequent first: " + counted);
        }
    }

    /** Statements per stance class (the local name of its IRI), as Jena counts them in the store's named graphs. */
    private static Map<String, Long> statementsPerClassInTheStore() {
        String query = "PREFIX sg: <" + SG.NS + "> SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g {"
                + " ?s a sg:Statement ; sg:stanceClass ?c } } GROUP BY ?c";
        return store.read(dataset -> {
            Map<String, Long> counts = new TreeMap<>();
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                exec.select().forEachRemaining(row -> counts.put(row.get("c").getURI().substring(SG.STANCE_NS.length()),
                        Long.parseLong(row.get("n").getLiteralLexicalForm())));
            }
            assertFalse(counts.isEmpty(), "the sample corpus has statements");
            return counts;
        });
    }

    private static List<List<String>> csv(String text) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord record : CSVFormat.RFC4180.parse(new StringReader(text))) {
            rows.add(record.toList());
        }
        return rows;
    }

    private record Run(int exitCode, String out, String err) {}

    /** Runs an example from the project root, as the README does; matplotlib keeps its cache in the work area. */
    private static Run python(String script, String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(PYTHON.toString(), EXAMPLES.resolve(script).toString()));
        command.addAll(List.of(arguments));
        Path out = Files.createTempFile(work, script, ".out");
        Path err = Files.createTempFile(work, script, ".err");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().put("MPLCONFIGDIR", Files.createDirectories(work.resolve("matplotlib")).toString());
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            fail(script + " did not finish; it printed: " + Files.readString(err));
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /**
     * Fails, naming what is missing and how to get it, when CI runs (the env var CI is set, as CI services
     * and .ci/run set it); elsewhere the examples' tests are skipped with the same message.
     */
    private static void requirePythonAndModules() throws IOException, InterruptedException {
        String missing = null;
        if (!Files.isExecutable(PYTHON)) {
            missing = "no " + PYTHON;
        } else {
            Process check = new ProcessBuilder(PYTHON.toString(), "-c", "import " + String.join(", ", MODULES))
                    .redirectErrorStream(true).start();
            String said = new String(check.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (check.waitFor() != 0) {
                missing = PYTHON + " cannot import " + String.join(", ", MODULES) + ": " + said;
            }
        }
        if (missing == null) {
            return;
        }
        String message = missing + ". Run .ci/run, or apt-get install python3-sparqlwrapper python3-pandas"
                + " python3-matplotlib python3-rdflib, to run the Python examples' tests";
        String ci = System.getenv("CI");
        if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
            fail(message + " (CI is set, so this fails rather than skips)");
        }
        Assumptions.abort(message + " (skipped because the env var CI is not set; with CI=true this fails)");
    }
}
