package org.stancegraph.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How {@link SparqlServer} is run. Start from {@link #defaults()} and change what differs
 * with the {@code with*} methods.
 *
 * @param host         interface to listen on; anything but a loopback address exposes the data
 * @param port         TCP port; 0 picks any free port
 * @param datasetName  URL path segment of the dataset ({@code /stancegraph/sparql})
 * @param queryTimeout longest a query may run before the server answers 503
 * @param credentials  the one user allowed to write; without it the server has no write endpoints
 * @param maxRequestBytes largest request body accepted; larger ones are answered 413
 * @param fusekiBase   Fuseki's work area, used only with credentials (datasets the admin creates, backups); must be writable
 */
public record ServerOptions(String host, int port, String datasetName, Duration queryTimeout,
                            Optional<Credentials> credentials, long maxRequestBytes, Path fusekiBase) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 3030;
    public static final String DEFAULT_DATASET = "stancegraph";
    public static final Duration DEFAULT_QUERY_TIMEOUT = Duration.ofSeconds(30);
    /** 1 MiB: far more than any query a person writes, and bounds what parsing a request can cost. */
    public static final long DEFAULT_MAX_REQUEST_BYTES = 1L << 20;
    public static final Path DEFAULT_FUSEKI_BASE = Path.of("run", "fuseki");

    public ServerOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(datasetName, "datasetName");
        Objects.requireNonNull(queryTimeout, "queryTimeout");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(fusekiBase, "fusekiBase");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535, not " + port);
        }
        if (!datasetName.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")) {
            throw new IllegalArgumentException("dataset name must be letters, digits, '_', '.', '-': " + datasetName);
        }
        if (maxRequestBytes <= 0) {
            throw new IllegalArgumentException("the request size limit must be positive, not " + maxRequestBytes);
        }
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException("query timeout must be positive, not " + queryTimeout);
        }
    }

    /** Loopback only, port 3030, dataset "stancegraph", 30 s timeout, read-only, requests up to 1 MiB, work area run/fuseki. */
    public static ServerOptions defaults() {
        return new ServerOptions(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_DATASET, DEFAULT_QUERY_TIMEOUT,
                Optional.empty(), DEFAULT_MAX_REQUEST_BYTES, DEFAULT_FUSEKI_BASE);
    }

    public ServerOptions withHost(String newHost) {
        return new ServerOptions(newHost, port, datasetName, queryTimeout, credentials, maxRequestBytes, fusekiBase);
    }

    public ServerOptions withPort(int newPort) {
        return new ServerOptions(host, newPort, datasetName, queryTimeout, credentials, maxRequestBytes, fusekiBase);
    }

    public ServerOptions withDatasetName(String newName) {
        return new ServerOptions(host, port, newName, queryTimeout, credentials, maxRequestBytes, fusekiBase);
    }

    public ServerOptions withQueryTimeout(Duration newTimeout) {
        return new ServerOptions(host, port, datasetName, newTimeout, credentials, maxRequestBytes, fusekiBase);
    }

    public ServerOptions withCredentials(Credentials newCredentials) {
        return new ServerOptions(host, port, datasetName, queryTimeout, Optional.of(newCredentials), maxRequestBytes, fusekiBase);
    }

    public ServerOptions withMaxRequestBytes(long newLimit) {
        return new ServerOptions(host, port, datasetName, queryTimeout, credentials, newLimit, fusekiBase);
    }

    public ServerOptions withFusekiBase(Path newBase) {
        return new ServerOptions(host, port, datasetName, queryTimeout, credentials, maxRequestBytes, newBase);
    }

    /** The user who may send SPARQL Update and Graph Store writes, by HTTP basic authentication. */
    public record Credentials(String user, String password) {
        public Credentials {
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(password, "password");
            if (user.isBlank() || user.contains(":")) {
                throw new IllegalArgumentException("user name must be non-empty and without ':'");
            }
            if (password.isEmpty()) {
                throw new IllegalArgumentException("password must not be empty");
            }
        }

        /** Keeps the password out of logs and exception messages. */
        @Override
        public String toString() {
            return "Credentials[user=" + user + ", password=***]";
        }
    }
}
