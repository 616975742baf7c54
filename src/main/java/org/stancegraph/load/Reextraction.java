package org.stancegraph.load;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.vocabulary.RDF;
import org.stancegraph.article.Article;
import org.stancegraph.graph.ArticleGraph.MentionDetail;
import org.stancegraph.graph.ArticleGraph;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Re-derives the stored articles with the current knowledge files from what the store keeps of each one
 * (its text, {@code schema:articleBody}, and its metadata), without the files they were loaded from. An
 * article already extracted by the current activity (same engine version, same knowledge fingerprint) is
 * left as it is: extraction is deterministic, so doing it again would give the same graph; unless it is asked
 * to keep the mentions otherwise than the article was stored with ({@code --mentions}), which it then rewrites.
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
    /** The mentions every article is to keep, or empty to keep what each stored article kept. */
    private final Optional<MentionDetail> mentions;

    /** Re-extracts keeping, for each article, the mentions it was stored with (in full, or counted per actor). */
    public Reextraction(Store store, Extraction extraction, Loader.Settings settings) {
        this(store, extraction, settings, Optional.empty());
    }

    /**
     * Re-extracts with {@code mentions}: when given, an article stored with the other choice is re-extracted too, even by
     * the current activity; when empty, each article keeps the choice it was stored with.
     */
    public Reextraction(Store store, Extraction extraction, Loader.Settings settings, Optional<MentionDetail> mentions) {
        this.store = store;
        this.extraction = extraction;
        this.settings = settings;
        this.mentions = mentions;
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
                        // An article stored with its mentions in full holds sg:Mention nodes; without them, the counts only
                        // (an article that mentions nobody is the same either way).
                        MentionDetail stored = d.find(graph, Node.ANY, RDF.Nodes.type, SG.Mention.asNode()).hasNext()
                                ? MentionDetail.FULL : MentionDetail.LEAN;
                        MentionDetail wanted = mentions.orElse(stored);
                        if (!d.contains(graph, graph, SG.provWasGeneratedBy.asNode(), current)) {
                            b.stale.add(new Stale(ArticleGraph.article(iri, d.getGraph(graph)), wanted));
                        } else if (wanted != stored) {
                            b.otherMentions.add(new Stale(ArticleGraph.article(iri, d.getGraph(graph)), wanted));
                        } else {
                            b.current++;
                            b.currentStatements += count(d.find(graph, Node.ANY, RDF.Nodes.type, SG.Statement.asNode()));
                        }
                    }
                    return b;
                });
                alreadyCurrent += read.current;
                statements += read.currentStatements;
                // Same activity, other mentions kept: the store would call them unchanged, so they are rewritten.
                List<Store.ArticleGraph> fresh = extract(read.stale, workers);
                List<Store.ArticleGraph> rewritten = extract(read.otherMentions, workers);
                for (Store.Stored stored : store.replaceArticles(fresh)) {
                    statements += stored.statements();
                }
                if (!rewritten.isEmpty()) {
                    for (Store.Stored stored : store.rewriteArticles(rewritten)) {
                        statements += stored.statements();
                    }
                }
                int done = read.stale.size() + read.otherMentions.size();
                reextracted += done;
                if (progress != null) {
                    progress.printf("re-extracted %d articles in one transaction (%d of %d articles done: %d re-extracted, %d already current)%n",
                            done, from + batch.size(), graphs.size(), reextracted, alreadyCurrent);
                }
            }
        } finally {
            workers.shutdownNow();
        }
        return new Report(graphs.size(), reextracted, alreadyCurrent, statements);
    }

    private List<Store.ArticleGraph> extract(List<Stale> articles, ExecutorService workers) {
        List<Future<Extraction.Result>> pending = new ArrayList<>(articles.size());
        for (Stale stale : articles) {
            pending.add(workers.submit(() -> extraction.of(stale.article(), stale.mentions())));
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

    /** An article to extract again, and the mentions its new graph keeps. */
    private record Stale(Article article, MentionDetail mentions) {}

    /**
     * A batch as read from the store: the articles another activity extracted, those the current one extracted keeping
     * other mentions than asked, and what the current ones hold.
     */
    private static final class Batch {
        final List<Stale> stale = new ArrayList<>();
        final List<Stale> otherMentions = new ArrayList<>();
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
