package org.stancegraph.source;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Readers for formats that hold one article per file (plain text, HTML). Such files are small,
 * so each is checked and decoded whole, after its size has been checked against the limit.
 * The decoding and the HTML extraction are shared with the readers of web archives and feeds.
 */
final class WholeFileReader implements SourceReader {

    static final WholeFileReader TEXT = new WholeFileReader("text", false, List.of("txt", "md", "text"));
    static final WholeFileReader HTML = new WholeFileReader("html", true, List.of("html", "htm"));

    private final String format;
    private final boolean html;
    private final List<String> extensions;

    private WholeFileReader(String format, boolean html, List<String> extensions) {
        this.format = format;
        this.html = html;
        this.extensions = extensions;
    }

    @Override
    public String format() {
        return format;
    }

    @Override
    public List<String> extensions() {
        return extensions;
    }

    @Override
    public void read(SourceInput input, SourceOptions options, Consumer<SourceRecord> records,
                     Consumer<SourceProblem> problems) throws IOException {
        Optional<byte[]> bytes = bytes(input, options.limits(), problems);
        if (bytes.isEmpty()) {
            return;
        }
        String where = input.where();
        if (!html) {
            decode(where, bytes.get(), false, problems).ifPresent(text -> records.accept(
                    new SourceRecord(input.baseName(), where, format, text, Map.of())));
            return;
        }
        page(where, bytes.get(), problems).ifPresent(page -> records.accept(
                new SourceRecord(input.baseName(), where, format, page.body(), page.metadata())));
    }

    /** The whole content of the input, or empty after reporting that it is over the limit. */
    static Optional<byte[]> bytes(SourceInput input, Sources.Limits limits, Consumer<SourceProblem> problems) throws IOException {
        if (input.compression().isEmpty()) {
            long size = Files.size(input.file());
            if (size > limits.maxFileBytes()) {
                return fail(input.where(), 0, "file is " + size + " bytes, over the limit of " + limits.maxFileBytes()
                        + " bytes; not read", problems);
            }
        }
        byte[] bytes = input.stream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limits.maxFileBytes() + 1));
        if (bytes.length > limits.maxFileBytes()) {
            return fail(input.where(), 0, "file expands to more than " + limits.maxFileBytes()
                    + " bytes, over the limit for one file; not read", problems);
        }
        return Optional.of(bytes);
    }

    /** The main text and metadata of an HTML page, or empty after reporting why there is none. */
    static Optional<HtmlExtractor.Page> page(String where, byte[] bytes, Consumer<SourceProblem> problems) {
        Optional<String> html = decode(where, bytes, true, problems);
        if (html.isEmpty()) {
            return Optional.empty();
        }
        HtmlExtractor.Page page = HtmlExtractor.extract(html.get());
        if (page.body().isBlank()) {
            return fail(where, 0, "HTML page has no text outside navigation and scripts; not read", problems);
        }
        return Optional.of(page);
    }

    /**
     * The text of {@code bytes}, or empty after reporting why they cannot be used. Plain text is UTF-8 (after
     * an optional byte order mark); HTML may also be in the charset its byte order mark or head declares.
     */
    static Optional<String> decode(String where, byte[] bytes, boolean html, Consumer<SourceProblem> problems) {
        HtmlCharset.Encoding encoding;
        try {
            encoding = html ? HtmlCharset.of(bytes)
                    : new HtmlCharset.Encoding(StandardCharsets.UTF_8, Bytes.bomLength(bytes, bytes.length));
        } catch (HtmlCharset.UnusableCharsetException e) {
            return fail(where, 0, e.getMessage() + "; not read", problems);
        }
        int start = encoding.start();
        if (bytes.length == start) {
            return fail(where, 0, "empty file", problems);
        }
        // UTF-16 text is full of NUL bytes, so it is checked once decoded; every other charset read
        // here is ASCII-compatible, so its bytes are checked before decoding, as UTF-8's always were.
        boolean utf16 = encoding.charset().name().startsWith("UTF-16");
        Optional<String> binary = utf16 ? Optional.empty() : Bytes.binaryReason(bytes, start, bytes.length);
        if (binary.isPresent()) {
            return fail(where, 0, binary.get() + "; not read", problems);
        }
        String text;
        try {
            text = Bytes.decode(bytes, start, bytes.length, encoding.charset());
        } catch (Bytes.MalformedBytesException e) {
            return fail(where, e.line, e.getMessage() + "; not read", problems);
        }
        binary = utf16 ? Bytes.binaryReason(text) : Optional.empty();
        if (binary.isPresent()) {
            return fail(where, 0, binary.get() + "; not read", problems);
        }
        if (text.isBlank()) {
            return fail(where, 0, "empty file (only white space)", problems);
        }
        return Optional.of(Bytes.unixLineEnds(text));
    }

    private static <T> Optional<T> fail(String where, long line, String message, Consumer<SourceProblem> problems) {
        problems.accept(new SourceProblem(where, line, message));
        return Optional.empty();
    }
}
