package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.exec.http.QueryExecutionHTTP;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.rdf4j.query.BindingSet;
import org.eclipse.rdf4j.query.TupleQueryResult;
import org.eclipse.rdf4j.repository.RepositoryConnection;
import org.eclipse.rdf4j.repository.sparql.SPARQLRepository;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.store.SampleGraphs;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Starts the real server on free ports and talks to it over HTTP: with Jena and RDF4J
 * clients, and with raw requests for the UI, authentication, CORS and the timeout.
 */
class SparqlServerTest {

    private static final String USER = "editor";
    private static final String PASSWORD = "s3cret-for-tests";
    private static final String BULK_GRAPH = "urn:test:bulk";
    private static final String PREFIXES = "PREFIX sg: <" + SG.NS + ">\n";

    @TempDir
    static Path workArea;

    private static Store store;
    /** Writable (credentials configured), loopback, default timeout. */
    private static SparqlServer.Running writable;
    /** Read-only, 1 s timeout, listening on all interfaces (to check the localhost rule from outside). */
    private static SparqlServer.Running readOnly;
    private static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void startServers() {
        store = SampleGraphs.fill(Store.inMemory());
        store.replaceGraph(BULK_GRAPH, bulkGraph(3000));
        ServerOptions base = ServerOptions.defaults().withPort(0).withFusekiBase(workArea.resolve("fuseki"));
        writable = SparqlServer.start(store, base.withCredentials(new ServerOptions.Credentials(USER, PASSWORD)));
        readOnly = SparqlServer.start(store, base.withHost("0.0.0.0").withQueryTimeout(Duration.ofSeconds(1)));
    }

    @AfterAll
    static void stopServers() {
        if (writable != null) writable.stop();
        if (readOnly != null) readOnly.stop();
        if (store != null) store.close();
    }

    private static Graph bulkGraph(int size) {
        Graph g = GraphFactory.createDefaultGraph();
        for (int i = 0; i < size; i++) {
            g.add(Triple.create(NodeFactory.createURI("urn:test:s" + i), NodeFactory.createURI("urn:test:p"),
                    NodeFactory.createURI("urn:test:o" + (i % 17))));
        }
        return g;
    }

    // ---- reading

    @Test
    void portZeroGivesARealPort() {
        assertNotEquals(0, writable.port());
        assertNotEquals(writable.port(), readOnly.port());
        assertEquals(URI.create("http://127.0.0.1:" + writable.port() + "/stancegraph/sparql"), writable.sparqlEndpoint());
    }

