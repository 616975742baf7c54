package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.store.SampleGraphs;
import org.stancegraph.store.Store;

/** The explorer's files over HTTP, without a browser. */
class ExplorerServletTest {
    @TempDir
    static Path workArea;

    private static Store store;
    private static SparqlServer.Running server;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        store = SampleGraphs.fill(Store.inMemory());
        server = SparqlServer.start(store, ServerOptions.defaults().withPort(0).withDatasetName("ds")
                .withFusekiBase(workArea.resolve("fuseki")));
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(server.address().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void explorerAddressIsUnderTheServer() {
        assertEquals(server.address().resolve("/explore/"), server.explorer());
    }

    @Test
    void pageNamesThisServersEndpoint() throws Exception {
        HttpResponse<String> page = get("/explore/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("content=\"/ds/sparql\""), "the dataset's endpoint is written into the page");
        assertTrue(!page.body().contains("http://") && !page.body().contains("https://"),
                "the page loads nothing from another host");
    }

    @Test
    void bareExplorerPathRedirectsToTheFolder() throws Exception {
        HttpResponse<String> bare = get("/explore");
        assertEquals(302, bare.statusCode());
        assertTrue(bare.headers().firstValue("Location").orElse("").endsWith("/explore/"));
    }

    @Test
    void cytoscapeComesFromTheJar() throws Exception {
        HttpResponse<String> library = get("/explore/lib/cytoscape.min.js");
        assertEquals(200, library.statusCode());
        assertTrue(library.body().contains("Cytoscape Consortium"), "the MIT licence header is kept");
        assertTrue(library.body().length() > 100_000);
    }

    @Test
    void servesTheExplorersQueriesFromTheQueryFolder() throws Exception {
        for (String name : ExplorerServlet.QUERIES) {
            HttpResponse<String> query = get("/explore/queries/" + name + ".rq");
            assertEquals(200, query.statusCode(), name);
            assertEquals(Files.readString(Path.of("queries", name + ".rq")), query.body(), name);
        }
    }

    @Test
    void servesNothingElse() throws Exception {
        assertEquals(404, get("/explore/queries/positions.rq").statusCode());
        // Jetty itself refuses an encoded "../" (400); either way no file outside leaks out.
        int traversal = get("/explore/queries/%2E%2E%2Fpom.xml").statusCode();
        assertTrue(traversal == 400 || traversal == 404, "status " + traversal);
        assertEquals(404, get("/explore/index.html.bak").statusCode());
    }

    @Test
    void fusekiUiStillAnswersAtTheRoot() throws Exception {
        assertEquals(200, get("/").statusCode());
        assertEquals(200, get("/ds/sparql?query=ASK%7B%7D").statusCode());
    }
}
