package org.stancegraph.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.exec.QueryExec;
import org.apache.jena.sparql.exec.QueryExecBuilder;
import org.apache.jena.sparql.exec.RowSet;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stancegraph.knowledge.ProjectHome;
import org.stancegraph.stance.StanceClass;
import org.stancegraph.vocab.SG;

/**
 * The who-supports-whom network: edges from {@code queries/network-edges.rq}, the
 * actors' statement counts from {@code queries/network-nodes.rq}, and each actor's
 * label, type and Wikidata id from the dictionary. Rows are sorted by IRI.
 */
record Network(List<Actor> nodes, List<Edge> edges) {

    static final String EDGES_QUERY = "queries/network-edges.rq";
    static final String NODES_QUERY = "queries/network-nodes.rq";

    /** The actor types a node can have, most specific first (a MilitaryAlliance is also an InternationalOrganisation). */
    private static final List<org.apache.jena.rdf.model.Resource> TYPES = List.of(SG.Person, SG.OrganisationBody,
            SG.MilitaryAlliance, SG.InternationalOrganisation, SG.ArmedGroup, SG.DeFactoState, SG.State);

    /** One directed edge: {@code source} takes a stance of {@code stanceClass} towards {@code target}. */
    record Edge(String source, String target, String stanceClass, long statements, long articles,
                String firstDate, String lastDate) {
        /** Alliances are mutual, so their edges are undirected. */
        boolean undirected() {
            return stanceClass.equals(StanceClass.ALLY.key());
        }
    }

    /** One actor of the network; label, type and wikidata are "" when the dictionary lacks them. */
    record Actor(String id, String label, String type, String wikidata, long statementsAsActor, long statementsAsTarget) {}

    /** Computes the network; must run inside a read transaction. */
    static Network compute(DatasetGraph dataset, ExportOptions options) {
        Map<String, long[]> counts = new TreeMap<>();
        List<Edge> edges = new ArrayList<>();
        run(dataset, EDGES_QUERY, options, row -> edges.add(new Edge(
                row.get("source").getURI(), row.get("target").getURI(), localName(row.get("class").getURI()),
                number(row, "statements"), number(row, "articles"), lexical(row, "firstDate"), lexical(row, "lastDate"))));
        run(dataset, NODES_QUERY, options, row -> counts.put(row.get("node").getURI(),
                new long[] {number(row, "statementsAsActor"), number(row, "statementsAsTarget")}));
        edges.sort(Comparator.comparing(Edge::source).thenComparing(Edge::target).thenComparing(Edge::stanceClass));
        List<Actor> nodes = new ArrayList<>();
        counts.forEach((iri, c) -> nodes.add(actor(dataset, iri, c[0], c[1])));
        return new Network(List.copyOf(nodes), List.copyOf(edges));
    }

    /** The nodes by id. */
    Map<String, Actor> nodesById() {
        Map<String, Actor> byId = new TreeMap<>();
        nodes.forEach(n -> byId.put(n.id(), n));
        return byId;
    }

    /** Runs the SELECT query in {@code queryFile} with the options' date range as ?from and ?to; inside a read transaction. */
    static void run(DatasetGraph dataset, String queryFile, ExportOptions options,
                    java.util.function.Consumer<Binding> rows) {
        Path path = ProjectHome.resolve(queryFile);
        String text;
        try {
            text = Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the query " + path + " (set STANCEGRAPH_HOME to the project root)", e);
        }
        QueryExecBuilder builder;
        try {
            builder = QueryExec.dataset(dataset).query(text);
        } catch (QueryParseException e) {
            throw new IllegalStateException(path + ":" + e.getLine() + ":" + e.getColumn() + ": " + e.getMessage(), e);
        }
        if (options.from() != null) {
            builder = builder.substitution(Var.alloc("from"), date(options.from()));
        }
        if (options.to() != null) {
            builder = builder.substitution(Var.alloc("to"), date(options.to()));
        }
        try (QueryExec exec = builder.build()) {
            RowSet result = exec.select();
            result.forEachRemaining(rows);
        }
    }

    private static Actor actor(DatasetGraph dataset, String iri, long asActor, long asTarget) {
        Node subject = NodeFactory.createURI(iri);
        Node dictionary = NodeFactory.createURI(SG.DICTIONARY_GRAPH);
        String label = "";
        String fallbackLabel = "";
        for (Node l : objects(dataset, dictionary, subject, RDFS.Nodes.label)) {
            if (!l.isLiteral()) {
                continue;
            }
            String lexical = l.getLiteralLexicalForm();
            if (l.getLiteralLanguage().toLowerCase(java.util.Locale.ROOT).startsWith("en")) {
                label = label.isEmpty() || lexical.compareTo(label) < 0 ? lexical : label;
            } else {
                fallbackLabel = fallbackLabel.isEmpty() || lexical.compareTo(fallbackLabel) < 0 ? lexical : fallbackLabel;
            }
        }
        List<Node> types = objects(dataset, dictionary, subject, RDF.Nodes.type);
        String type = TYPES.stream().filter(t -> types.contains(t.asNode())).map(t -> t.getLocalName()).findFirst().orElse("");
        String wikidata = objects(dataset, dictionary, subject, SG.wikidataId.asNode()).stream()
                .filter(Node::isLiteral).map(Node::getLiteralLexicalForm).sorted().findFirst().orElse("");
        return new Actor(iri, label.isEmpty() ? fallbackLabel : label, type, wikidata, asActor, asTarget);
    }

    private static List<Node> objects(DatasetGraph dataset, Node graph, Node subject, Node predicate) {
        List<Node> objects = new ArrayList<>();
        dataset.find(graph, subject, predicate, Node.ANY).forEachRemaining(q -> objects.add(q.getObject()));
        return objects;
    }

    private static Node date(LocalDate date) {
        return NodeFactory.createLiteralDT(date.toString(), XSDDatatype.XSDdate);
    }

    private static long number(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? 0 : Long.parseLong(n.getLiteralLexicalForm());
    }

    private static String lexical(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? "" : n.getLiteralLexicalForm();
    }

    private static String localName(String iri) {
        return iri.startsWith(SG.STANCE_NS) ? iri.substring(SG.STANCE_NS.length()) : iri;
    }
}
