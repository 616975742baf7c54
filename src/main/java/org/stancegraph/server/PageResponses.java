package org.stancegraph.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

import jakarta.servlet.http.HttpServletResponse;

/** What the project's own pages (the explorer, the queries page) share: files bundled in the jar, and sending bytes. */
final class PageResponses {
    private PageResponses() {}

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
