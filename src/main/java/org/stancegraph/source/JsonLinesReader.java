package org.stancegraph.source;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Reads JSON Lines: one JSON object per line, one article per object. The file is streamed line by
 * line, so its size is not limited, only each line's; a bad line is reported and the next one read.
 */
final class JsonLinesReader implements SourceReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    /** Optional string fields copied to the record's metadata under the same names. */
    private static final List<String> METADATA_FIELDS = List.of("title", "date", "outlet", "author", "url", "language");

    /** Fields that must be scalars when present. */
    private static final List<String> SCALAR_FIELDS = List.of("id", "text", "title", "date", "outlet", "author", "url", "language");

    /** How much of the start of the file is checked for binary content before lines are parsed. */
    private static final int SNIFF_BYTES = 64 * 1024;

    @Override
    public String format() {
        return "jsonl";
    }

    @Override
    public List<String> extensions() {
        return List.of("jsonl", "ndjson");
    }

    @Override
    public void read(SourceInput input, SourceOptions options, Consumer<SourceRecord> records,
                     Consumer<SourceProblem> problems) throws IOException {
        String file = input.where();
        Sources.Limits limits = options.limits();
        try (InputStream in = new BufferedInputStream(input.stream(), SNIFF_BYTES)) {
            in.mark(SNIFF_BYTES);
            byte[] head = in.readNBytes(SNIFF_BYTES);
            in.reset();
            int bom = Bytes.bomLength(head, head.length);
            if (head.length == bom) {
                problems.accept(new SourceProblem(file, 0, "empty file"));
                return;
            }
            Optional<String> binary = Bytes.binaryReason(head, bom, head.length);
            if (binary.isPresent()) {
                problems.accept(new SourceProblem(file, 0, binary.get() + "; not read"));
                return;
            }
            in.skipNBytes(bom);
            LineSplitter lines = new LineSplitter(in, limits.maxLineBytes());
            boolean anyContent = false;
            while (lines.next()) {
                long number = lines.number();
                if (lines.tooLong()) {
                    anyContent = true;
                    problems.accept(new SourceProblem(file, number, "line is over the limit of "
                            + limits.maxLineBytes() + " bytes; skipped"));
                    continue;
                }
                String line;
                try {
                    line = Bytes.decodeUtf8(lines.bytes(), 0, lines.length());
                } catch (Bytes.MalformedBytesException e) {
                    anyContent = true;
                    problems.accept(new SourceProblem(file, number, String.format(
                            "invalid UTF-8 (byte 0x%02X at byte %d of the line); skipped", e.badByte, e.offset)));
                    continue;
                }
                if (line.isBlank()) {
                    continue;
                }
                anyContent = true;
                try {
                    records.accept(parse(input, number, line));
                } catch (BadLineException e) {
                    problems.accept(new SourceProblem(file, number, e.column, SourceProblem.Severity.ERROR, e.getMessage() + "; skipped"));
                }
            }
            if (!anyContent) {
                problems.accept(new SourceProblem(file, 0, "empty file (only blank lines)"));
            }
        }
    }

    /** Why one line cannot become a record. */
    private static final class BadLineException extends Exception {
        /** The column of the fault, or 0 when not known. */
        final long column;

        BadLineException(String message) {
            this(message, 0);
        }

        BadLineException(String message, long column) {
            super(message);
            this.column = column;
        }
    }

    private SourceRecord parse(SourceInput input, long number, String line) throws BadLineException {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            String reason = e.getOriginalMessage().lines().findFirst().orElse("unreadable JSON");
            long column = e.getLocation() == null ? 0 : Math.max(0, e.getLocation().getColumnNr());
            throw new BadLineException("malformed JSON: " + reason, column);
        }
        if (!node.isObject()) {
            throw new BadLineException("expected a JSON object, found " + node.getNodeType().name().toLowerCase(Locale.ROOT));
        }
        for (String field : SCALAR_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && !value.isNull() && !value.isValueNode()) {
                throw new BadLineException("field \"" + field + "\" must be a string, found "
                        + value.getNodeType().name().toLowerCase(Locale.ROOT));
            }
        }
        Optional<String> text = string(node, "text");
        if (text.isEmpty()) {
            throw new BadLineException("record has no \"text\"");
        }
        String id = string(node, "id").orElse(input.baseName() + ":" + number);
        Map<String, String> metadata = new TreeMap<>();
        for (String field : METADATA_FIELDS) {
            string(node, field).ifPresent(value -> metadata.put(field, value));
        }
        return new SourceRecord(id, input.where() + ":" + number, format(),
                Bytes.unixLineEnds(text.get()), Collections.unmodifiableMap(metadata));
    }

    /** A field's value as text, when present, scalar and not blank. */
    private static Optional<String> string(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || !value.isValueNode()) {
            return Optional.empty();
        }
        String text = value.asText().strip();
        return text.isEmpty() ? Optional.empty() : Optional.of(text);
    }

    /**
     * Splits a byte stream at line feeds without ever holding more than {@code maxLineBytes} of one
     * line: the rest of an overlong line is read past and dropped.
     */
    private static final class LineSplitter {
        private final InputStream in;
        private final int maxLineBytes;
        private final byte[] chunk = new byte[64 * 1024];
        private int chunkStart;
        private int chunkEnd;
        private byte[] line = new byte[8192];
        private int length;
        private boolean tooLong;
        private long number;
        private boolean finished;

        LineSplitter(InputStream in, int maxLineBytes) {
            this.in = in;
            this.maxLineBytes = maxLineBytes;
        }

        /** Moves to the next line; false at the end of the input. */
        boolean next() throws IOException {
            length = 0;
            tooLong = false;
            boolean sawAnything = false;
            while (true) {
                if (chunkStart == chunkEnd) {
                    chunkEnd = finished ? -1 : in.read(chunk);
                    chunkStart = 0;
                    if (chunkEnd <= 0) {
                        finished = true;
                        chunkEnd = 0;
                        if (!sawAnything) {
                            return false;
                        }
                        break;
                    }
                }
                sawAnything = true;
                int newline = chunkStart;
                while (newline < chunkEnd && chunk[newline] != '\n') {
                    newline++;
                }
                append(chunkStart, newline);
                if (newline < chunkEnd) {
                    chunkStart = newline + 1;
                    break;
                }
                chunkStart = chunkEnd;
            }
            if (!tooLong && length > 0 && line[length - 1] == '\r') {
                length--;
            }
            number++;
            return true;
        }

        private void append(int from, int to) {
            int count = to - from;
            if (tooLong || count == 0) {
                return;
            }
            if ((long) length + count > maxLineBytes) {
                tooLong = true;
                return;
            }
            if (length + count > line.length) {
                line = Arrays.copyOf(line, (int) Math.min(Math.max((long) line.length * 2, length + count), maxLineBytes));
            }
            System.arraycopy(chunk, from, line, length, count);
            length += count;
        }

        long number() {
            return number;
        }

        byte[] bytes() {
            return line;
        }

        int length() {
            return length;
        }

        boolean tooLong() {
            return tooLong;
        }
    }
}
