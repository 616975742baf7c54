package org.stancegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.stancegraph.store.Store;
import org.stancegraph.store.StoreStats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stancegraph stats}: what the database holds. */
@Command(name = "stats",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Count articles, dictionary actors by class, mentions, statements, and triples per named graph.")
public final class StatsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--top", paramLabel = "N", description = "How many of the largest graphs to list (default: ${DEFAULT-VALUE}).")
    int top = 10;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (Databases.missing("stats", db, err)) {
            return 2;
        }
        StoreStats stats;
        try (Store store = Store.open(db)) {
            stats = StoreStats.of(store);
        }
        stats.print(spec.commandLine().getOut(), Math.max(0, top));
        return 0;
    }
}
