package org.stancegraph.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.stancegraph.knowledge.ProjectHome;

/**
 * The corpus-scale benchmark behind BENCHMARKS.md. For each size it generates a corpus
 * ({@link Generator}), then, each step in a JVM of its own with the same heap limit:
 * extraction without a store, the load into a new TDB2 database, an N-Quads dump of that
 * database and Jena's own bulk loader ({@code tdb2.tdbloader}) on the dump, and the named
 * queries timed over HTTP against the loaded database served on a free port.
 */
public final class Bench {

    /** The queries of queries/ that are timed. */
    public static final List<String> QUERIES = List.of("who-supports-whom", "who-supports-whom-top", "alliances", "statements-by-actor",
            "explorer-actors", "explorer-statements", "positions");

    /**
     * What to run.
     *
     * @param queryBudget time allowed for each query's warm-ups and timed runs at one size: a query
     *                    that returns the whole graph (positions) takes minutes at 100k articles, so
     *                    its runs stop once the budget is spent, after one warm-up and three timed runs at least
     */
    public record Options(List<Integer> sizes, Path workDirectory, String heap, int warmups, int runs, boolean keep,
                          boolean compareWithTdbLoader, Duration queryBudget) {}

    /**
     * Figures of one size; {@code load} is empty, and {@code notLoaded} says why, when the size was
     * only extracted because its store would not fit on the disk.
     */
    public record Row(int articles, double corpusMegabytes, Map<String, String> extract, Map<String, String> load,
                      double tdbloaderSeconds, long storeBytes, Map<String, Latency> latencies, String notLoaded) {
        boolean loaded() {
            return notLoaded == null;
        }
    }

    /** Median and 95th percentile of a query's timed runs, in milliseconds, and how many runs there were. */
    public record Latency(double median, double p95, int runs) {}

    /** Disk kept free beyond a size's estimated needs, for the operating system and the other files. */
    private static final long DISK_MARGIN_BYTES = 5_000_000_000L;

    private final Options options;
    private final PrintStream log;

    public Bench(Options options, PrintStream log) {
        this.options = options;
        this.log = log;
    }

    /** Runs every size and returns the rows, smallest first. */
    public List<Row> run() {
        List<Row> rows = new ArrayList<>();
        double diskBytesPerArticle = Double.NaN;
        for (int size : options.sizes()) {
            Measured measured = runSize(size, diskBytesPerArticle);
            if (measured.loaded()) {
                diskBytesPerArticle = (double) measured.diskBytes() / size;
            }
            rows.add(measured.row());
        }
        return rows;
    }

    /** A row, and the most disk its load needed at once (store, N-Quads dump and Jena's database side by side). */
    private record Measured(Row row, long diskBytes) {
        boolean loaded() {
            return row.loaded();
        }
    }

    private Measured runSize(int size, double diskBytesPerArticle) {
        Path corpus = options.workDirectory().resolve("corpus-" + size);
        Path db = options.workDirectory().resolve("db-" + size);
        Path nquads = options.workDirectory().resolve("dump-" + size + ".nq");
        Path tdbloaderDb = options.workDirectory().resolve("db-tdbloader-" + size);
        delete(db);
        delete(tdbloaderDb);
        if (!Files.isDirectory(corpus)) {
            log.printf("[%d] generating the corpus in %s%n", size, corpus);
            Generator.of(ProjectHome.existing("data/actors"), ProjectHome.existing("data/bench/phrasings.tsv"),
                    Generator.DEFAULT_SEED).write(size, corpus);
        }
        double corpusMegabytes = sizeOf(corpus) / 1e6;
        log.printf("[%d] extraction without a store%n", size);
        Map<String, String> extract = child("extract", corpus.toString());
        log.printf("[%d] %s%n", size, extract);
        Optional<String> tooBig = tooBigForTheDisk(size, diskBytesPerArticle, usableSpace(options.workDirectory()));
        if (tooBig.isPresent()) {
            log.printf("[%d] %s%n", size, tooBig.get());
            return new Measured(new Row(size, corpusMegabytes, extract, Map.of(), Double.NaN, 0, Map.of(), tooBig.get()), 0);
        }
        log.printf("[%d] load into %s%n", size, db);
        Map<String, String> load = child("load", corpus.toString(), db.toString());
        log.printf("[%d] %s%n", size, load);
        long storeBytes = sizeOf(db);
        long diskBytes = storeBytes;
        double tdbloaderSeconds = Double.NaN;
        if (options.compareWithTdbLoader()) {
            child("dump", db.toString(), nquads.toString());
            log.printf("[%d] tdb2.tdbloader on %s (%.0f MB)%n", size, nquads, sizeOf(nquads) / 1e6);
            tdbloaderSeconds = tdbloader(nquads, tdbloaderDb);
            diskBytes += sizeOf(nquads) + sizeOf(tdbloaderDb);
            log.printf("[%d] tdb2.tdbloader: %.1f s%n", size, tdbloaderSeconds);
            delete(nquads);
            delete(tdbloaderDb);
        }
        Map<String, Latency> latencies = queries(db);
        if (!options.keep()) {
            delete(db);
        }
        return new Measured(new Row(size, corpusMegabytes, extract, load, tdbloaderSeconds, storeBytes, latencies, null), diskBytes);
    }

