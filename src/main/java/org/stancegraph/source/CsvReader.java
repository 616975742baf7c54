package org.stancegraph.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads CSV and TSV corpora (UTF-8, a header row, one article per row) with Apache Commons CSV, streaming
 * row by row. Which columns hold the text, title, date, id and url is chosen by {@link CsvColumns}; a row
 * without an id column gets "file-rownumber". A file without a text column is one problem; a row that
 * cannot be used (wrong number of fields, no text, bytes that are not UTF-8) is reported with its line and the next one read.
 */
final class CsvReader implements SourceReader {

    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get();
    private static final CSVFormat TSV = CSVFormat.TDF.builder().setHeader().setSkipHeaderRecord(true).get();

    /** Stands for bytes that are not UTF-8: a non-character, which no text read keeps (see {@link CleanText}). */
    private static final String INVALID_UTF8 = "\uFDD0";

    @Override
    public String format() {
        return "csv";
    }

    @Override
    public List<String> extensions() {
        return List.of("csv", "tsv");
    }

    @Override
    public void read(SourceInput input, SourceOptions options, Consumer<SourceRecord> records,
                     Consumer<SourceProblem> problems) throws IOException {
        String where = input.where();
        InputStream in = new BufferedInputStream(input.stream());
        in.mark(3);
        byte[] head = in.readNBytes(3);
        in.reset();
        in.skipNBytes(Bytes.bomLength(head, head.length));
        // Commons CSV reads ahead, so a decoding error would lose the rows before it and its place: bad bytes
        // become a marker instead, and the row that holds one is reported and skipped.
        InputStreamReader text = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE)
                .replaceWith(INVALID_UTF8));
        CSVFormat format = SourceReaders.extension(input.name()).equals("tsv") ? TSV : CSV;
        CSVParser parser;
        try {
            parser = CSVParser.builder().setReader(text).setFormat(format).get();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            problems.accept(new SourceProblem(where, 1, "header row cannot be read: " + firstLine(e) + "; not read"));
            return;
        }
        try (parser) {
            List<String> headers = parser.getHeaderNames();
            if (String.join(",", headers).contains(INVALID_UTF8)) {
                problems.accept(new SourceProblem(where, 1, "header row is not valid UTF-8; not read"));
                return;
            }
            CsvColumns columns = options.csvColumns();
            int textColumn = columns.index(CsvColumns.Field.TEXT, headers);
            if (textColumn < 0) {
                problems.accept(new SourceProblem(where, 1, "no text column: the header has none of "
                        + String.join(", ", columns.names().get(CsvColumns.Field.TEXT))
                        + " (choose one with --text-column); not read"));
                return;
            }
            readRows(input, parser, headers.size(), columns, textColumn, records, problems);
        }
    }

    private void readRows(SourceInput input, CSVParser parser, int width, CsvColumns columns, int textColumn,
                          Consumer<SourceRecord> records, Consumer<SourceProblem> problems) {
        String where = input.where();
        int titleColumn = columns.index(CsvColumns.Field.TITLE, parser.getHeaderNames());
        int dateColumn = columns.index(CsvColumns.Field.DATE, parser.getHeaderNames());
        int idColumn = columns.index(CsvColumns.Field.ID, parser.getHeaderNames());
        int urlColumn = columns.index(CsvColumns.Field.URL, parser.getHeaderNames());
        Iterator<CSVRecord> rows = parser.iterator();
        long lastLine = parser.getCurrentLineNumber();
        while (true) {
            CSVRecord row;
            try {
                if (!rows.hasNext()) {
                    return;
                }
                row = rows.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                // Commons CSV cannot find the start of the next row after a broken quote or bad bytes.
                problems.accept(new SourceProblem(where, lastLine + 1, "malformed row: " + firstLine(e)
                        + "; the rest of the file not read"));
                return;
            }
            long line = lastLine + 1;
            lastLine = parser.getCurrentLineNumber();
            if (row.size() != width) {
                problems.accept(new SourceProblem(where, line, "row has " + row.size() + " fields, the header "
                        + width + "; skipped"));
                continue;
            }
            if (row.stream().anyMatch(value -> value.contains(INVALID_UTF8))) {
                problems.accept(new SourceProblem(where, line, "invalid UTF-8; skipped"));
                continue;
            }
            String body = row.get(textColumn).strip();
            if (body.isEmpty()) {
                problems.accept(new SourceProblem(where, line, "row has no text in column \""
                        + parser.getHeaderNames().get(textColumn) + "\"; skipped"));
                continue;
            }
            Map<String, String> metadata = new TreeMap<>();
            put(metadata, "title", row, titleColumn);
            put(metadata, "date", row, dateColumn);
            put(metadata, "url", row, urlColumn);
            String id = idColumn >= 0 && !row.get(idColumn).isBlank() ? row.get(idColumn).strip()
                    : input.baseName() + "-" + row.getRecordNumber();
            records.accept(new SourceRecord(id, where + ":" + line, format(), Bytes.unixLineEnds(body), metadata));
        }
    }

    private static void put(Map<String, String> metadata, String key, CSVRecord row, int column) {
        if (column >= 0 && !row.get(column).isBlank()) {
            metadata.put(key, row.get(column).strip());
        }
    }

    private static String firstLine(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
    }
}
