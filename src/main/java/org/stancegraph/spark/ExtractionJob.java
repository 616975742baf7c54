package org.stancegraph.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.io.compress.GzipCodec;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.util.SerializableConfiguration;
import org.stancegraph.knowledge.ProjectHome;
import org.stancegraph.load.Loader;
import org.stancegraph.source.SourceProblem;
import org.stancegraph.source.Sources;

/**
 * The extraction of {@code stancegraph load}, spread over a Spark cluster: reads a corpus (the formats {@code load}
 * reads, from any Hadoop file system), extracts every article, and writes under the output folder
 * <ul>
 *   <li>{@code quads/part-NNNNN.gz}: gzip-compressed N-Quads, each article in its own named graph, the quads
 *       {@code load} stores for it; {@code stancegraph build-store} makes a database of them;</li>
 *   <li>{@code articles/}, {@code mentions/}, {@code statements/}, {@code pairs/}: Parquet tables (statements with
 *       the columns of queries/positions.rq; pairs as the stance summary counts them);</li>
 *   <li>{@code report.json}: articles read, records skipped and why, statements, and each task's throughput.</li>
 * </ul>
 * A file or record that cannot be read is reported with its place and skipped, as {@code load} does; the job goes on.
 *
 * <p>Usage: {@code ExtractionJob [--home DIR] [--partitions N] INPUT... OUTPUT}. The knowledge files are read from
 * {@code --home} (default: the driver's project home) on each executor, once: the folder must be there on every node.
 */
public final class ExtractionJob {