    /** Median and 95th percentile in milliseconds of each query, from a JVM that serves the store. */
    private Map<String, Latency> queries(Path db) {
        Map<String, String> figures = child("queries", db.toString(), options.workDirectory().resolve("fuseki").toString(),
                Integer.toString(options.warmups()), Integer.toString(options.runs()),
                Long.toString(options.queryBudget().toMillis()));
        Map<String, Latency> latencies = new LinkedHashMap<>();
        for (String name : QUERIES) {
            Latency latency = new Latency(number(figures, name + ".median"), number(figures, name + ".p95"),
                    (int) number(figures, name + ".runs"));
            latencies.put(name, latency);
            log.printf("  %s: %s result lines, %d runs, median %.1f ms, p95 %.1f ms; first row: median %.1f ms, p95 %.1f ms%n", name,
                    figures.get(name + ".lines"), latency.runs(), latency.median(), latency.p95(),
                    number(figures, name + ".firstRowMedian"), number(figures, name + ".firstRowP95"));
        }
        return latencies;
    }

    /**
     * Why a load of {@code size} articles would not fit in {@code usableBytes}, judged by the disk a
     * smaller size needed per article (NaN when no size was loaded yet: then it is tried).
     */
    static Optional<String> tooBigForTheDisk(int size, double diskBytesPerArticle, long usableBytes) {
        double neededBytes = diskBytesPerArticle * size;
        if (Double.isNaN(neededBytes) || neededBytes + DISK_MARGIN_BYTES <= usableBytes) {
            return Optional.empty();
        }
        return Optional.of(String.format(Locale.ROOT, "not loaded: at %.0f KB of disk per article (the smaller size's store, "
                + "dump and tdb2.tdbloader database) the load needs about %.0f GB, and %.0f GB are free",
                diskBytesPerArticle / 1e3, neededBytes / 1e9, usableBytes / 1e9));
    }

    private static long usableSpace(Path directory) {
        try {
            Files.createDirectories(directory);
            return Files.getFileStore(directory).getUsableSpace();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the free space of " + directory, e);
        }
    }

