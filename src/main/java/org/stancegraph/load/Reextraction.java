package org.stancegraph.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.stancegraph.article.Article;
import org.stancegraph.graph.ArticleGraph;
import org.stancegraph.vocab.SG;
import org.stancegraph.store.Store;

/**
 * Re-derives the stored articles with the current knowledge files from what the store keeps of each one
 * (its text, {@code schema:articleBody}, and its metadata), without the files they were loaded from. An
 * article already extracted by the current activity (same engine version, same knowledge fingerprint) is
 * left as it is: extraction is deterministic, so doing it again would give the same graph.
 *
 * <p>Works in batches: the batch's articles are read in one read transaction, extracted on {@code workers}
 * threads, and stored in one write transaction, which also brings the stance summary in step. A run killed
 * midway leaves every article either as it was or re-extracted, never half of each; running it again
 * finishes the work. Memory holds one batch.
 */
public final class Reextraction {

    /** What a run did: articles in the store, how many were re-extracted and how many were already current; statements held by all of them after the run. */
    public record Report(int articles, int reextracted, int alreadyCurrent, long statements) {}

    private final Store store;
    private final Extraction extraction;
    private final Loader.Settings settings;

    public Reextraction(Store store, Extraction extraction, Loader.Settings settings) {
        this.store = store;
        this.extraction = extraction;
        this.settings = settings;
    }

    /** Re-extracts every stored article that another activity produced; prints a line per committed batch to {@code progress}, unless null. */
    public Report run(PrintStream progress) {
        List<String> graphs = store.articleGraphs();
        Node current = NodeFactory.createURI(extraction.activity().iri());
        int reextracted = 0;
        int alreadyCurrent = 0;
        long statements = 0;
        ExecutorService workers = Executors.newFixedThreadPool(settings.workers(), runnable -> {
            Thread thread = new Thread(runnable, "stancegraph-reextract");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int from = 0; from < graphs.size(); from += settings.batchSize()) {
                List<String> batch = graphs.subList(from, Math.min(graphs.size(), from + settings.batchSize()));
                Batch read = store.read(d -> {
                    Batch b = new Batch();
                    for (String iri : batch) {
                        Node graph = NodeFactory.createURI(iri);
                        if (d.contains(graph, graph, SG.provWasGeneratedBy.asNode(), current)) {
                            b.current++;
                            b.currentStatements += count(d.find(graph, Node.ANY, RDF.Nodes.type, SG.Statement.asNode()));
                        } else {
                            b.stale.add(ArticleGraph.article(iri, d.getGraph(graph)));
                        }
                    }
                    return b;
                });
                List<Article> stale = read.stale;
                alreadyCurrent += read.current;
                statements += read.currentStatements;
                for (Store.Stored stored : store.replaceArticles(extract(stale, workers))) {
                    statements += stored.statements();
                }
                reextracted += stale.size();
                if (progress != null) {
                    progress.printf("re-extracted %d articles in one transaction (%d of %d articles done: %d re-extracted, %d already current)%n",
                            stale.size(), from + batch.size(), graphs.size(), reextracted, alreadyCurrent);
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return new Report(graphs.size(), reextracted, alreadyCurrent, statements);
    }

    private List<Store.ArticleGraph> extract(List<Article> articles, ExecutorService workers) {
        List<Future<Extraction.Result>> pending = new ArrayList<>(articles.size());
        for (Article article : articles) {
            pending.add(workers.submit(() -> extraction.of(article)));
        }
        List<Store.ArticleGraph> graphs = new ArrayList<>(articles.size());
        try {
            for (Future<Extraction.Result> result : pending) {
                Extraction.Result done = result.get();
                graphs.add(new Store.ArticleGraph(done.graphIri(), done.article().id(), done.graph()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("re-extraction interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("re-extraction failed: " + e.getCause(), e.getCause());
        }
        return graphs;
    }

    /** A batch as read from the store: the articles to re-extract, and what the current ones hold. */
    private static final class Batch {
        final List<Article> stale = new ArrayList<>();
        int current;
        long currentStatements;
    }

    private static long count(Iterator<?> items) {
        long n = 0;
        while (items.hasNext()) {
            items.next();
            n++;
        }
        return n;
    }
}
