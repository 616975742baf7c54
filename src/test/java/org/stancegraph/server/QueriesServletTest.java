package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonObject;
import org.apache.jena.atlas.json.JsonValue;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.store.SampleGraphs;
import org.stancegraph.store.Store;

/** The queries page over HTTP, without a browser: the listing of queries/, the files as they are, and nothing else. */
class QueriesServletTest {
    private static final Path QUERY_DIR = Path.of("queries");

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
        return http.send(HttpRequest.newBuilder(URI.create(server.address().toString().replaceAll("/$", "") + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The .rq files of the project's queries/ folder, by name, sorted. */
    private static List<String> queryFileNames() throws IOException {
        try (Stream<Path> files = Files.list(QUERY_DIR)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".rq"))
                    .map(n -> n.substring(0, n.length() - 3)).sorted().toList();
        }
    }

    @Test
    void addressIsUnderTheServer() {
        assertEquals(server.address().resolve("/queries/"), server.queries());
    }

    @Test
    void listingHasEveryQueryFileWithItsFirstCommentAndText() throws Exception {
        HttpResponse<String> response = get("/queries/index.json");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        List<String> listed = new ArrayList<>();
        for (JsonValue value : JSON.parse(response.body()).get("queries").getAsArray()) {
            JsonObject query = value.getAsObject();
            String name = query.get("name").getAsString().value();
            listed.add(name);
            String text = Files.readString(QUERY_DIR.resolve(name + ".rq"));
            assertEquals(text, query.get("text").getAsString().value(), name);
            String firstLine = text.lines().findFirst().orElseThrow();
            assertTrue(firstLine.startsWith("# "), "every query starts with its comment: " + name);
            assertEquals(firstLine.substring(2), query.get("description").getAsString().value(), name);
        }
        assertEquals(queryFileNames(), listed, "every file of queries/, sorted by name");
    }

    @Test
    void pageNamesThisServersEndpointAndDataset() throws Exception {
        HttpResponse<String> page = get("/queries/");
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"));
        assertTrue(page.body().contains("name=\"stancegraph-sparql\" content=\"/ds/sparql\""), page.body());
        assertTrue(page.body().contains("name=\"stancegraph-dataset\" content=\"ds\""), page.body());
        assertFalse(page.body().contains("http://") || page.body().contains("https://"), "the page loads nothing from another host");
        assertEquals(200, get("/queries/queries.js").statusCode());
        assertEquals(200, get("/queries/queries.css").statusCode());
        HttpResponse<String> bare = get("/queries");
        assertEquals(302, bare.statusCode());
        assertTrue(bare.headers().firstValue("Location").orElse("").endsWith("/queries/"));
    }

    @Test
    void servesEachQueryFileAsItIs() throws Exception {
        for (String name : queryFileNames()) {
            HttpResponse<String> query = get("/queries/" + name + ".rq");
            assertEquals(200, query.statusCode(), name);
            assertTrue(query.headers().firstValue("Content-Type").orElse("").startsWith("application/sparql-query"), name);
            assertEquals(Files.readString(QUERY_DIR.resolve(name + ".rq")), query.body(), name);
        }
    }

    @Test
    void refusesEverythingNotInTheListing() throws Exception {
        assertEquals(404, get("/queries/no-such-query.rq").statusCode());
        assertEquals(404, get("/queries/pom.xml").statusCode());
        assertEquals(404, get("/queries/README.md").statusCode());
        for (String traversal : List.of("/queries/..%2Fpom.xml", "/queries/%2E%2E%2Fpom.xml", "/queries/..%2F..%2Fetc%2Fpasswd.rq",
                "/queries/..%2Fqueries%2Fmentions.rq", "/queries/%2E%2E/README.md")) {
            HttpResponse<String> response = get(traversal);
            // Jetty itself refuses an encoded "/" or ".." (400); either way nothing outside leaks out.
            assertTrue(response.statusCode() == 400 || response.statusCode() == 404, traversal + ": " + response.statusCode());
            assertFalse(response.body().contains("<artifactId>") || response.body().contains("root:"), traversal);
        }
        // A raw "../" is resolved by the server before any servlet sees it: it names the root's file, not ours.
        HttpResponse<String> raw = get("/queries/../pom.xml");
        assertNotEquals(200, raw.statusCode());
    }

    @Test
    void theExplorerLinksToThePage() throws Exception {
        assertTrue(get("/explore/").body().contains("href=\"../queries/\""));
    }
}
