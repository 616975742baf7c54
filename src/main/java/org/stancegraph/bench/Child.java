package org.stancegraph.bench;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import org.apache.jena.atlas.iterator.Iter;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.LoadReport;
import org.stancegraph.load.Loader;
import org.stancegraph.query.Queries;
import org.stancegraph.server.ServerOptions;
import org.stancegraph.server.SparqlServer;
import org.stancegraph.source.Sources;
import org.stancegraph.store.Store;

/**
 * The measured steps of the benchmark, each run by {@link Bench} in a JVM of its own with a
 * fixed heap limit, so that peak heap and resident memory belong to that step alone. Each
 * prints its figures as {@code key=value} lines on standard output.
 */
public final class Child {

    private Child() {
    }

    public static void main(String[] args) throws Exception {
        try (Probe probe = new Probe()) {
            switch (args[0]) {
                case "extract" -> extract(Path.of(args[1]));
                case "load" -> load(Path.of(args[1]), Path.of(args[2]));
                case "dump" -> dump(Path.of(args[1]), Path.of(args[2]));
                case "queries" -> queries(Path.of(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                        Long.parseLong(args[5]));
                default -> throw new IllegalArgumentException("unknown step " + args[0]);
            }
            System.out.println("peakHeap=" + probe.peakHeapBytes());
            System.out.println("peakRss=" + Probe.peakRssBytes());
            System.out.println("maxHeap=" + Runtime.getRuntime().maxMemory());
        }
        System.exit(0);
    }

    /** Reading, cleaning, extraction and graph building on every core, nothing stored. */
    static void extract(Path corpus) throws InterruptedException {
        Extraction extraction = Extraction.standard();
        int workers = Runtime.getRuntime().availableProcessors();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        Semaphore inFlight = new Semaphore(1000);
        AtomicLong articles = new AtomicLong();
        AtomicLong bytes = new AtomicLong();
        AtomicLong triples = new AtomicLong();
        AtomicLong statements = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        long start = System.nanoTime();
        for (Path file : Sources.files(List.of(corpus), p -> System.err.println("skipped: " + p.describe()))) {
            Sources.read(file, record -> {
                inFlight.acquireUninterruptibly();
                pool.execute(() -> {
                    try {
                        Extraction.Result result = extraction.of(extraction.article(record));
                        triples.addAndGet(result.graph().size());
                        statements.addAndGet(result.statements().size());
                        bytes.addAndGet(record.body().getBytes(StandardCharsets.UTF_8).length);
                        articles.incrementAndGet();
                    } catch (Throwable t) {
                        failure.compareAndSet(null, t);
                    } finally {
                        inFlight.release();
                    }
                });
            }, p -> System.err.println("skipped: " + p.describe()));
        }
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.DAYS);
        if (failure.get() != null) {
            throw new IllegalStateException(failure.get());
        }
        long nanos = System.nanoTime() - start;
        System.out.println("seconds=" + nanos / 1e9);
        System.out.println("articles=" + articles.get());
        System.out.println("bytes=" + bytes.get());
        System.out.println("triples=" + triples.get());
        System.out.println("statements=" + statements.get());
    }

    /** The load command's path: knowledge graphs, then every article, into a new TDB2 database. */
    static void load(Path corpus, Path db) {
        long start = System.nanoTime();
        LoadReport report;
        try (Store store = Store.open(db)) {
            Loader loader = new Loader(store, Extraction.standard());
            loader.storeKnowledge(Ontology.load());
            report = loader.load(List.of(corpus), System.err, Loader.Progress.NONE);
            long nanos = System.nanoTime() - start;
            long quads = store.read(d -> Iter.count(d.find()));
            System.out.println("seconds=" + nanos / 1e9);
            System.out.println("articles=" + report.articles());
            System.out.println("statements=" + report.statements());
            System.out.println("quads=" + quads);
        }
    }

    /** Writes the whole store as N-Quads, the input of Jena's own bulk loader. */
    static void dump(Path db, Path nquads) {
        try (Store store = Store.open(db); OutputStream out = new BufferedOutputStream(Files.newOutputStream(nquads), 1 << 20)) {
            StreamRDF writer = StreamRDFWriter.getWriterStream(out, Lang.NQUADS);
            writer.start();
            // Named graphs only: the default graph is their union, not data of its own.
            store.read(dataset -> {
                dataset.find().forEachRemaining(writer::quad);
                return null;
            });
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Timed runs of each query however long it takes: fewer would make the 95th percentile meaningless. */
    private static final int MIN_TIMED_RUNS = 3;

    /**
     * Serves the store on a free port and sends each query of {@link Bench#QUERIES} over HTTP, warm-ups
     * first; a query's warm-ups and runs stop once {@code budgetMillis} is spent, after one warm-up
     * and three timed runs at least.
     */
    static void queries(Path db, Path fusekiBase, int warmups, int runs, long budgetMillis) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ServerOptions options = ServerOptions.defaults().withPort(0).withQueryTimeout(Duration.ofMinutes(10))
                .withFusekiBase(fusekiBase);
        try (Store store = Store.open(db); SparqlServer.Running server = SparqlServer.start(store, options)) {
            for (String name : Bench.QUERIES) {
                String query = Queries.resolve(name, Queries.home()).text();
                long deadline = System.nanoTime() + budgetMillis * 1_000_000;
                Answer answer = null;
                for (int i = 0; i < warmups && (i < 1 || System.nanoTime() < deadline); i++) {
                    answer = ask(http, server.sparqlEndpoint(), query);
                }
                double[] millis = new double[runs];
                double[] firstRowMillis = new double[runs];
                int timed = 0;
                while (timed < runs && (timed < MIN_TIMED_RUNS || System.nanoTime() < deadline)) {
                    answer = ask(http, server.sparqlEndpoint(), query);
                    millis[timed] = answer.millis();
                    firstRowMillis[timed++] = answer.firstRowMillis();
                }
                double[] sorted = Arrays.copyOf(millis, timed);
                Arrays.sort(sorted);
                double[] firstRows = Arrays.copyOf(firstRowMillis, timed);
                Arrays.sort(firstRows);
                System.out.println(name + ".lines=" + answer.lines());
                System.out.println(name + ".runs=" + timed);
                System.out.println(name + ".median=" + Bench.percentile(sorted, 50));
                System.out.println(name + ".p95=" + Bench.percentile(sorted, 95));
                System.out.println(name + ".firstRowMedian=" + Bench.percentile(firstRows, 50));
                System.out.println(name + ".firstRowP95=" + Bench.percentile(firstRows, 95));
            }
        }
    }

    /** One timed answer: its lines (header included), the time to the whole answer and to its first row (NaN without rows). */
    private record Answer(long lines, double millis, double firstRowMillis) {}

    /** Runs one query and reads the whole answer (TSV), noting when the first row (the line after the header) arrived. */
    private static Answer ask(HttpClient http, URI endpoint, String query) {
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "text/tab-separated-values")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        long start = System.nanoTime();
        try {
            HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("query answered HTTP " + response.statusCode());
            }
            try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                long lines = 0;
                double firstRow = Double.NaN;
                while (body.readLine() != null) {
                    if (++lines == 2) {
                        firstRow = (System.nanoTime() - start) / 1e6;
                    }
                }
                return new Answer(lines, (System.nanoTime() - start) / 1e6, firstRow);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
