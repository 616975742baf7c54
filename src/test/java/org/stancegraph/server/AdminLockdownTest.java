package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.ChildJvm;

/**
 * The attack of issue 15 against the real commands: {@code stancegraph start} (no credentials) and
 * {@code stancegraph serve} with a password, each in a child JVM with its own working directory (so
 * that what Fuseki would persist under {@code run/fuseki} is visible). Every admin path is asked with
 * GET, POST and DELETE, without an Origin and from {@code http://evil.example}; only what the UI
 * reads answers, nothing is created, deleted or written, and no answer lets another site send
 * credentials.
 */
class AdminLockdownTest {

    private static final Pattern SPARQL_LINE = Pattern.compile("SPARQL\\s+(http://\\S+/)sparql");
    private static final String EVIL = "http://evil.example";
    private static final String USER = "keeper";
    private static final String PASSWORD = "lockdown-test-password";

    /** What the UI reads; answered to anyone, by GET. */
    private static final List<String> UI_READS = List.of("/$/server", "/$/ping", "/$/stats", "/$/stats/stancegraph",
            "/$/datasets", "/$/datasets/stancegraph");
    /** Fuseki's admin actions, and admin paths that do not exist, which must not answer either. */
    private static final List<String> ADMIN_ACTIONS = List.of("/$/backup/stancegraph", "/$/backups/stancegraph", "/$/backups-list", "/$/compact/stancegraph",
            "/$/compact/stancegraph?deleteOld=true", "/$/tasks", "/$/tasks/1", "/$/reload", "/$/sleep", "/$/metrics",
            "/$/logs", "/$/status", "/$/validate/query", "/$/", "/%24/backup/stancegraph");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path work;

    @Test
    void startAndServeRefuseEveryAnonymousAdminAction() throws Exception {
        Path db = work.resolve("db");
        Path cwd = Files.createDirectories(work.resolve("cwd"));
        try (ChildJvm start = ChildJvm.startIn(cwd, work.resolve("logs"), "start", Map.of(),
                "start", "--port", "0", "--db", db.toString())) {
            URI server = serverAddress(start);
            for (String origin : new String[] {null, EVIL}) {
                uiReadsAnswerWithoutLettingOtherSitesSendCredentials(server, origin);
                for (String request : adminActions()) {
                    HttpResponse<String> response = send(server, request, origin, Optional.empty());
                    assertEquals(403, response.statusCode(), request + " origin " + origin + ": " + response.body());
                    noCredentialsForOtherSites(response, request);
                }
            }
            theServedDatasetIsIntactAndAlone(server);
            assertFalse(Files.exists(cwd.resolve("run/fuseki")), "a server without credentials writes no Fuseki work area");
            start.kill();
        }

        Path fusekiArea = cwd.resolve("run/fuseki");
        try (ChildJvm serve = ChildJvm.startIn(cwd, work.resolve("logs"), "serve", Map.of("STANCEGRAPH_PASSWORD", USER + ":" + PASSWORD),
                "serve", "--port", "0", "--db", db.toString())) {
            URI server = serverAddress(serve);
            for (String origin : new String[] {null, EVIL}) {
                uiReadsAnswerWithoutLettingOtherSitesSendCredentials(server, origin);
                for (String request : adminActions()) {
                    HttpResponse<String> response = send(server, request, origin, Optional.empty());
                    assertEquals(origin == null ? 401 : 403, response.statusCode(), request + " origin " + origin);
                    noCredentialsForOtherSites(response, request);
                    // With the password, a request from another site is still refused: the browser's cached password is no use to it.
                    if (origin != null) {
                        assertEquals(403, send(server, request, origin, Optional.of(PASSWORD)).statusCode(), request);
                    }
                }
            }
            // A wrong password is no better than none; the right one opens the admin area.
            assertEquals(401, send(server, "GET", "/$/backups-list", null, Optional.of("wrong")).statusCode());
            assertEquals(200, send(server, "GET", "/$/backups-list", null, Optional.of(PASSWORD)).statusCode());
            theServedDatasetIsIntactAndAlone(server);
            assertEquals(List.of(), filesUnder(fusekiArea.resolve("configuration")), "no dataset configuration was persisted");
            assertEquals(List.of(), filesUnder(fusekiArea.resolve("backups")), "no backup was written");
            assertEquals(List.of(), filesUnder(fusekiArea.resolve("databases")), "no database was created");
            serve.kill();
        }
    }