    static double percentile(double[] sorted, int percent) {
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private double tdbloader(Path nquads, Path db) {
        long start = System.nanoTime();
        run(List.of("tdb2.tdbloader", "--loc", db.toString(), nquads.toString()));
        return (System.nanoTime() - start) / 1e9;
    }

    private Map<String, String> child(String... args) {
        List<String> command = new ArrayList<>(List.of(Child.class.getName()));
        command.addAll(List.of(args));
        return run(command);
    }

    /** Runs a main class in a new JVM with this JVM's class path and the benchmark's heap limit. */
    private Map<String, String> run(List<String> mainAndArgs) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + options.heap(), "-cp", System.getProperty("java.class.path")));
        command.addAll(mainAndArgs);
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().put(ProjectHome.ENV, ProjectHome.home().toString());
        try {
            Process process = builder.start();
            Map<String, String> figures = new HashMap<>();
            try (InputStream out = process.getInputStream()) {
                for (String line : new String(out.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    int eq = line.indexOf('=');
                    if (eq > 0 && !line.contains(" ")) {
                        figures.put(line.substring(0, eq), line.substring(eq + 1).strip());
                    }
                }
            }
            int code = process.waitFor();
            if (code != 0) {
                throw new IllegalStateException("benchmark step failed (exit " + code + "): " + String.join(" ", mainAndArgs));
            }
            return figures;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a JVM for " + mainAndArgs, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static long sizeOf(Path path) {
        if (!Files.exists(path)) {
            return 0;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            return walk.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void delete(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path, e);
        }
    }

    /** The Markdown report: the machine, the command, one table of throughput and memory, one of latencies. */
    public static String markdown(List<Row> rows, Options options, String command, Instant started, Instant finished,
                                  String loadBefore, String loadAfter) {
        StringBuilder md = new StringBuilder();
        md.append("| articles | corpus MB | extraction articles/s | extraction MB/s | extraction peak heap MB | load s | load articles/s | load triples/s | load peak heap MB | load peak RSS MB | store MB | tdb2.tdbloader s | load / tdbloader |\n");
        md.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Row row : rows) {
            double extractSeconds = number(row.extract(), "seconds");
            md.append(String.format(Locale.ROOT, "| %,d | %.0f | %,.0f | %.1f | %.0f |", row.articles(), row.corpusMegabytes(),
                    number(row.extract(), "articles") / extractSeconds, number(row.extract(), "bytes") / 1e6 / extractSeconds,
                    number(row.extract(), "peakHeap") / 1e6));
            if (!row.loaded()) {
                md.append(" – |".repeat(8)).append('\n');
                continue;
            }
            double loadSeconds = number(row.load(), "seconds");
            md.append(String.format(Locale.ROOT, " %.1f | %,.0f | %,.0f | %.0f | %.0f | %.0f | %s | %s |%n",
                    loadSeconds, number(row.load(), "articles") / loadSeconds, number(row.load(), "quads") / loadSeconds,
                    number(row.load(), "peakHeap") / 1e6, number(row.load(), "peakRss") / 1e6, row.storeBytes() / 1e6,
                    Double.isNaN(row.tdbloaderSeconds()) ? "–" : String.format(Locale.ROOT, "%.1f", row.tdbloaderSeconds()),
                    Double.isNaN(row.tdbloaderSeconds()) ? "–" : String.format(Locale.ROOT, "%.2f×", loadSeconds / row.tdbloaderSeconds())));
        }
        for (Row row : rows) {
            if (!row.loaded()) {
                md.append(String.format(Locale.ROOT, "%n%,d articles: extraction only, %s.%n", row.articles(), row.notLoaded()));
            }
        }
        md.append("\nQuery latency over HTTP (ms, median / p95 of ").append(options.runs()).append(" runs after ")
                .append(options.warmups()).append(" warm-ups, or of the runs, given in brackets, that ")
                .append(options.queryBudget().toSeconds()).append(" s per query allowed):\n\n| articles | ")
                .append(String.join(" | ", QUERIES)).append(" |\n|---:|").append("---:|".repeat(QUERIES.size())).append('\n');
        for (Row row : rows) {
            if (!row.loaded()) {
                continue;
            }
            md.append(String.format(Locale.ROOT, "| %,d |", row.articles()));
            for (String query : QUERIES) {
                Latency l = row.latencies().get(query);
                md.append(String.format(Locale.ROOT, " %.1f / %.1f%s |", l.median(), l.p95(),
                        l.runs() < options.runs() ? " (" + l.runs() + ")" : ""));
            }
            md.append('\n');
        }
        md.append("\nRows: ");
        for (Row row : rows.stream().filter(Row::loaded).toList()) {
            md.append(String.format(Locale.ROOT, "%,d articles → %,.0f quads, %,.0f statements; ", row.articles(),
                    number(row.load(), "quads"), number(row.load(), "statements")));
        }
        md.append("\n\nRun: `").append(command).append("`, heap limit -Xmx").append(options.heap())
                .append(" for every step, from ").append(started).append(" to ").append(finished)
                .append("; load average (1, 5, 15 min) before: ").append(loadBefore).append(", after: ").append(loadAfter).append(".\n");
        return md.toString();
    }

    private static double number(Map<String, String> figures, String key) {
        String value = figures.get(key);
        return value == null ? Double.NaN : Double.parseDouble(value);
    }

    /** The machine, as the report states it. */
    public static String machine() {
        String memory = "?";
        String cpu = "?";
        try {
            memory = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("\\s+", " ");
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("?");
        } catch (IOException e) {
            // not Linux: the other figures still describe the run
        }
        return String.format(Locale.ROOT, "%d processors (%s), %s, Java %s (%s), %s %s",
                Runtime.getRuntime().availableProcessors(), cpu, memory, System.getProperty("java.version"),
                System.getProperty("java.vm.name"), System.getProperty("os.name"), System.getProperty("os.version"));
    }

    /** The three load averages of /proc/loadavg. */
    public static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + ", " + parts[1] + ", " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }
}
