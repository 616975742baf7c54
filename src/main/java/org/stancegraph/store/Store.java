package org.stancegraph.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.stancegraph.rdf.SG;

/**
 * The knowledge graph on disk: a TDB2 database in which every article is its own
 * named graph, the dictionary and the ontology have theirs, and the default graph
 * seen by queries is the union of the named graphs.
 *
 * <p>All writes go through {@link #replaceArticle} and {@link #replaceGraph}, each in one
 * write transaction, so a reader never sees half an article and a crash leaves the
 * graph either as it was or complete. The same transaction brings the stance summary
 * ({@link StanceSummary}, the graph {@link SG#SUMMARY_GRAPH}) in step with the graphs it changed.
 */
public final class Store implements AutoCloseable {

    /** Default location of the database, relative to the working directory. */
    public static final Path DEFAULT_LOCATION = Path.of("run", "db");

    private final DatasetGraph dataset;

    private Store(DatasetGraph dataset) {
        this.dataset = dataset;
        dataset.getContext().set(TDB2.symUnionDefaultGraph, true);
    }

    /**
     * Opens (creating if needed) the TDB2 database in {@code directory}.
     *
     * @throws InUseException when another process (a running server, another load) holds the database
     */
    public static Store open(Path directory) {
        try {
            Store store = new Store(DatabaseMgr.connectDatasetGraph(directory.toString()));
            if (store.read(StanceSummary::missing)) {
                store.rebuildSummary();
            }
            return store;
        } catch (DBOpEnvException e) {
            // TDB2 locks a database directory for one process; its message names the holder's PID.
            if (e.getMessage() != null && e.getMessage().contains("lock")) {
                throw new InUseException(directory, e);
            }
            throw e;
        }
    }

    /**
     * The database is held by another process. TDB2 allows one process per database directory, so a
     * load cannot write into the database of a running {@code serve}: stop the server, load, and
     * serve again, or use {@code start}, which loads and serves in one process over one store.
     */
    public static final class InUseException extends IllegalStateException {
        InUseException(Path directory, DBOpEnvException cause) {
            super("database " + directory.toAbsolutePath().normalize() + " is in use by another process ("
                    + cause.getMessage().replaceFirst("^.*held by ", "held by ")
                    + "), such as a running 'stancegraph serve'; stop that process first, then try again", cause);
        }
    }

    /** An in-memory TDB2 database, for tests and scratch work such as evaluation. */
    public static Store inMemory() {
        return new Store(DatabaseMgr.createDatasetGraph());
    }

    /** The underlying dataset, for queries and for the server. Its default graph is the union of named graphs. */
    public DatasetGraph dataset() {
        return dataset;
    }

    /** What {@link #replaceArticle} did. */
    public enum Outcome { ADDED, UNCHANGED, REPLACED }

    /**
     * Stores an article graph under {@code articleIri}. The article's id identifies it
     * across versions: graphs of the same id with another content (another IRI) are
     * dropped, and a graph that is already stored under the same IRI is left as it is.
     */
    public Outcome replaceArticle(String articleIri, String articleId, Graph graph) {
        return replaceArticles(List.of(new ArticleGraph(articleIri, articleId, graph))).get(0);
    }

    /** One article's graph with the names {@link #replaceArticle} needs. */
    public record ArticleGraph(String iri, String articleId, Graph graph) {}

    /**
     * Stores several article graphs in one write transaction, in order, each as
     * {@link #replaceArticle} would: the outcomes are those of calling it once per article.
     * One commit for many articles is what makes large loads fast; each article is still
     * either wholly in the store or not at all.
     */
    public List<Outcome> replaceArticles(List<ArticleGraph> articles) {
        return Txn.calculateWrite(dataset, () -> {
            List<Outcome> outcomes = new ArrayList<>(articles.size());
            StanceSummary.Sums added = new StanceSummary.Sums();
            StanceSummary.Sums removed = new StanceSummary.Sums();
            for (ArticleGraph article : articles) {
                outcomes.add(replaceInTransaction(article, added, removed));
            }
            StanceSummary.apply(dataset, added, removed);
            return outcomes;
        });
    }

    private Outcome replaceInTransaction(ArticleGraph article, StanceSummary.Sums added, StanceSummary.Sums removed) {
        Node name = NodeFactory.createURI(article.iri());
        if (dataset.containsGraph(name)) {
            return Outcome.UNCHANGED;
        }
        List<Node> older = graphsWithArticleId(article.articleId());
        for (Node old : older) {
            removed.addGraph(dataset.getGraph(old));
            dataset.removeGraph(old);
        }
        article.graph().find().forEach(t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
        added.addGraph(article.graph());
        return older.isEmpty() ? Outcome.ADDED : Outcome.REPLACED;
    }

    /**
     * Replaces a whole named graph (the dictionary, the ontology) with {@code graph}. Statements in it
     * count in the stance summary like those of articles; the summary graph itself is written by the store only.
     */
    public void replaceGraph(String graphIri, Graph graph) {
        if (graphIri.equals(SG.SUMMARY_GRAPH)) {
            throw new IllegalArgumentException("the stance summary graph " + graphIri + " is derived and kept by the store; it cannot be replaced");
        }
        Txn.executeWrite(dataset, () -> {
            Node name = NodeFactory.createURI(graphIri);
            StanceSummary.Sums removed = new StanceSummary.Sums();
            removed.addGraph(dataset.getGraph(name));
            dataset.deleteAny(name, Node.ANY, Node.ANY, Node.ANY);
            graph.find().forEach(t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
            StanceSummary.Sums added = new StanceSummary.Sums();
            added.addGraph(graph);
            if (!added.isEmpty() || !removed.isEmpty()) {
                StanceSummary.apply(dataset, added, removed);
            }
        });
    }

    /**
     * Recomputes the stance summary from every statement in the store, in one write transaction. Done on
     * {@link #open} for a store written before the summary existed; needed by hand only after the store was
     * changed around this class (SPARQL Update through an authenticated server endpoint).
     */
    public void rebuildSummary() {
        Txn.executeWrite(dataset, () -> StanceSummary.rebuild(dataset));
    }

    /** Runs {@code action} in a read transaction and returns its result. */
    public <T> T read(Function<DatasetGraph, T> action) {
        return Txn.calculateRead(dataset, () -> action.apply(dataset));
    }

    /** True when a graph of that name is stored. */
    public boolean containsGraph(String graphIri) {
        return read(d -> d.containsGraph(NodeFactory.createURI(graphIri)));
    }

    private List<Node> graphsWithArticleId(String articleId) {
        Node idLiteral = NodeFactory.createLiteralString(articleId);
        Node predicate = SG.articleId.asNode();
        List<Node> graphs = new ArrayList<>();
        dataset.find(Node.ANY, Node.ANY, predicate, idLiteral).forEachRemaining((Quad q) -> {
            if (!q.isDefaultGraph() && !graphs.contains(q.getGraph())) {
                graphs.add(q.getGraph());
            }
        });
        return graphs;
    }

    @Override
    public void close() {
        if (dataset.isInTransaction()) {
            dataset.end();
        }
        dataset.close();
    }
}
