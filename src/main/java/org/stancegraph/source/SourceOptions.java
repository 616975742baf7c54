package org.stancegraph.source;

/**
 * What a caller may choose about reading: the size limits, and which columns of a CSV or TSV corpus
 * hold the text and the metadata.
 */
public record SourceOptions(Sources.Limits limits, CsvColumns csvColumns) {
    public static final SourceOptions DEFAULT = new SourceOptions(Sources.Limits.DEFAULT, CsvColumns.DEFAULT);

    public SourceOptions withLimits(Sources.Limits newLimits) {
        return new SourceOptions(newLimits, csvColumns);
    }

    public SourceOptions withCsvColumns(CsvColumns newColumns) {
        return new SourceOptions(limits, newColumns);
    }
}
