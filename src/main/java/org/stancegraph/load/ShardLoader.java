package org.stancegraph.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.CollectionGraph;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.system.StreamRDFBase;
import org.apache.jena.sparql.core.Quad;
import org.stancegraph.store.ArticleSink;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Loads the N-Quads shards that the Spark extraction job wrote (one named graph per article, each article's quads
 * together) into a new database: the shards are read in name order, each article handed to the store's
 * {@link Store#newDatabaseSink}, which bulk-loads them and sums the stance summary as a load does. An article id met
 * again in a later shard replaces the earlier version, as in a load of the same files in the same order.
 */
public final class ShardLoader {

    /** What a build stored. */
    public record Built(int shards, long articles, long replaced, long statements) {}

    private final Store store;
    private final int batchSize;

    public ShardLoader(Store store, int batchSize) {
        this.store = store;
        this.batchSize = batchSize;
    }

    /** The shard files under {@code folder} (files ending .nq or .nq.gz, or Spark's part-NNNNN.gz), in name order. */
    public static List<Path> shards(Path folder) {
        if (Files.isRegularFile(folder)) {
            return List.of(folder);
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> shards = files.filter(Files::isRegularFile)
                    .filter(f -> {
                        String name = f.getFileName().toString();
                        return !name.startsWith(".") && !name.startsWith("_") && (name.endsWith(".gz") || name.endsWith(".nq"));
                    })
                    .sorted(Comparator.comparing(f -> f.getFileName().toString()))
                    .toList();
            if (shards.isEmpty()) {
                throw new IllegalArgumentException("no N-Quads shards (.nq, .gz) in " + folder);
            }
            return shards;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the shards in " + folder, e);
        }
    }

    public Built load(List<Path> shards) {
        ArticleSink sink = store.newDatabaseSink(batchSize);
        Counts counts = new Counts();
        try {
            for (Path shard : shards) {
                List<Store.ArticleGraph> batch = new ArrayList<>(batchSize);
                try (InputStream in = open(shard)) {
                    RDFParser.source(in).lang(Lang.NQUADS).parse(new Grouping(shard, article -> {
                        batch.add(article);
                        if (batch.size() >= batchSize) {
                            counts.add(sink.put(batch));
                            batch.clear();
                        }
                    }));
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read the shard " + shard, e);
                }
                counts.add(sink.put(batch));
            }
            counts.add(sink.finish());
        } catch (RuntimeException e) {
            sink.abandon(e);
            throw e;
        }
        return new Built(shards.size(), counts.articles, counts.replaced, counts.statements);
    }

    private static InputStream open(Path shard) throws IOException {
        InputStream in = Files.newInputStream(shard);
        return shard.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private static final class Counts {
        long articles;
        long replaced;
        long statements;

        void add(List<Store.Stored> stored) {
            for (Store.Stored s : stored) {
                switch (s.outcome()) {
                    case ADDED -> articles++;
                    case REPLACED -> replaced++;
                    default -> { }
                }
                statements += s.statements();
            }
        }
    }

    /** Collects the quads of one graph at a time; the job writes each article's quads together. */
    private static final class Grouping extends StreamRDFBase {
        private final Path shard;
        private final java.util.function.Consumer<Store.ArticleGraph> articles;
        private Node graphName;
        private Graph graph;

        Grouping(Path shard, java.util.function.Consumer<Store.ArticleGraph> articles) {
            this.shard = shard;
            this.articles = articles;
        }

        @Override
        public void quad(Quad quad) {
            if (quad.isDefaultGraph()) {
                throw new IllegalArgumentException(shard + ": a triple outside an article graph: " + quad);
            }
            if (!quad.getGraph().equals(graphName)) {
                flush();
                graphName = quad.getGraph();
                graph = new CollectionGraph(new LinkedHashSet<>());
            }
            graph.add(quad.asTriple());
        }

        @Override
        public void triple(Triple triple) {
            throw new IllegalArgumentException(shard + ": a triple outside an article graph: " + triple);
        }

        @Override
        public void finish() {
            flush();
        }

        private void flush() {
            if (graph == null) {
                return;
            }
            var ids = graph.find(graphName, SG.articleId.asNode(), Node.ANY);
            if (!ids.hasNext()) {
                throw new IllegalArgumentException(shard + ": graph " + graphName.getURI() + " is not an article (no sg:articleId)");
            }
            String id = ids.next().getObject().getLiteralLexicalForm();
            ids.close();
            articles.accept(new Store.ArticleGraph(graphName.getURI(), id, graph));
            graph = null;
            graphName = null;
        }
    }
}
