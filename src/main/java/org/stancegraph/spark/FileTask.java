package org.stancegraph.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.Quad;
import org.apache.spark.TaskContext;
import org.stancegraph.graph.ArticleGraph;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.source.SourceProblem;
import org.stancegraph.source.SourceRecord;
import org.stancegraph.source.Sources;

/**
 * One task of the job: reads its files with the source readers, one record at a time, extracts each article as
 * {@code load} does ({@link Loader.TextLimits}, then {@link Extraction}), and emits what it got, ending with its
 * numbers. Records are pulled through a small queue from a reading thread, so a task holds a few articles, not a file.
 */
final class FileTask implements Iterator<Extracted> {
    /** Records read ahead of the extraction. */
    private static final int READ_AHEAD = 16;

    private final Iterator<InputFile> files;
    private final Extraction extraction;
    private final Configuration hadoop;
    private final int partition;
    private final long started = System.nanoTime();
    private int filesRead;
    private long articles;
    private long statements;
    private long quads;
    private boolean statsSent;

    private InputFile file;
    private Reading reading;
    private Extracted next;
    /** Articles cut at the extraction limits, emitted after the article. */
    private final java.util.ArrayDeque<Extracted> limited = new java.util.ArrayDeque<>();

    FileTask(Iterator<InputFile> files, Extraction extraction, Configuration hadoop) {
        this.files = files;
        this.extraction = extraction;
        this.hadoop = hadoop;
        TaskContext context = TaskContext.get();
        this.partition = context == null ? 0 : context.partitionId();
        if (context != null) {
            // A task that fails or is cancelled stops its reading thread too.
            context.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) c -> {
                if (reading != null) {
                    reading.close();
                }
            });
        }
    }

    @Override
    public boolean hasNext() {
        while (next == null) {
            if (!limited.isEmpty()) {
                next = limited.poll();
                break;
            }
            if (reading == null) {
                if (!files.hasNext()) {
                    if (statsSent) {
                        return false;
                    }
                    statsSent = true;
                    next = new Extracted.TaskStats(partition, executor(), filesRead, articles, statements, quads, System.nanoTime() - started);
                    return true;
                }
                file = files.next();
                filesRead++;
                reading = new Reading(file, hadoop);
            }
            Object item = reading.take();
            if (item == Reading.END) {
                reading.close();
                reading = null;
            } else if (item instanceof SourceProblem problem) {
                next = new Extracted.Problem("skipped", problem.file(), problem.line(), problem.message());
            } else {
                next = extract((SourceRecord) item);
            }
        }
        return true;
    }

    @Override
    public Extracted next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Extracted out = next;
        next = null;
        return out;
    }

    private Extracted extract(SourceRecord record) {
        Optional<String> overLimit = Loader.TextLimits.DEFAULT.check(record.body());
        if (overLimit.isPresent()) {
            return new Extracted.Problem("skipped", record.origin(), 0, overLimit.get() + "; not read");
        }
        Extraction.Result result = extraction.of(extraction.article(record));
        result.leftOut().ifPresent(why -> limited.add(new Extracted.Problem("limited", record.origin(), 0, why)));
        Graph graph = result.graph();
        ArticleGraph.addSource(graph, result.graphIri(), file.source());
        Node name = NodeFactory.createURI(result.graphIri());
        List<Quad> graphQuads = new ArrayList<>(graph.size());
        graph.find().forEachRemaining(t -> graphQuads.add(Quad.create(name, t)));
        ByteArrayOutputStream text = new ByteArrayOutputStream(graphQuads.size() * 160);
        RDFDataMgr.writeQuads(text, graphQuads.iterator());
        String nquads = text.toString(StandardCharsets.UTF_8);
        articles++;
        statements += result.statements().size();
        quads += graphQuads.size();
        // saveAsTextFile ends each element with a line break of its own
        return new Extracted.Article(Rows.article(result, file.source()), Rows.mentions(result),
                Rows.statements(result, extraction.dictionary()), nquads.endsWith("\n") ? nquads.substring(0, nquads.length() - 1) : nquads,
                graphQuads.size());
    }

    private static String executor() {
        try {
            return InetAddress.getLocalHost().getHostName() + "/" + ProcessHandle.current().pid();
        } catch (IOException e) {
            return "pid " + ProcessHandle.current().pid();
        }
    }

    /**
     * One file being read by a thread of its own into a bounded queue: {@link Sources#read} pushes records to a
     * consumer, a Spark task pulls them. A file of another file system (HDFS, S3) is first copied to a local
     * temporary folder under its own name, since the readers take a local path and the default article id is the
     * file's name.
     */
    private static final class Reading {
        static final Object END = new Object();
        private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(READ_AHEAD);
        private final Thread thread;
        private volatile boolean closed;

        Reading(InputFile file, Configuration hadoop) {
            thread = new Thread(() -> read(file, hadoop), "stancegraph-read");
            thread.setDaemon(true);
            thread.start();
        }

        private void read(InputFile file, Configuration hadoop) {
            Path copy = null;
            try {
                URI uri = URI.create(file.path());
                Path local;
                if ("file".equals(uri.getScheme())) {
                    local = Path.of(uri);
                } else {
                    org.apache.hadoop.fs.Path remote = new org.apache.hadoop.fs.Path(uri);
                    copy = Files.createTempDirectory("stancegraph-input");
                    local = copy.resolve(remote.getName());
                    FileSystem.get(uri, hadoop).copyToLocalFile(remote, new org.apache.hadoop.fs.Path(local.toUri()));
                }
                String shown = copy == null ? local.toString() : file.path();
                Path localCopy = copy;
                Sources.read(local, this::put, problem -> put(localCopy == null ? problem
                        : new SourceProblem(shown, problem.line(), problem.message())));
            } catch (IOException | RuntimeException e) {
                put(new SourceProblem(file.path(), 0, "cannot read: " + e));
            } finally {
                if (copy != null) {
                    deleteQuietly(copy);
                }
                put(END);
            }
        }

        private void put(Object item) {
            try {
                while (!closed && !queue.offer(item, 100, java.util.concurrent.TimeUnit.MILLISECONDS)) {
                    // the task is still extracting: wait for room
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("reading interrupted", e);
            }
        }

        Object take() {
            try {
                return queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("task interrupted", e);
            }
        }

        void close() {
            closed = true;
            thread.interrupt();
        }

        private static void deleteQuietly(Path folder) {
            try (var walk = Files.walk(folder)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the temporary copy " + folder, e);
            }
        }
    }
}
