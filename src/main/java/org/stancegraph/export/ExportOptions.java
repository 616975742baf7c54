package org.stancegraph.export;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What to export and where.
 *
 * @param outputDirectory where the files go (created if missing)
 * @param formats         at least one format
 * @param gzip            compress every data file (the description stays plain Turtle)
 * @param graphs          which graphs the RDF files hold
 * @param from            keep only articles issued on or after this date (null: no lower bound)
 * @param to              keep only articles issued on or before this date (null: no upper bound)
 * @param baseName        file name stem, {@code stancegraph} by default
 * @param created         the description's {@code dcterms:created}; null means the latest
 *                        {@code dcterms:issued} of the exported articles, so that the same store
 *                        always gives the same bytes
 */
public record ExportOptions(Path outputDirectory, Set<ExportFormat> formats, boolean gzip, GraphSelection graphs,
                            LocalDate from, LocalDate to, String baseName, LocalDate created) {

    public static final String DEFAULT_BASE_NAME = "stancegraph";

    public ExportOptions {
        Objects.requireNonNull(outputDirectory, "outputDirectory");
        if (formats == null || formats.isEmpty()) {
            throw new IllegalArgumentException("no export format given");
        }
        formats = Set.copyOf(EnumSet.copyOf(formats));
        graphs = graphs == null ? GraphSelection.ALL : graphs;
        baseName = baseName == null || baseName.isBlank() ? DEFAULT_BASE_NAME : baseName;
        if (!baseName.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("base name '" + baseName + "' may only hold letters, digits, '.', '_' and '-'");
        }
        if (from != null && to != null && from.isAfter(to)) {
            throw new IllegalArgumentException("--from " + from + " is after --to " + to);
        }
    }

    /** Everything by default: all graphs, no date range, no compression. */
    public static ExportOptions of(Path outputDirectory, Set<ExportFormat> formats) {
        return new ExportOptions(outputDirectory, formats, false, GraphSelection.ALL, null, null, DEFAULT_BASE_NAME, null);
    }

    public ExportOptions withGzip(boolean gzip) {
        return new ExportOptions(outputDirectory, formats, gzip, graphs, from, to, baseName, created);
    }

    public ExportOptions withGraphs(GraphSelection graphs) {
        return new ExportOptions(outputDirectory, formats, gzip, graphs, from, to, baseName, created);
    }

    public ExportOptions withDateRange(LocalDate from, LocalDate to) {
        return new ExportOptions(outputDirectory, formats, gzip, graphs, from, to, baseName, created);
    }

    public ExportOptions withOutputDirectory(Path outputDirectory) {
        return new ExportOptions(outputDirectory, formats, gzip, graphs, from, to, baseName, created);
    }

    /** True when a date range restricts the articles. */
    public boolean hasDateRange() {
        return from != null || to != null;
    }

    /** True when {@code date} lies in the range; a missing date is out of any range. */
    public boolean inDateRange(LocalDate date) {
        if (!hasDateRange()) {
            return true;
        }
        return date != null && (from == null || !date.isBefore(from)) && (to == null || !date.isAfter(to));
    }
}
