package org.stancegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.stancegraph.source.Printable;

/** The check that every command reading an existing database makes first: it never creates an empty one. */
final class Databases {
    private Databases() {}

    /** True, after saying so on {@code err}, when {@code db} holds no database. */
    static boolean missing(String command, Path db, PrintWriter err) {
        if (Files.isDirectory(db)) {
            return false;
        }
        err.println(command + ": " + Printable.of(db) + ": no database here (load articles first or give --db DIR)");
        return true;
    }
}
