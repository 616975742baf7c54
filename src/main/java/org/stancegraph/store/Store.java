package org.stancegraph.store;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.jena.dboe.DBOpEnvException;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.DatabaseMgr;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.loader.LoaderFactory;
import org.apache.jena.tdb2.sys.TDBInternal;
import org.apache.jena.util.iterator.ExtendedIterator;
import org.apache.jena.vocabulary.RDF;
import org.stancegraph.graph.ArticleGraph;
import org.stancegraph.vocab.SG;

/**
 * The knowledge graph on disk: a TDB2 database in which every article is its own
 * named graph, the dictionary and the ontology have theirs, and the default graph
 * seen by queries is the union of the named graphs.
 *
 * <p>Every write goes through this package: articles through {@link #replaceArticles} or an
 * {@link ArticleSink}, other graphs through {@link #replaceGraph}, the server's authenticated writes
 * through {@link #servedDataset}. Each write is one transaction, so a reader never sees half an article
 * and a crash leaves a graph either as it was or complete, and the same transaction brings the stance
 * summary ({@link StanceSummary}, the graph {@link SG#SUMMARY_GRAPH}) in step with the graphs it changed.
 * An article graph records the extraction activity that produced it (engine version and knowledge
 * fingerprint, {@code prov:wasGeneratedBy}); an article stored again by another activity replaces it.
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

    /** The TDB2 dataset; writes to it outside this package would leave the stance summary wrong. */
    DatasetGraph dataset() {
        return dataset;
    }

    /**
     * The dataset for the server to serve: queries are answered from the store, and every write transaction
     * of a client (SPARQL Update, Graph Store writes) rebuilds the stance summary before it commits.
     */
    public DatasetGraph servedDataset() {
        return new SummaryKeepingDataset(dataset);
    }

    /** What storing an article did. */
    public enum Outcome {
        /** A new article. */
        ADDED,
        /** The same content, extracted by the same activity, was already stored: nothing changed. */
        UNCHANGED,
        /** Another content of the same article id was stored and was replaced. */
        REPLACED,
        /** The same content was stored as another activity (other knowledge files or engine) extracted it: replaced. */
        REEXTRACTED
    }

    /**
     * What storing an article did, and how many statements the store holds for it afterwards.
     *
     * @param displaced when the article replaced one of its id that came from another source, the two sources; else null
     */
    public record Stored(Outcome outcome, long statements, Displacement displaced) {
        public Stored(Outcome outcome, long statements) {
            this(outcome, statements, null);
        }
    }

    /**
     * An article that replaced a stored one of the same id recorded as read from another source
     * ({@code dcterms:source}): two files that give one id, such as {@code a/001.txt} and {@code b/001.txt}.
     */
    public record Displacement(String articleId, String source, String replacedSource) {}

    /**
     * Stores an article graph under {@code articleIri}. The article's id identifies it across versions:
     * graphs of the same id with another content (another IRI) are dropped; a graph already stored under
     * the same IRI is left as it is when the same activity produced it ({@code prov:wasGeneratedBy} of the
     * article), and replaced otherwise.
     */
    public Stored replaceArticle(String articleIri, String articleId, Graph graph) {
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
    public List<Stored> replaceArticles(List<ArticleGraph> articles) {
        return replaceArticles(articles, false);
    }

    /**
     * Stores several article graphs in one write transaction like {@link #replaceArticles}, except that a graph stored
     * under the same IRI by the same activity is replaced too: for re-extraction that changes what a graph keeps
     * without changing the activity (the mentions in full, or not).
     */
    public List<Stored> rewriteArticles(List<ArticleGraph> articles) {
        return replaceArticles(articles, true);
    }

    private List<Stored> replaceArticles(List<ArticleGraph> articles, boolean evenWhenSameActivity) {
        return Txn.calculateWrite(dataset, () -> {
            List<Stored> outcomes = new ArrayList<>(articles.size());
            StanceSummary.Sums added = new StanceSummary.Sums();
            StanceSummary.Sums removed = new StanceSummary.Sums();
            for (ArticleGraph article : articles) {
                outcomes.add(replaceInTransaction(article, evenWhenSameActivity, added, removed));
            }
            StanceSummary.apply(dataset, added, removed);
            return outcomes;
        });
    }

    /**
     * Where a load writes its articles. Into a store that holds no article and no stance summary yet, with
     * {@code bulkWhenEmpty}, TDB2's bulk loader (everything commits at {@link ArticleSink#finish}); otherwise
     * one transaction per {@link ArticleSink#put}. Either way the outcomes are those of {@link #replaceArticles}.
     *
     * @param batchSize articles per transaction for what a bulk load postpones (later versions of an article)
     */
    public ArticleSink articleSink(boolean bulkWhenEmpty, int batchSize) {
        boolean empty = read(d -> !d.find(Node.ANY, Node.ANY, RDF.Nodes.type, SG.Article.asNode()).hasNext()
                && !d.containsGraph(StanceSummary.GRAPH));
        return bulkWhenEmpty && empty ? new BulkArticleSink(this, batchSize) : new ArticleSink() {
            @Override
            public List<Stored> put(List<ArticleGraph> articles) {
                return replaceArticles(articles);
            }

            @Override
            public List<Stored> finish() {
                return List.of();
            }

            @Override
            public void abandon(Throwable cause) {
                // Each put committed or rolled back on its own: nothing is pending.
            }

            @Override
            public boolean commitsEachPut() {
                return true;
            }
        };
    }

    /**
     * Where {@code build-store} writes the articles of a new database: TDB2's parallel bulk loader, the fastest of
     * its loaders, with the same outcomes as {@link #articleSink}. Refused when the store already holds an article
     * or a stance summary. The parallel loader is not transactional if the process dies: a build that was killed is
     * started again into an empty folder (the shards it reads are still there).
     */
    public ArticleSink newDatabaseSink(int batchSize) {
        boolean empty = read(d -> !d.find(Node.ANY, Node.ANY, RDF.Nodes.type, SG.Article.asNode()).hasNext()
                && !d.containsGraph(StanceSummary.GRAPH));
        if (!empty) {
            throw new IllegalStateException("the database already holds articles; build a store into an empty folder");
        }
        return new BulkArticleSink(this, batchSize, LoaderFactory.parallelLoader(dataset, (format, args) -> { }));
    }

    private Stored replaceInTransaction(ArticleGraph article, boolean evenWhenSameActivity, StanceSummary.Sums added,
                                       StanceSummary.Sums removed) {
        Node name = NodeFactory.createURI(article.iri());
        if (dataset.containsGraph(name)) {
            Graph stored = dataset.getGraph(name);
            if (!evenWhenSameActivity && Objects.equals(activity(stored, name), activity(article.graph(), name))) {
                return new Stored(Outcome.UNCHANGED, statementsIn(stored));
            }
            Optional<String> storedSource = org.stancegraph.graph.ArticleGraph.source(stored, article.iri());
            removed.addGraph(stored);
            dataset.removeGraph(name);
            write(name, article.graph(), added);
            // Re-extraction rebuilds the graph from the stored text alone: the source it was read from stays recorded.
            if (org.stancegraph.graph.ArticleGraph.source(article.graph(), article.iri()).isEmpty()) {
                storedSource.ifPresent(source -> dataset.add(name, name, SG.dctermsSource.asNode(), NodeFactory.createLiteralString(source)));
            }
            return new Stored(Outcome.REEXTRACTED, statementsIn(article.graph()));
        }
        List<Node> older = graphsWithArticleId(article.articleId());
        Displacement displaced = null;
        Optional<String> source = org.stancegraph.graph.ArticleGraph.source(article.graph(), article.iri());
        for (Node old : older) {
            Optional<String> oldSource = org.stancegraph.graph.ArticleGraph.source(dataset.getGraph(old), old.getURI());
            // Only when both sources are known: articles stored before sources were recorded have none to name.
            if (displaced == null && source.isPresent() && oldSource.isPresent() && !source.equals(oldSource)) {
                displaced = new Displacement(article.articleId(), source.get(), oldSource.get());
            }
            removed.addGraph(dataset.getGraph(old));
            dataset.removeGraph(old);
        }
        write(name, article.graph(), added);
        return new Stored(older.isEmpty() ? Outcome.ADDED : Outcome.REPLACED, statementsIn(article.graph()), displaced);
    }

    private void write(Node name, Graph graph, StanceSummary.Sums added) {
        graph.find().forEachRemaining(t -> dataset.add(name, t.getSubject(), t.getPredicate(), t.getObject()));
        added.addGraph(graph);
    }

    /** The extraction activity the article {@code article} of {@code graph} was generated by, or null when none is recorded. */
    private static Node activity(Graph graph, Node article) {
        ExtendedIterator<Triple> found = graph.find(article, SG.provWasGeneratedBy.asNode(), Node.ANY);
        try {
            return found.hasNext() ? found.next().getObject() : null;
        } finally {
            found.close();
        }
    }

    /** The number of statement nodes in {@code graph}. */
    static long statementsIn(Graph graph) {
        ExtendedIterator<Triple> statements = graph.find(Node.ANY, RDF.Nodes.type, SG.Statement.asNode());
        try {
            long count = 0;
            while (statements.hasNext()) {
                statements.next();
                count++;
            }
            return count;
        } finally {
            statements.close();
        }
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
     * {@link #open} for a store written before the summary existed, and by {@code stancegraph check --repair}.
     */
    public void rebuildSummary() {
        Txn.executeWrite(dataset, () -> StanceSummary.rebuild(dataset));
    }

    /** The IRIs of the stance pairs whose summary differs from what the statements give; empty when it is right. */
    public Set<String> summaryPairsOutOfStep() {
        return read(d -> {
            Set<String> pairs = new TreeSet<>();
            StanceSummary.pairsOutOfStep(d).forEach(pair -> pairs.add(pair.toString()));
            return pairs;
        });
    }

    /** How many articles the store holds, and how many of them another activity than {@code current} extracted. */
    public record Provenance(long articles, long extractedOtherwise) {}

    /** Counts the articles that {@code currentActivityIri} did not extract (other knowledge, other engine, or none recorded). */
    public Provenance provenance(String currentActivityIri) {
        Node current = NodeFactory.createURI(currentActivityIri);
        return read(d -> {
            long[] counts = new long[2];
            d.find(Node.ANY, Node.ANY, RDF.Nodes.type, SG.Article.asNode()).forEachRemaining(q -> {
                counts[0]++;
                if (!d.contains(q.getGraph(), q.getSubject(), SG.provWasGeneratedBy.asNode(), current)) {
                    counts[1]++;
                }
            });
            return new Provenance(counts[0], counts[1]);
        });
    }

    /** The IRIs of the article graphs the store holds, in IRI order. */
    public List<String> articleGraphs() {
        return read(d -> {
            Set<String> graphs = new TreeSet<>();
            d.find(Node.ANY, Node.ANY, RDF.Nodes.type, SG.Article.asNode())
                    .forEachRemaining(q -> graphs.add(q.getGraph().getURI()));
            return List.copyOf(graphs);
        });
    }

    /**
     * Compacts the database: TDB2 copies what it holds now into a new generation of its files and deletes the old one,
     * giving back the space of replaced articles and of killed loads (TDB2 never reuses it otherwise). The data is
     * unchanged. Waits for the writers of this process; readers go on.
     */
    public void compact() {
        DatabaseMgr.compact(dataset, true);
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

    /**
     * Closes the store and lets go of the database entirely. After {@link #close} TDB2 keeps a database in a
     * JVM-wide cache, holding its directory's lock (and an in-memory database's memory) until the process ends;
     * a process that hands the directory to another process, or opens it raw, releases it first.
     */
    public void closeAndRelease() {
        close();
        TDBInternal.expel(dataset);
    }
}
