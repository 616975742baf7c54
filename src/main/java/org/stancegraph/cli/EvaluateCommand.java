package org.stancegraph.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.stancegraph.evaluate.Evaluation;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code stancegraph evaluate --gold FILE ARTICLES...}: extraction scored against a gold file. */
@Command(name = "evaluate",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
                "Load the articles into a scratch store, run the positions query, and score it against a gold file "
                        + "(article, actor, class, target, note; tab-separated, with a header) by the guideline's rule: "
                        + "precision, recall and F1 overall and per class, then every missed and spurious key.",
                ""
        })
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--gold", required = true, paramLabel = "FILE", description = "Gold positions (TSV).")
    Path gold;

    @Option(names = "--min-f1", paramLabel = "F1", description = "Exit 1 when micro-F1 is below this (for CI); default: never.")
    double minF1 = 0;

    @Parameters(arity = "1..*", paramLabel = "ARTICLES", description = "Article files or folders.")
    List<Path> articles;

    @Override
    public Integer call() {
        try (Store store = Store.inMemory()) {
            Loader loader = new Loader(store, Extraction.standard());
            loader.storeKnowledge(Ontology.load());
            loader.load(articles, System.err, Loader.Progress.NONE);
            Evaluation evaluation = new Evaluation(Evaluation.readGold(gold), Evaluation.predicted(store));
            evaluation.print(System.out);
            if (evaluation.overall().f1() < minF1) {
                System.err.printf(Locale.ROOT, "evaluate: micro-F1 %.3f is below --min-f1 %.3f%n", evaluation.overall().f1(), minF1);
                return 1;
            }
            return 0;
        }
    }
}
