package org.stancegraph.server;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Decides, before Fuseki sees a request, whether an anonymous client may make it.
 *
 * <p>Anonymous clients may read: every GET and HEAD outside {@code /$/}, queries sent by POST to
 * the served dataset's query endpoints, and of the admin area only what the UI reads
 * ({@link #ANONYMOUS_ADMIN_READS}). Everything else — creating, deleting, backing up, compacting
 * datasets, tasks, writes to any dataset — needs the configured user's basic authentication.
 * Without configured credentials every other admin request is refused (403), and writes go on to
 * Fuseki, which has no write endpoint to offer then (404, 405). A request that needs the user is also
 * refused when it comes from another web origin (its {@code Origin} header names another site),
 * so that a page in the user's browser cannot borrow the browser's cached password.
 */
final class AccessGate implements Filter {

    /** Admin paths the UI reads (server info with the dataset list, ping, statistics); the dataset list itself. */
    static final Set<String> ANONYMOUS_ADMIN_READS = Set.of("/$/server", "/$/ping", "/$/stats", "/$/datasets");

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

    private final Optional<ServerOptions.Credentials> credentials;
    private final Set<String> anonymousQueryPaths;

    AccessGate(Optional<ServerOptions.Credentials> credentials, String datasetName) {
        this.credentials = credentials;
        String dataset = "/" + datasetName;
        this.anonymousQueryPaths = Set.of(dataset, dataset + "/", dataset + "/sparql", dataset + "/query");
    }

    @Override
    public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest request = (HttpServletRequest) req;
        HttpServletResponse response = (HttpServletResponse) res;
        String path = pathOf(request);
        boolean admin = path.equals("/$") || path.startsWith("/$/");
        // Without credentials the only dataset has no write endpoints: Fuseki answers 404 or 405 itself.
        if (anonymousMayAsk(path, admin, request.getMethod()) || (!admin && credentials.isEmpty())) {
            chain.doFilter(req, res);
            return;
        }
        if (credentials.isEmpty()) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "administration is off: the server was started without credentials");
            return;
        }
        if (fromAnotherOrigin(request)) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "refused: a request from another web site");
            return;
        }
        if (!authenticated(request.getHeader("Authorization"), credentials.get())) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"" + SparqlServer.REALM + "\"");
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED, "this needs the server's credentials");
            return;
        }
        chain.doFilter(req, res);
    }

    private boolean anonymousMayAsk(String path, boolean admin, String method) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (admin) {
            return read && (ANONYMOUS_ADMIN_READS.contains(path) || ANONYMOUS_ADMIN_READS.stream().anyMatch(p -> path.startsWith(p + "/")));
        }
        return SAFE_METHODS.contains(method) || (method.equals("POST") && anonymousQueryPaths.contains(path));
    }

    /** The decoded, normalised path within the server, as the servlets see it. */
    static String pathOf(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        return path.isEmpty() ? "/" : path;
    }

    /** True when the request names an origin other than the server's own (scheme, host and port of its Host header). */
    static boolean fromAnotherOrigin(HttpServletRequest request) {
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        String host = request.getHeader("Host");
        try {
            URI uri = new URI(origin);
            String own = request.getScheme() + "://" + host;
            return host == null || !(uri.getScheme() + "://" + uri.getRawAuthority()).equalsIgnoreCase(own);
        } catch (URISyntaxException e) {
            return true;    // "null" (a sandboxed page or a file) and anything unparsable is foreign
        }
    }

    /**
     * True when {@code header} is {@code Basic base64(user:password)} of {@code credentials};
     * a malformed header is simply not authenticated.
     */
    static boolean authenticated(String header, ServerOptions.Credentials credentials) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        byte[] given;
        try {
            given = Base64.getDecoder().decode(header.substring(6).trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        byte[] expected = (credentials.user() + ":" + credentials.password()).getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(given, expected);
    }
}
