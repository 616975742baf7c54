package org.stancegraph.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.stancegraph.store.Store;

/**
 * Research exports of the store: RDF in eight syntaxes (written with RDF4J Rio), the
 * who-supports-whom network as CSV, GraphML, SVG and PNG, stance over time as CSV and SVG,
 * and beside them a VoID/DCAT description with a SHA-256 checksum of every file.
 *
 * <p>Exports are deterministic: the same store content gives byte-identical files,
 * whatever order it was loaded in (graphs in IRI order, triples sorted, fixed prefixes,
 * blank-node labels derived from content, gzip without name or time, no clock reading).
 */
public final class Exporter {
    /** One writer class per format family; a new family (network images, ...) is one more entry. */
    private static final List<FormatFamily> FAMILIES = List.of(new RdfFiles(), new NetworkCsvFiles(), new NetworkGraphmlFile(),
            new NetworkImageFiles(), new TimelineFiles());

    private Exporter() {}

    /** Writes the files {@code options} asks for and their description. */
    public static ExportResult export(Store store, ExportOptions options) {
        try {
            Files.createDirectories(options.outputDirectory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the output directory " + options.outputDirectory(), e);
        }
        return store.read(dataset -> {
            ExportContext context = new ExportContext(options, dataset, SelectedGraphs.select(dataset, options));
            List<ExportedFile> files = new ArrayList<>();
            try {
                for (FormatFamily family : FAMILIES) {
                    Set<ExportFormat> formats = EnumSet.noneOf(ExportFormat.class);
                    options.formats().stream().filter(f -> f.family() == family.family()).forEach(formats::add);
                    if (!formats.isEmpty()) {
                        files.addAll(family.write(context, formats));
                    }
                }
                Path description = DatasetDescription.write(context, files);
                return new ExportResult(files, description, context.graphs().articlesInRange().size());
            } catch (IOException e) {
                throw new UncheckedIOException("export to " + options.outputDirectory() + " failed: " + e.getMessage(), e);
            }
        });
    }

    /** The version in the jar manifest, or "dev" when running from classes. */
    static String softwareVersion() {
        String version = Exporter.class.getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
