package org.stancegraph.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.stancegraph.bench.Bench;
import org.stancegraph.bench.Generator;
import org.stancegraph.knowledge.ProjectHome;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancegraph bench}: a synthetic corpus, and the corpus-scale benchmark that writes BENCHMARKS.md. */
@Command(name = "bench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Generate a synthetic news corpus and measure extraction, loading, memory, store size and query latency on it.",
        subcommands = {BenchCommand.Generate.class, BenchCommand.Run.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Markers around the generated part of BENCHMARKS.md; the text outside them is kept. */
    static final String BEGIN = "<!-- bench:begin (written by stancegraph bench run) -->";
    static final String END = "<!-- bench:end -->";

    @Command(name = "generate", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Write N synthetic articles (JSON Lines, 1,000 per file), the same bytes for the same seed and N.")
    static final class Generate implements Callable<Integer> {
        @Option(names = "--articles", required = true, paramLabel = "N", description = "Number of articles.")
        int articles;

        @Option(names = "--out", required = true, paramLabel = "DIR", description = "Folder to write into (created if missing).")
        Path out;

        @Option(names = "--seed", paramLabel = "SEED", description = "Random seed (default: ${DEFAULT-VALUE}).")
        long seed = Generator.DEFAULT_SEED;

        @Override
        public Integer call() {
            if (articles < 1) {
                System.err.println("bench generate: --articles must be at least 1");
                return 2;
            }
            Generator.Written written = Generator.of(ProjectHome.existing("data/actors"),
                    ProjectHome.existing("data/bench/phrasings.tsv"), seed).write(articles, out);
            System.err.printf("wrote %d articles (%.1f MB of text) in %d files to %s%n", written.articles(),
                    written.textBytes() / 1e6, written.files(), out);
            return 0;
        }
    }

    @Command(name = "run", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = {"Measure every size: extraction without a store, the load into a new TDB2 database (and "
                    + "tdb2.tdbloader on the same data as N-Quads), peak heap and RSS, store size, and query latency over "
                    + "HTTP; each step runs in its own JVM with the heap limit given. Writes the tables into the output "
                    + "file between the bench markers, keeping the rest of the file."})
    static final class Run implements Callable<Integer> {
        @Option(names = "--sizes", split = ",", paramLabel = "N,N,...", description = "Corpus sizes (default: ${DEFAULT-VALUE}).")
        List<Integer> sizes = List.of(1000, 10000, 100000, 1000000);

        @Option(names = "--work", paramLabel = "DIR", description = "Corpora and databases go here (default: ${DEFAULT-VALUE}).")
        Path work = Path.of("run", "bench");

        @Option(names = "--out", paramLabel = "FILE", description = "Report file (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("BENCHMARKS.md");

        @Option(names = "--heap", paramLabel = "SIZE", description = "-Xmx of every measured JVM (default: ${DEFAULT-VALUE}).")
        String heap = "1g";

        @Option(names = "--runs", description = "Timed runs per query (default: ${DEFAULT-VALUE}).")
        int runs = 20;

        @Option(names = "--warmups", description = "Untimed runs per query first (default: ${DEFAULT-VALUE}).")
        int warmups = 3;

        @Option(names = "--query-budget", paramLabel = "SECONDS",
                description = "Time for each query's warm-ups and runs at one size (default: ${DEFAULT-VALUE}); a slow query "
                        + "stops early, after one warm-up and three timed runs at least, and the report gives its number of runs.")
        long queryBudgetSeconds = 120;

        @Option(names = "--keep", description = "Keep the loaded databases.")
        boolean keep;

        @Option(names = "--no-tdbloader", negatable = true, description = "Skip the comparison with tdb2.tdbloader.")
        boolean compare = true;

        @Override
        public Integer call() {
            Bench.Options options = new Bench.Options(sizes, work, heap, warmups, runs, keep, compare,
                    Duration.ofSeconds(queryBudgetSeconds));
            String command = "./stancegraph bench run --sizes " + String.join(",", sizes.stream().map(String::valueOf).toList())
                    + " --heap " + heap + " --runs " + runs + " --warmups " + warmups + " --query-budget " + queryBudgetSeconds + (compare ? "" : " --no-tdbloader")
                    + " --out " + out;
            Instant started = Instant.now();
            String loadBefore = Bench.loadAverage();
            List<Bench.Row> rows = new Bench(options, System.err).run();
            String table = "Machine: " + Bench.machine() + ".\n\n"
                    + Bench.markdown(rows, options, command, started, Instant.now(), loadBefore, Bench.loadAverage());
            write(out, table);
            System.err.println(table);
            return 0;
        }
    }

    /** Puts {@code table} between the markers of {@code file}, or writes a new file holding only it. */
    static void write(Path file, String table) {
        try {
            String generated = BEGIN + "\n" + table + END;
            String text = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
            int begin = text.indexOf(BEGIN);
            int end = text.indexOf(END);
            String updated = begin >= 0 && end > begin
                    ? text.substring(0, begin) + generated + text.substring(end + END.length())
                    : text + (text.isEmpty() ? "" : "\n") + generated + "\n";
            Files.writeString(file, updated, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
