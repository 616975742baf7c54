package org.stancegraph.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import org.stancegraph.export.ExportFormat;
import org.stancegraph.export.ExportOptions;
import org.stancegraph.export.ExportResult;
import org.stancegraph.export.ExportedFile;
import org.stancegraph.export.Exporter;
import org.stancegraph.export.GraphSelection;
import org.stancegraph.source.Printable;
import org.stancegraph.store.Store;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code stancegraph export}: research exports with a VoID/DCAT description; see {@link Exporter}. */
@Command(name = "export",
        mixinStandardHelpOptions = true,
        description = {
                "Export the knowledge graph for research: RDF (nt, nq, ttl, trig, jsonld, rdfxml, ndjsonld, brf),",
                "the who-supports-whom network (csv, graphml) and its picture (svg, png), stance over time (timeline: statements per month",
                "and pair as CSV, and a bar chart of support and opposition per month as SVG), and <base>-description.ttl (VoID/DCAT with",
                "SHA-256 checksums). The same database always gives byte-identical files."})
public final class ExportCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--db", paramLabel = "DIR", description = "Database directory (default: ${DEFAULT-VALUE}).")
    Path db = Store.DEFAULT_LOCATION;

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "Directory to write the files to (created if missing).")
    Path out;

    @Option(names = "--format", paramLabel = "FORMAT", split = ",",
            description = "One or more of: ${COMPLETION-CANDIDATES}, all (repeat or separate by commas; default: all).",
            completionCandidates = FormatKeys.class)
    List<String> formats = List.of("all");

    @Option(names = "--gzip", description = "Compress every data file (.gz, deterministic header).")
    boolean gzip;

    @Option(names = "--graphs", paramLabel = "WHICH", defaultValue = "all",
            description = "Which graphs the RDF files hold: all, statements, actors, ontology, articles (default: ${DEFAULT-VALUE});"
                    + " only 'all' holds the derived stance summary graph, and not with --from or --to.")
    String graphs;

    @Option(names = "--from", paramLabel = "DATE", description = "Only articles issued on or after DATE (yyyy-mm-dd); undated articles are left out.")
    LocalDate from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only articles issued on or before DATE (yyyy-mm-dd); undated articles are left out.")
    LocalDate to;

    @Option(names = "--base", paramLabel = "NAME", defaultValue = ExportOptions.DEFAULT_BASE_NAME,
            description = "File name stem (default: ${DEFAULT-VALUE}).")
    String baseName;

    @Option(names = "--created", paramLabel = "DATE",
            description = "dcterms:created of the description (default: the latest issue date of the exported articles).")
    LocalDate created;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        ExportOptions options;
        try {
            Set<ExportFormat> chosen = ExportFormat.parse(formats);
            options = new ExportOptions(out, chosen, gzip, GraphSelection.parse(graphs), from, to, baseName, created);
        } catch (IllegalArgumentException e) {
            err.println("stancegraph export: " + e.getMessage());
            return 2;
        }
        if (Databases.missing("export", db, err)) {
            return 1;
        }
        try (Store store = Store.open(db)) {
            ExportResult result = Exporter.export(store, options);
            outWriter.println("Wrote to " + Printable.of(out.toAbsolutePath().normalize()) + ":");
            for (ExportedFile file : result.files()) {
                outWriter.printf("  %-36s %,14d bytes  %,d %s%n", file.fileName(), file.bytes(), file.count(), file.unit());
            }
            outWriter.printf("  %-36s %,14d bytes  VoID/DCAT description of %d articles%n",
                    result.description().getFileName(), Files.size(result.description()), result.articles());
            outWriter.flush();
            return 0;
        } catch (Exception e) {
            err.println("stancegraph export: " + e.getMessage());
            return 1;
        }
    }

    /** The format keys, for help and shell completion. */
    static final class FormatKeys implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ExportFormat.values()).map(ExportFormat::key).iterator();
        }
    }
}
