package org.stancegraph.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.knowledge.ProjectHome;
import org.stancegraph.load.ShardLoader;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stancegraph build-store --from SHARDS --db DIR}: a new database from the Spark job's N-Quads shards. */
@Command(name = "build-store",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Build a new database from the N-Quads shards that the Spark extraction job wrote (its quads/ folder), "
                        + "with TDB2's parallel bulk loader, and store the dictionary, the ontology and the stance summary "
                        + "as 'load' does; 'serve --db DIR' then serves it.",
                "The database folder must hold no article yet. The parallel loader is not crash-safe: if the build is "
                        + "interrupted, delete the folder and build again.",
                ""
        })
public final class BuildStoreCommand implements Callable<Integer> {

    @Option(names = "--from", required = true, paramLabel = "SHARDS",
            description = "The job's quads/ folder (files part-NNNNN.gz, or .nq / .nq.gz), or one shard file.")
    Path from;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory to create (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--batch-size", paramLabel = "N", description = "Articles handed to the loader at a time (default: ${DEFAULT-VALUE}).")
    int batchSize = 1000;

    @Override
    public Integer call() {
        long started = System.nanoTime();
        try (Store store = Store.open(db)) {
            // The dictionary and ontology first, as 'load' stores them: the bulk load then writes the summary whole.
            store.replaceGraph(SG.DICTIONARY_GRAPH, ActorDictionary.load(ProjectHome.existing("data/actors")).model().getGraph());
            store.replaceGraph(SG.ONTOLOGY_GRAPH, Ontology.load());
            ShardLoader.Built built = new ShardLoader(store, batchSize).load(ShardLoader.shards(from));
            System.err.printf("built %s from %d shards: %d articles (%d replaced by a later version of the same id), %d statements; %.1f s%n",
                    db, built.shards(), built.articles(), built.replaced(), built.statements(), (System.nanoTime() - started) / 1e9);
        }
        return 0;
    }
}
