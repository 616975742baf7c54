package org.stancegraph.export;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/**
 * A file being written: optionally gzip-compressed, hashed (SHA-256 of the bytes on
 * disk) as it is written, and moved into place only when complete so that a failed
 * export never leaves a half file under the final name.
 *
 * <p>Gzip output is deterministic: {@link GZIPOutputStream} writes a fixed header with
 * no file name and a modification time of 0 (checked by the tests).
 */
final class OutputFile implements AutoCloseable {
    private static final int BUFFER = 1 << 16;

    private final Path target;
    private final Path partial;
    private final boolean gzip;
    private final MessageDigest digest;
    private final OutputStream stream;
    private boolean finished;

    private OutputFile(Path target, boolean gzip) throws IOException {
        this.target = target;
        this.partial = target.resolveSibling(target.getFileName() + ".partial");
        this.gzip = gzip;
        try {
            this.digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
        OutputStream onDisk = new DigestOutputStream(Files.newOutputStream(partial), digest);
        this.stream = gzip ? new GZIPOutputStream(onDisk, BUFFER) : new BufferedOutputStream(onDisk, BUFFER);
    }

    /** Opens {@code directory/name} (plus {@code .gz} when compressing). */
    static OutputFile open(Path directory, String name, boolean gzip) throws IOException {
        return new OutputFile(directory.resolve(gzip ? name + ".gz" : name), gzip);
    }

    /** The stream to write the (uncompressed) content to. Writers must not close it. */
    OutputStream stream() {
        return new NonClosingOutputStream(stream);
    }

    /** Completes the file and describes it. */
    ExportedFile finish(String title, String description, String mediaType, long count, String unit) throws IOException {
        stream.close();
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        finished = true;
        return new ExportedFile(target, title, description, mediaType, gzip, Files.size(target),
                HexFormat.of().formatHex(digest.digest()), count, unit);
    }

    /** Discards an unfinished file. */
    @Override
    public void close() {
        if (finished) {
            return;
        }
        try {
            stream.close();
            Files.deleteIfExists(partial);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove " + partial, e);
        }
    }

    /** Rio and XML writers close or flush their streams; the file's life is ours. */
    private static final class NonClosingOutputStream extends OutputStream {
        private final OutputStream out;

        NonClosingOutputStream(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
