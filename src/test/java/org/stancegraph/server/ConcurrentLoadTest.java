package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.SyntheticCorpus;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.LoadReport;
import org.stancegraph.load.Loader;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Queries while a load runs into the store the server serves (the design of {@code start}: one
 * process, one store, each article one write transaction, each query one read transaction).
 * Concurrent clients on loopback count the triples of every article graph; each count they see
 * must be the article's final count (all of it) or the article must be missing (none of it).
 * Prints throughput and errors.
 *
 * <p>Short form (CI): 8 clients, 60 articles. Long form ({@code -Dstancegraph.longTests=true}):
 * 16 clients, 300 articles.
 */
class ConcurrentLoadTest {

    private static final boolean LONG = Boolean.getBoolean("stancegraph.longTests");
    private static final int CLIENTS = LONG ? 16 : 8;
    private static final int ARTICLES = LONG ? 300 : 60;
    /** Each client asks at least this many queries, and goes on while the load runs. */
    private static final int MIN_QUERIES_PER_CLIENT = 50;
    private static final Duration DEADLINE = Duration.ofMinutes(LONG ? 10 : 2);

    private static final String COUNTS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
            + "FILTER(STRSTARTS(STR(?g), \"" + SG.ARTICLE_NS + "\")) } GROUP BY ?g";

    @TempDir
    Path work;

    @Test
    void queriesDuringALoadSeeEachArticleWholeOrNotAtAll() throws Exception {
        Path corpus = SyntheticCorpus.write(work.resolve("corpus"), ARTICLES, 13);
        Extraction extraction = Extraction.standard();
        try (Store store = Store.inMemory();
             SparqlServer.Running server = SparqlServer.start(store, ServerOptions.defaults().withPort(0)
                     .withFusekiBase(work.resolve("fuseki")))) {
            AtomicBoolean loading = new AtomicBoolean(true);
            LoadReport[] report = new LoadReport[1];
            Thread loader = new Thread(() -> {
                try {
                    // Small batches, no bulk loading: the path of a load into a served store that already
                    // holds articles, where queries can meet a load half done.
                    report[0] = new Loader(store, extraction, new Loader.Settings(2, 5, 20, false)).load(List.of(corpus),
                            new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8), Loader.Progress.NONE);
                } finally {
                    loading.set(false);
                }
            }, "loader");

            ConcurrentLinkedQueue<Map<String, Integer>> seen = new ConcurrentLinkedQueue<>();
            ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
            AtomicInteger queries = new AtomicInteger();
            long deadline = System.nanoTime() + DEADLINE.toNanos();
            // The load starts once every client has had an answer, so that queries are already coming
            // in while the first articles are stored, however fast the load is.
            CountDownLatch clientsAnswered = new CountDownLatch(CLIENTS);
            List<Thread> clients = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                clients.add(new Thread(() -> {
                    for (int q = 0; (q < MIN_QUERIES_PER_CLIENT || loading.get()) && System.nanoTime() < deadline; q++) {
                        try {
                            seen.add(articleCounts(server));
                            queries.incrementAndGet();
                        } catch (RuntimeException e) {
                            errors.add(e.toString());
                        }
                        if (q == 0) {
                            clientsAnswered.countDown();
                        }
                    }
                }, "client-" + c));
            }
            long start = System.nanoTime();
            clients.forEach(Thread::start);
            assertTrue(clientsAnswered.await(DEADLINE.toMillis(), TimeUnit.MILLISECONDS), "the clients got no answer");
            loader.start();
            loader.join(DEADLINE.toMillis());
            for (Thread client : clients) {
                client.join(DEADLINE.toMillis());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            System.out.printf("ConcurrentLoadTest: %d clients, %d queries in %.1f s (%.0f queries/s), %d errors, "
                            + "while loading %d articles%n",
                    CLIENTS, queries.get(), seconds, queries.get() / seconds, errors.size(), ARTICLES);

            assertEquals(List.of(), List.copyOf(errors));
            assertEquals(ARTICLES, report[0].added(), report[0].problems().toString());
            Map<String, Integer> last = articleCounts(server);
            assertEquals(ARTICLES, last.size());
            long partialViews = 0;
            for (Map<String, Integer> view : seen) {
                view.forEach((graph, count) -> assertEquals(last.get(graph), count, "half of article " + graph + " seen"));
                if (!view.isEmpty() && view.size() < ARTICLES) {
                    partialViews++;
                }
            }
            assertTrue(partialViews > 0, "no query ran while the load was under way, so nothing was tested");
        }
    }

    /** Article graph → its number of triples, as one query over HTTP sees them. */
    private static Map<String, Integer> articleCounts(SparqlServer.Running server) {
        Map<String, Integer> counts = new HashMap<>();
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(server.sparqlEndpoint().toString()).query(COUNTS).build()) {
            ResultSet rows = exec.execSelect();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                counts.put(row.getResource("g").getURI(), row.getLiteral("n").getInt());
            }
        }
        return counts;
    }
}