    @Test
    void jenaAndRdf4jClientsGetTheSameRows() throws Exception {
        String query = PREFIXES + """
                SELECT ?id ?actor ?n WHERE {
                  ?m sg:mentionCount ?n ; sg:inArticle ?a ; sg:refersTo ?actor . ?a sg:articleId ?id .
                } ORDER BY ?id ?actor""";
        List<Map<String, String>> viaJena = new ArrayList<>();
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(writable.sparqlEndpoint().toString()).query(query).build()) {
            ResultSet rs = exec.execSelect();
            while (rs.hasNext()) {
                QuerySolution row = rs.next();
                Map<String, String> values = new LinkedHashMap<>();
                rs.getResultVars().forEach(v -> values.put(v, text(row.get(v))));
                viaJena.add(values);
            }
        }
        List<Map<String, String>> viaRdf4j = new ArrayList<>();
        SPARQLRepository repository = new SPARQLRepository(writable.datasetUrl().resolve("query").toString());
        try (RepositoryConnection conn = repository.getConnection();
             TupleQueryResult result = conn.prepareTupleQuery(query).evaluate()) {
            for (BindingSet row : result) {
                Map<String, String> values = new LinkedHashMap<>();
                result.getBindingNames().forEach(v -> values.put(v, row.getValue(v).stringValue()));
                viaRdf4j.add(values);
            }
        } finally {
            repository.shutDown();
        }
        int distinctPairs = 7;   // article 1: turkey, azerbaijan, armenia; article 2: four actors
        assertEquals(distinctPairs, viaJena.size(), viaJena.toString());
        assertEquals(viaJena, viaRdf4j);
        assertTrue(viaJena.contains(Map.of("id", SampleGraphs.ARTICLE_1_ID, "actor", SG.ACTOR_NS + "turkey",
                "n", Integer.toString(SampleGraphs.TURKEY_MENTIONS_ARTICLE_1))), viaJena.toString());
    }

    private static String text(RDFNode node) {
        return node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString();
    }

    @Test
    void plainSelectSeesTriplesOfNamedGraphs() {
        // The title exists only inside the article's named graph.
        String query = PREFIXES + "SELECT ?title WHERE { <" + SampleGraphs.ARTICLE_1 + "> <" + SG.DCTERMS + "title> ?title }";
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(readOnly.sparqlEndpoint().toString()).query(query).build()) {
            ResultSet rs = exec.execSelect();
            assertTrue(rs.hasNext(), "union default graph not applied over HTTP");
            assertEquals("Fighting resumes", rs.next().getLiteral("title").getLexicalForm());
        }
    }

    @Test
    void graphStoreReadReturnsANamedGraph() throws Exception {
        URI get = writable.datasetUrl().resolve("get?graph=" + SG.DICTIONARY_GRAPH);
        HttpResponse<String> response = send(HttpRequest.newBuilder(get).header("Accept", "application/n-triples").GET());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("<" + SG.ACTOR_NS + "turkey>"));
    }

    @Test
    void uiAnswersWithHtmlAndListsTheDataset() throws Exception {
        HttpResponse<String> page = send(HttpRequest.newBuilder(writable.address()).GET());
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElse("").startsWith("text/html"), page.headers().toString());
        assertTrue(page.body().toLowerCase().contains("<html"));
        HttpResponse<String> datasets = send(HttpRequest.newBuilder(writable.address().resolve("/$/datasets")).GET());
        assertEquals(200, datasets.statusCode());
        assertTrue(datasets.body().contains("/stancegraph"), datasets.body());
    }

    // ---- writing

    private static final String INSERT = "INSERT DATA { GRAPH <urn:test:g> { <urn:test:%s> <urn:test:p> \"x\" } }";

    private static boolean exists(String key) {
        String ask = "ASK { <urn:test:" + key + "> <urn:test:p> \"x\" }";
        try (QueryExecutionHTTP exec = QueryExecutionHTTP.service(writable.sparqlEndpoint().toString()).query(ask).build()) {
            return exec.execAsk();
        }
    }

    private static HttpResponse<String> postUpdate(URI endpoint, String update, Optional<String> password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(endpoint)
                .header("Content-Type", "application/sparql-update")
                .POST(HttpRequest.BodyPublishers.ofString(update));
        password.ifPresent(p -> request.header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString((USER + ":" + p).getBytes(StandardCharsets.UTF_8))));
        return send(request);
    }

    @Test
    void updateWithTheRightPasswordSucceeds() throws Exception {
        HttpResponse<String> response = postUpdate(writable.datasetUrl().resolve("update"), INSERT.formatted("ok"), Optional.of(PASSWORD));
        assertTrue(response.statusCode() == 200 || response.statusCode() == 204, response.statusCode() + " " + response.body());
        assertTrue(exists("ok"));
    }

    @Test
    void updateWithoutOrWithAWrongPasswordIsRefused() throws Exception {
        URI update = writable.datasetUrl().resolve("update");
        assertEquals(401, postUpdate(update, INSERT.formatted("anon"), Optional.empty()).statusCode());
        assertEquals(401, postUpdate(update, INSERT.formatted("wrong"), Optional.of("not-the-password")).statusCode());
        assertFalse(exists("anon"));
        assertFalse(exists("wrong"));
    }

    @Test
    void graphStoreWritesNeedThePassword() throws Exception {
        URI data = writable.datasetUrl().resolve("data?graph=urn:test:gsp");
        HttpRequest.Builder put = HttpRequest.newBuilder(data).header("Content-Type", "application/n-triples")
                .PUT(HttpRequest.BodyPublishers.ofString("<urn:test:gsp> <urn:test:p> \"x\" .\n"));
        assertEquals(401, send(put).statusCode());
        assertFalse(exists("gsp"));
    }

    @Test
    void updateSentToTheQueryEndpointIsRefused() throws Exception {
        HttpResponse<String> response = postUpdate(writable.sparqlEndpoint(), INSERT.formatted("viaquery"), Optional.of(PASSWORD));
        assertTrue(response.statusCode() >= 400 && response.statusCode() < 500, "status " + response.statusCode());
        HttpResponse<String> form = send(HttpRequest.newBuilder(writable.sparqlEndpoint())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("update=" + java.net.URLEncoder.encode(INSERT.formatted("viaform"), StandardCharsets.UTF_8))));
        assertTrue(form.statusCode() >= 400 && form.statusCode() < 500, "status " + form.statusCode());
        assertFalse(exists("viaquery"));
        assertFalse(exists("viaform"));
    }

    @Test
    void withoutCredentialsThereAreNoWriteEndpoints() throws Exception {
        URI base = URI.create("http://127.0.0.1:" + readOnly.port() + "/stancegraph/");
        int status = postUpdate(base.resolve("update"), INSERT.formatted("readonly"), Optional.of(PASSWORD)).statusCode();
        assertTrue(status == 404 || status == 405 || status == 401 || status == 403, "status " + status);
        int viaDataset = postUpdate(base, INSERT.formatted("readonly"), Optional.of(PASSWORD)).statusCode();
        assertTrue(viaDataset >= 400 && viaDataset < 500, "status " + viaDataset);
        assertFalse(exists("readonly"));
    }

    // ---- limits and browser access

    @Test
    void aLongQueryIsCutByTheTimeout() throws Exception {
        String crossProduct = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <" + BULK_GRAPH + "> { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f } }";
        URI endpoint = URI.create("http://127.0.0.1:" + readOnly.port() + "/stancegraph/sparql?query="
                + java.net.URLEncoder.encode(crossProduct, StandardCharsets.UTF_8));
        HttpResponse<String> response = send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2)).GET());
        assertEquals(503, response.statusCode(), response.body());
    }

    @Test
    void otherSitesMayQueryWithoutCredentialsButNotWrite() throws Exception {
        HttpRequest.Builder queryPreflight = HttpRequest.newBuilder(writable.sparqlEndpoint())
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> query = send(queryPreflight);
        assertTrue(query.statusCode() < 300, "status " + query.statusCode());
        assertEquals(Optional.of("*"), query.headers().firstValue("Access-Control-Allow-Origin"), query.headers().toString());
        assertTrue(query.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), query.headers().toString());
        HttpRequest.Builder updatePreflight = HttpRequest.newBuilder(writable.datasetUrl().resolve("update"))
                .header("Origin", "https://example.org")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody());
        HttpResponse<String> update = send(updatePreflight);
        assertTrue(update.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), update.headers().toString());
    }

    @Test
    void adminActionsAreRefusedFromTheNetworkAndFromLocalhostAlike() throws Exception {
        Optional<InetAddress> outside = Network.nonLoopbackAddress();
        Assumptions.assumeTrue(outside.isPresent(), "this machine has no non-loopback IPv4 address to connect from");
        for (String host : new String[] {outside.get().getHostAddress(), "127.0.0.1"}) {
            URI server = URI.create("http://" + host + ":" + readOnly.port() + "/");
            assertEquals(200, send(HttpRequest.newBuilder(server.resolve("/$/ping")).GET()).statusCode());
            assertEquals(200, send(HttpRequest.newBuilder(server.resolve("/$/datasets")).GET()).statusCode());
            HttpRequest.Builder create = HttpRequest.newBuilder(server.resolve("/$/datasets?dbName=intruder&dbType=mem"))
                    .POST(HttpRequest.BodyPublishers.noBody());
            assertEquals(403, send(create).statusCode(), host);
            URI query = server.resolve("/stancegraph/sparql?query=" + java.net.URLEncoder.encode("ASK {}", StandardCharsets.UTF_8));
            assertEquals(200, send(HttpRequest.newBuilder(query).GET()).statusCode());
        }
        assertFalse(send(HttpRequest.newBuilder(readOnly.address().resolve("/$/datasets")).GET()).body().contains("intruder"));
    }

    @Test
    void badOptionsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.defaults().withPort(70000));
        assertThrows(IllegalArgumentException.class, () -> ServerOptions.defaults().withDatasetName("a/b"));
        assertThrows(IllegalArgumentException.class, () -> new ServerOptions.Credentials("editor", ""));
        assertFalse(new ServerOptions.Credentials(USER, PASSWORD).toString().contains(PASSWORD));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return Network.send(http, request.build());
    }
}
