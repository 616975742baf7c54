package org.stancegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.stancegraph.graph.ArticleGraph.MentionDetail;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.load.Reextraction;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stancegraph reextract}: every stored article again, with the current knowledge files, from the text the store keeps. */
@Command(name = "reextract",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Extract every stored article again with the current knowledge files (data/), from the text and "
                        + "metadata the store keeps: the files the articles were loaded from are not needed.",
                "Articles already extracted with the same knowledge files and engine version are left as they are. "
                        + "Works in batches, one write transaction each: a run that is interrupted (even by kill -9) "
                        + "leaves every article as it was or re-extracted, and running it again finishes the work. "
                        + "The stance summary is kept in step. Boilerplate rules apply at reading, so a change to "
                        + "data/boilerplate.tsv reaches stored articles only when their files are loaded again.",
                ""
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "2:bad usage or no database", "4:the database is in use by another process (a running server)"})
public final class ReextractCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Mixin
    ExtractionThreadOptions threads;

    @Option(names = "--quiet", description = "No line per committed batch.")
    boolean quiet;

    @Option(names = "--mentions", paramLabel = "KEEP",
            description = "lean or full (see 'load --mentions'): every article is re-extracted to keep that, also those the "
                    + "current knowledge files extracted with the other choice. Without it, each article keeps what it was stored with.")
    MentionDetail mentions;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (Databases.missing("reextract", db, err)) {
            return 2;
        }
        Loader.Settings settings = new Loader.Settings(threads.workers, threads.batchSize, threads.batchSize);
        try (Store store = Store.open(db)) {
            Extraction extraction = Extraction.standard();
            // The dictionary graph is knowledge too: it is stored as the articles are extracted with it.
            new Loader(store, extraction, settings).storeKnowledge(Ontology.load());
            Reextraction.Report report = new Reextraction(store, extraction, settings, Optional.ofNullable(mentions)).run(quiet ? null : System.err);
            System.err.printf("re-extracted %d of %d articles with the current knowledge files (%d already current); %d statements%n",
                    report.reextracted(), report.articles(), report.alreadyCurrent(), report.statements());
        }
        return 0;
    }
}
