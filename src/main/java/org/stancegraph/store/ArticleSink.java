package org.stancegraph.store;

import java.util.List;

/**
 * Where a load writes its articles: the only way article graphs enter a {@link Store}. Whatever the
 * implementation, each article is stored whole or not at all, a later version of an article (same
 * id, other content) replaces the earlier one, an article stored under the same IRI by another
 * extraction activity (other knowledge files or engine) is re-extracted, and the stance summary is
 * committed with the articles it sums.
 *
 * <p>Two implementations: one write transaction per {@link #put} (always right), and TDB2's bulk loader,
 * which a store hands out only while it holds no article ({@link Store#articleSink}).
 */
public interface ArticleSink {

    /**
     * Stores {@code articles} in order and tells what became of each one decided now. A bulk sink
     * postpones a later version of an article it already holds until {@link #finish}.
     */
    List<Store.Stored> put(List<Store.ArticleGraph> articles);

    /** Makes everything put so far durable, stores what was postponed, and tells what became of those. */
    List<Store.Stored> finish();

    /** Gives up what is not yet durable after {@code cause} stopped the load; the store keeps what it held before. */
    void abandon(Throwable cause);

    /** True when each {@link #put} is its own committed transaction, false when everything commits at {@link #finish}. */
    boolean commitsEachPut();
}
