package org.stancegraph.query;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.RDFFormat;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFOps;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.stancegraph.store.Store;

/**
 * Named, file and inline SPARQL queries run against a {@link Store}.
 *
 * <p>A query argument is resolved in this order: a bare name (letters, digits, '-', '_')
 * is {@code queries/NAME.rq} under the project home; a path ending in {@code .rq} or
 * {@code .sparql} is read from disk; anything else is the query text itself.
 */
public final class Queries {
    private Queries() {}

    /** Folder of named queries, under the project home. */
    public static final String QUERY_DIR = "queries";
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]*");

    /** How SELECT and ASK results are written; graph results are always Turtle. */
    public enum Format { TABLE, CSV, TSV, JSON }

    /** Query text and where it came from (for messages). */
    public record Source(String origin, String text) {}

    /** A named query and the first comment line of its file. */
    public record Named(String name, String description) {}

    /** The project home: env STANCEGRAPH_HOME when set, else the working directory. */
    public static Path home() {
        return org.stancegraph.knowledge.ProjectHome.home();
    }

    /**
     * Finds the query that {@code argument} stands for.
     *
     * @throws IllegalArgumentException naming what was looked for, when a name or file does not exist
     */
    public static Source resolve(String argument, Path home) {
        String trimmed = argument.strip();
        if (NAME.matcher(trimmed).matches()) {
            Path named = home.resolve(QUERY_DIR).resolve(trimmed + ".rq");
            if (!Files.isRegularFile(named)) {
                throw new IllegalArgumentException("no query named '" + trimmed + "' (no file " + named
                        + "); see 'stancegraph query --list'");
            }
            return new Source(named.toString(), read(named));
        }
        String lower = trimmed.toLowerCase(Locale.ROOT);
        if (!trimmed.contains("\n") && (lower.endsWith(".rq") || lower.endsWith(".sparql"))) {
            Path file = Path.of(trimmed);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("no query file " + file.toAbsolutePath());
            }
            return new Source(file.toString(), read(file));
        }
        return new Source("inline query", argument);
    }

    /**
     * Parses the query.
     *
     * @throws QueryParseException with Jena's message, which names line and column
     */
    public static Query parse(Source source) {
        return QueryFactory.create(source.text(), Syntax.syntaxARQ);
    }

    /**
     * Rows a sort, a DISTINCT or a GROUP BY keeps in memory before it spills to temporary files.
     * Without a bound, ORDER BY over a whole large store (positions at 100k articles: 900,000 rows
     * with their sentences) runs the JVM out of memory; with it, memory stays bounded and only such
     * queries pay for the disk.
     */
    public static final long SPILL_AFTER_ROWS = 50_000;

    /** Runs {@code query} in a read transaction and writes its results to {@code out}. */
    public static void run(Store store, Query query, Format format, OutputStream out) {
        run(store, query, Map.of(), format, out);
    }

    /**
     * Runs {@code query} with each variable named in {@code parameters} replaced by its value
     * (as {@code export} gives network-edges.rq its dates), and writes the results to {@code out}.
     */
    public static void run(Store store, Query query, Map<String, Node> parameters, Format format, OutputStream out) {
        store.read(dataset -> {
            var builder = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(query)
                    .set(ARQ.spillToDiskThreshold, SPILL_AFTER_ROWS);
            parameters.forEach((name, value) -> builder.substitution(name, ModelFactory.createDefaultModel().asRDFNode(value)));
            try (QueryExecution execution = builder.build()) {
                if (query.isSelectType()) {
                    writeSelect(execution.execSelect(), query, format, out);
                } else if (query.isAskType()) {
                    writeAsk(execution.execAsk(), format, out);
                } else if (query.isConstructType()) {
                    writeTurtle(execution.execConstructTriples(), query, out);
                } else if (query.isDescribeType()) {
                    writeTurtle(execution.execDescribeTriples(), query, out);
                } else {
                    throw new IllegalArgumentException("unsupported query form: " + query.queryType());
                }
            }
            return null;
        });
    }

    private static void writeSelect(ResultSet results, Query query, Format format, OutputStream out) {
        switch (format) {
            // The table needs every row to size its columns; the other formats stream.
            case TABLE -> ResultSetFormatter.out(out, results, query);
            case CSV -> ResultSetFormatter.outputAsCSV(out, results);
            case TSV -> ResultSetFormatter.outputAsTSV(out, results);
            case JSON -> ResultSetFormatter.outputAsJSON(out, results);
        }
    }

    private static void writeAsk(boolean answer, Format format, OutputStream out) {
        switch (format) {
            case TABLE -> ResultSetFormatter.out(out, answer);
            case CSV -> ResultSetFormatter.outputAsCSV(out, answer);
            case TSV -> ResultSetFormatter.outputAsTSV(out, answer);
            case JSON -> ResultSetFormatter.outputAsJSON(out, answer);
        }
    }

    /** Streams the triples as Turtle, using the query's prefixes. */
    private static void writeTurtle(Iterator<Triple> triples, Query query, OutputStream out) {
        StreamRDF writer = StreamRDFWriter.getWriterStream(out, RDFFormat.TURTLE_BLOCKS);
        writer.start();
        StreamRDFOps.sendPrefixesToStream(query.getPrefixMapping(), writer);
        triples.forEachRemaining(writer::triple);
        writer.finish();
    }

    /** A parameter as given on the command line: {@code NAME=VALUE}. */
    public record Parameter(String name, Node value) {}

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    /**
     * Reads {@code NAME=VALUE}: a value {@code yyyy-mm-dd} is an xsd:date, {@code <...>} an IRI,
     * anything else a plain string (an actor's label or Wikidata id, say).
     *
     * @throws IllegalArgumentException naming the text, when it has no '=' or the name is not a SPARQL variable name
     */
    public static Parameter parameter(String assignment) {
        int equals = assignment.indexOf('=');
        String name = equals < 0 ? "" : assignment.substring(0, equals).strip().replaceFirst("^[?$]", "");
        if (!VARIABLE.matcher(name).matches()) {
            throw new IllegalArgumentException("parameter '" + assignment + "' is not NAME=VALUE (NAME: letters, digits, '_')");
        }
        String value = assignment.substring(equals + 1);
        Node node;
        if (ISO_DATE.matcher(value).matches()) {
            node = NodeFactory.createLiteralDT(value, XSDDatatype.XSDdate);
        } else if (value.startsWith("<") && value.endsWith(">") && value.length() > 2) {
            node = NodeFactory.createURI(value.substring(1, value.length() - 1));
        } else {
            node = NodeFactory.createLiteralString(value);
        }
        return new Parameter(name, node);
    }

    /** True when the query text uses the variable {@code ?name} (or {@code $name}): a parameter that it does not is a typo. */
    public static boolean usesVariable(Source source, String name) {
        return Pattern.compile("[?$]" + Pattern.quote(name) + "(?![A-Za-z0-9_])").matcher(source.text()).find();
    }

    /** The named queries under {@code home}, sorted by name. */
    public static List<Named> list(Path home) {
        Path dir = home.resolve(QUERY_DIR);
        List<Named> named = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return named;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.rq")) {
            for (Path file : files) {
                String fileName = file.getFileName().toString();
                named.add(new Named(fileName.substring(0, fileName.length() - 3), description(file)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        named.sort(Comparator.comparing(Named::name));
        return named;
    }

    /** The first comment line, without its '#'; empty when the file does not start with one. */
    private static String description(Path file) {
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                String text = line.strip();
                if (text.startsWith("#")) {
                    return text.replaceFirst("^#+\\s*", "");
                }
                if (!text.isEmpty()) {
                    return "";
                }
            }
            return "";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
