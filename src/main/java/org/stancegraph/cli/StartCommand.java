package org.stancegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

import org.stancegraph.knowledge.ProjectHome;
import org.stancegraph.server.ServerOptions;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stancegraph start}: the main job on the embedded default — load the sample corpus and serve it. */
@Command(name = "start",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Load the sample corpus (data/articles), the ontology and the actor dictionary into the database, "
                        + "then serve it read-only with the Fuseki UI on localhost until Ctrl-C.",
                ""
        })
public final class StartCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--port", paramLabel = "N", description = "TCP port (default: ${DEFAULT-VALUE}).")
    int port = ServerOptions.DEFAULT_PORT;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Store store = Store.open(db);
        int loaded = LoadCommand.load(store, org.stancegraph.load.Extraction.standard(), List.of(ProjectHome.existing("data/articles")), org.stancegraph.load.Loader.Settings.standard(), System.err,
                org.stancegraph.load.Loader.Progress.BAR);
        if (loaded != 0) {
            err.println("start: some sample files were skipped (see above); serving what was loaded");
        }
        List<String> hints = List.of(
                "Try these in the UI's query tab (copy them from queries/), or with ./stancegraph query NAME:",
                "  positions            who states which position about whom, with the evidence",
                "  who-supports-whom    support and opposition between actors over all articles");
        return ServeCommand.serveUntilStopped(store, ServerOptions.defaults().withPort(port), db, hints, out, err);
    }
}
