package org.stancegraph.link;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;

/**
 * A real SPARQL endpoint for tests: embedded Fuseki on a free port serving the made-up,
 * Wikidata-shaped graph of {@code src/test/resources/wikidata/fixture.ttl}, read-only, at
 * several paths that behave differently:
 * {@code /wd} answers normally; {@code /flaky} answers 429 (Retry-After: 0) to its first
 * {@link #FLAKY_FAILURES} requests; {@code /broken} always answers 500; {@code /slow}
 * waits 3 seconds before answering. Every request to any path is counted.
 */
final class FixtureEndpoint implements AutoCloseable {

    static final int FLAKY_FAILURES = 2;

    private final FusekiServer server;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger flakyRequests = new AtomicInteger();
    volatile String lastUserAgent = "";

    FixtureEndpoint() {
        DatasetGraph data = DatasetGraphFactory.createTxnMem();
        RDFDataMgr.read(data.getDefaultGraph(), "src/test/resources/wikidata/fixture.ttl");
        server = FusekiServer.create()
                .port(0)
                .add("/wd", data, false)
                .add("/flaky", data, false)
                .add("/broken", data, false)
                .add("/slow", data, false)
                .addFilter("/*", filter((request, response, chain) -> {
                    requests.incrementAndGet();
                    String agent = ((jakarta.servlet.http.HttpServletRequest) request).getHeader("User-Agent");
                    lastUserAgent = agent == null ? "" : agent;
                    chain.doFilter(request, response);
                }))
                .addFilter("/flaky/*", filter((request, response, chain) -> {
                    if (flakyRequests.incrementAndGet() <= FLAKY_FAILURES) {
                        HttpServletResponse http = (HttpServletResponse) response;
                        http.setHeader("Retry-After", "0");
                        http.sendError(429, "Too Many Requests");
                        return;
                    }
                    chain.doFilter(request, response);
                }))
                .addFilter("/broken/*", filter((request, response, chain) ->
                        ((HttpServletResponse) response).sendError(500, "Internal Server Error")))
                .addFilter("/slow/*", filter((request, response, chain) -> {
                    try {
                        Thread.sleep(3000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    chain.doFilter(request, response);
                }))
                .build()
                .start();
    }

    URI uri(String path) {
        return URI.create("http://localhost:" + server.getHttpPort() + path);
    }

    @Override
    public void close() {
        server.stop();
    }

    private interface Body {
        void apply(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException;
    }

    private static Filter filter(Body body) {
        return body::apply;
    }
}
