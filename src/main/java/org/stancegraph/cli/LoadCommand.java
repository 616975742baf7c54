package org.stancegraph.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.stancegraph.graph.ArticleGraph.MentionDetail;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.LoadReport;
import org.stancegraph.load.Loader;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stancegraph load PATH...}: articles into the store. */
@Command(name = "load",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Read articles from files and folders (.txt, .md, .html, .htm, .jsonl, .ndjson), find the actors "
                        + "they name and the positions they state, and store each article as its own named graph.",
                "Loading an unchanged file again changes nothing; a changed file replaces its article, and so does "
                        + "an unchanged one stored before the knowledge files (data/) changed. An article that replaces "
                        + "one of the same id read from another file is printed as 'replaced: article ID from NEW replaces "
                        + "the one from OLD'. Input that "
                        + "cannot be read is reported with its file and line and skipped; the exit code is then 3.",
                "Each article is stored in one transaction: a load that is interrupted (even by kill -9) leaves every "
                        + "article either complete or absent, and running it again completes it. A database that a "
                        + "running 'serve' holds cannot be loaded into (exit code 4): stop the server first, or use "
                        + "'start', which loads and serves in one process.",
                ""
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:all inputs loaded", "3:some inputs were skipped (see the messages)", "2:bad usage",
                "4:the database is in use by another process (a running server)"})
public final class LoadCommand implements Callable<Integer> {

    /** Exit code when some input was skipped. */
    static final int SKIPPED = 3;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--progress", paramLabel = "KIND",
            description = "What to show while loading: none, bar (the default) or lines. 'bar' redraws a "
                    + "bar of the files read, for a terminal; 'lines' prints a line each time articles are committed, for logs.")
    Loader.Progress progress = Loader.Progress.BAR;

    @Option(names = "--quiet", description = "Same as --progress=none.")
    boolean quiet;

    @Mixin
    ExtractionThreadOptions threads;

    @Option(names = "--no-bulk", description = "Do not use TDB2's bulk loader when the database holds no article yet.")
    boolean noBulk;

    @Option(names = "--mentions", paramLabel = "KEEP",
            description = "lean (the default): per article, each actor it mentions with the number of mentions and the first "
                    + "offset; full: besides, every mention with its offsets, words and kind, for auditing (about twice the quads). "
                    + "Articles already stored keep what they were stored with ('reextract --mentions' changes it).")
    MentionDetail mentions = MentionDetail.LEAN;

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or folders to read.")
    List<Path> inputs;

    @Override
    public Integer call() {
        Loader.Settings settings = new Loader.Settings(threads.workers, threads.batchSize, Math.max(threads.batchSize, Loader.Settings.standard().inFlight()), !noBulk);
        try (Store store = Store.open(db)) {
            return load(store, Extraction.standard().withMentions(mentions), inputs, settings, System.err,
                    quiet ? Loader.Progress.NONE : progress);
        }
    }

    /** Loads {@code inputs} with {@code extraction} (the project's knowledge files) and prints the summary; returns the exit code. */
    static int load(Store store, Extraction extraction, List<Path> inputs, Loader.Settings settings, PrintStream messages,
                    Loader.Progress progress) {
        Loader loader = new Loader(store, extraction, settings);
        loader.storeKnowledge(Ontology.load());
        LoadReport report = loader.load(inputs, messages, progress);
        messages.printf("loaded %d articles from %d files: %d new, %d replaced%s, %d unchanged%s; %d statements%s%s%n",
                report.articles(), report.files(), report.added(), report.replaced(),
                report.displaced().isEmpty() ? "" : " (" + report.displaced().size() + " replaced from another source)",
                report.unchanged(),
                report.reextracted() > 0 ? ", " + report.reextracted() + " re-extracted because the knowledge files changed" : "",
                report.statements(),
                report.limited().isEmpty() ? "" : "; " + report.limited().size() + " articles cut at the extraction limits",
                report.skippedSomething() ? "; " + report.problems().size() + " inputs skipped" : "");
        return report.skippedSomething() ? SKIPPED : 0;
    }
}
