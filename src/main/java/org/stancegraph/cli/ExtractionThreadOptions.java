package org.stancegraph.cli;

import org.stancegraph.load.Loader;
import picocli.CommandLine.Option;

/** The options of the commands that extract articles and write them in batches: {@code load} and {@code reextract}. */
final class ExtractionThreadOptions {

    @Option(names = "--batch-size", paramLabel = "N",
            description = "Articles written per write transaction (default: ${DEFAULT-VALUE}); each article is whole or absent either way.")
    int batchSize = Loader.Settings.standard().batchSize();

    @Option(names = "--workers", paramLabel = "N", description = "Extraction threads (default: one per processor, ${DEFAULT-VALUE}).")
    int workers = Loader.Settings.standard().workers();
}
