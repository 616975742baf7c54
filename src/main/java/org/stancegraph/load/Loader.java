package org.stancegraph.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.jena.graph.Graph;
import org.stancegraph.article.Article;
import org.stancegraph.article.Articles;
import org.stancegraph.rdf.SG;
import org.stancegraph.source.SourceProblem;
import org.stancegraph.source.Sources;
import org.stancegraph.store.Store;

/**
 * Loads files into a store: reads each file, extracts each article, and stores its graph,
 * one article at a time, so memory does not grow with the corpus. An input that cannot be
 * read is reported and skipped; the rest of the load goes on, and nothing already stored is
 * touched by a bad input.
 */
public final class Loader {

    /**
     * Bounds on one article's text. Extraction time grows faster than linearly with the length of a
     * sentence, so a scraped page that is one endless "sentence" (a table, a list without punctuation,
     * garbage) would hold the load for hours; such an article is reported and skipped instead.
     *
     * @param maxTextChars    longest article text, in characters
     * @param maxStretchChars longest stretch of text without a sentence end ('.', '!', '?') or line break
     */
    public record TextLimits(int maxTextChars, int maxStretchChars) {
        /** 500,000 characters of text (a long report is 100,000), 3,000 characters without a sentence end. */
        public static final TextLimits DEFAULT = new TextLimits(500_000, 3_000);

        public TextLimits {
            if (maxTextChars <= 0 || maxStretchChars <= 0) {
                throw new IllegalArgumentException("limits must be positive: " + maxTextChars + ", " + maxStretchChars);
            }
        }

        /** Why {@code text} is over a limit, or empty when it is within them. */
        Optional<String> check(String text) {
            if (text.length() > maxTextChars) {
                return Optional.of("article text is " + text.length() + " characters, over the limit of " + maxTextChars);
            }
            int stretchStart = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '.' || c == '!' || c == '?' || c == '\n') {
                    stretchStart = i + 1;
                } else if (i - stretchStart >= maxStretchChars) {
                    return Optional.of("text runs over " + maxStretchChars + " characters without a sentence end (from character "
                            + stretchStart + ")");
                }
            }
            return Optional.empty();
        }
    }

    private final Store store;
    private final Extraction extraction;
    private final TextLimits limits;

    public Loader(Store store, Extraction extraction) {
        this(store, extraction, TextLimits.DEFAULT);
    }

    public Loader(Store store, Extraction extraction, TextLimits limits) {
        this.store = store;
        this.extraction = extraction;
        this.limits = limits;
    }

    /** Stores the dictionary (and {@code reference} graphs such as the ontology) in their named graphs. */
    public void storeKnowledge(Graph ontology) {
        store.replaceGraph(SG.DICTIONARY_GRAPH, extraction.dictionary().model().getGraph());
        store.replaceGraph(SG.ONTOLOGY_GRAPH, ontology);
    }

    /**
     * Loads every article of {@code inputs}; problems are printed to {@code messages} as they are met.
     * A progress bar is drawn on {@code messages} when {@code progress} is true.
     */
    public LoadReport load(List<Path> inputs, PrintStream messages, boolean progress) {
        List<SourceProblem> problems = new ArrayList<>();
        List<Path> files = Sources.files(inputs, p -> report(p, problems, messages));
        AtomicInteger added = new AtomicInteger();
        AtomicInteger replaced = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        AtomicLong statements = new AtomicLong();
        try (ProgressBar bar = progress ? bar(files.size(), messages) : null) {
            for (Path file : files) {
                Sources.read(file, record -> {
                    Article article = Articles.from(record);
                    Optional<String> overLimit = limits.check(article.text());
                    if (overLimit.isPresent()) {
                        report(new SourceProblem(record.origin(), 0, overLimit.get() + "; not read"), problems, messages);
                        return;
                    }
                    Extraction.Result result = extraction.of(article);
                    switch (store.replaceArticle(result.graphIri(), article.id(), result.graph())) {
                        case ADDED -> added.incrementAndGet();
                        case REPLACED -> replaced.incrementAndGet();
                        case UNCHANGED -> unchanged.incrementAndGet();
                    }
                    statements.addAndGet(result.statements().size());
                }, p -> report(p, problems, messages));
                if (bar != null) {
                    bar.step();
                }
            }
        }
        return new LoadReport(files.size(), added.get(), replaced.get(), unchanged.get(), statements.get(), List.copyOf(problems));
    }

    private static void report(SourceProblem problem, List<SourceProblem> problems, PrintStream messages) {
        problems.add(problem);
        messages.println("skipped: " + problem.describe());
    }

    private static ProgressBar bar(int files, PrintStream out) {
        return new ProgressBarBuilder().setTaskName("Loading").setInitialMax(files).setUnit(" files", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                .continuousUpdate().clearDisplayOnFinish().build();
    }
}
