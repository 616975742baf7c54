package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.apache.jena.graph.Node;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.query.Queries;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Writes through the server's authenticated endpoints change statements behind the loader's back; the
 * stance summary that who-supports-whom reads must follow them in the same transaction.
 */
class AuthenticatedWritesKeepTheSummaryTest {

    private static final String USER = "editor";
    private static final String PASSWORD = "a-test-password";
    private static final Path HOME = Path.of("").toAbsolutePath();
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path workArea;

    @Test
    void sparqlUpdateAndGraphStoreDeletesLeaveWhoSupportsWhomRight() throws Exception {
        try (Store store = Store.inMemory()) {
            Loader loader = new Loader(store, Extraction.standard());
            loader.storeKnowledge(Ontology.load());
            loader.load(List.of(Path.of("data/articles")), new PrintStream(OutputStream.nullOutputStream()), Loader.Progress.NONE);
            String before = answer(store, "who-supports-whom-from-statements");
            assertEquals(before, answer(store, "who-supports-whom"), "the loader keeps the summary");
            List<String> articles = articlesWithSupportOrOpposition(store);
            assertTrue(articles.size() >= 2, "the sample corpus has articles with support or opposition: " + articles);

            ServerOptions options = ServerOptions.defaults().withPort(0).withFusekiBase(workArea.resolve("fuseki"))
                    .withCredentials(new ServerOptions.Credentials(USER, PASSWORD));
            try (SparqlServer.Running server = SparqlServer.start(store, options)) {
                String removeStatements = """
                        PREFIX sg: <%s>
                        DELETE { GRAPH <%s> { ?s ?p ?o } } WHERE { GRAPH <%s> { ?s a sg:Statement ; ?p ?o } }
                        """.formatted(SG.NS, articles.get(0), articles.get(0));
                HttpResponse<String> update = send(HttpRequest.newBuilder(server.datasetUrl().resolve("update"))
                        .header("Content-Type", "application/sparql-update")
                        .POST(HttpRequest.BodyPublishers.ofString(removeStatements)));
                assertTrue(update.statusCode() == 200 || update.statusCode() == 204, update.statusCode() + " " + update.body());

                String afterUpdate = answer(store, "who-supports-whom-from-statements");
                assertNotEquals(before, afterUpdate, "the update removed support or opposition statements");
                assertEquals(afterUpdate, answer(store, "who-supports-whom"), "the summary follows a SPARQL Update");
                assertEquals(afterUpdate, overHttp(server, "who-supports-whom"), "and the server answers from it");

                HttpResponse<String> delete = send(HttpRequest.newBuilder(URI.create(server.datasetUrl().resolve("data")
                        + "?graph=" + URLEncoder.encode(articles.get(1), StandardCharsets.UTF_8))).DELETE());
                assertTrue(delete.statusCode() == 200 || delete.statusCode() == 204, delete.statusCode() + " " + delete.body());
                String afterDelete = answer(store, "who-supports-whom-from-statements");
                assertNotEquals(afterUpdate, afterDelete, "the deleted graph held support or opposition statements");
                assertEquals(afterDelete, answer(store, "who-supports-whom"), "the summary follows a Graph Store DELETE");
                assertTrue(store.summaryPairsOutOfStep().isEmpty());
            }
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        return Network.send(http, request.build());
    }

    private static String answer(Store store, String query) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Queries.run(store, Queries.parse(Queries.resolve(query, HOME)), Queries.Format.TSV, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The same query sent to the running server's SPARQL endpoint, as TSV. */
    private String overHttp(SparqlServer.Running server, String query) throws Exception {
        String text = Queries.parse(Queries.resolve(query, HOME)).toString();
        HttpResponse<String> response = Network.send(http, HttpRequest.newBuilder(server.sparqlEndpoint())
                .header("Content-Type", "application/sparql-query").header("Accept", "text/tab-separated-values")
                .POST(HttpRequest.BodyPublishers.ofString(text)).build());
        assertEquals(200, response.statusCode(), response.body());
        return response.body();
    }

    private static List<String> articlesWithSupportOrOpposition(Store store) {
        Node stanceClass = SG.stanceClass.asNode();
        return store.read(d -> d.stream(Node.ANY, Node.ANY, stanceClass, Node.ANY)
                .filter(q -> q.getObject().getURI().endsWith("/support") || q.getObject().getURI().endsWith("/oppose"))
                .map(q -> q.getGraph().getURI()).distinct().sorted().toList());
    }
}
