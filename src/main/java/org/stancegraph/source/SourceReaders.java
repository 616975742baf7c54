package org.stancegraph.source;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The registry of input formats: a new format is one {@link SourceReader} class and one line here. */
final class SourceReaders {

    static final List<SourceReader> ALL = List.of(
            WholeFileReader.TEXT,
            WholeFileReader.HTML,
            new JsonLinesReader(),
            new WebArchiveReader(),
            new FeedReader(),
            new CsvReader());

    private SourceReaders() {
    }

    /** The reader for a file name (without compression suffix), by its extension. */
    static Optional<SourceReader> forName(String name) {
        String extension = extension(name);
        return ALL.stream().filter(reader -> reader.extensions().contains(extension)).findFirst();
    }

    static List<String> extensions() {
        List<String> all = new ArrayList<>();
        ALL.forEach(reader -> all.addAll(reader.extensions()));
        return List.copyOf(all);
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
