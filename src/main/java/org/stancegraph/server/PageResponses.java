package org.stancegraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/** What the project's own pages (the explorer, the queries page) share: files bundled in the jar, and sending bytes. */
final class PageResponses {
    private PageResponses() {}

    /**
     * The file a request names under a page's folder ({@code folder}, e.g. "/explore"), or empty when the request
     * named the folder without its slash and was redirected to it: relative links on a page resolve against the
     * folder, so /explore must become /explore/. The pages change with the server, so nothing is cached.
     */
    static Optional<String> requestedFile(HttpServletRequest request, HttpServletResponse response, String folder)
            throws IOException {
        String path = request.getPathInfo();
        if (path == null) {
            response.sendRedirect(folder + "/");
            return Optional.empty();
        }
        response.setHeader("Cache-Control", "no-cache");
        return Optional.of(path.substring(1));
    }

    /** A file of the jar, by class-path name ("explorer/index.html"). */
    static byte[] bundled(String classPath) throws IOException {
        try (InputStream in = PageResponses.class.getClassLoader().getResourceAsStream(classPath)) {
            if (in == null) {
                throw new IOException("the jar lacks " + classPath);
            }
            return in.readAllBytes();
        }
    }

    static void send(HttpServletResponse response, String contentType, byte[] content) throws IOException {
        response.setContentType(contentType);
        response.setContentLength(content.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(content);
        }
    }
}
