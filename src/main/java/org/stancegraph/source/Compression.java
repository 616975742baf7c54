package org.stancegraph.source;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.compress.compressors.CompressorException;
import org.apache.commons.compress.compressors.CompressorStreamFactory;

/**
 * Compressed inputs (gzip, bzip2, xz, Zstandard), recognised by their content, not their name; the
 * name only tells the format inside once its compression suffix is dropped (a.jsonl.gz is JSON Lines).
 * The expanded bytes are counted as they are read: past {@link Sources.Limits#maxExpandedBytes} the file
 * is refused, so a decompression bomb costs a bounded amount of time and never memory.
 */
final class Compression {

    /** Suffixes dropped from a file name to find the format inside. */
    static final List<String> SUFFIXES = List.of("gz", "bz2", "xz", "zst");

    /** The Commons Compress names of the compressions read, and how messages name them. */
    private static final Map<String, String> READ = Map.of(
            CompressorStreamFactory.GZIP, "gzip",
            CompressorStreamFactory.BZIP2, "bzip2",
            CompressorStreamFactory.XZ, "xz",
            CompressorStreamFactory.ZSTANDARD, "zstd");

    /**
     * Memory an xz decoder may take: a header may ask for a dictionary of gigabytes, which would end the
     * load with an OutOfMemoryError; xz -9 needs 65 MiB.
     */
    private static final int DECODER_MEMORY_KB = 256 * 1024;

    /** Stops the reading of a compressed file; {@link Sources} reports it. Unchecked, so no reader's own error handling swallows it. */
    static final class CompressedInputException extends RuntimeException {
        CompressedInputException(String message) {
            super(message);
        }
    }

    /** A file's content, decompressed when it was compressed. */
    record Opened(InputStream stream, Optional<String> compression) {
    }

    private Compression() {
    }

    /** {@code name} without a compression suffix. */
    static String innerName(String name) {
        String extension = SourceReaders.extension(name);
        return SUFFIXES.contains(extension) ? name.substring(0, name.length() - extension.length() - 1) : name;
    }

    static Opened open(InputStream raw, Sources.Limits limits) throws IOException {
        InputStream in = new BufferedInputStream(raw);
        String detected;
        try {
            detected = CompressorStreamFactory.detect(in);
        } catch (CompressorException e) {
            return new Opened(in, Optional.empty());
        }
        String label = READ.get(detected);
        if (label == null) {
            // Commons Compress also knows lz4, snappy, deflate...; their short signatures can occur at the
            // start of plain text ("x^" is a zlib header), so only the four formats above count as compressed.
            return new Opened(in, Optional.empty());
        }
        InputStream expanded;
        try {
            expanded = new CompressorStreamFactory(true, DECODER_MEMORY_KB).createCompressorInputStream(detected, in);
        } catch (CompressorException e) {
            throw new CompressedInputException(label + " data cannot be opened: " + reason(e) + "; not read");
        } catch (IOException e) {
            throw new CompressedInputException(label + " data cannot be opened (" + reason(e) + "); not read");
        }
        return new Opened(new Guarded(expanded, label, limits.maxExpandedBytes()), Optional.of(label));
    }

    private static String reason(Exception e) {
        Throwable cause = e.getCause() != null && e.getMessage() != null && e.getMessage().contains("Could not create")
                ? e.getCause() : e;
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message.lines().findFirst().orElse("").strip();
    }

    /** Counts the expanded bytes and turns the decompressor's errors into one clear message. */
    private static final class Guarded extends FilterInputStream {
        private final String label;
        private final long maxBytes;
        private long count;

        Guarded(InputStream in, String label, long maxBytes) {
            super(in);
            this.label = label;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n;
            try {
                n = super.read(buffer, offset, (int) Math.min(length, maxBytes - count + 1));
            } catch (IOException e) {
                String reason = reason(e).toLowerCase(Locale.ROOT);
                boolean truncated = e instanceof java.io.EOFException || reason.contains("truncated")
                        || reason.contains("end of") || reason.contains("eof");
                throw new CompressedInputException(label + " data " + (truncated ? "ends early (truncated file?)" : "is corrupt")
                        + " after " + count + " expanded bytes: " + reason(e) + "; not read further");
            }
            if (n > 0) {
                count += n;
                if (count > maxBytes) {
                    throw new CompressedInputException(label + " data expands to more than " + maxBytes
                            + " bytes, the limit on expanded size; not read further");
                }
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(n, 8192)];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }
}