    /** "METHOD path" of every admin action: GET, POST and DELETE on each action path, POST and DELETE on what the UI reads. */
    private static List<String> adminActions() {
        List<String> requests = new ArrayList<>();
        for (String path : ADMIN_ACTIONS) {
            for (String method : new String[] {"GET", "POST", "DELETE"}) {
                requests.add(method + " " + path);
            }
        }
        for (String path : UI_READS) {
            requests.add("POST " + path);       // on /$/datasets: create the dataset "evil3"
            requests.add("DELETE " + path);     // on /$/datasets/stancegraph: delete the served dataset
        }
        return requests;
    }

    private HttpResponse<String> send(URI server, String methodAndPath, String origin, Optional<String> password) throws Exception {
        String[] parts = methodAndPath.split(" ", 2);
        return send(server, parts[0], parts[1], origin, password);
    }

    private void uiReadsAnswerWithoutLettingOtherSitesSendCredentials(URI server, String origin) throws Exception {
        for (String path : UI_READS) {
            HttpResponse<String> response = send(server, "GET", path, origin, Optional.empty());
            assertEquals(200, response.statusCode(), "GET " + path + ": " + response.body());
            noCredentialsForOtherSites(response, "GET " + path);
            if (origin != null) {
                assertTrue(response.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), "admin reads are not for other sites: " + path);
            }
        }
        HttpResponse<String> page = send(server, "GET", "/", origin, Optional.empty());
        assertEquals(200, page.statusCode());
        assertTrue(page.body().toLowerCase().contains("<html"), "the UI's page");
        // Other sites may read the query endpoint, without credentials.
        HttpResponse<String> query = send(server, "GET", "/stancegraph/sparql?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8),
                origin, Optional.empty());
        assertEquals(200, query.statusCode());
        noCredentialsForOtherSites(query, "query");
        if (origin != null) {
            assertEquals(Optional.of("*"), query.headers().firstValue("Access-Control-Allow-Origin"));
            // ... but a browser is not allowed to send them an update.
            HttpResponse<String> preflight = http.send(HttpRequest.newBuilder(server.resolve("/stancegraph/update"))
                    .header("Origin", origin).header("Access-Control-Request-Method", "POST")
                    .header("Access-Control-Request-Headers", "authorization,content-type")
                    .method("OPTIONS", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(preflight.headers().firstValue("Access-Control-Allow-Origin").isEmpty(), preflight.headers().toString());
        }
    }

    private static void noCredentialsForOtherSites(HttpResponse<String> response, String what) {
        assertTrue(response.headers().firstValue("Access-Control-Allow-Credentials").isEmpty(), what + ": " + response.headers());
        assertFalse(response.headers().allValues("Access-Control-Allow-Origin").contains(EVIL), what + " echoes the origin");
    }

    private void theServedDatasetIsIntactAndAlone(URI server) throws Exception {
        HttpResponse<String> datasets = send(server, "GET", "/$/datasets", null, Optional.empty());
        assertTrue(datasets.body().contains("\"/stancegraph\""), datasets.body());
        assertFalse(datasets.body().contains("evil3"), datasets.body());
        String count = "SELECT (COUNT(*) AS ?n) WHERE { ?s a <https://w3id.org/stancegraph/ontology#Statement> }";
        HttpResponse<String> answer = send(server, "GET", "/stancegraph/sparql?query=" + URLEncoder.encode(count, StandardCharsets.UTF_8),
                null, Optional.empty());
        assertEquals(200, answer.statusCode());
        assertFalse(answer.body().contains("\"value\" : \"0\""), "the served dataset still holds the statements: " + answer.body());
        assertEquals(404, send(server, "GET", "/evil3/query?query=" + URLEncoder.encode("ASK {}", StandardCharsets.UTF_8), null,
                Optional.empty()).statusCode());
    }

    private HttpResponse<String> send(URI server, String method, String path, String origin, Optional<String> password) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.toString().replaceAll("/$", "") + path))
                .timeout(Duration.ofSeconds(30));
        if (method.equals("POST")) {
            request.header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("dbName=evil3&dbType=tdb2"));
        } else {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        if (origin != null) {
            request.header("Origin", origin);
        }
        password.ifPresent(p -> request.header("Authorization",
                "Basic " + Base64.getEncoder().encodeToString((USER + ":" + p).getBytes(StandardCharsets.UTF_8))));
        return Network.send(http, request.build());
    }

    private static URI serverAddress(ChildJvm child) throws Exception {
        assertTrue(child.awaitOutput(out -> SPARQL_LINE.matcher(out).find(), Duration.ofMinutes(3)),
                "the server did not start: " + child.output());
        Matcher matcher = SPARQL_LINE.matcher(child.output());
        assertTrue(matcher.find());
        return URI.create(matcher.group(1)).resolve("/");
    }

    private static List<Path> filesUnder(Path folder) throws Exception {
        if (!Files.exists(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(folder)) {
            return new ArrayList<>(files.filter(Files::isRegularFile).toList());
        }
    }
}
