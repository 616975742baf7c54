package org.stancegraph.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.atlas.web.AuthScheme;
import org.apache.jena.fuseki.auth.Auth;
import org.apache.jena.fuseki.auth.AuthPolicy;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.fuseki.main.JettySecurityLib;
import org.apache.jena.fuseki.main.sys.FusekiModules;
import org.apache.jena.fuseki.mgt.ActionDatasets;
import org.apache.jena.fuseki.mgt.FusekiServerCtl;
import org.apache.jena.fuseki.mod.admin.ActionServerStatus;
import org.apache.jena.fuseki.mod.admin.FMod_Admin;
import org.apache.jena.fuseki.server.DataService;
import org.apache.jena.fuseki.server.Endpoint;
import org.apache.jena.fuseki.server.Operation;
import org.apache.jena.query.ARQ;
import org.apache.jena.sparql.util.Context;
import org.eclipse.jetty.ee10.servlet.security.ConstraintSecurityHandler;
import org.eclipse.jetty.security.UserStore;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.SizeLimitHandler;
import org.eclipse.jetty.util.resource.Resource;
import org.eclipse.jetty.util.resource.ResourceFactory;
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
 * read-write). The UI is at {@code /}. Of Fuseki's admin area {@code /$/} anonymous clients may
 * read only what the UI shows (server info, dataset list, statistics, ping); its actions
 * (create, delete, backup, compact, tasks) exist only with credentials and need them
 * ({@link AccessGate}). Other web sites may query, without credentials, and nothing else
 * ({@link QueryCors}). The network explorer, a page that draws who supports whom from the
 * SPARQL endpoint, is at {@code /explore/}; the project's queries, each a click from the UI's editor or from
 * its answer, at {@code /queries/}.
 */
public final class SparqlServer {
    private SparqlServer() {}

    /** The realm named in basic-authentication challenges. */
    static final String REALM = Auth.dftRealm;
    /** Where jena-fuseki-ui keeps the UI's pages. */
    private static final String UI_RESOURCE = "webapp";

    /**
     * Starts serving {@code store} and returns at once; the store must stay open until
     * {@link Running#stop()}.
     *
     * <p>With credentials, sets the JVM-wide system property {@code FUSEKI_BASE} to the work
     * area, which is how Fuseki's admin module finds it.
     */
    public static Running start(Store store, ServerOptions options) {
        InetAddress bindAddress = resolve(options.host());
        if (!bindAddress.isLoopbackAddress()) {
            System.err.println("stancegraph: WARNING: listening on " + options.host()
                    + ", which is not a loopback address: the data and the UI are reachable from the network."
                    + (options.credentials().isPresent() ? " Passwords travel in clear text over HTTP." : ""));
        }
        FusekiServer.Builder builder = FusekiServer.create()
                .port(options.port())
                .registerOperation(Operation.Query, new DeadlineQueryService(options.queryTimeout()))
                .staticFileBase(uiFiles())
                .addFilter("/*", new QueryCors(options.datasetName()))
                .addFilter("/*", new AccessGate(options.credentials(), options.datasetName()))
                .add("/" + options.datasetName(), dataService(store, options))
                .addServlet(ExplorerServlet.PATH + "/*", new ExplorerServlet("/" + options.datasetName() + "/sparql",
                        Queries.home().resolve(Queries.QUERY_DIR)))
                .addServlet(QueriesServlet.PATH + "/*", new QueriesServlet(options.datasetName(), Queries.home()));
        if (options.credentials().isPresent()) {
            // Fuseki's admin module: dataset creation and deletion, backups, compaction, tasks, kept in the
            // work area. AccessGate lets only the configured user reach them.
            System.setProperty(FusekiServerCtl.envFusekiBase, workArea(options.fusekiBase()).toString());
            builder.fusekiModules(FusekiModules.create(new FMod_Admin()));
            builder.securityHandler(basicAuthFor(options.credentials().get()));
        } else {
            // What the UI reads, and nothing that changes the server: no admin module, nothing written to disk.
            builder.fusekiModules(FusekiModules.create())
                   .enablePing(true)
                   .enableStats(true)
                   .addServlet("/$/server", new ActionServerStatus())
                   .addServlet("/$/datasets/*", new ActionDatasets());
        }
        FusekiServer server = builder.build();
        limitRequestSize(server, options.maxRequestBytes());
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
        ConstraintSecurityHandler security = JettySecurityLib.makeSecurityHandler(REALM, users, AuthScheme.BASIC);
        security.setAuthenticator(new WellFormedBasicAuthenticator());
        return security;
    }

    /** The Fuseki UI's pages, from the jena-fuseki-ui jar on the class path. */
    private static String uiFiles() {
        Resource pages = ResourceFactory.root().newClassLoaderResource(UI_RESOURCE);
        if (pages == null) {
            throw new IllegalStateException("the Fuseki UI (" + UI_RESOURCE + " in jena-fuseki-ui) is not on the class path");
        }
        return pages.getURI().toString();
    }

    /** Creates Fuseki's work area, where its admin module keeps datasets it creates and backups. */
    private static Path workArea(Path fusekiBase) {
        Path base = fusekiBase.toAbsolutePath().normalize();
        try {
            return Files.createDirectories(base);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the Fuseki work area " + base + ": " + e.getMessage(), e);
        }
    }

    /** Answers 413 to a request whose body is larger than {@code maxBytes}, declared or streamed. */
    private static void limitRequestSize(FusekiServer server, long maxBytes) {
        Server jetty = server.getJettyServer();
        SizeLimitHandler limit = new SizeLimitHandler(maxBytes, -1);
        limit.setHandler(jetty.getHandler());
        jetty.setHandler(limit);
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

        /** The page of the project's queries, e.g. {@code http://127.0.0.1:3030/queries/}. */
        public URI queries() {
            return address().resolve(QueriesServlet.PATH + "/");
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
