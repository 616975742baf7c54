package org.stancegraph.spark;

import java.io.Serializable;
import java.util.List;

/**
 * What a task emits for the driver's outputs, one element at a time: an article with its rows and quads, a record
 * that was skipped, or the task's own numbers at its end. One stream of these, kept by Spark, feeds every output, so
 * the corpus is read and extracted once.
 */
sealed interface Extracted extends Serializable {

    /** One article: its row of the {@code articles} table, its mentions and statements, and its graph as N-Quads lines. */
    record Article(Rows.ArticleRow article, List<Rows.MentionRow> mentions, List<Rows.StatementRow> statements,
                   String nquads, long quads) implements Extracted {}

    /** A file or record that was not read (the same message {@code load} prints), or an article cut at the extraction limits. */
    record Problem(String kind, String file, long line, String message) implements Extracted {}

    /** What one task did: its partition, the files and articles it read, and how long it took. */
    record TaskStats(int partition, String executor, int files, long articles, long statements, long quads, long nanos)
            implements Extracted {}
}