    /** What the job was given. */
    record Arguments(List<String> inputs, String output, String home, int partitions) {
        static Arguments parse(String[] args) {
            List<String> paths = new ArrayList<>();
            String home = ProjectHome.home().toAbsolutePath().toString();
            int partitions = 0;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--home" -> home = Path.of(value(args, ++i)).toAbsolutePath().toString();
                    case "--partitions" -> partitions = Integer.parseInt(value(args, ++i));
                    default -> paths.add(args[i]);
                }
            }
            if (paths.size() < 2) {
                throw new IllegalArgumentException("usage: ExtractionJob [--home DIR] [--partitions N] INPUT... OUTPUT");
            }
            return new Arguments(List.copyOf(paths.subList(0, paths.size() - 1)), paths.get(paths.size() - 1), home, partitions);
        }

        private static String value(String[] args, int i) {
            if (i >= args.length) {
                throw new IllegalArgumentException(args[i - 1] + " needs a value");
            }
            return args[i];
        }
    }

    private ExtractionJob() {}

    public static void main(String[] args) {
        Arguments arguments = Arguments.parse(args);
        try (SparkSession spark = SparkSession.builder().appName("stancegraph-extraction").getOrCreate()) {
            RunReport report = run(spark, arguments);
            System.err.println(report.summary());
        }
    }

    /** Runs the job in {@code spark}; returns its report, also written as {@code report.json} in the output folder. */
    static RunReport run(SparkSession spark, Arguments arguments) {
        long started = System.nanoTime();
        JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        Configuration hadoop = context.hadoopConfiguration();
        List<Extracted.Problem> listingProblems = new ArrayList<>();
        List<InputFile> files = list(arguments.inputs(), hadoop, listingProblems);
        int partitions = Math.max(1, arguments.partitions() > 0 ? Math.min(arguments.partitions(), files.size())
                : Math.min(files.size(), context.defaultParallelism() * 4));

        Broadcast<SerializableConfiguration> conf = context.broadcast(new SerializableConfiguration(hadoop));
        String home = arguments.home();
        // parallelize keeps the files' order: partition i, and so shard part-i, holds files in reading order.
        JavaRDD<Extracted> extracted = context.parallelize(files, partitions)
                .mapPartitions(part -> extract(part, home, conf.value().value()))
                // On disk only: an element carries an article's whole graph as text, and a partition held in memory
                // (what MEMORY_AND_DISK tries first) ran two tasks of 1,000 articles out of a 2 GB heap.
                .persist(StorageLevel.DISK_ONLY());
        JavaRDD<Extracted.Article> articles = extracted.filter(e -> e instanceof Extracted.Article).map(e -> (Extracted.Article) e);

        String out = arguments.output().endsWith("/") ? arguments.output() : arguments.output() + "/";
        articles.map(Extracted.Article::nquads).saveAsTextFile(out + "quads", GzipCodec.class);
        Dataset<Row> articleTable = spark.createDataFrame(articles.map(a -> a.article().row()), Rows.ARTICLES);
        articleTable.write().mode(SaveMode.ErrorIfExists).parquet(out + "articles");
        spark.createDataFrame(articles.flatMap(a -> a.mentions().stream().map(Rows.MentionRow::row).iterator()), Rows.MENTIONS)
                .write().mode(SaveMode.ErrorIfExists).parquet(out + "mentions");
        Dataset<Row> statements = spark.createDataFrame(
                articles.flatMap(a -> a.statements().stream().map(Rows.StatementRow::row).iterator()), Rows.STATEMENTS);
        statements.write().mode(SaveMode.ErrorIfExists).parquet(out + "statements");
        pairs(statements).write().mode(SaveMode.ErrorIfExists).parquet(out + "pairs");

        List<Extracted> small = extracted.filter(e -> !(e instanceof Extracted.Article)).collect();
        List<Row> duplicates = articleTable.groupBy("article").count().filter(col("count").gt(1)).orderBy("article").collectAsList();
        extracted.unpersist();
        RunReport report = RunReport.of(arguments, files.size(), partitions, listingProblems, small,
                duplicates.stream().map(r -> r.getString(0)).toList(), System.nanoTime() - started);
        write(report, out + "report.json", hadoop);
        return report;
    }

    private static Iterator<Extracted> extract(Iterator<InputFile> files, String home, Configuration hadoop) {
        return new FileTask(files, ExecutorKnowledge.of(home), hadoop);
    }

    /**
     * The stance summary's numbers per (actor, target), as {@code StanceSummary} sums them: over the statements of
     * class support or oppose with a target, each statement once (a statement node of the graph; rows repeated for
     * several labels are one), with the articles counted distinct and the dates' range.
     */
    static Dataset<Row> pairs(Dataset<Row> statements) {
        Dataset<Row> stances = statements.filter(col("class").isin("support", "oppose").and(col("target_iri").isNotNull()))
                .select("statement", "class", "actor_iri", "target_iri", "article_iri", "date").distinct();
        Dataset<Row> labels = statements.select("actor_iri", "actor", "actor_wikidata").distinct()
                .groupBy("actor_iri").agg(min("actor").as("label"), first("actor_wikidata", true).as("wikidata"));
        return stances.groupBy("actor_iri", "target_iri")
                .agg(sum(when(col("class").equalTo("support"), 1).otherwise(0)).as("supporting"),
                        sum(when(col("class").equalTo("oppose"), 1).otherwise(0)).as("opposing"),
                        count(col("date")).as("dated"),
                        countDistinct(col("article_iri")).as("articles"),
                        min("date").as("first_date"), max("date").as("last_date"))
                .join(labels.withColumnRenamed("actor_iri", "a").withColumnRenamed("label", "actor")
                        .withColumnRenamed("wikidata", "actor_wikidata"), col("actor_iri").equalTo(col("a")), "left")
                .drop("a")
                .join(labels.withColumnRenamed("actor_iri", "t").withColumnRenamed("label", "target")
                        .withColumnRenamed("wikidata", "target_wikidata"), col("target_iri").equalTo(col("t")), "left")
                .drop("t")
                .select("actor_iri", "actor", "actor_wikidata", "target_iri", "target", "target_wikidata", "supporting", "opposing",
                        "dated", "articles", "first_date", "last_date")
                .orderBy("actor_iri", "target_iri");
    }

    /**
     * The files to read, in {@code load}'s order. Local folders are walked by {@link Sources#files}, with its checks
     * (links out of the folder, loops); other file systems are listed recursively, sorted by path, hidden entries left out.
     */
    static List<InputFile> list(List<String> inputs, Configuration hadoop, List<Extracted.Problem> problems) {
        List<InputFile> files = new ArrayList<>();
        for (String input : inputs) {
            URI uri = new org.apache.hadoop.fs.Path(input).toUri();
            if (uri.getScheme() == null || "file".equals(uri.getScheme())) {
                Path local = uri.getScheme() == null ? Path.of(input) : Path.of(uri);
                for (Path file : Sources.files(List.of(local), p -> problems.add(problem(p)))) {
                    files.add(new InputFile(file.toAbsolutePath().normalize().toUri().toString(), Loader.sourceName(file, List.of(local))));
                }
            } else {
                listRemote(new org.apache.hadoop.fs.Path(input), hadoop, files, problems);
            }
        }
        return files;
    }

    private static void listRemote(org.apache.hadoop.fs.Path input, Configuration hadoop, List<InputFile> files,
                                   List<Extracted.Problem> problems) {
        try {
            FileSystem fs = input.getFileSystem(hadoop);
            FileStatus given = fs.getFileStatus(input);
            String root = given.getPath().toUri().getPath();
            List<String> found = new ArrayList<>();
            if (given.isFile()) {
                found.add(given.getPath().toString());
            } else {
                RemoteIterator<LocatedFileStatus> walk = fs.listFiles(input, true);
                while (walk.hasNext()) {
                    org.apache.hadoop.fs.Path path = walk.next().getPath();
                    String relative = path.toUri().getPath().substring(root.length());
                    if (!relative.contains("/.")) {
                        found.add(path.toString());
                    }
                }
            }
            found.sort(null);
            for (String path : found) {
                org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path);
                String extension = file.getName().contains(".")
                        ? file.getName().substring(file.getName().lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
                if (!Sources.knownExtensions().contains(extension)) {
                    problems.add(new Extracted.Problem("skipped", path, 0, "unknown file type \"." + extension + "\"; not read"));
                    continue;
                }
                String source = given.isFile() ? file.getName() : file.toUri().getPath().substring(root.length() + 1);
                files.add(new InputFile(path, source));
            }
        } catch (IOException e) {
            problems.add(new Extracted.Problem("skipped", input.toString(), 0, "cannot list: " + e));
        }
    }

    private static Extracted.Problem problem(SourceProblem p) {
        return new Extracted.Problem("skipped", p.file(), p.line(), p.message());
    }

    private static void write(RunReport report, String path, Configuration hadoop) {
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(path);
        try (OutputStream out = file.getFileSystem(hadoop).create(file, false)) {
            out.write(report.json().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run report " + path, e);
        }
    }
}
