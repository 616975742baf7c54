package org.stancegraph.knowledge;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The fingerprint of the knowledge files an extraction reads: SHA-256 over each file's name (relative to
 * the data folder, '/'-separated: "actors/states.ttl", "stance/cues.tsv", "boilerplate.tsv") and bytes, in
 * name order. It does not depend on where the files are, on the order a directory lists them in, or on
 * the clock, so two machines with the same knowledge files compute the same fingerprint, and editing one
 * byte of any of them (a cue, an alias) gives another.
 *
 * <p>Computed once per process for each set of files: an edit made while a process runs is seen by the next
 * process, as the knowledge itself (read once at start) is.
 */
public final class KnowledgeFingerprint {
    private static final Map<Map<String, Path>, String> COMPUTED = new ConcurrentHashMap<>();

    private KnowledgeFingerprint() {}

    /**
     * The fingerprint of {@code sources}: each maps the name under which its files are hashed ("actors",
     * "stance", "boilerplate.tsv") to a file, or to a folder whose files (not hidden, not in subfolders) are
     * hashed as "name/file".
     */
    public static String of(Map<String, Path> sources) {
        Map<String, Path> key = Map.copyOf(sources);
        return COMPUTED.computeIfAbsent(key, KnowledgeFingerprint::compute);
    }

    private static String compute(Map<String, Path> sources) {
        TreeMap<String, Path> files = new TreeMap<>();
        sources.forEach((name, path) -> {
            if (Files.isDirectory(path)) {
                for (Path file : filesIn(path)) {
                    files.put(name + "/" + file.getFileName(), file);
                }
            } else {
                files.put(name, path);
            }
        });
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Path> file : files.entrySet()) {
                byte[] name = file.getKey().getBytes(StandardCharsets.UTF_8);
                byte[] bytes = Files.readAllBytes(file.getValue());
                // Lengths first, so that no name and content can be shifted into another's.
                sha256.update(ByteBuffer.allocate(16).putLong(name.length).putLong(bytes.length).array());
                sha256.update(name);
                sha256.update(bytes);
            }
            return HexFormat.of().formatHex(sha256.digest());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read a knowledge file to fingerprint it: " + e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-256", e);
        }
    }

    private static List<Path> filesIn(Path folder) {
        try (Stream<Path> listed = Files.list(folder)) {
            return new ArrayList<>(listed.filter(Files::isRegularFile)
                    .filter(f -> !f.getFileName().toString().startsWith("."))
                    .toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the knowledge files in " + folder, e);
        }
    }
}
