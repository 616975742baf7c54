package org.stancegraph.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.ErrorHandler;
import org.apache.jena.sparql.graph.GraphFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The ontology and the stance scheme as one graph, read from the Turtle files in the
 * project's {@code ontology/} folder (every {@code *.ttl} except the SHACL shapes, which
 * describe data rather than being part of it).
 */
public final class Ontology {
    private Ontology() {}

    private static final Logger LOG = LoggerFactory.getLogger(Ontology.class);

    /** The SHACL shapes file inside the ontology folder. */
    public static final String SHAPES_FILE_NAME = "shapes.ttl";

    /** The {@code ontology/} folder of the project. */
    public static Path directory() {
        return ProjectHome.resolve("ontology");
    }

    /** The SHACL shapes of the project, {@code ontology/shapes.ttl}. */
    public static Path shapesFile() {
        return directory().resolve(SHAPES_FILE_NAME);
    }

    /** Loads the project's ontology and stance scheme. */
    public static Graph load() {
        return load(directory());
    }

    /** Loads every {@code *.ttl} of {@code folder} except the shapes, in file-name order. */
    public static Graph load(Path folder) {
        List<Path> files = ontologyFiles(folder);
        if (files.isEmpty()) {
            throw new RdfFileException(folder + ": no ontology files (*.ttl) found");
        }
        Graph graph = GraphFactory.createDefaultGraph();
        files.forEach(file -> readTurtle(file, graph));
        return graph;
    }

    /** The files {@link #load(Path)} reads, sorted by name. */
    public static List<Path> ontologyFiles(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new RdfFileException(folder + ": ontology folder not found (set " + ProjectHome.ENV + " to the project root)");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries
                    .filter(p -> p.getFileName().toString().endsWith(".ttl"))
                    .filter(p -> !p.getFileName().toString().equals(SHAPES_FILE_NAME))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(folder + ": " + e.getMessage(), e);
        }
    }

    /** Parses one Turtle file into a new graph; a syntax error names the file, line and column. */
    public static Graph readTurtle(Path file) {
        Graph graph = GraphFactory.createDefaultGraph();
        readTurtle(file, graph);
        return graph;
    }

    private static void readTurtle(Path file, Graph into) {
        if (!Files.isRegularFile(file)) {
            throw new RdfFileException(file + ": file not found");
        }
        RDFParser.source(file).lang(Lang.TURTLE).errorHandler(failingOn(file)).parse(into);
    }

    /** Turns parser errors into one-line exceptions that say where the problem is. */
    private static ErrorHandler failingOn(Path file) {
        return new ErrorHandler() {
            @Override
            public void warning(String message, long line, long col) {
                LOG.warn("{}: {}", place(file, line, col), message);
            }

            @Override
            public void error(String message, long line, long col) {
                throw new RdfFileException(place(file, line, col) + ": " + message);
            }

            @Override
            public void fatal(String message, long line, long col) {
                throw new RdfFileException(place(file, line, col) + ": " + message);
            }
        };
    }

    private static String place(Path file, long line, long col) {
        return line < 0 ? file.toString() : file + ":" + line + ":" + col;
    }
}
