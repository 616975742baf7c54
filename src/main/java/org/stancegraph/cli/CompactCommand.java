package org.stancegraph.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

import org.stancegraph.source.Printable;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stancegraph compact}: gives back the disk space TDB2 keeps after replacements and killed loads. */
@Command(name = "compact",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Compact the database: TDB2 never reuses the space of replaced articles or of a killed load, so a store "
                        + "reloaded often grows; this copies what it holds into new files and deletes the old ones. The data "
                        + "is unchanged. Prints the size on disk before and after.",
                "A database that a running 'serve' holds cannot be compacted (exit code 4): stop the server first.",
                ""
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:compacted", "2:bad usage or no database", "4:the database is in use by another process (a running server)"})
public final class CompactCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Databases.missing("compact", db, err)) {
            return 2;
        }
        long before = bytesUnder(db);
        try (Store store = Store.open(db)) {
            store.compact();
        }
        long after = bytesUnder(db);
        out.printf("compacted %s: %,d bytes before, %,d bytes after (%.1f%%)%n", Printable.of(db), before, after,
                before == 0 ? 100.0 : 100.0 * after / before);
        return 0;
    }

    /** The bytes of every file under {@code directory}. */
    static long bytesUnder(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> {
                try {
                    return Files.size(file);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
