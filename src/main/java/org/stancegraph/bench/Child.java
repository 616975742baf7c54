package org.stancegraph.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import org.apache.jena.system.Txn;
import org.stancegraph.article.Articles;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.LoadReport;
import org.stancegraph.load.Loader;
import org.stancegraph.rdf.Ontology;
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
                        Extraction.Result result = extraction.of(Articles.from(record));
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
            report = loader.load(List.of(corpus), System.err, false);
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
            Txn.executeRead(store.dataset(), () -> store.dataset().find().forEachRemaining(writer::quad));
            writer.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.println("seconds=0");
    }
}
