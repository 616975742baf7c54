package org.stancegraph.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.IntUnaryOperator;

/** Checks on raw input bytes before they are trusted as text. */
final class Bytes {

    /** More control characters than this share of the bytes means the file is not text. */
    private static final double MAX_CONTROL_SHARE = 0.30;

    private Bytes() {
    }

    /** Bytes that cannot be decoded in their charset, with the place of the first bad byte. */
    static final class MalformedBytesException extends CharacterCodingException {
        final String charset;
        final int offset;
        final int badByte;
        /** The 1-based line of the bad byte, counted on the text decoded before it (right in any charset). */
        final long line;

        MalformedBytesException(String charset, int offset, int badByte, long line) {
            this.charset = charset;
            this.offset = offset;
            this.badByte = badByte;
            this.line = line;
        }

        @Override
        public String getMessage() {
            return String.format("invalid %s (byte 0x%02X at byte offset %d)", charset, badByte, offset);
        }
    }

    /** 3 when the bytes start with the UTF-8 byte order mark, else 0. */
    static int bomLength(byte[] bytes, int length) {
        return length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
    }

    /**
     * Why {@code bytes[from, to)} look binary rather than text: a NUL byte, or mostly control
     * characters (other than tab, line feed, form feed and carriage return). Empty when they look like text.
     */
    static Optional<String> binaryReason(byte[] bytes, int from, int to) {
        return binaryReason(from, to, i -> bytes[i] & 0xFF, "byte");
    }

    /** The same check on decoded text, for UTF-16, whose bytes hold NULs even in plain English. */
    static Optional<String> binaryReason(String text) {
        return binaryReason(0, text.length(), text::charAt, "character");
    }

    private static Optional<String> binaryReason(int from, int to, IntUnaryOperator unitAt, String unit) {
        int controls = 0;
        for (int i = from; i < to; i++) {
            int c = unitAt.applyAsInt(i);
            if (c == 0) {
                return Optional.of("binary content (NUL " + unit + " at " + unit + " offset " + i + ")");
            }
            if ((c < 0x20 && c != '\t' && c != '\n' && c != '\f' && c != '\r') || c == 0x7F) {
                controls++;
            }
        }
        int length = to - from;
        if (length > 0 && controls > MAX_CONTROL_SHARE * length) {
            return Optional.of("binary content (" + (100L * controls / length) + "% control characters)");
        }
        return Optional.empty();
    }

    /** Decodes UTF-8 strictly; see {@link #decode}. */
    static String decodeUtf8(byte[] bytes, int from, int to) throws MalformedBytesException {
        return decode(bytes, from, to, StandardCharsets.UTF_8);
    }

    /** Decodes strictly: malformed or unmappable input is an error, never a replacement character. */
    static String decode(byte[] bytes, int from, int to, Charset charset) throws MalformedBytesException {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        // Room for one char per byte: the most any charset read here (UTF-8, UTF-16, single-byte, CJK) yields.
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            long line = 1 + out.flip().chars().filter(c -> c == '\n').count();
            throw new MalformedBytesException(charset.name(), offset, bytes[offset] & 0xFF, line);
        }
        return out.flip().toString();
    }

    /** Unix line ends: CRLF and lone CR become LF, so every reader hands on the same shape of text. */
    static String unixLineEnds(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
