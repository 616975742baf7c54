package org.stancegraph.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    private final Store store;
    private final Extraction extraction;

    public Loader(Store store, Extraction extraction) {
        this.store = store;
        this.extraction = extraction;
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
