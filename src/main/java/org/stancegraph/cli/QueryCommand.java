package org.stancegraph.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.jena.graph.Node;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryParseException;
import org.stancegraph.query.Queries;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code stancegraph query}: runs a named, file or inline SPARQL query against the database. */
@Command(name = "query",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Run a SPARQL query (SELECT, ASK, CONSTRUCT, DESCRIBE) against the database. The argument is the "
                        + "name of a query in queries/ (e.g. 'mentions'; see --list), a .rq file, or the query text. "
                        + "The default graph is the union of all named graphs.",
                "SELECT and ASK results are written as --format says; CONSTRUCT and DESCRIBE write Turtle. "
                        + "Exits 2 on a syntax error (the message gives line and column) or an unknown query name.",
                ""
        })
public final class QueryCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "table, csv, tsv or json (SPARQL results JSON) (default: table).")
    Queries.Format format = Queries.Format.TABLE;

    @Option(names = "--list", description = "List the named queries in queries/ with what each answers.")
    boolean list;

    @Option(names = "--param", paramLabel = "NAME=VALUE",
            description = "Give the query's variable ?NAME this value (repeatable): yyyy-mm-dd is an xsd:date, <...> an IRI, "
                    + "anything else a plain string; e.g. stance-timeline --param actor_name=Turkey. NAME must be a variable "
                    + "the query uses and does not return.")
    List<String> parameters = new ArrayList<>();

    @Parameters(arity = "0..1", paramLabel = "NAME|FILE|TEXT", description = "The query to run.")
    String query;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path home = Queries.home();
        if (list) {
            List<Queries.Named> named = Queries.list(home);
            if (named.isEmpty()) {
                err.println("query: no .rq files in " + home.resolve(Queries.QUERY_DIR));
                return 1;
            }
            int width = named.stream().mapToInt(n -> n.name().length()).max().orElse(0);
            named.forEach(n -> out.printf("%-" + width + "s  %s%n", n.name(), n.description()));
            out.flush();
            return 0;
        }
        if (query == null) {
            err.println("query: give a query NAME, FILE or TEXT, or --list");
            return 2;
        }
        Query parsed;
        Queries.Source source;
        Map<String, Node> values = new LinkedHashMap<>();
        try {
            source = Queries.resolve(query, home);
            parsed = Queries.parse(source);
            for (String assignment : parameters) {
                Queries.Parameter parameter = Queries.parameter(assignment);
                if (!Queries.usesVariable(source, parameter.name())) {
                    throw new IllegalArgumentException(describe(query) + " has no variable ?" + parameter.name()
                            + " for --param " + assignment);
                }
                // Giving a value to a column the query returns would change what it matches, not filter it.
                if (parsed.isSelectType() && parsed.getResultVars().contains(parameter.name())) {
                    throw new IllegalArgumentException("?" + parameter.name() + " is a column of " + describe(query)
                            + ", not a parameter (--param " + assignment + "); see the query's header comment");
                }
                values.put(parameter.name(), parameter.value());
            }
        } catch (IllegalArgumentException e) {
            err.println("query: " + e.getMessage());
            return 2;
        } catch (QueryParseException e) {
            // The first line names the place; the rest is the parser's list of expected tokens.
            err.println("query: syntax error in " + describe(query) + ": " + e.getMessage().lines().findFirst().orElse(""));
            return 2;
        }
        // Opening a missing directory would silently create an empty database.
        if (Databases.missing("query", db, err)) {
            return 2;
        }
        err.flush();
        PrintStream results = System.out;
        try (Store store = Store.open(db)) {
            Queries.run(store, parsed, values, format, results);
        }
        results.flush();
        return 0;
    }

    private static String describe(String argument) {
        return argument.contains("\n") || argument.length() > 60 ? "the inline query" : argument;
    }
}
