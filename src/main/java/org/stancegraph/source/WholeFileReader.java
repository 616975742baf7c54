package org.stancegraph.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Readers for formats that hold one article per file (plain text, HTML). Such files are small,
 * so each is checked and decoded whole, after its size has been checked against the limit.
 */
final class WholeFileReader {

    private WholeFileReader() {
    }

    static void readText(Path file, Sources.Limits limits, Consumer<SourceRecord> records,
                         Consumer<SourceProblem> problems) throws IOException {
        decode(file, limits, problems).ifPresent(text -> records.accept(
                new SourceRecord(Sources.baseName(file), file.toString(), Sources.Format.TEXT.label, text, Map.of())));
    }

    static void readHtml(Path file, Sources.Limits limits, Consumer<SourceRecord> records,
                         Consumer<SourceProblem> problems) throws IOException {
        Optional<String> html = decode(file, limits, problems);
        if (html.isEmpty()) {
            return;
        }
        HtmlExtractor.Page page = HtmlExtractor.extract(html.get());
        if (page.body().isBlank()) {
            problems.accept(new SourceProblem(file.toString(), 0, "HTML page has no text outside navigation and scripts; not read"));
            return;
        }
        records.accept(new SourceRecord(Sources.baseName(file), file.toString(), Sources.Format.HTML.label,
                page.body(), page.metadata()));
    }

    /** The file's text, or empty after reporting why it cannot be used. */
    private static Optional<String> decode(Path file, Sources.Limits limits, Consumer<SourceProblem> problems)
            throws IOException {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            return fail(file, 0, "file is " + size + " bytes, over the limit of " + limits.maxFileBytes() + " bytes; not read", problems);
        }
        byte[] bytes = Files.readAllBytes(file);
        int start = Bytes.bomLength(bytes, bytes.length);
        if (bytes.length == start) {
            return fail(file, 0, "empty file", problems);
        }
        Optional<String> binary = Bytes.binaryReason(bytes, start, bytes.length);
        if (binary.isPresent()) {
            return fail(file, 0, binary.get() + "; not read", problems);
        }
        String text;
        try {
            text = Bytes.decodeUtf8(bytes, start, bytes.length);
        } catch (Bytes.MalformedUtf8Exception e) {
            return fail(file, Bytes.lineOf(bytes, e.offset), e.getMessage() + "; not read", problems);
        }
        if (text.isBlank()) {
            return fail(file, 0, "empty file (only white space)", problems);
        }
        return Optional.of(Bytes.unixLineEnds(text));
    }

    private static Optional<String> fail(Path file, long line, String message, Consumer<SourceProblem> problems) {
        problems.accept(new SourceProblem(file.toString(), line, message));
        return Optional.empty();
    }
}
