package org.stancegraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mgt.FusekiServerCtl;
import org.apache.jena.fuseki.mod.admin.FMod_Admin;
import org.apache.jena.fuseki.mod.shiro.FMod_Shiro;
import org.apache.jena.fuseki.mod.ui.FMod_UI;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.ee10.servlet.security.ConstraintMapping;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.Constraint;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.ServerConnector;
import org.stancegraph.query.Queries;
import org.stancegraph.store.Store;

/**
 * The knowledge graph over HTTP: embedded Fuseki with its web UI, a read-only SPARQL
 * endpoint open to everyone and, only when credentials are given, update endpoints for
 * one user by HTTP basic authentication.
 *
 * <p>Endpoints under {@code /{dataset}}: {@code sparql} and {@code query} (SPARQL query),
 * {@code get} (Graph Store read), the dataset URL itself (query and Graph Store read);
 * with credentials also {@code update} (SPARQL Update) and {@code data} (Graph Store
 * read-write). The UI is at {@code /}. Fuseki's admin endpoints ({@code /$/datasets},
 * {@code /$/backup}, ...) are guarded by the {@code shiro.ini} that Fuseki copies into the
 * work area: {@code /$/server} and {@code /$/ping} are open, everything else under
 * {@code /$/} answers only requests from localhost. The network explorer, a page that
 * draws who supports whom from the SPARQL endpoint, is at {@code /explore/}.
 */
public final class SparqlServer {
    private SparqlServer() {}

    /** Name of the CORS settings file written into the Fuseki work area. */
    static final String CORS_FILE = "cors.properties";

    /**
     * Starts serving {@code store} and returns at once; the store must stay open until
     * {@link Running#stop()}.
     *
     * <p>Sets the JVM-wide system property {@code FUSEKI_BASE} to the work area, which is
     * how Fuseki's admin module finds it.
     */
    public static Running start(Store store, ServerOptions options) {
        InetAddress bindAddress = resolve(options.host());
        if (!bindAddress.isLoopbackAddress()) {
            System.err.println("stancegraph: WARNING: listening on " + options.host()
                    + ", which is not a loopback address: the data and the UI are reachable from the network."
                    + (options.credentials().isPresent() ? " Passwords travel in clear text over HTTP." : ""));
        }
        Path base = prepareWorkArea(options.fusekiBase());

        FusekiServer.Builder builder = FusekiServer.create()
                .port(options.port())
                // Admin gives the UI its /$/ endpoints and the work area; Shiro applies the
                // work area's shiro.ini (admin endpoints for localhost only); UI serves the pages.
                .fusekiModules(FusekiModules.create(new FMod_Admin(), new FMod_UI(), new FMod_Shiro()))
                .enableCors(true, base.resolve(CORS_FILE).toString())
                .add("/" + options.datasetName(), dataService(store, options))
                .addServlet(ExplorerServlet.PATH + "/*", new ExplorerServlet("/" + options.datasetName() + "/sparql",
                        Queries.home().resolve(Queries.QUERY_DIR)));
        Optional<ConstraintSecurityHandler> security = options.credentials().map(SparqlServer::basicAuthFor);
        security.ifPresent(builder::securityHandler);
        FusekiServer server = builder.build();
        security.ifPresent(SparqlServer::letPreflightThrough);
        bindTo(server, options.host());
        server.start();
        return new Running(server, options);
    }

    private static DataService dataService(Store store, ServerOptions options) {
        Context limits = new Context();
        limits.set(ARQ.queryTimeout, Long.toString(options.queryTimeout().toMillis()));
        // A client's ORDER BY over the whole store must not run the server out of memory.
        limits.set(ARQ.spillToDiskThreshold, Queries.SPILL_AFTER_ROWS);
        DataService.Builder service = DataService.newBuilder(store.servedDataset())
                .addEndpoint(queryEndpoint("sparql", limits))
                .addEndpoint(queryEndpoint("query", limits))
                .addEndpoint(queryEndpoint("", limits))
                .addEndpoint(Endpoint.create(Operation.GSP_R, "get"))
                .addEndpoint(Endpoint.create(Operation.GSP_R, ""));
        options.credentials().ifPresent(credentials -> {
            AuthPolicy writer = Auth.policyAllowSpecific(credentials.user());
            service.addEndpoint(Endpoint.create(Operation.Update, "update", writer))
                   .addEndpoint(Endpoint.create(Operation.GSP_RW, "data", writer));
        });
        return service.build();
    }

    private static Endpoint queryEndpoint(String name, Context limits) {
        return Endpoint.create().operation(Operation.Query).endpointName(name).context(limits).build();
    }

    /** The password is kept in memory only; nothing is written to disk. */
    private static ConstraintSecurityHandler basicAuthFor(ServerOptions.Credentials credentials) {
        UserStore users = JettySecurityLib.makeUserStore(credentials.user(), credentials.password());
        return JettySecurityLib.makeSecurityHandler(Auth.dftRealm, users, AuthScheme.BASIC);
    }

