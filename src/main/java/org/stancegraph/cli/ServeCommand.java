package org.stancegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.stancegraph.server.ServerOptions;
import org.stancegraph.server.SparqlServer;
import org.stancegraph.source.Printable;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stancegraph serve}: the database over SPARQL, with the Fuseki UI, until Ctrl-C. */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Serve the database over HTTP until Ctrl-C: the Fuseki UI at /, the network explorer at /explore/, the project's queries at /queries/, "
                        + "SPARQL query at /stancegraph/sparql and /stancegraph/query, Graph Store read at /stancegraph/get. "
                        + "Read-only for everyone.",
                "With a password (--password-file, or env STANCEGRAPH_PASSWORD), SPARQL Update at /stancegraph/update "
                        + "and Graph Store read-write at /stancegraph/data are added for that one user, by HTTP basic "
                        + "authentication, and so are Fuseki's admin actions (creating and deleting datasets, backups, "
                        + "compaction, tasks); without a password those are refused. There is no default password.",
                "A password file holds one line: 'user:password', or just the password (the user is then --user, "
                        + "default 'admin'). STANCEGRAPH_PASSWORD takes the same two forms; the file wins over it. "
                        + "Basic authentication sends the password in clear: keep the server on localhost or behind "
                        + "an HTTPS proxy.",
                ""
        })
public final class ServeCommand implements Callable<Integer> {

    static final String PASSWORD_ENV = "STANCEGRAPH_PASSWORD";
    static final String DEFAULT_USER = "admin";

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--host", paramLabel = "H",
            description = "Interface to listen on (default: ${DEFAULT-VALUE}); anything else exposes the data to the network.")
    String host = ServerOptions.DEFAULT_HOST;

    @Option(names = "--port", paramLabel = "N", description = "TCP port, 0 for any free one (default: ${DEFAULT-VALUE}).")
    int port = ServerOptions.DEFAULT_PORT;

    @Option(names = "--timeout", paramLabel = "SECONDS",
            description = "Longest a query may take, counted from its arrival (reading, planning and running it); "
                    + "longer ones are answered 503 (default: ${DEFAULT-VALUE}).")
    long timeoutSeconds = ServerOptions.DEFAULT_QUERY_TIMEOUT.toSeconds();

    @Option(names = "--max-request-size", paramLabel = "BYTES",
            description = "Largest request body accepted; larger ones are answered 413 (default: ${DEFAULT-VALUE}).")
    long maxRequestBytes = ServerOptions.DEFAULT_MAX_REQUEST_BYTES;

    @Option(names = "--password-file", paramLabel = "FILE",
            description = "File with 'user:password' or just the password; turns on the update endpoints.")
    Path passwordFile;

    @Option(names = "--user", paramLabel = "NAME", description = "User allowed to write (default: 'admin', or the user in the password file).")
    String user;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Databases.missing("serve", db, err)) {
            return 2;
        }
        ServerOptions options;
        try {
            options = ServerOptions.defaults().withHost(host).withPort(port)
                    .withQueryTimeout(Duration.ofSeconds(timeoutSeconds)).withMaxRequestBytes(maxRequestBytes);
            Optional<ServerOptions.Credentials> credentials = credentials(passwordFile, System.getenv(PASSWORD_ENV), user);
            if (credentials.isPresent()) {
                options = options.withCredentials(credentials.get());
            }
        } catch (IllegalArgumentException e) {
            err.println("serve: " + e.getMessage());
            return 2;
        }
        Store store = Store.open(db);
        return serveUntilStopped(store, options, db, List.of(), out, err);
    }

    /**
     * Serves {@code store} until the process is stopped, printing the addresses; closes the
     * store on the way out. Shared with {@code start}, which loads the sample corpus first.
     */
    static int serveUntilStopped(Store store, ServerOptions options, Path db, List<String> hints, PrintWriter out, PrintWriter err) {
        SparqlServer.Running server;
        try {
            server = SparqlServer.start(store, options);
        } catch (RuntimeException e) {
            store.close();
            err.println("serve: cannot start the server on " + options.host() + ":" + options.port() + ": " + rootMessage(e));
            return 1;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            store.close();
        }, "stancegraph-serve-shutdown"));
        out.println("stancegraph: serving " + Printable.of(db.toAbsolutePath().normalize()));
        out.println("  UI       " + server.address());
        out.println("  explorer " + server.explorer() + "  (the who-supports-whom network)");
        out.println("  queries  " + server.queries() + "  (the project's queries: open in the UI, or run)");
        out.println("  SPARQL   " + server.sparqlEndpoint() + "  (read-only, open to all)");
        options.credentials().ifPresentOrElse(
                c -> out.println("  update   " + server.datasetUrl().resolve("update") + "  (user '" + c.user() + "', basic auth)"),
                () -> out.println("  update   off (no password given)"));
        hints.forEach(out::println);
        out.println("Press Ctrl-C to stop.");
        out.flush();
        server.join();
        return 0;
    }

    /**
     * The writer's credentials from the password file, else the environment; empty when
     * neither gives a password.
     *
     * @throws IllegalArgumentException for an unreadable or empty file, or a user that contradicts the file
     */
    static Optional<ServerOptions.Credentials> credentials(Path passwordFile, String environment, String user) {
        String secret;
        String origin;
        if (passwordFile != null) {
            secret = firstLine(passwordFile);
            origin = passwordFile.toString();
        } else if (environment != null && !environment.isEmpty()) {
            secret = environment;
            origin = PASSWORD_ENV;
        } else {
            if (user != null) {
                throw new IllegalArgumentException("--user " + user + " needs a password (--password-file or " + PASSWORD_ENV + ")");
            }
            return Optional.empty();
        }
        String name = user == null ? DEFAULT_USER : user;
        String password = secret;
        int colon = secret.indexOf(':');
        if (colon >= 0) {
            String fileUser = secret.substring(0, colon);
            if (user != null && !user.equals(fileUser)) {
                throw new IllegalArgumentException(origin + " is for user '" + fileUser + "' but --user is '" + user + "'");
            }
            name = fileUser;
            password = secret.substring(colon + 1);
        }
        if (password.isEmpty()) {
            throw new IllegalArgumentException(origin + ": empty password");
        }
        return Optional.of(new ServerOptions.Credentials(name, password));
    }

    private static String firstLine(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8).stream()
                    .filter(line -> !line.isBlank()).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException(file + ": empty password file"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read password file " + file + ": " + e.getMessage(), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
