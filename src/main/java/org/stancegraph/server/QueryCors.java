package org.stancegraph.server;

import java.io.IOException;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Cross-origin access for the one thing other web sites may do: read the served dataset through
 * its query endpoints, without credentials. Those answers carry {@code Access-Control-Allow-Origin: *}
 * (never an echoed origin, never {@code Allow-Credentials}, so a browser does not send the user's
 * password along); every other path gets no CORS header, so browsers keep other sites away from
 * writes and administration.
 */
final class QueryCors implements Filter {

    private final Set<String> queryPaths;

    QueryCors(String datasetName) {
        String dataset = "/" + datasetName;
        this.queryPaths = Set.of(dataset, dataset + "/", dataset + "/sparql", dataset + "/query");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        if (request.getHeader("Origin") == null || !queryPaths.contains(AccessGate.pathOf(request))) {
            chain.doFilter(req, res);
            return;
        }
        response.setHeader("Access-Control-Allow-Origin", "*");
        boolean preflight = request.getMethod().equals("OPTIONS") && request.getHeader("Access-Control-Request-Method") != null;
        if (preflight) {
            response.setHeader("Access-Control-Allow-Methods", "GET, POST");
            response.setHeader("Access-Control-Allow-Headers", "Accept, Content-Type");
            response.setHeader("Access-Control-Max-Age", "3600");
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        chain.doFilter(req, res);
    }
}
