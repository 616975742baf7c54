package org.stancegraph.source;

/**
 * Input that could not be read, or was read with a flaw. {@code line} is 0 when the problem concerns
 * the whole file, {@code column} 0 when the column is not known.
 *
 * @param severity {@link Severity#ERROR} when a record or file was skipped, {@link Severity#WARNING}
 *                 when it was kept with part of it left out or not understood (say, a date)
 */
public record SourceProblem(String file, long line, long column, Severity severity, String message) {

    /** Whether anything was lost. */
    public enum Severity {
        /** A record or a whole file was not read. */
        ERROR,
        /** Read and kept; something in it was not understood or something beside it was passed over. */
        WARNING
    }

    /** An error: the record or file named was skipped. */
    public SourceProblem(String file, long line, String message) {
        this(file, line, 0, Severity.ERROR, message);
    }

    /** A warning about a record or file that was read and kept. */
    public static SourceProblem warning(String file, long line, String message) {
        return new SourceProblem(file, line, 0, Severity.WARNING, message);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    /** The one-line message shown to the user: file, place, reason, with control characters escaped. */
    public String describe() {
        String place = line > 0 ? ":" + line + (column > 0 ? ":" + column : "") : "";
        return Printable.of(file + place + ": " + message);
    }
}
