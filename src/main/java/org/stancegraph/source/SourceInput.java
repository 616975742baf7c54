package org.stancegraph.source;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file opened for a {@link SourceReader}.
 *
 * @param file        the file as given, for messages
 * @param name        its file name without the compression suffix ("crawl.warc" for crawl.warc.gz)
 * @param stream      its content, decompressed
 * @param compression the compression its content was found in ("gz", "bzip2", "xz", "zstd"), if any
 */
record SourceInput(Path file, String name, InputStream stream, Optional<String> compression) {

    /** The name without its extension: the default article id. */
    String baseName() {
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    /** The file, as problems name it. */
    String where() {
        return file.toString();
    }
}
