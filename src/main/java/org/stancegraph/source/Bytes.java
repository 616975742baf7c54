package org.stancegraph.source;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Checks on raw input bytes before they are trusted as UTF-8 text. */
final class Bytes {

    /** More control characters than this share of the bytes means the file is not text. */
    private static final double MAX_CONTROL_SHARE = 0.30;

    private Bytes() {
    }

    /** Bytes that cannot be decoded as UTF-8, with the offset of the first bad byte within the input. */
    static final class MalformedUtf8Exception extends CharacterCodingException {
        final int offset;
        final int badByte;

        MalformedUtf8Exception(int offset, int badByte) {
            this.offset = offset;
            this.badByte = badByte;
        }

        @Override
        public String getMessage() {
            return String.format("invalid UTF-8 (byte 0x%02X at byte offset %d)", badByte, offset);
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
        int controls = 0;
        for (int i = from; i < to; i++) {
            int b = bytes[i] & 0xFF;
            if (b == 0) {
                return Optional.of("binary content (NUL byte at byte offset " + i + ")");
            }
            if ((b < 0x20 && b != '\t' && b != '\n' && b != '\f' && b != '\r') || b == 0x7F) {
                controls++;
            }
        }
        int length = to - from;
        if (length > 0 && controls > MAX_CONTROL_SHARE * length) {
            return Optional.of("binary content (" + (100L * controls / length) + "% control characters)");
        }
        return Optional.empty();
    }

    /** Decodes strictly: malformed or unmappable input is an error, never a replacement character. */
    static String decodeUtf8(byte[] bytes, int from, int to) throws MalformedUtf8Exception {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, from, to - from);
        CharBuffer out = CharBuffer.allocate(to - from);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int offset = in.position();
            throw new MalformedUtf8Exception(offset, bytes[offset] & 0xFF);
        }
        return out.flip().toString();
    }

    /** The 1-based line on which byte {@code offset} lies. */
    static long lineOf(byte[] bytes, int offset) {
        long line = 1;
        for (int i = 0; i < offset; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Unix line ends: CRLF and lone CR become LF, so every reader hands on the same shape of text. */
    static String unixLineEnds(String text) {
        return text.indexOf('\r') < 0 ? text : text.replace("\r\n", "\n").replace('\r', '\n');
    }
}
