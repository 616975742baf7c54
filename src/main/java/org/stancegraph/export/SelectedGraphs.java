package org.stancegraph.export;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.vocabulary.RDF;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.rio.helpers.NTriplesUtil;
import org.stancegraph.vocab.SG;

/**
 * The named graphs an export covers, in sorted IRI order, and their content as
 * statements sorted by subject, predicate and object in N-Triples form. Only graph names
 * and article dates are held for the whole store; the triples are read one graph at a
 * time (article graphs are small, the dictionary a few thousand triples).
 *
 * <p>Must be used inside a read transaction on the dataset.
 */
final class SelectedGraphs {

    /** What a named graph holds. */
    enum Kind { ONTOLOGY, DICTIONARY, ARTICLE, SUMMARY, OTHER }

    /** One named graph; {@code issued} is the article's date (null when none or not an article). */
    record Graph(String name, Kind kind, LocalDate issued) {}

    private final DatasetGraph dataset;
    private final GraphSelection selection;
    private final List<Graph> rdfGraphs;
    private final List<Graph> articlesInRange;

    private SelectedGraphs(DatasetGraph dataset, GraphSelection selection, List<Graph> rdfGraphs, List<Graph> articlesInRange) {
        this.dataset = dataset;
        this.selection = selection;
        this.rdfGraphs = rdfGraphs;
        this.articlesInRange = articlesInRange;
    }

    static SelectedGraphs select(DatasetGraph dataset, ExportOptions options) {
        List<String> names = new ArrayList<>();
        dataset.listGraphNodes().forEachRemaining(n -> {
            if (n.isURI()) {
                names.add(n.getURI());
            }
        });
        names.sort(Comparator.naturalOrder());
        List<Graph> rdfGraphs = new ArrayList<>();
        List<Graph> articles = new ArrayList<>();
        for (String name : names) {
            Kind kind = kindOf(name);
            LocalDate issued = kind == Kind.ARTICLE ? issued(dataset, name) : null;
            Graph graph = new Graph(name, kind, issued);
            if (kind == Kind.ARTICLE) {
                if (!options.inDateRange(issued)) {
                    continue;
                }
                articles.add(graph);
            }
            // The summary sums every article of the store: with a date range it would not match the articles exported.
            if (kind == Kind.SUMMARY && options.hasDateRange()) {
                continue;
            }
            if (selected(options.graphs(), kind)) {
                rdfGraphs.add(graph);
            }
        }
        return new SelectedGraphs(dataset, options.graphs(), List.copyOf(rdfGraphs), List.copyOf(articles));
    }

    /** The graphs whose triples the RDF files hold, in sorted IRI order. */
    List<Graph> rdfGraphs() {
        return rdfGraphs;
    }

    /** The article graphs in the date range, whatever the graph selection (the network uses them). */
    List<Graph> articlesInRange() {
        return articlesInRange;
    }

    /** The latest issue date among the articles in range. */
    Optional<LocalDate> latestIssued() {
        return articlesInRange.stream().map(Graph::issued).filter(d -> d != null).max(Comparator.naturalOrder());
    }

    /** The exported statements of {@code graph}, in the graph as context, sorted. */
    List<Statement> sortedStatements(Graph graph) {
        Node name = NodeFactory.createURI(graph.name());
        List<Triple> triples = new ArrayList<>();
        dataset.find(name, Node.ANY, Node.ANY, Node.ANY).forEachRemaining((Quad q) -> triples.add(q.asTriple()));
        if (selection == GraphSelection.STATEMENTS) {
            Set<Node> statementNodes = new HashSet<>();
            for (Triple t : triples) {
                if (t.getPredicate().equals(RDF.Nodes.type) && t.getObject().equals(SG.Statement.asNode())) {
                    statementNodes.add(t.getSubject());
                }
            }
            triples.removeIf(t -> !statementNodes.contains(t.getSubject()));
        }
        JenaToRdf4j mapper = new JenaToRdf4j(CanonicalBlankNodes.labels(graph.name(), triples));
        org.eclipse.rdf4j.model.IRI context = JenaToRdf4j.iri(graph.name());
        List<SortKey> keyed = new ArrayList<>(triples.size());
        for (Triple t : triples) {
            keyed.add(SortKey.of(mapper.statement(t, context)));
        }
        keyed.sort(SortKey.ORDER);
        return keyed.stream().map(SortKey::statement).toList();
    }

    private record SortKey(Statement statement, String subject, String predicate, String object) {
        static final Comparator<SortKey> ORDER = Comparator.comparing(SortKey::subject)
                .thenComparing(SortKey::predicate).thenComparing(SortKey::object);

        static SortKey of(Statement s) {
            return new SortKey(s, NTriplesUtil.toNTriplesString(s.getSubject()),
                    NTriplesUtil.toNTriplesString(s.getPredicate()), NTriplesUtil.toNTriplesString(s.getObject()));
        }
    }

    static Kind kindOf(String graphName) {
        if (graphName.equals(SG.ONTOLOGY_GRAPH)) {
            return Kind.ONTOLOGY;
        }
        if (graphName.equals(SG.DICTIONARY_GRAPH)) {
            return Kind.DICTIONARY;
        }
        if (graphName.equals(SG.SUMMARY_GRAPH)) {
            return Kind.SUMMARY;
        }
        return graphName.startsWith(SG.ARTICLE_NS) ? Kind.ARTICLE : Kind.OTHER;
    }

    private static boolean selected(GraphSelection selection, Kind kind) {
        return switch (selection) {
            case ALL -> true;
            case STATEMENTS, ARTICLES -> kind == Kind.ARTICLE;
            case ACTORS -> kind == Kind.DICTIONARY;
            case ONTOLOGY -> kind == Kind.ONTOLOGY;
        };
    }

    /** The article's dcterms:issued as a date (a dateTime counts by its date part); null when absent or unreadable. */
    private static LocalDate issued(DatasetGraph dataset, String articleIri) {
        Node name = NodeFactory.createURI(articleIri);
        var found = dataset.find(name, name, SG.dctermsIssued.asNode(), Node.ANY);
        LocalDate earliest = null;
        while (found.hasNext()) {
            Node value = found.next().getObject();
            if (!value.isLiteral() || value.getLiteralLexicalForm().length() < 10) {
                continue;
            }
            try {
                LocalDate date = LocalDate.parse(value.getLiteralLexicalForm().substring(0, 10));
                earliest = earliest == null || date.isBefore(earliest) ? date : earliest;
            } catch (DateTimeParseException e) {
                // Not a date: the article counts as undated, like one without dcterms:issued.
            }
        }
        return earliest;
    }
}
