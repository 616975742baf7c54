package org.stancegraph.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Entry point of the source stage: finds input files and reads each into {@link SourceRecord}s.
 * Nothing here throws for bad input; every file that cannot be read becomes a {@link SourceProblem}
 * and the caller goes on with the rest.
 */
public final class Sources {

    /** How large an input may be before it is refused rather than read. */
    public record Limits(long maxFileBytes, int maxLineBytes) {
        /** 50 MiB for a text or HTML file, 10 MiB for one JSON line. */
        public static final Limits DEFAULT = new Limits(50L * 1024 * 1024, 10 * 1024 * 1024);

        public Limits {
            if (maxFileBytes <= 0 || maxLineBytes <= 0) {
                throw new IllegalArgumentException("limits must be positive: " + maxFileBytes + ", " + maxLineBytes);
            }
        }
    }

    /** The input formats, each with the file extensions that select it. */
    enum Format {
        TEXT("text", "txt", "md", "text"),
        HTML("html", "html", "htm"),
        JSONL("jsonl", "jsonl", "ndjson");

        final String label;
        final List<String> extensions;

        Format(String label, String... extensions) {
            this.label = label;
            this.extensions = List.of(extensions);
        }

        static Optional<Format> of(Path file) {
            String extension = extension(file.getFileName().toString());
            for (Format format : values()) {
                if (format.extensions.contains(extension)) {
                    return Optional.of(format);
                }
            }
            return Optional.empty();
        }
    }

    private Sources() {
    }

    /** The extensions {@link #read} understands, lower case, without the dot. */
    public static List<String> knownExtensions() {
        List<String> all = new ArrayList<>();
        for (Format format : Format.values()) {
            all.addAll(format.extensions);
        }
        return all;
    }

    /**
     * Expands the inputs into the list of files to read, in a deterministic order: each input in the
     * order given, directories walked recursively with entries sorted by name. Hidden entries (name
     * starting with ".") inside directories are skipped; a file named explicitly is taken even when
     * hidden. Symbolic links inside a folder are followed as long as they stay inside it: one that leads
     * out of the folder given (say {@code passwd.txt -> /etc/passwd}) is reported and not followed, so
     * that a corpus cannot smuggle other files of the machine into the served store; a file or folder
     * given by name is taken wherever it lies. A directory or file reached a second time (a link loop,
     * or two links to one place) is reported and not listed again. Files with an unknown extension,
     * missing inputs and special files are reported, not listed.
     */
    public static List<Path> files(List<Path> inputs, Consumer<SourceProblem> problems) {
        Walk walk = new Walk(problems);
        for (Path input : inputs) {
            walk.input(input);
        }
        return walk.files;
    }

    /** Reads one file with the default limits; see {@link #read(Path, Limits, Consumer, Consumer)}. */
    public static void read(Path file, Consumer<SourceRecord> records, Consumer<SourceProblem> problems) {
        read(file, Limits.DEFAULT, records, problems);
    }

    /**
     * Reads one file, choosing the reader by extension, and passes each record it holds to
     * {@code records} as soon as it is read (one for text and HTML, one per line for JSON Lines).
     * Anything unreadable goes to {@code problems}, naming the file and, where it applies, the line.
     */
    public static void read(Path file, Limits limits, Consumer<SourceRecord> records, Consumer<SourceProblem> problems) {
        Optional<Format> format = Format.of(file);
        if (format.isEmpty()) {
            problems.accept(unknownExtension(file));
            return;
        }
        try {
            switch (format.get()) {
                case TEXT -> WholeFileReader.readText(file, limits, records, problems);
                case HTML -> WholeFileReader.readHtml(file, limits, records, problems);
                case JSONL -> JsonLinesReader.read(file, limits, records, problems);
            }
        } catch (IOException e) {
            problems.accept(new SourceProblem(file.toString(), 0, "cannot read: " + describe(e)));
        }
    }

    static String describe(IOException e) {
        String reason = e.getMessage();
        return e.getClass().getSimpleName() + (reason == null ? "" : " " + reason);
    }

    static String extension(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot <= 0 ? "" : fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    /** The file name without its extension: the default article id. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot <= 0 ? name : name.substring(0, dot);
    }

    private static SourceProblem unknownExtension(Path file) {
        return new SourceProblem(file.toString(), 0,
                "unknown file type \"." + extension(file.getFileName().toString()) + "\" (expected one of ."
                        + String.join(", .", knownExtensions()) + "); not read");
    }

    /** One expansion of the inputs: remembers every real path seen so nothing is listed twice. */
    private static final class Walk {
        private final Consumer<SourceProblem> problems;
        private final List<Path> files = new ArrayList<>();
        /** Real path of every file and directory taken so far, mapped to the path it was taken as. */
        private final Map<Path, Path> seen = new HashMap<>();
        /** Real paths of the directories being walked, innermost last: a link back into one is a loop. */
        private final Deque<Path> openDirectories = new ArrayDeque<>();
        /** Real path of the folder given as the input being walked; everything walked must stay inside it. */
        private Path inputFolder;

        Walk(Consumer<SourceProblem> problems) {
            this.problems = problems;
        }

        void input(Path input) {
            if (!Files.exists(input)) {
                problem(input, Files.exists(input, LinkOption.NOFOLLOW_LINKS)
                        ? "broken symbolic link; skipped" : "no such file or directory");
                return;
            }
            inputFolder = null;
            visit(input);
        }

        private void visit(Path path) {
            Path real;
            try {
                real = path.toRealPath();
            } catch (IOException e) {
                problem(path, "cannot resolve: " + describe(e));
                return;
            }
            if (openDirectories.contains(real)) {
                problem(path, "symbolic link loop back to " + real + "; not followed");
                return;
            }
            if (inputFolder != null && !real.startsWith(inputFolder)) {
                problem(path, "symbolic link to " + real + ", outside the folder " + inputFolder + "; not followed");
                return;
            }
            Path earlier = seen.putIfAbsent(real, path);
            if (earlier != null) {
                problem(path, "same file or directory as " + earlier + "; skipped");
                return;
            }
            if (Files.isDirectory(path)) {
                if (inputFolder == null) {
                    inputFolder = real;
                }
                directory(path, real);
            } else if (Files.isRegularFile(path)) {
                if (Format.of(path).isPresent()) {
                    files.add(path);
                } else {
                    problems.accept(unknownExtension(path));
                }
            } else {
                problem(path, "not a regular file; skipped");
            }
        }

        private void directory(Path directory, Path real) {
            List<Path> entries;
            try (Stream<Path> list = Files.list(directory)) {
                entries = list.filter(entry -> !entry.getFileName().toString().startsWith("."))
                        .sorted(Comparator.comparing(entry -> entry.getFileName().toString()))
                        .toList();
            } catch (IOException e) {
                problem(directory, "cannot list directory: " + describe(e));
                return;
            }
            openDirectories.addLast(real);
            for (Path entry : entries) {
                if (!Files.exists(entry)) {
                    problem(entry, "broken symbolic link; skipped");
                } else {
                    visit(entry);
                }
            }
            openDirectories.removeLast();
        }

        private void problem(Path path, String message) {
            problems.accept(new SourceProblem(path.toString(), 0, message));
        }
    }
}
