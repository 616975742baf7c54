package org.stancegraph.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.atlas.json.JSON;
import org.apache.jena.atlas.json.JsonArray;
import org.apache.jena.atlas.json.JsonObject;
import org.stancegraph.query.Queries;

/**
 * The project's queries one click away, at {@code /queries/}: a page listing every file of {@code queries/} with
 * its first comment line, a link that opens it in the Fuseki UI's query editor and a button that runs it against
 * the read-only endpoint. The page's script reads {@code queries/index.json} (name, description, text of each) and
 * each query is also served as it is, {@code /queries/NAME.rq}. Only names in the folder's listing are served,
 * read afresh on each request, so nothing outside the folder can be asked for.
 */
final class QueriesServlet extends HttpServlet {
    /** Where the page is mounted; the servlet answers this path and everything under it. */
    static final String PATH = "/queries";

    /** The page's placeholders, which depend on the dataset name. */
    private static final String ENDPOINT_PLACEHOLDER = "@SPARQL_ENDPOINT@";
    private static final String DATASET_PLACEHOLDER = "@DATASET@";

    private record Resource(String classPath, String contentType) {}

    /** The class-path resources served, by the path under {@code /queries/}. */
    private static final Map<String, Resource> FILES = Map.of(
            "", new Resource("queries-page/index.html", "text/html; charset=utf-8"),
            "queries.js", new Resource("queries-page/queries.js", "text/javascript; charset=utf-8"),
            "queries.css", new Resource("queries-page/queries.css", "text/css; charset=utf-8"));

    static final String LISTING = "index.json";
    private static final String QUERY_SUFFIX = ".rq";

    private final String datasetName;
    private final Path home;

    /**
     * @param datasetName the served dataset, whose read-only endpoint the page runs queries against
     * @param home        the project home, whose {@code queries/} folder is listed
     */
    QueriesServlet(String datasetName, Path home) {
        this.datasetName = datasetName;
        this.home = home;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Optional<String> requested = PageResponses.requestedFile(request, response, PATH);
        if (requested.isEmpty()) {
            return;
        }
        String name = requested.get();
        if (name.equals(LISTING)) {
            PageResponses.send(response, "application/json; charset=utf-8", listing());
            return;
        }
        if (name.endsWith(QUERY_SUFFIX)) {
            sendQuery(name.substring(0, name.length() - QUERY_SUFFIX.length()), response);
            return;
        }
        Resource resource = FILES.get(name);
        if (resource == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no such file on the queries page: " + name);
            return;
        }
        byte[] content = PageResponses.bundled(resource.classPath());
        if (name.isEmpty()) {
            content = new String(content, StandardCharsets.UTF_8)
                    .replace(ENDPOINT_PLACEHOLDER, "/" + datasetName + "/sparql")
                    .replace(DATASET_PLACEHOLDER, datasetName)
                    .getBytes(StandardCharsets.UTF_8);
        }
        PageResponses.send(response, resource.contentType(), content);
    }

    /** Every named query with its description and text, sorted by name. */
    private byte[] listing() throws IOException {
        JsonArray queries = new JsonArray();
        for (Queries.Named named : Queries.list(home)) {
            JsonObject query = new JsonObject();
            query.put("name", named.name());
            query.put("description", named.description());
            query.put("text", Files.readString(file(named.name()), StandardCharsets.UTF_8));
            queries.add(query);
        }
        JsonObject listing = new JsonObject();
        listing.put("queries", queries);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        JSON.write(out, listing);
        return out.toByteArray();
    }

    private void sendQuery(String queryName, HttpServletResponse response) throws IOException {
        Optional<Queries.Named> listed = listed(queryName);
        if (listed.isEmpty()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, "no query named " + queryName + " in " + Queries.QUERY_DIR + "/");
            return;
        }
        PageResponses.send(response, "application/sparql-query; charset=utf-8", Files.readAllBytes(file(listed.get().name())));
    }

    /** The query of that name when the folder's listing has it: the request's text never becomes a path itself. */
    private Optional<Queries.Named> listed(String queryName) {
        List<Queries.Named> all = Queries.list(home);
        return all.stream().filter(named -> named.name().equals(queryName)).findFirst();
    }

    private Path file(String listedName) {
        return home.resolve(Queries.QUERY_DIR).resolve(listedName + QUERY_SUFFIX);
    }
}
