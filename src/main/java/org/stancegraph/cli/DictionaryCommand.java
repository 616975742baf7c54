package org.stancegraph.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.stancegraph.knowledge.ProjectHome;
import org.stancegraph.link.DictionaryRefresh;
import org.stancegraph.link.SparqlEndpoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code stancegraph dictionary}: work on the actor dictionary in data/actors. */
@Command(name = "dictionary",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Work on the actor dictionary of data/actors.",
        subcommands = {CommandLine.HelpCommand.class, DictionaryCommand.Refresh.class})
public final class DictionaryCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code stancegraph dictionary refresh}. */
    @Command(name = "refresh",
            mixinStandardHelpOptions = true,
            versionProvider = VersionProvider.class,
            description = {
                    "Extend the dictionary from live Wikidata (needs internet): run the CONSTRUCT queries "
                            + "queries/dictionary-*.rq (sovereign states with names, ISO codes and capitals; "
                            + "international organisations; heads of state, heads of government and foreign ministers "
                            + "with their terms) and keep what data/actors lacks: new actors and offices, and new "
                            + "aliases, codes and capitals of the actors it has, matched by Wikidata id.",
                    "The project's own files are never changed: the additions are one file, "
                            + DictionaryRefresh.GENERATED_FILE + ", written to --out, or into the actors folder with "
                            + "--write. An item that has the name of an actor without that id is not added but listed "
                            + "as a conflict.",
                    "Ids from live Wikidata are NOT checked: the project accepts an id into data/ only after it has "
                            + "been checked against a public source. Review the file (and git diff) before committing it.",
                    ""
            })
    static final class Refresh implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Mixin
        EndpointOptions endpointOptions = new EndpointOptions();

        @Option(names = "--actors", paramLabel = "DIR", description = "The dictionary folder (default: data/actors).")
        Path actors;

        @Option(names = "--queries", paramLabel = "DIR", description = "Folder of the dictionary-*.rq queries (default: queries).")
        Path queries;

        @Option(names = "--out", paramLabel = "DIR",
                description = "Where to write " + DictionaryRefresh.GENERATED_FILE + " (default: ${DEFAULT-VALUE}).")
        Path out = Path.of("run", "dictionary-refresh");

        @Option(names = "--write", description = "Write into the actors folder instead of --out (replaces only "
                + DictionaryRefresh.GENERATED_FILE + ").")
        boolean write;

        @Override
        public Integer call() {
            PrintWriter stdout = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            Path actorsDir = actors != null ? actors : ProjectHome.resolve("data/actors");
            Path queryDir = queries != null ? queries : ProjectHome.resolve("queries");
            Path target = (write ? actorsDir : out).resolve(DictionaryRefresh.GENERATED_FILE);
            try {
                SparqlEndpoint client = new SparqlEndpoint(endpointOptions.settings());
                DictionaryRefresh.Result result = DictionaryRefresh.run(client, queryDir, actorsDir);
                DictionaryRefresh.Changes changes = DictionaryRefresh.changesSince(target, result.additions());
                String date = EndpointOptions.answerDate(client.lastAnswerDate()).map(Object::toString).orElse("");
                DictionaryRefresh.write(target, result, client.endpoint().toString(), date);
                stdout.printf("fetched %d triples; new actors: %s; new names and codes of known actors: %d; new offices: %d; "
                                + "conflicts: %d%n", result.fetchedTriples(),
                        result.newActors().isEmpty() ? "none" : result.newActors().toString(),
                        result.addedNames(), result.newOffices(), result.conflicts().size());
                result.conflicts().forEach(c -> stdout.println("conflict  " + c));
                stdout.printf("wrote %s (%d triples; +%d -%d since the last refresh there); review it before committing%n",
                        target, result.additions().size(), changes.added(), changes.removed());
                stdout.printf("%d requests (%d retries), %d answers from the cache%n",
                        client.requestsSent(), client.retries(), client.cacheHits());
                stdout.flush();
                return 0;
            } catch (IllegalArgumentException e) {
                err.println("dictionary refresh: " + e.getMessage());
                return 2;
            } catch (SparqlEndpoint.EndpointException | UncheckedIOException e) {
                err.println("dictionary refresh: " + e.getMessage());
                return 1;
            }
        }
    }
}
