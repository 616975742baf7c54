package org.stancegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import org.stancegraph.knowledge.Ontology;
import org.stancegraph.knowledge.RdfFileException;
import org.stancegraph.source.Printable;
import org.stancegraph.store.Store;
import org.stancegraph.store.Validation;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code stancegraph validate}: checks the stored graphs against the SHACL shapes. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = {
                "Check every graph in the database (with the ontology) against the SHACL shapes.",
                "Prints one line per violation and a summary; exits 0 when the data conforms, 1 when it does not."
        })
public final class ValidateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "TDB2 database directory (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--shapes", paramLabel = "FILE", description = "SHACL shapes in Turtle (default: ontology/shapes.ttl of the project).")
    Path shapes;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        // Opening a missing directory would create an empty database and report it as valid.
        if (Databases.missing("validate", db, err)) {
            return 2;
        }
        Path shapesFile = shapes != null ? shapes : Ontology.shapesFile();
        Validation.Report report;
        try {
            Validation validation = Validation.withShapes(shapesFile, Ontology.load());
            try (Store store = Store.open(db)) {
                report = validation.validate(store);
            }
        } catch (RdfFileException e) {
            err.println("validate: " + e.getMessage());
            return 2;
        }
        report.violations().forEach(v -> out.println(v.line()));
        if (report.conforms()) {
            out.println("validate: " + Printable.of(db) + " conforms to " + Printable.of(shapesFile));
            out.flush();
            return 0;
        }
        out.printf("validate: %d results (%d violations, %d warnings, %d infos) on %d nodes; %s does not conform to %s%n",
                report.violations().size(), report.count("Violation"), report.count("Warning"), report.count("Info"),
                report.focusNodes(), db, shapesFile);
        out.flush();
        return 1;
    }
}
