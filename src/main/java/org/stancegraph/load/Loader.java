package org.stancegraph.load;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicReference;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.apache.jena.graph.Graph;
import org.stancegraph.article.Articles;
import org.stancegraph.graph.ArticleGraph;
import org.stancegraph.source.Printable;
import org.stancegraph.source.SourceOptions;
import org.stancegraph.source.SourceProblem;
import org.stancegraph.source.SourceRecord;
import org.stancegraph.source.Sources;
import org.stancegraph.store.ArticleSink;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Loads files into a store. The calling thread reads the files, in order; a pool of workers
 * cleans and extracts the articles in parallel; one writer thread stores them, many
 * articles per write transaction, in the order they were read. At most {@link Settings#inFlight}
 * articles are between reading and writing at any time, so memory does not grow with the
 * corpus. An input that cannot be read is reported and skipped; the rest of the load goes
 * on, and nothing already stored is touched by a bad input.
 *
 * <p>The writer hands each batch to the store's {@link ArticleSink}, which keeps the store's promises
 * (replacement of later versions, re-extraction of articles stored with other knowledge, the stance
 * summary). When the store holds no article yet, that sink is TDB2's bulk loader, several times faster
 * than inserting quad by quad, which commits everything at the end of the load.
 *
 * <p>The result does not depend on the number of threads: each article's graph is built from
 * that article alone, and the writer stores articles in reading order, so a later version of
 * an article replaces an earlier one exactly as a one-thread load would.
 */
public final class Loader {

    /**
     * How the work is shared out.
     *
     * @param workers   extraction threads
     * @param batchSize articles per write transaction: a commit forces the journal to disk, so
     *                  one commit per article would make the disk, not the CPU, the limit
     * @param inFlight  articles read but not yet written, at most; bounds the memory a load uses
     * @param bulkWhenEmpty use TDB2's bulk loader when the store holds no article yet
     */
    public record Settings(int workers, int batchSize, int inFlight, boolean bulkWhenEmpty) {
        public Settings(int workers, int batchSize, int inFlight) {
            this(workers, batchSize, inFlight, true);
        }

        public Settings {
            if (workers < 1 || batchSize < 1 || inFlight < batchSize) {
                throw new IllegalArgumentException("need workers >= 1, batch size >= 1 and in-flight >= batch size: "
                        + workers + ", " + batchSize + ", " + inFlight);
            }
        }

        /** One worker per available processor, 200 articles per transaction, 1,000 in flight, bulk loading into an empty store. */
        public static Settings standard() {
            return new Settings(Runtime.getRuntime().availableProcessors(), 200, 1000);
        }
    }

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
        public Optional<String> check(String text) {
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

    /** What a load writes to its messages stream while it runs, besides the problems it meets. */
    public enum Progress {
        /** Nothing. */
        NONE,
        /** A progress bar of the files read, redrawn in place: for a terminal. */
        BAR,
        /** One line each time articles are committed to the store: for logs, and for watching a load from outside. */
        LINES,
        /** A line every few seconds: articles read, their rate, inputs skipped; for logs ({@link ProgressLines}). */
        TIMED
    }

    /** How often {@link Progress#TIMED} writes a line unless told otherwise. */
    public static final Duration PROGRESS_EVERY = Duration.ofSeconds(5);

    /** How often the bar's count of articles read is updated. */
    private static final int BAR_RECORD_STEP = 1000;

    private final Store store;
    private final Extraction extraction;
    private final Settings settings;
    private final TextLimits limits;
    private final SourceOptions sourceOptions;

    public Loader(Store store, Extraction extraction) {
        this(store, extraction, Settings.standard());
    }

    public Loader(Store store, Extraction extraction, Settings settings) {
        this(store, extraction, settings, TextLimits.DEFAULT);
    }

    public Loader(Store store, Extraction extraction, Settings settings, TextLimits limits) {
        this(store, extraction, settings, limits, SourceOptions.DEFAULT);
    }

    /** {@code sourceOptions}: the input size limits and the columns of CSV corpora. */
    public Loader(Store store, Extraction extraction, Settings settings, TextLimits limits, SourceOptions sourceOptions) {
        this.store = store;
        this.extraction = extraction;
        this.settings = settings;
        this.limits = limits;
        this.sourceOptions = sourceOptions;
    }

    /** Stores the dictionary (and {@code reference} graphs such as the ontology) in their named graphs. */
    public void storeKnowledge(Graph ontology) {
        store.replaceGraph(SG.DICTIONARY_GRAPH, extraction.dictionary().model().getGraph());
        store.replaceGraph(SG.ONTOLOGY_GRAPH, ontology);
    }

    /**
     * Loads every article of {@code inputs}; problems are printed to {@code messages} as they are met,
     * and so is the {@code progress} asked for.
     */
    public LoadReport load(List<Path> inputs, PrintStream messages, Progress progress) {
        return load(inputs, messages, progress, PROGRESS_EVERY);
    }

    /** As {@link #load(List, PrintStream, Progress)}, with {@link Progress#TIMED} lines at most one per {@code progressEvery}. */
    public LoadReport load(List<Path> inputs, PrintStream messages, Progress progress, Duration progressEvery) {
        List<SourceProblem> problems = new ArrayList<>();
        List<Path> files = Sources.files(inputs, p -> report(p, problems, messages));
        Pipeline pipeline = new Pipeline(progress == Progress.LINES ? messages : null);
        pipeline.start();
        long[] recordsRead = {0};
        ProgressLines timed = progress == Progress.TIMED ? new ProgressLines(messages, progressEvery, problems::size) : null;
        try (ProgressBar bar = progress == Progress.BAR ? bar(files.size(), messages) : null) {
            for (Path file : files) {
                String source = sourceName(file, inputs);
                Sources.read(file, sourceOptions, record -> {
                    // Checked here, in the reading thread, so that problems are reported in reading order.
                    Articles.unreadableDate(record).ifPresent(p -> report(p, problems, messages));
                    Optional<String> overLimit = limits.check(record.body());
                    if (overLimit.isPresent()) {
                        report(new SourceProblem(record.origin(), 0, overLimit.get() + "; not read"), problems, messages);
                    } else {
                        pipeline.submit(record, source);
                        if (timed != null) {
                            timed.articleRead();
                        }
                        if (bar != null && ++recordsRead[0] % BAR_RECORD_STEP == 0) {
                            // a single large JSON Lines file is one step of the bar: count its records too
                            bar.setExtraMessage(recordsRead[0] + " articles read");
                        }
                    }
                }, p -> report(p, problems, messages));
                pipeline.rethrowFailure();
                if (bar != null) {
                    bar.step();
                }
                if (timed != null) {
                    timed.tick();
                }
            }
        } finally {
            pipeline.finish();
        }
        // Printed after the load, in reading order, whichever worker met them.
        pipeline.limited.forEach(limit -> messages.println("limited: " + limit.describe()));
        pipeline.displaced.forEach(d -> messages.println(Printable.of("replaced: article " + d.articleId() + " from "
                + d.source() + " replaces the one from " + d.replacedSource())));
        return new LoadReport(files.size(), pipeline.added, pipeline.replaced, pipeline.unchanged, pipeline.reextracted,
                pipeline.statements, List.copyOf(problems), List.copyOf(pipeline.limited), List.copyOf(pipeline.displaced));
    }

    /**
     * Where {@code file} came from, as recorded with its articles: its path relative to the first folder of
     * {@code inputs} that holds it, with '/' between names, or its file name when it was given itself. Relative,
     * so that loading the same folder from elsewhere records (and exports) the same.
     */
    public static String sourceName(Path file, List<Path> inputs) {
        Path absolute = file.toAbsolutePath().normalize();
        for (Path input : inputs) {
            Path folder = input.toAbsolutePath().normalize();
            if (!absolute.equals(folder) && absolute.startsWith(folder)) {
                List<String> names = new ArrayList<>();
                folder.relativize(absolute).forEach(name -> names.add(name.toString()));
                return String.join("/", names);
            }
        }
        return String.valueOf(absolute.getFileName());
    }

    private static void report(SourceProblem problem, List<SourceProblem> problems, PrintStream messages) {
        problems.add(problem);
        messages.println((problem.isError() ? "skipped: " : "warning: ") + problem.describe());
    }

    private static ProgressBar bar(int files, PrintStream out) {
        return new ProgressBarBuilder().setTaskName("Loading").setInitialMax(files).setUnit(" files", 1)
                .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(out))
                .continuousUpdate().clearDisplayOnFinish().build();
    }

    /** A record in reading order, with its {@link #sourceName}; {@code record == null} tells a worker to stop. */
    private record Job(long sequence, SourceRecord record, String source) {}

    /**
     * An extracted article waiting for the writer, with the input it came from ({@code origin}, for messages; its graph
     * already records its source); {@code result == null} tells the writer to stop.
     */
    private record Done(long sequence, String origin, Extraction.Result result) {}

    /** Reader (the caller) → bounded queue → workers → queue → writer, with a bound on articles in flight. */
    private final class Pipeline {
        private final BlockingQueue<Job> jobs = new ArrayBlockingQueue<>(settings.inFlight());
        private final BlockingQueue<Done> done = new ArrayBlockingQueue<>(settings.inFlight() + settings.workers());
        /** One permit per article between reading and writing. */
        private final Semaphore inFlight = new Semaphore(settings.inFlight());
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final List<Thread> workers = new ArrayList<>();
        private Thread writer;
        private long nextSequence;
        // Written by the writer thread only, read after it has been joined.
        private int added;
        private int replaced;
        private int unchanged;
        private int reextracted;
        /** Statements the store holds, after the load, for the articles loaded. */
        private long statements;
        /** Opened by the writer thread: a bulk load is a transaction, and a transaction belongs to its thread. */
        private ArticleSink sink;
        /** Articles stored without what lies beyond the {@link ExtractionLimits}, in reading order; written by the writer only. */
        private final List<SourceProblem> limited = new ArrayList<>();
        /** Articles that replaced one of their id read from another source, in storing order; written by the writer only. */
        private final List<Store.Displacement> displaced = new ArrayList<>();

        /** Where a line goes for each commit, or null for none. */
        private final PrintStream commitLines;
        /** Articles written into the bulk load so far (writer thread only). */
        private long streamed;

        Pipeline(PrintStream commitLines) {
            this.commitLines = commitLines;
        }

        void start() {
            for (int i = 0; i < settings.workers(); i++) {
                Thread worker = new Thread(this::work, "stancegraph-extract-" + (i + 1));
                worker.setDaemon(true);
                worker.start();
                workers.add(worker);
            }
            writer = new Thread(this::write, "stancegraph-write");
            writer.setDaemon(true);
            writer.start();
        }

        void submit(SourceRecord record, String source) {
            rethrowFailure();
            try {
                while (!inFlight.tryAcquire(100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    rethrowFailure();
                }
                jobs.put(new Job(nextSequence++, record, source));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("load interrupted", e);
            }
        }

        void rethrowFailure() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) {
                throw e;
            }
            if (t instanceof Error e) {
                throw e;
            }
            if (t != null) {
                throw new IllegalStateException(t);
            }
        }

        /** Stops the workers and the writer once everything submitted is stored; rethrows a failure of theirs. */
        void finish() {
            try {
                for (int i = 0; i < workers.size(); i++) {
                    jobs.put(new Job(-1, null, null));
                }
                for (Thread worker : workers) {
                    worker.join();
                }
                done.put(new Done(-1, null, null));
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("load interrupted", e);
            }
            rethrowFailure();
        }

        /** Extracts until told to stop; after a failure anywhere it only drains the queue, so nobody blocks. */
        private void work() {
            try {
                while (true) {
                    Job job = jobs.take();
                    if (job.record() == null) {
                        return;
                    }
                    Extraction.Result result = null;
                    if (failure.get() == null) {
                        try {
                            // The graph is built here, in the worker, with its source: the writer only writes.
                            result = extraction.of(extraction.article(job.record()));
                            ArticleGraph.addSource(result.graph(), result.graphIri(), job.source());
                        } catch (Throwable t) {
                            fail(t);
                        }
                    }
                    done.put(new Done(job.sequence(), job.record().origin(), result));
                }
            } catch (InterruptedException e) {
                fail(e);
            }
        }

        /** Stores results in reading order, {@code batchSize} articles per transaction. */
        private void write() {
            PriorityQueue<Done> waiting = new PriorityQueue<>((a, b) -> Long.compare(a.sequence(), b.sequence()));
            List<Done> batch = new ArrayList<>(settings.batchSize());
            long expected = 0;
            try {
                sink = store.articleSink(settings.bulkWhenEmpty(), settings.batchSize());
            } catch (Throwable t) {
                fail(t);
            }
            try {
                while (true) {
                    Done next = done.take();
                    boolean last = next.result() == null && next.sequence() < 0;
                    if (!last) {
                        waiting.add(next);
                    }
                    while (!waiting.isEmpty() && waiting.peek().sequence() == expected) {
                        Done ready = waiting.poll();
                        Extraction.Result result = ready.result();
                        expected++;
                        if (result != null) {
                            result.leftOut().ifPresent(why -> limited.add(new SourceProblem(ready.origin(), 0, why)));
                            batch.add(ready);
                        }
                        if (batch.size() >= settings.batchSize()) {
                            storeOrFail(batch);
                        }
                    }
                    // At the end, or when the workers have nothing queued, store what is ready rather than wait.
                    if (last || (waiting.isEmpty() && done.isEmpty() && jobs.isEmpty())) {
                        storeOrFail(batch);
                    }
                    if (last) {
                        finishSink();
                        return;
                    }
                }
            } catch (InterruptedException e) {
                fail(e);
            }
        }

        /** Ends the sink's writing (abandoning it after a failure), and counts what it stored last. */
        private void finishSink() {
            if (failure.get() != null) {
                if (sink != null) {
                    sink.abandon(failure.get());
                }
                return;
            }
            try {
                int before = added + replaced + unchanged + reextracted;
                List<Store.Stored> postponed = sink.finish();
                if (!sink.commitsEachPut()) {
                    tellCommitted(before, "in one bulk transaction");
                }
                count(postponed);
                if (!postponed.isEmpty()) {
                    tellCommitted(postponed.size(), "replacing articles met again in the bulk load");
                }
            } catch (Throwable t) {
                fail(t);
            }
        }

        /** Stores a batch; a failure is kept for the reader and the writer goes on draining. */
        private void storeOrFail(List<Done> batch) {
            try {
                store(batch);
            } catch (Throwable t) {
                batch.clear();
                fail(t);
            }
        }

        private void store(List<Done> batch) {
            if (failure.get() != null) {
                batch.clear();
                return;
            }
            if (batch.isEmpty()) {
                return;
            }
            count(sink.put(graphs(batch)));
            if (sink.commitsEachPut()) {
                tellCommitted(batch.size(), "in one transaction");
            } else {
                tellStreamed(batch.size());
            }
            inFlight.release(batch.size());
            batch.clear();
        }

        private void tellCommitted(int articles, String how) {
            if (commitLines != null) {
                commitLines.printf("committed %d articles %s (%d stored so far: %d new, %d replaced, %d re-extracted, %d unchanged)%n",
                        articles, how, added + replaced + reextracted + unchanged, added, replaced, reextracted, unchanged);
            }
        }

        /**
         * The bulk loader commits once, at its end: without these lines a large load into an empty
         * store would show nothing for minutes. They say "streamed", not "committed": a load killed
         * now keeps none of them (the kill test counts only committed articles).
         */
        private void tellStreamed(int articles) {
            streamed += articles;
            if (commitLines != null) {
                commitLines.printf("streamed %d articles into the bulk load (%d so far; they are committed together when it ends)%n",
                        articles, streamed);
            }
        }

        private void count(List<Store.Stored> stored) {
            for (Store.Stored article : stored) {
                switch (article.outcome()) {
                    case ADDED -> added++;
                    case REPLACED -> replaced++;
                    case UNCHANGED -> unchanged++;
                    case REEXTRACTED -> reextracted++;
                }
                statements += article.statements();
                if (article.displaced() != null) {
                    displaced.add(article.displaced());
                }
            }
        }

        private List<Store.ArticleGraph> graphs(List<Done> batch) {
            List<Store.ArticleGraph> graphs = new ArrayList<>(batch.size());
            for (Done done : batch) {
                Extraction.Result result = done.result();
                graphs.add(new Store.ArticleGraph(result.graphIri(), result.article().id(), result.graph()));
            }
            return graphs;
        }

        private void fail(Throwable t) {
            failure.compareAndSet(null, t);
            inFlight.release(settings.inFlight());
        }
    }
}
