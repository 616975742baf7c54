package org.stancegraph.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The network explorer at {@code /explore/}: one HTML page, its script and style sheet
 * (from {@code explorer/} on the class path), Cytoscape.js (from its webjar, so the page
 * needs no network) and the named SPARQL queries the page sends to the server's own
 * endpoint (from the project's {@code queries/} folder, so the page and the command
 * line run the same text).
 */
final class ExplorerServlet extends HttpServlet {
    /** Where the explorer is mounted; the servlet answers this path and everything under it. */
    static final String PATH = "/explore";

    static final String CYTOSCAPE_VERSION = "3.33.1";
    private static final String CYTOSCAPE = "META-INF/resources/webjars/cytoscape/" + CYTOSCAPE_VERSION + "/dist/cytoscape.min.js";
    /** The page's placeholder for the SPARQL endpoint, which depends on the dataset name. */
    private static final String ENDPOINT_PLACEHOLDER = "@SPARQL_ENDPOINT@";

    /** The class-path resources served, by the path under {@code /explore/}. */
    private static final Map<String, Resource> FILES = Map.of(
            "", new Resource("explorer/index.html", "text/html; charset=utf-8"),
            "explorer.js", new Resource("explorer/explorer.js", "text/javascript; charset=utf-8"),
            "explorer.css", new Resource("explorer/explorer.css", "text/css; charset=utf-8"),
            "lib/cytoscape.min.js", new Resource(CYTOSCAPE, "text/javascript; charset=utf-8"));

    /** The queries the page runs; nothing else under queries/ is served from here. */
    static final Set<String> QUERIES = Set.of("explorer-actors", "explorer-statements", "alliances");

    private record Resource(String classPath, String contentType) {}

    private final String sparqlEndpoint;
    private final Path queryDirectory;

    /**
     * @param sparqlEndpoint absolute path of the query endpoint, e.g. {@code /stancegraph/sparql}
     * @param queryDirectory the project's {@code queries/} folder
     */
    ExplorerServlet(String sparqlEndpoint, Path queryDirectory) {
        this.sparqlEndpoint = sparqlEndpoint;
        this.queryDirectory = queryDirectory;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> requested = PageResponses.requestedFile(request, response, PATH);
        if (requested.isEmpty()) {
            return;
        }
        String name = requested.get();
        if (name.startsWith("queries/") && name.endsWith(".rq")) {
            sendQuery(name.substring("queries/".length(), name.length() - ".rq".length()), response);
            return;
        }
        Resource resource = FILES.get(name);
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such file in the explorer: " + name);
            return;
        }
        byte[] content = PageResponses.bundled(resource.classPath());
        if (name.isEmpty()) {
            content = new String(content, StandardCharsets.UTF_8).replace(ENDPOINT_PLACEHOLDER, sparqlEndpoint)
                    .getBytes(StandardCharsets.UTF_8);
        }
        PageResponses.send(response, resource.contentType(), content);
    }

    private void sendQuery(String queryName, HttpServletResponse response) throws IOException {
        if (!QUERIES.contains(queryName)) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "the explorer has no query named " + queryName);
            return;
        }
        Path file = queryDirectory.resolve(queryName + ".rq");
        if (!Files.isRegularFile(file)) {
            response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR,
                    "missing query file " + file + " (set STANCEGRAPH_HOME to the project root)");
            return;
        }
        PageResponses.send(response, "application/sparql-query; charset=utf-8", Files.readAllBytes(file));
    }
}
