package org.stancegraph.export;

import java.nio.file.Path;

/**
 * One file written by an export.
 *
 * @param path        where it is
 * @param title       what it holds, one line ("N-Triples", "Network edges (CSV)")
 * @param description how it was made, for the dataset description (flattening, grouping, ...)
 * @param mediaType   the media type of the content (before compression)
 * @param gzip        true when the file is gzip-compressed
 * @param bytes       size on disk
 * @param sha256      SHA-256 of the bytes on disk, lower-case hex
 * @param count       how many {@code unit}s it holds
 * @param unit        "triples", "quads", "edges", "nodes", ...
 */
public record ExportedFile(Path path, String title, String description, String mediaType, boolean gzip,
                           long bytes, String sha256, long count, String unit) {

    public String fileName() {
        return path.getFileName().toString();
    }
}
