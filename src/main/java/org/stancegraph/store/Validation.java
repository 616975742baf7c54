package org.stancegraph.store;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.compose.Union;
import org.apache.jena.shacl.ShaclValidator;
import org.apache.jena.shacl.Shapes;
import org.apache.jena.shacl.ValidationReport;
import org.apache.jena.shacl.parser.ShaclParseException;
import org.apache.jena.shacl.validation.ReportEntry;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Prologue;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.path.PathWriter;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDF;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.knowledge.RdfFileException;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.Namespaces;
import org.stancegraph.vocab.SG;

/**
 * Checks data against the project's SHACL shapes. The data is validated together with
 * the ontology so that {@code sh:class} sees the class hierarchy (a {@code sg:State} is a
 * {@code sg:Actor}) and a statement's stance can be checked against the stance scheme.
 */
public final class Validation {

    /** Prefixes for printing nodes and paths in violation lines. */
    private static final PrefixMapping PREFIXES = Namespaces.DATA_PREFIXES;

    private final Shapes shapes;
    private final Graph ontology;

    private Validation(Shapes shapes, Graph ontology) {
        this.shapes = shapes;
        this.ontology = ontology;
    }

    /** The project's shapes ({@code ontology/shapes.ttl}) and ontology. */
    public static Validation standard() {
        return withShapes(Ontology.shapesFile(), Ontology.load());
    }

    /** Shapes read from {@code shapesFile}; {@code ontology} is added to every data graph checked. */
    public static Validation withShapes(Path shapesFile, Graph ontology) {
        Graph shapesGraph = Ontology.readTurtle(shapesFile);
        try {
            return new Validation(Shapes.parse(shapesGraph), ontology);
        } catch (ShaclParseException e) {
            throw new RdfFileException(shapesFile + ": not valid SHACL: " + e.getMessage());
        }
    }

    /** Validates one graph (with the ontology added); violations carry no graph name. */
    public Report validate(Graph data) {
        return report(ShaclValidator.get().validate(shapes, withOntology(data)), focus -> Optional.empty());
    }

    /** Validates the union of all graphs of {@code store}, naming the graph each violation lives in. */
    public Report validate(Store store) {
        return store.read(dataset -> report(
                ShaclValidator.get().validate(shapes, withOntology(dataset.getUnionGraph())),
                focus -> graphOf(dataset, focus)));
    }

    private Graph withOntology(Graph data) {
        // Union drops the ontology's triples that the data already holds (a store that
        // has the ontology graph loaded), so nothing is seen twice.
        return new Union(data, ontology);
    }

    private static Report report(ValidationReport shaclReport, Function<Node, Optional<Node>> graphOf) {
        List<Violation> violations = shaclReport.getEntries().stream()
                .map(entry -> violation(entry, graphOf.apply(entry.focusNode()).orElse(null)))
                .sorted(Violation.ORDER)
                .toList();
        return new Report(violations);
    }

    private static Violation violation(ReportEntry entry, Node graph) {
        String path = entry.resultPath() == null ? null : PathWriter.asString(entry.resultPath(), new Prologue(PREFIXES));
        String severity = entry.severity().level().getLocalName();
        return new Violation(entry.focusNode(), path, entry.message(), severity, entry.value(), graph);
    }

    /**
     * The named graph that describes {@code focus}: one where it has a type (the graph
     * that made it an instance of a shape's target), else any where it is a subject. When
     * several do, the first by name, so that output is repeatable.
     */
    private static Optional<Node> graphOf(DatasetGraph dataset, Node focus) {
        Optional<Node> typed = firstGraph(dataset.find(Node.ANY, focus, RDF.type.asNode(), Node.ANY));
        return typed.isPresent() ? typed : firstGraph(dataset.find(Node.ANY, focus, Node.ANY, Node.ANY));
    }

    private static Optional<Node> firstGraph(Iterator<Quad> quads) {
        Node first = null;
        while (quads.hasNext()) {
            Node graph = quads.next().getGraph();
            if (Quad.isDefaultGraph(graph)) {
                continue;
            }
            if (first == null || graph.getURI().compareTo(first.getURI()) < 0) {
                first = graph;
            }
        }
        return Optional.ofNullable(first);
    }

    /** One SHACL result: what is wrong, where, and (when validating a store) in which graph. */
    public record Violation(Node focusNode, String path, String message, String severity, Node value, Node graph) {

        static final Comparator<Violation> ORDER = Comparator
                .comparing((Violation v) -> v.graph == null ? "" : v.graph.toString())
                .thenComparing(v -> v.focusNode.toString())
                .thenComparing(v -> Objects.toString(v.path, ""))
                .thenComparing(v -> Objects.toString(v.message, ""))
                .thenComparing(v -> Objects.toString(v.value, ""));

        /** One line for people: severity, focus node, path, message, offending value and graph, prefixed where possible. */
        public String line() {
            PrefixMapping prefixes = PREFIXES;
            StringBuilder line = new StringBuilder()
                    .append(severity).append(' ')
                    .append(FmtUtils.stringForNode(focusNode, prefixes));
            if (path != null) {
                line.append(' ').append(path);
            }
            line.append(": ").append(message);
            if (value != null && !value.equals(focusNode)) {
                line.append(" (value ").append(FmtUtils.stringForNode(value, prefixes)).append(')');
            }
            if (graph != null) {
                // in full, ready to paste into a GRAPH clause
                line.append(" [graph ").append(FmtUtils.stringForNode(graph)).append(']');
            }
            return line.toString();
        }
    }

    /** All results of one validation, in a stable order. */
    public record Report(List<Violation> violations) {

        /** True when the data meets every shape (SHACL's definition: no results of any severity). */
        public boolean conforms() {
            return violations.isEmpty();
        }

        public long count(String severity) {
            return violations.stream().filter(v -> v.severity().equals(severity)).count();
        }

        /** Number of distinct focus nodes with at least one result. */
        public long focusNodes() {
            return violations.stream().map(Violation::focusNode).distinct().count();
        }
    }
}
