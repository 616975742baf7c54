package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.query.Queries;
import org.stancegraph.store.Store;

/**
 * The stance queries of queries/, sent as they are to the Fuseki endpoint over HTTP, on the
 * seed articles: the rows the seeds' gold implies come back.
 */
class StanceQueriesOverHttpTest {
    private static final Path SEEDS = Path.of("../shared/corpus/seeds");

    @TempDir
    static Path work;

    private static Store store;
    private static SparqlServer.Running server;

    @BeforeAll
    static void start() {
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "needs the seed articles in ../shared/corpus/seeds (not in the project: published text)");
        store = Store.inMemory();
        Loader loader = new Loader(store, Extraction.standard());
        loader.storeKnowledge(Ontology.load());
        loader.load(List.of(SEEDS), new PrintStream(OutputStream.nullOutputStream()), Loader.Progress.NONE);
        server = SparqlServer.start(store, ServerOptions.defaults().withPort(0).withFusekiBase(work.resolve("fuseki")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    private static List<Map<String, String>> rows(String queryName) {
        String text = Queries.resolve(queryName, Queries.home()).text();
        List<Map<String, String>> rows = new ArrayList<>();
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(server.sparqlEndpoint().toString()).query(text).build()) {
            ResultSet results = exec.execSelect();
            while (results.hasNext()) {
                QuerySolution row = results.next();
                Map<String, String> values = new java.util.HashMap<>();
                row.varNames().forEachRemaining(v -> values.put(v, row.get(v).isLiteral() ? row.getLiteral(v).getLexicalForm() : row.get(v).toString()));
                rows.add(values);
            }
        }
        return rows;
    }

    @Test
    void positionsHaveTheGuidelinesColumnsAndTheSeedsPositions() {
        List<Map<String, String>> rows = rows("positions");
        assertTrue(rows.size() > 50, "statements: " + rows.size());
        assertTrue(rows.stream().anyMatch(r -> "001_97eb6d87a007548f".equals(r.get("article")) && "Q43".equals(r.get("actor_wikidata"))
                && "support".equals(r.get("class")) && "Q227".equals(r.get("target_wikidata"))), "Ankara vowed full support to Baku");
        assertTrue(rows.stream().anyMatch(r -> "Q1065".equals(r.get("actor_wikidata")) && "appeal".equals(r.get("class"))
                && "0256".equals(r.get("cameo"))), "the UN called for a ceasefire, CAMEO 0256");
        assertTrue(rows.stream().anyMatch(r -> "Q43".equals(r.get("actor_wikidata")) && "deny".equals(r.get("class"))
                && "Q399".equals(r.get("target_wikidata")) && r.get("speaker") != null), "Celik denied the reports, speaker named");
        assertTrue(rows.stream().allMatch(r -> r.get("sentence") != null && r.get("article") != null && r.get("class") != null));
    }

    @Test
    void whoSupportsWhomCountsSupportAndOppositionBetweenActors() {
        List<Map<String, String>> rows = rows("who-supports-whom");
        assertTrue(rows.stream().anyMatch(r -> "Q43".equals(r.get("actor_wikidata")) && "Q227".equals(r.get("target_wikidata"))
                && Integer.parseInt(r.get("supporting")) >= 4 && Integer.parseInt(r.get("articles")) >= 4), "Turkey supports Azerbaijan in most seeds");
        assertTrue(rows.stream().anyMatch(r -> "Q399".equals(r.get("actor_wikidata")) && "Q43".equals(r.get("target_wikidata"))
                && Integer.parseInt(r.get("opposing")) >= 2), "Armenia opposes Turkey");
    }
}
