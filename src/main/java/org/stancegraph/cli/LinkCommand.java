package org.stancegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
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
import picocli.CommandLine.Mixin;
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

    @Mixin
    EndpointOptions endpointOptions = new EndpointOptions();

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

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Databases.missing("link", db, err)) {
            return 2;
        }
        Optional<LocalDate> fixedDate;
        SparqlEndpoint.Settings settings;
        try {
            fixedDate = asOf == null ? Optional.empty() : Optional.of(LocalDate.parse(asOf));
            if (minScore < 0 || minScore > 1 || margin < 0 || margin > 1) {
                throw new IllegalArgumentException("--min-score and --margin must be between 0 and 1");
            }
            settings = endpointOptions.settings();
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
            Optional<LocalDate> date = fixedDate.or(() -> EndpointOptions.answerDate(client.lastAnswerDate()));
            Graph links = Links.graph(results, settings.endpoint().toString(), date);
            Links.store(store, links);
            if (out != null) {
                Links.writeTurtle(out, results, settings.endpoint().toString(), date);
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