    /**
     * Fuseki guards the write endpoints for every HTTP method, CORS preflight included, but
     * browsers send a preflight without credentials and give up on its 401. A method-specific
     * mapping takes precedence over the all-methods one, so OPTIONS alone is let through;
     * it reveals nothing but the allowed methods and headers.
     */
    private static void letPreflightThrough(ConstraintSecurityHandler security) {
        List<String> guardedPaths = security.getConstraintMappings().stream()
                .map(ConstraintMapping::getPathSpec).distinct().toList();
        for (String path : guardedPaths) {
            ConstraintMapping preflight = new ConstraintMapping();
            preflight.setPathSpec(path);
            preflight.setMethod("OPTIONS");
            preflight.setConstraint(Constraint.ALLOWED);
            security.addConstraintMapping(preflight);
        }
    }

    /** Creates the work area and the CORS settings; Fuseki adds shiro.ini and its folders. */
    private static Path prepareWorkArea(Path fusekiBase) {
        Path base = fusekiBase.toAbsolutePath().normalize();
        try {
            Files.createDirectories(base);
            // Fuseki's defaults, less the write methods a browser client never needs here.
            String cors = """
                    # Written by stancegraph at each server start; edits are overwritten.
                    allowedOrigins=*
                    allowedMethods=GET,POST,HEAD,OPTIONS
                    allowedHeaders=X-Requested-With, Content-Type, Accept, Origin, Last-Modified, Authorization
                    exposedHeaders=Cache-Control, Content-Language, Content-Length, Content-Type, Expires, Last-Modified, Pragma
                    chainPreflight=false
                    """;
            Files.writeString(base.resolve(CORS_FILE), cors, StandardCharsets.UTF_8);
            // Fuseki copies its shiro.ini into the work area only for the first server of a JVM; a later
            // server with another work area (tests, an embedding application) would find none and fail.
            Path shiro = base.resolve("shiro.ini");
            if (!Files.exists(shiro)) {
                try (InputStream defaults = FusekiServer.class.getResourceAsStream("/org/apache/jena/fuseki/server/shiro.ini")) {
                    if (defaults != null) {
                        Files.copy(defaults, shiro);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Fuseki work area " + base + ": " + e.getMessage(), e);
        }
        System.setProperty(FusekiServerCtl.envFusekiBase, base.toString());
        // Fuseki copies its shiro.ini into the first work area of the JVM only and remembers
        // that file JVM-wide; a later server in the same JVM (tests start several, each in
        // its own folder) must find its own copy, so each work area gets one here.
        Path shiro = base.resolve(FusekiServerCtl.DFT_SHIRO_INI);
        try (InputStream template = FusekiServer.class.getResourceAsStream("/org/apache/jena/fuseki/server/shiro.ini")) {
            if (!Files.exists(shiro) && template != null) {
                Files.copy(template, shiro);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + shiro + ": " + e.getMessage(), e);
        }
        if (Files.exists(shiro)) {
            System.setProperty(FusekiServerCtl.envFusekiShiro, shiro.toString());
        }
        return base;
    }

    /** Fuseki's builder only knows "all interfaces" or "localhost"; the connector takes any host. */
    private static void bindTo(FusekiServer server, String host) {
        for (Connector connector : server.getJettyServer().getConnectors()) {
            if (connector instanceof ServerConnector serverConnector) {
                serverConnector.setHost(host);
            }
        }
    }

    private static InetAddress resolve(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host: " + host, e);
        }
    }

    /** A started server. */
    public static final class Running implements AutoCloseable {
        private final FusekiServer server;
        private final ServerOptions options;

        private Running(FusekiServer server, ServerOptions options) {
            this.server = server;
            this.options = options;
        }

        /** Base URL of the server (the UI), e.g. {@code http://127.0.0.1:3030/}. */
        public URI address() {
            String host = options.host();
            if (resolve(host).isAnyLocalAddress()) {
                host = "localhost";     // 0.0.0.0 / :: are not addresses a client can use
            } else if (host.contains(":") && !host.startsWith("[")) {
                host = "[" + host + "]";
            }
            return URI.create("http://" + host + ":" + port() + "/");
        }

        /** The SPARQL query endpoint, e.g. {@code http://127.0.0.1:3030/stancegraph/sparql}. */
        public URI sparqlEndpoint() {
            return datasetUrl().resolve("sparql");
        }

        /** The network explorer page, e.g. {@code http://127.0.0.1:3030/explore/}. */
        public URI explorer() {
            return address().resolve(ExplorerServlet.PATH + "/");
        }

        /** URL of the dataset, ending in '/'. */
        public URI datasetUrl() {
            return address().resolve("/" + options.datasetName() + "/");
        }

        /** The port actually listened on (useful when port 0 was asked for). */
        public int port() {
            return server.getPort();
        }

        /** True when update endpoints exist. */
        public boolean writable() {
            return options.credentials().isPresent();
        }

        public void stop() {
            server.stop();
        }

        /** Blocks until the server stops. */
        public void join() {
            server.join();
        }

        @Override
        public void close() {
            stop();
        }
    }
}
