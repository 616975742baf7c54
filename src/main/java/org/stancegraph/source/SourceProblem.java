package org.stancegraph.source;

/**
 * Input that could not be read. {@code line} is 0 when the problem concerns the whole file.
 */
public record SourceProblem(String file, long line, String message) {
    /** The one-line message shown to the user: file, place, reason, with control characters escaped. */
    public String describe() {
        return Printable.of(line > 0 ? file + ":" + line + ": " + message : file + ": " + message);
    }
}
