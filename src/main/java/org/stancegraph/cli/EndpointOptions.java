package org.stancegraph.cli;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

import org.stancegraph.link.SparqlEndpoint;
import picocli.CommandLine.Option;

/** The options of a command that asks a remote SPARQL endpoint (Wikidata by default). */
final class EndpointOptions {

    @Option(names = "--endpoint", paramLabel = "URL", description = "SPARQL endpoint (default: ${DEFAULT-VALUE}).")
    String endpoint = SparqlEndpoint.WIKIDATA;

    @Option(names = "--cache", paramLabel = "DIR", description = "Answer cache (default: ${DEFAULT-VALUE}).")
    Path cache = Path.of("run", "wikidata-cache");

    @Option(names = "--no-cache", description = "Ask the endpoint even when an answer is cached, and keep nothing.")
    boolean noCache;

    @Option(names = "--connect-timeout", paramLabel = "SECONDS", description = "Connect timeout (default: ${DEFAULT-VALUE}).")
    double connectTimeout = 10;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Timeout of each request (default: ${DEFAULT-VALUE}).")
    double requestTimeout = 60;

    @Option(names = "--retries", paramLabel = "N", description = "Retries on 429, 5xx and timeouts (default: ${DEFAULT-VALUE}).")
    int retries = 4;

    @Option(names = "--backoff", paramLabel = "SECONDS",
            description = "Wait before the first retry, doubled for each next one (default: ${DEFAULT-VALUE}).")
    double backoff = 1;

    @Option(names = "--max-backoff", paramLabel = "SECONDS",
            description = "Longest wait, also for a server's Retry-After (default: ${DEFAULT-VALUE}).")
    double maxBackoff = 60;

    /** The User-Agent Wikidata asks clients to send: who we are and where to read about us. */
    static String userAgent() {
        return "StanceGraph/" + VersionProvider.version() + " (https://w3id.org/stancegraph; research use)";
    }

    /**
     * @throws IllegalArgumentException naming the option, when a value is unusable
     */
    SparqlEndpoint.Settings settings() {
        URI uri;
        try {
            uri = new URI(endpoint);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--endpoint " + endpoint + ": not a URL (" + e.getReason() + ")");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--endpoint " + endpoint + ": not an http(s) URL");
        }
        if (retries < 0) {
            throw new IllegalArgumentException("--retries must be 0 or more");
        }
        if (backoff < 0 || maxBackoff < 0) {
            throw new IllegalArgumentException("--backoff and --max-backoff must be 0 or more seconds");
        }
        return new SparqlEndpoint.Settings(uri, userAgent(), noCache ? Optional.empty() : Optional.of(cache),
                positive("--connect-timeout", connectTimeout), positive("--timeout", requestTimeout), retries,
                Duration.ofMillis(Math.round(backoff * 1000)), Duration.ofMillis(Math.round(maxBackoff * 1000)));
    }

    /** The day of an HTTP Date header ("Tue, 30 Jan 2024 10:00:00 GMT"), empty when there is none. */
    static Optional<LocalDate> answerDate(String header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration positive(String option, double seconds) {
        if (!(seconds > 0)) {
            throw new IllegalArgumentException(option + " must be more than 0 seconds");
        }
        return Duration.ofMillis(Math.max(1, Math.round(seconds * 1000)));
    }
}
