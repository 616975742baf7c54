package org.stancegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.Callable;

import org.stancegraph.knowledge.ExtractionActivity;
import org.stancegraph.knowledge.Knowledge;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stancegraph check}: is the derived data of the store in step with what it is derived from? */
@Command(name = "check",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Check that the stance summary equals what the statements give, and that every article was "
                        + "extracted with the current knowledge files (data/) and engine version.",
                "--repair rebuilds the summary from the statements (in one transaction); stale articles are "
                        + "brought up to date by 'stancegraph reextract' (or by loading their files again).",
                ""
        },
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:the summary is right and every article is current",
                "2:bad usage or no database",
                "4:the database is in use by another process (a running server)",
                "5:the summary differs from the statements (run with --repair)",
                "6:some articles were extracted with other knowledge files or another engine version (run reextract)"})
public final class CheckCommand implements Callable<Integer> {

    static final int SUMMARY_WRONG = 5;
    static final int ARTICLES_STALE = 6;

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--repair", description = "Rebuild the stance summary from the statements when it differs.")
    boolean repair;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (Databases.missing("check", db, err)) {
            return 2;
        }
        try (Store store = Store.open(db)) {
            boolean summaryRight = checkSummary(store, out);
            ExtractionActivity current = Knowledge.standardActivity();
            Store.Provenance provenance = store.provenance(current.iri());
            if (provenance.extractedOtherwise() == 0) {
                out.printf("check: all %d articles were extracted with the current knowledge files (fingerprint %s)%n",
                        provenance.articles(), current.fingerprint().substring(0, 12));
            } else {
                out.printf("check: %d of %d articles are stale: extracted with other knowledge files or another engine version "
                        + "than the current ones (fingerprint %s, version %s); 'stancegraph reextract' updates them%n",
                        provenance.extractedOtherwise(), provenance.articles(), current.fingerprint().substring(0, 12),
                        current.softwareVersion());
            }
            out.flush();
            if (!summaryRight) {
                return SUMMARY_WRONG;
            }
            return provenance.extractedOtherwise() == 0 ? 0 : ARTICLES_STALE;
        }
    }

    /** Compares the summary with the statements, and rebuilds it when asked; true when it is right in the end. */
    private boolean checkSummary(Store store, PrintWriter out) {
        Set<String> outOfStep = store.summaryPairsOutOfStep();
        if (outOfStep.isEmpty()) {
            out.println("check: the stance summary equals what the statements give");
            return true;
        }
        out.printf("check: the stance summary differs from the statements in %d pairs (first: %s)%n", outOfStep.size(),
                outOfStep.iterator().next());
        if (!repair) {
            out.println("check: 'stancegraph check --repair' rebuilds it");
            return false;
        }
        store.rebuildSummary();
        Set<String> after = store.summaryPairsOutOfStep();
        out.println(after.isEmpty() ? "check: repaired: the summary was rebuilt from the statements"
                : "check: the rebuilt summary still differs in " + after.size() + " pairs");
        return after.isEmpty();
    }
}
