package org.stancegraph.cli;

import java.io.PrintWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Graph;
import org.stancegraph.link.Links;
import org.stancegraph.link.Reconciler;
import org.stancegraph.link.Reconciliation;
import org.stancegraph.link.SparqlEndpoint;
import org.stancegraph.link.UnlinkedActor;
import org.stancegraph.link.UnlinkedActors;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stancegraph link}: reconciles mentioned actors without a Wikidata id against a SPARQL endpoint. */
@Command(name = "link",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Find Wikidata items for the actors that articles mention and the dictionary has no Wikidata id for. "
                        + "Each actor's names are searched as English labels and aliases, filtered by type (human, "
                        + "sovereign state, international organisation) and, for people, scored by the offices the "
                        + "dictionary gives them and the dates of the articles. A link is made only when one item scores "
                        + "at least --min-score and no other comes within --margin; the others are listed for review.",
                "Links go to the named graph <https://w3id.org/stancegraph/graph/links> (owl:sameAs, sg:wikidataId "
                        + "and a sg:WikidataLink record with score, evidence, endpoint and date), replaced at each run; "
                        + "nothing is written to data/. --out writes them as Turtle to review and merge by hand.",
                "Needs internet for the default endpoint. Answers are cached in --cache, so a second run sends no request.",
                ""
        })
public final class LinkCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--endpoint", paramLabel = "URL", description = "SPARQL endpoint (default: ${DEFAULT-VALUE}).")
    String endpoint = SparqlEndpoint.WIKIDATA;

    @Option(names = "--cache", paramLabel = "DIR", description = "Answer cache (default: ${DEFAULT-VALUE}).")
    Path cache = Path.of("run", "wikidata-cache");

    @Option(names = "--no-cache", description = "Ask the endpoint even when an answer is cached, and keep nothing.")
    boolean noCache;

    @Option(names = "--min-score", paramLabel = "S", description = "Lowest score that is linked, 0 to 1 (default: ${DEFAULT-VALUE}).")
    double minScore = Reconciler.DEFAULT_MIN_SCORE;

    @Option(names = "--margin", paramLabel = "M",
            description = "How far the best item must score above the next for a link (default: ${DEFAULT-VALUE}).")
    double margin = Reconciler.DEFAULT_MARGIN;

    @Option(names = "--out", paramLabel = "FILE", description = "Also write the links as Turtle, for review.")
    Path out;

    @Option(names = "--review", paramLabel = "FILE", description = "Also write the actors left unlinked as TSV.")
    Path review;

    @Option(names = "--as-of", paramLabel = "DATE",
            description = "Date recorded on the links (YYYY-MM-DD); default: the endpoint's Date header.")
    String asOf;

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

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(db)) {
            err.println("link: " + db + ": no database here (load articles first or give --db DIR)");
            return 2;
        }
        Optional<LocalDate> fixedDate;
        SparqlEndpoint.Settings settings;
        try {
            fixedDate = asOf == null ? Optional.empty() : Optional.of(LocalDate.parse(asOf));
            settings = settings(endpoint, noCache ? Optional.empty() : Optional.of(cache));
        } catch (DateTimeParseException e) {
            err.println("link: --as-of " + asOf + ": not a date YYYY-MM-DD");
            return 2;
        } catch (IllegalArgumentException e) {
            err.println("link: " + e.getMessage());
            return 2;
        }
        SparqlEndpoint client = new SparqlEndpoint(settings);
        Reconciler reconciler = new Reconciler(client, minScore, margin);
        try (Store store = Store.open(db)) {
            List<UnlinkedActor> actors = UnlinkedActors.find(store);
            List<Reconciliation> results = new ArrayList<>();
            for (UnlinkedActor actor : actors) {
                results.add(reconciler.reconcile(actor));
            }
            Optional<LocalDate> date = fixedDate.or(() -> httpDate(client.lastAnswerDate()));
            Graph links = Links.graph(results, endpoint, date);
            Links.store(store, links);
            if (out != null) {
                Links.writeTurtle(out, results, endpoint, date);
            }
            if (review != null) {
                Links.writeReview(review, results);
            }
            print(stdout, results, client);
            return 0;
        } catch (SparqlEndpoint.EndpointException e) {
            err.println("link: " + e.getMessage());
            return 1;
        }
    }

    private SparqlEndpoint.Settings settings(String url, Optional<Path> cacheDirectory) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--endpoint " + url + ": not a URL (" + e.getReason() + ")");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw new IllegalArgumentException("--endpoint " + url + ": not an http(s) URL");
        }
        if (minScore < 0 || minScore > 1 || margin < 0 || margin > 1) {
            throw new IllegalArgumentException("--min-score and --margin must be between 0 and 1");
        }
        return new SparqlEndpoint.Settings(uri, userAgent(), cacheDirectory, seconds("--connect-timeout", connectTimeout),
                seconds("--timeout", requestTimeout), retries, Duration.ofMillis(Math.round(backoff * 1000)),
                Duration.ofMillis(Math.round(maxBackoff * 1000)));
    }

    /** The User-Agent Wikidata asks clients to send: who we are and where to read about us. */
    static String userAgent() {
        return "StanceGraph/" + VersionProvider.version() + " (https://w3id.org/stancegraph; research use)";
    }

    private static Duration seconds(String option, double value) {
        if (!(value > 0)) {
            throw new IllegalArgumentException(option + " must be more than 0 seconds");
        }
        return Duration.ofMillis(Math.max(1, Math.round(value * 1000)));
    }

    private static Optional<LocalDate> httpDate(String header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(ZonedDateTime.parse(header, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static void print(PrintWriter out, List<Reconciliation> results, SparqlEndpoint client) {
        long linked = results.stream().filter(Reconciliation::linked).count();
        for (Reconciliation result : results) {
            if (result.linked()) {
                Reconciliation.Candidate chosen = result.chosen().orElseThrow();
                out.printf(Locale.ROOT, "linked  %s = %s (%s) %.2f%n", result.actor().label(), chosen.qid(), chosen.label(), chosen.score());
            }
        }
        for (Reconciliation result : results) {
            if (!result.linked()) {
                String candidates = Links.candidates(result);
                out.printf(Locale.ROOT, "review  %s: %s%s%n", result.actor().label(), result.reason(),
                        candidates.isEmpty() ? "" : " [" + candidates + "]");
            }
        }
        out.printf(Locale.ROOT, "%d actors without a Wikidata id: %d linked, %d to review; %d requests (%d retries), %d answers from the cache%n",
                results.size(), linked, results.size() - linked, client.requestsSent(), client.retries(), client.cacheHits());
        out.flush();
    }
}
