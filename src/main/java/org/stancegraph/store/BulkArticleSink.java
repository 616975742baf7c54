package org.stancegraph.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.tdb2.loader.DataLoader;
import org.apache.jena.tdb2.loader.LoaderFactory;

/**
 * Streams articles into TDB2's bulk loader (the one {@code tdb2.tdbloader} uses), which builds the indexes in
 * sorted runs, several times faster than inserting quad by quad, and commits everything at {@link #finish} in
 * one transaction. Only for a store that holds no article and no stance summary yet ({@link Store#articleSink}):
 * the bulk load writes the whole summary, and there is nothing stored to replace.
 *
 * <p>Versions of an article met again are stored after the bulk load, in order, by ordinary replacement, so the
 * outcome is the same as on the transactional path. The price is one map entry (article id → graph name, about
 * 150 bytes) per article. The stance summary of the articles is summed in memory (one entry per actor and
 * target) and streamed into the same bulk load, so it is committed with them or not at all.
 */
final class BulkArticleSink implements ArticleSink {
    private final Store store;
    private final int batchSize;
    private final DataLoader loader;
    /** Graph name of each article id loaded in bulk; an id whose later versions are postponed maps to null. */
    private final Map<String, String> loaded = new HashMap<>();
    private final List<Store.ArticleGraph> postponed = new ArrayList<>();
    private final StanceSummary.Sums summary = new StanceSummary.Sums();

    BulkArticleSink(Store store, int batchSize) {
        // The sequential loader: of TDB2's bulk loaders only it and the basic one are fully transactional if the
        // process dies (Jena's TDB2 command documentation); the phased and parallel ones may leave a database in
        // a strange state.
        this(store, batchSize, LoaderFactory.sequentialLoader(store.dataset(), (format, args) -> { }));
    }

    BulkArticleSink(Store store, int batchSize, DataLoader loader) {
        this.store = store;
        this.batchSize = batchSize;
        this.loader = loader;
        loader.startBulk();
    }

    @Override
    public List<Store.Stored> put(List<Store.ArticleGraph> articles) {
        StreamRDF quads = loader.stream();
        List<Store.Stored> stored = new ArrayList<>(articles.size());
        for (Store.ArticleGraph article : articles) {
            String id = article.articleId();
            if (!loaded.containsKey(id)) {
                loaded.put(id, article.iri());
                Node graph = NodeFactory.createURI(article.iri());
                article.graph().find().forEachRemaining(t -> quads.quad(Quad.create(graph, t)));
                summary.addGraph(article.graph());
                stored.add(new Store.Stored(Store.Outcome.ADDED, Store.statementsIn(article.graph())));
            } else if (article.iri().equals(loaded.get(id))) {
                // Same content, extracted by this same process: the graph loaded is this one.
                stored.add(new Store.Stored(Store.Outcome.UNCHANGED, Store.statementsIn(article.graph())));
            } else {
                loaded.put(id, null);
                postponed.add(article);
            }
        }
        return stored;
    }

    @Override
    public List<Store.Stored> finish() {
        StreamRDF quads = loader.stream();
        summary.forEachQuad(quads::quad);
        loader.finishBulk();
        List<Store.Stored> stored = new ArrayList<>(postponed.size());
        for (int i = 0; i < postponed.size(); i += batchSize) {
            stored.addAll(store.replaceArticles(postponed.subList(i, Math.min(postponed.size(), i + batchSize))));
        }
        return stored;
    }

    @Override
    public void abandon(Throwable cause) {
        loader.finishException(new IllegalStateException("load failed", cause));
    }

    @Override
    public boolean commitsEachPut() {
        return false;
    }
}
