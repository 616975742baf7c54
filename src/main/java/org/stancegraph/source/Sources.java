package org.stancegraph.source;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
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

    /**
     * How large an input may be before it is refused rather than read.
     *
     * @param maxFileBytes     one text, HTML, feed file or web page, in bytes (after decompression)
     * @param maxLineBytes     one JSON line
     * @param maxExpandedBytes everything a compressed file expands to: the bound on a decompression bomb
     */
    public record Limits(long maxFileBytes, int maxLineBytes, long maxExpandedBytes) {
        /** 50 MiB for a text or HTML file, 10 MiB for one JSON line, 16 GiB expanded from one compressed file. */
        public static final Limits DEFAULT = new Limits(50L * 1024 * 1024, 10 * 1024 * 1024, 16L * 1024 * 1024 * 1024);

        public Limits {
            if (maxFileBytes <= 0 || maxLineBytes <= 0 || maxExpandedBytes <= 0) {
                throw new IllegalArgumentException("limits must be positive: " + maxFileBytes + ", " + maxLineBytes
                        + ", " + maxExpandedBytes);
            }
        }

        /** The given file and line limits, with the default limit on expanded size. */
        public Limits(long maxFileBytes, int maxLineBytes) {
            this(maxFileBytes, maxLineBytes, 16L * 1024 * 1024 * 1024);
        }
    }

    private Sources() {
    }

    /** The extensions {@link #read} understands, lower case, without the dot. */
    public static List<String> knownExtensions() {
        return SourceReaders.extensions();
    }

    /** The compression suffixes that may follow any of the {@link #knownExtensions}. */
    public static List<String> compressionSuffixes() {
        return Compression.SUFFIXES;
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

    /** Reads one file with the default options; see {@link #read(Path, SourceOptions, Consumer, Consumer)}. */
    public static void read(Path file, Consumer<SourceRecord> records, Consumer<SourceProblem> problems) {
        read(file, SourceOptions.DEFAULT, records, problems);
    }

    /** Reads one file with the given limits and the default options otherwise. */
    public static void read(Path file, Limits limits, Consumer<SourceRecord> records, Consumer<SourceProblem> problems) {
        read(file, SourceOptions.DEFAULT.withLimits(limits), records, problems);
    }

    /**
     * Reads one file, choosing the reader by extension (after dropping a compression suffix), and passes
     * each record it holds to {@code records} as soon as it is read (one for text and HTML, one per line
     * of JSON Lines or CSV, per page of a web archive, per item of a feed). Content compressed with gzip,
     * bzip2, xz or Zstandard is decompressed, whatever the name. Anything unreadable goes to
     * {@code problems}, naming the file and, where it applies, the line.
     */
    public static void read(Path file, SourceOptions options, Consumer<SourceRecord> records, Consumer<SourceProblem> problems) {
        String name = Compression.innerName(file.getFileName().toString());
        Optional<SourceReader> reader = SourceReaders.forName(name);
        if (reader.isEmpty()) {
            problems.accept(unknownExtension(file));
            return;
        }
        try (InputStream raw = Files.newInputStream(file)) {
            Compression.Opened opened = Compression.open(raw, options.limits());
            reader.get().read(new SourceInput(file, name, opened.stream(), opened.compression()), options, records, problems);
        } catch (Compression.CompressedInputException e) {
            problems.accept(new SourceProblem(file.toString(), 0, e.getMessage()));
        } catch (IOException e) {
            problems.accept(new SourceProblem(file.toString(), 0, "cannot read: " + describe(e)));
        }
    }

    static String describe(IOException e) {
        String reason = e.getMessage();
        return e.getClass().getSimpleName() + (reason == null ? "" : " " + reason);
    }

    private static SourceProblem unknownExtension(Path file) {
        return new SourceProblem(file.toString(), 0,
                "unknown file type \"." + SourceReaders.extension(file.getFileName().toString()) + "\" (expected one of ."
                        + String.join(", .", knownExtensions()) + ", each also compressed as ."
                        + String.join(", .", compressionSuffixes()) + "); not read");
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
                if (SourceReaders.forName(Compression.innerName(path.getFileName().toString())).isPresent()) {
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
