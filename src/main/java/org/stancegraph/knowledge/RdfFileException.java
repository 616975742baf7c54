package org.stancegraph.knowledge;

/** An RDF file that cannot be used; the message names the file and, when known, the line and column. */
public final class RdfFileException extends RuntimeException {
    public RdfFileException(String message) {
        super(message);
    }
}
