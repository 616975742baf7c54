package org.stancegraph.link;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.apache.jena.graph.Graph;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.ResultSetMgr;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.graph.GraphFactory;

/**
 * A remote SPARQL endpoint (Wikidata's by default) asked politely: a descriptive
 * User-Agent, connect and request timeouts, retries with exponential backoff on 429 and
 * 5xx answers (honouring Retry-After, capped), and an optional answer cache on disk so
 * that asking the same query of the same endpoint twice sends one request.
 *
 * <p>Queries go out as an HTML form POST ({@code query=...}), which both the Wikidata
 * Query Service and Fuseki accept and which has no URL length limit.
 */
public final class SparqlEndpoint {

    /** The public Wikidata Query Service. */
    public static final String WIKIDATA = "https://query.wikidata.org/sparql";

    private static final String SELECT_ACCEPT = "application/sparql-results+json";
    private static final String CONSTRUCT_ACCEPT = "application/n-triples, text/turtle;q=0.9";

    /**
     * How to talk to the endpoint.
     *
     * @param cacheDirectory where answers are kept, keyed by SHA-256 of endpoint and query; empty for no cache
     * @param maxRetries how many times a 429, 5xx or timed-out request is sent again before giving up
     * @param firstBackoff wait before the first retry; doubled for each further one
     * @param maxBackoff cap on any wait, also on a server's Retry-After
     */
    public record Settings(URI endpoint, String userAgent, Optional<Path> cacheDirectory, Duration connectTimeout,
                           Duration requestTimeout, int maxRetries, Duration firstBackoff, Duration maxBackoff) {
        public Settings {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("retries must be 0 or more, not " + maxRetries);
            }
        }

        /** Settings for {@code endpoint} with the defaults of the command line. */
        public static Settings defaults(URI endpoint, String userAgent) {
            return new Settings(endpoint, userAgent, Optional.empty(), Duration.ofSeconds(10), Duration.ofSeconds(60),
                    4, Duration.ofSeconds(1), Duration.ofSeconds(60));
        }

