package org.stancegraph.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
        decode(file, limits, false, problems).ifPresent(text -> records.accept(
                new SourceRecord(Sources.baseName(file), file.toString(), Sources.Format.TEXT.label, text, Map.of())));
    }

    static void readHtml(Path file, Sources.Limits limits, Consumer<SourceRecord> records,
                         Consumer<SourceProblem> problems) throws IOException {
        Optional<String> html = decode(file, limits, true, problems);
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

    /**
     * The file's text, or empty after reporting why it cannot be used. Plain text is UTF-8 (after an
     * optional byte order mark); HTML may also be in the charset its byte order mark or head declares.
     */
    private static Optional<String> decode(Path file, Sources.Limits limits, boolean html,
                                           Consumer<SourceProblem> problems) throws IOException {
        long size = Files.size(file);
        if (size > limits.maxFileBytes()) {
            return fail(file, 0, "file is " + size + " bytes, over the limit of " + limits.maxFileBytes() + " bytes; not read", problems);
        }
        byte[] bytes = Files.readAllBytes(file);
        HtmlCharset.Encoding encoding;
        try {
            encoding = html ? HtmlCharset.of(bytes)
                    : new HtmlCharset.Encoding(StandardCharsets.UTF_8, Bytes.bomLength(bytes, bytes.length));
        } catch (HtmlCharset.UnusableCharsetException e) {
            return fail(file, 0, e.getMessage() + "; not read", problems);
        }
        int start = encoding.start();
        if (bytes.length == start) {
            return fail(file, 0, "empty file", problems);
        }
        // UTF-16 text is full of NUL bytes, so it is checked once decoded; every other charset read
        // here is ASCII-compatible, so its bytes are checked before decoding, as UTF-8's always were.
        boolean utf16 = encoding.charset().name().startsWith("UTF-16");
        Optional<String> binary = utf16 ? Optional.empty() : Bytes.binaryReason(bytes, start, bytes.length);
        if (binary.isPresent()) {
            return fail(file, 0, binary.get() + "; not read", problems);
        }
        String text;
        try {
            text = Bytes.decode(bytes, start, bytes.length, encoding.charset());
        } catch (Bytes.MalformedBytesException e) {
            return fail(file, e.line, e.getMessage() + "; not read", problems);
        }
        binary = utf16 ? Bytes.binaryReason(text) : Optional.empty();
        if (binary.isPresent()) {
            return fail(file, 0, binary.get() + "; not read", problems);
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
