package org.stancegraph.cli;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.stancegraph.graph.ArticleGraph.MentionDetail;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.knowledge.ProjectHome;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.LoadReport;
import org.stancegraph.load.Loader;
import org.stancegraph.source.CsvColumns;
import org.stancegraph.source.SourceOptions;
import org.stancegraph.source.Sources;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stancegraph load PATH...}: articles into the store. */
@Command(name = "load",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Read articles from files and folders ({FILE_TYPES}), find the actors "
                        + "they name and the positions they state, and store each article as its own named graph.",
                "Each file may also be compressed ({COMPRESSIONS}; recognised by the content). A web archive (.warc) "
                        + "gives one article per HTML page fetched with status 200, a feed (.rss, .atom, .xml) one per item, "
                        + "a CSV or TSV file (with a header row) one per row; --text-column and the like choose its columns.",
                "Loading an unchanged file again changes nothing; a changed file replaces its article, and so does "
                        + "an unchanged one stored before the knowledge files (data/) changed. An article that replaces "
                        + "one of the same id read from another file is printed as 'replaced: article ID from NEW replaces "
                        + "the one from OLD'. Input that "
                        + "cannot be read is reported with its file and line and skipped; the exit code is then 3. "
                        + "A warning (a date not understood, records of a web archive that are not pages) keeps the article.",
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

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory, created if missing (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--progress", paramLabel = "KIND",
            description = "What to show while loading: auto (the default), bar, timed, lines or none. 'bar' redraws a "
                    + "bar of the files read, for a terminal; 'timed' prints a line every few seconds, for logs: "
                    + "'progress: N articles read in S s (R per second), K inputs skipped'; 'lines' prints a line each "
                    + "time articles are committed; 'auto' is 'bar' when standard error is a terminal, else 'timed'.")
    ProgressChoice progress = ProgressChoice.AUTO;

    @Option(names = "--progress-every", paramLabel = "SECONDS",
            description = "Seconds between two 'timed' progress lines (default: ${DEFAULT-VALUE}; 0: one per article).")
    long progressEverySeconds = Loader.PROGRESS_EVERY.toSeconds();

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

    @Option(names = "--text-column", paramLabel = "NAME",
            description = "CSV/TSV column holding the article text (default: the first of the names in data/source/csv-columns.tsv).")
    String textColumn;

    @Option(names = "--title-column", paramLabel = "NAME", description = "CSV/TSV column holding the title.")
    String titleColumn;

    @Option(names = "--date-column", paramLabel = "NAME", description = "CSV/TSV column holding the date.")
    String dateColumn;

    @Option(names = "--id-column", paramLabel = "NAME",
            description = "CSV/TSV column holding the article id (without one: FILE-ROWNUMBER).")
    String idColumn;

    @Option(names = "--url-column", paramLabel = "NAME", description = "CSV/TSV column holding the address of the article.")
    String urlColumn;

    /** Names the file types in the description from the registry of readers, so that help and reading never disagree. */
    @Spec
    void describeFileTypes(CommandSpec spec) {
        String[] lines = spec.usageMessage().description().clone();
        for (int i = 0; i < lines.length; i++) {
            lines[i] = lines[i].replace("{FILE_TYPES}", "." + String.join(", .", Sources.knownExtensions()))
                    .replace("{COMPRESSIONS}", "." + String.join(", .", Sources.compressionSuffixes()));
        }
        spec.usageMessage().description(lines);
    }

    /** The header names tried for each field of a CSV corpus, before --text-column and the like. */
    static final String CSV_COLUMNS_FILE = "data/source/csv-columns.tsv";

    @Override
    public Integer call() {
        if (progressEverySeconds < 0) {
            throw new ParameterException(spec.commandLine(), "--progress-every must be 0 or more seconds, not " + progressEverySeconds);
        }
        Loader.Settings settings = new Loader.Settings(threads.workers, threads.batchSize, Math.max(threads.batchSize, Loader.Settings.standard().inFlight()), !noBulk);
        try (Store store = Store.open(db)) {
            return load(store, Extraction.standard().withMentions(mentions), inputs, settings, sourceOptions(), System.err, quiet ? Loader.Progress.NONE : progress.resolve(),
                    Duration.ofSeconds(progressEverySeconds));
        }
    }

    /** The CSV columns: the names of {@link #CSV_COLUMNS_FILE} (when the project has it), each replaced by the one named on the command line. */
    SourceOptions sourceOptions() {
        return new SourceOptions(Sources.Limits.DEFAULT, chosen(defaultCsvColumns()));
    }

    private CsvColumns chosen(CsvColumns columns) {
        Map<CsvColumns.Field, String> chosen = new EnumMap<>(CsvColumns.Field.class);
        chosen.put(CsvColumns.Field.TEXT, textColumn);
        chosen.put(CsvColumns.Field.TITLE, titleColumn);
        chosen.put(CsvColumns.Field.DATE, dateColumn);
        chosen.put(CsvColumns.Field.ID, idColumn);
        chosen.put(CsvColumns.Field.URL, urlColumn);
        for (Map.Entry<CsvColumns.Field, String> choice : chosen.entrySet()) {
            if (choice.getValue() != null) {
                columns = columns.choose(choice.getKey(), choice.getValue());
            }
        }
        return columns;
    }

    static CsvColumns defaultCsvColumns() {
        Path file = ProjectHome.resolve(CSV_COLUMNS_FILE);
        return Files.exists(file) ? CsvColumns.load(file) : CsvColumns.DEFAULT;
    }

    /** Loads {@code inputs} with the project's knowledge files and CSV column names and prints the summary; returns the exit code. */
    static int load(Store store, List<Path> inputs, Loader.Settings settings, PrintStream messages, Loader.Progress progress,
                    Duration progressEvery) {
        return load(store, Extraction.standard(), inputs, settings, new SourceOptions(Sources.Limits.DEFAULT, defaultCsvColumns()),
                messages, progress, progressEvery);
    }

    /** Loads {@code inputs} with {@code extraction} (the project's knowledge files) and prints the summary; returns the exit code. */
    static int load(Store store, Extraction extraction, List<Path> inputs, Loader.Settings settings, SourceOptions sourceOptions,
                    PrintStream messages, Loader.Progress progress, Duration progressEvery) {
        Loader loader = new Loader(store, extraction, settings, Loader.TextLimits.DEFAULT, sourceOptions);
        loader.storeKnowledge(Ontology.load());
        LoadReport report = loader.load(inputs, messages, progress, progressEvery);
        messages.printf("loaded %d articles from %d files: %d new, %d replaced%s, %d unchanged%s; %d statements%s%s%s%n",
                report.articles(), report.files(), report.added(), report.replaced(),
                report.displaced().isEmpty() ? "" : " (" + report.displaced().size() + " replaced from another source)",
                report.unchanged(),
                report.reextracted() > 0 ? ", " + report.reextracted() + " re-extracted because the knowledge files changed" : "",
                report.statements(),
                report.limited().isEmpty() ? "" : "; " + report.limited().size() + " articles cut at the extraction limits",
                report.skippedSomething() ? "; " + report.skipped() + " inputs skipped" : "",
                report.warnings() > 0 ? "; " + report.warnings() + " warnings" : "");
        return report.skippedSomething() ? SKIPPED : 0;
    }
}