        public Settings withCache(Path directory) {
            return new Settings(endpoint, userAgent, Optional.of(directory), connectTimeout, requestTimeout,
                    maxRetries, firstBackoff, maxBackoff);
        }
    }

    /** The answer's body and the endpoint's Date header (empty when it sent none). */
    private record Answer(String body, String date) {}

    /** Thrown when the endpoint gives no usable answer after all retries. */
    public static final class EndpointException extends RuntimeException {
        EndpointException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Settings settings;
    private final HttpClient http;
    private final ObjectMapper json = new ObjectMapper();
    private int requestsSent;
    private int retries;
    private int cacheHits;
    private String lastDate = "";

    public SparqlEndpoint(Settings settings) {
        this.settings = settings;
        this.http = HttpClient.newBuilder()
                .connectTimeout(settings.connectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
    }

    public URI endpoint() {
        return settings.endpoint();
    }

    /** Runs a SELECT query and returns its results. */
    public ResultSetRewindable select(String query) {
        Answer answer = ask(query, SELECT_ACCEPT);
        try {
            return ResultSetMgr.read(new ByteArrayInputStream(answer.body().getBytes(StandardCharsets.UTF_8)),
                    ResultSetLang.RS_JSON).rewindable();
        } catch (RuntimeException e) {
            throw new EndpointException(settings.endpoint() + " answered a SELECT with something that is not SPARQL JSON results: "
                    + e.getMessage(), e);
        }
    }

    /** Runs a CONSTRUCT query and returns the triples. */
    public Graph construct(String query) {
        Answer answer = ask(query, CONSTRUCT_ACCEPT);
        Graph graph = GraphFactory.createDefaultGraph();
        // N-Triples is Turtle, so one parser reads either answer.
        RDFParser.fromString(answer.body(), Lang.TURTLE).parse(graph);
        return graph;
    }

    /** HTTP requests actually sent (retries included), since this object was made. */
    public int requestsSent() {
        return requestsSent;
    }

    /** Requests sent again after a 429, a 5xx or a timeout. */
    public int retries() {
        return retries;
    }

    /** Queries answered from the cache without a request. */
    public int cacheHits() {
        return cacheHits;
    }

    /** The Date header of the last answer (from the cache: of the answer when it was first fetched), or "". */
    public String lastAnswerDate() {
        return lastDate;
    }

    private Answer ask(String query, String accept) {
        Optional<Path> cached = settings.cacheDirectory().map(dir -> dir.resolve(cacheKey(query, accept) + ".json"));
        if (cached.isPresent() && Files.isRegularFile(cached.get())) {
            Answer answer = readCache(cached.get());
            cacheHits++;
            lastDate = answer.date();
            return answer;
        }
        Answer answer = fetch(query, accept);
        lastDate = answer.date();
        cached.ifPresent(file -> writeCache(file, query, answer));
        return answer;
    }

    private Answer fetch(String query, String accept) {
        HttpRequest request = HttpRequest.newBuilder(settings.endpoint())
                .timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", accept)
                .header("Content-Type", "application/x-www-form-urlencoded; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8)))
                .build();
        String lastProblem = "";
        for (int attempt = 0; ; attempt++) {
            Duration wait = backoff(attempt);
            try {
                requestsSent++;
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
                int status = response.statusCode();
                if (status >= 200 && status < 300) {
                    return new Answer(response.body(), response.headers().firstValue("Date").orElse(""));
                }
                if (status != 429 && status < 500) {
                    throw new EndpointException(settings.endpoint() + " answered HTTP " + status + ": "
                            + firstLine(response.body()), null);
                }
                lastProblem = "HTTP " + status;
                wait = retryAfter(response).map(this::capped).orElse(wait);
            } catch (HttpTimeoutException e) {
                lastProblem = "no answer within " + settings.requestTimeout().toMillis() + " ms";
            } catch (IOException e) {
                lastProblem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EndpointException("interrupted while asking " + settings.endpoint(), e);
            }
            if (attempt >= settings.maxRetries()) {
                throw new EndpointException(settings.endpoint() + ": giving up after " + (attempt + 1) + " attempt"
                        + (attempt == 0 ? "" : "s") + ", last: " + lastProblem, null);
            }
            retries++;
            sleep(wait);
        }
    }

    /** firstBackoff * 2^attempt, capped. */
    private Duration backoff(int attempt) {
        long millis = settings.firstBackoff().toMillis() << Math.min(attempt, 20);
        return capped(Duration.ofMillis(millis));
    }

    private Duration capped(Duration wait) {
        return wait.compareTo(settings.maxBackoff()) > 0 ? settings.maxBackoff() : wait;
    }

    /** Retry-After in seconds; the HTTP-date form is rare for SPARQL endpoints and falls back to backoff. */
    private static Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.strip()))));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EndpointException("interrupted while waiting to retry", e);
        }
    }

    private String cacheKey(String query, String accept) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((settings.endpoint() + "\n" + accept + "\n" + query).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java", e);
        }
    }

    private Answer readCache(Path file) {
        try {
            var entry = json.readTree(file.toFile());
            if (entry == null || !entry.hasNonNull("body")) {
                throw new EndpointException("cache file " + file + " has no answer body; delete it to fetch again", null);
            }
            return new Answer(entry.get("body").asText(), entry.path("date").asText(""));
        } catch (IOException e) {
            throw new EndpointException("cache file " + file + " is unreadable (" + e.getMessage() + "); delete it to fetch again", e);
        }
    }

    /** Written to a temporary file and moved, so an interrupted run never leaves half an answer. */
    private void writeCache(Path file, String query, Answer answer) {
        ObjectNode entry = json.createObjectNode();
        entry.put("endpoint", settings.endpoint().toString());
        entry.put("query", query);
        entry.put("date", answer.date());
        entry.put("body", answer.body());
        try {
            Files.createDirectories(file.getParent());
            Path partial = Files.createTempFile(file.getParent(), "answer", ".part");
            json.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), entry);
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(String body) {
        String line = body == null ? "" : body.strip().lines().findFirst().orElse("");
        return line.length() > 200 ? line.substring(0, 200) + "..." : line;
    }
}
