package org.stancegraph.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.source.SourceProblem;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Hostile files given to the loader, one targeted case each. Every case must end, within a hang
 * guard of {@link #GUARD}, either with the article stored or with a one-line problem naming the
 * file; never with an exception, a hang or an OutOfMemoryError (the test JVM has -Xmx2g).
 */
class HostileInputTest {

    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final String PROSE = "Turkey condemned Armenia over the shelling of the town.";

    private static Extraction extraction;

    @TempDir
    Path dir;
    private Store store;

    @BeforeAll
    static void readKnowledge() {
        extraction = Extraction.standard();
    }

    @BeforeEach
    void emptyStore() {
        store = Store.inMemory();
    }

    private LoadReport load(Path... inputs) {
        Loader loader = new Loader(store, extraction);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8);
        return assertTimeoutPreemptively(GUARD, () -> loader.load(List.of(inputs), quiet, Loader.Progress.NONE));
    }

    private static void assertSkippedWith(LoadReport report, Path file, String reason) {
        assertEquals(0, report.articles(), report.toString());
        assertEquals(1, report.problems().size(), report.problems().toString());
        SourceProblem problem = report.problems().get(0);
        assertTrue(problem.file().startsWith(file.toString()), problem.describe());
        assertTrue(problem.message().contains(reason), problem.describe());
        assertEquals(1, problem.describe().lines().count(), "one line: " + problem.describe());
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    private Path write(String name, String text) throws IOException {
        return write(name, text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void randomBytesAreRefusedAsBinary() throws IOException {
        byte[] noise = new byte[1 << 20];
        new Random(5).nextBytes(noise);
        for (String name : List.of("noise.txt", "noise.html", "noise.jsonl")) {
            assertSkippedWith(load(write(name, noise)), dir.resolve(name), "binary content");
        }
    }

    @Test
    void aHugeJsonLineIsSkippedAndTheNextLineLoaded() throws IOException {
        String huge = "{\"id\":\"big\",\"text\":\"" + "Turkey condemned Armenia. ".repeat(420_000) + "\"}";   // ~11 MB, over 10 MiB
        Path file = write("huge.jsonl", huge + "\n{\"id\":\"small\",\"text\":\"" + PROSE + "\"}\n");
        LoadReport report = load(file);
        assertEquals(1, report.articles());
        assertEquals(1, report.problems().size());
        assertEquals(1, report.problems().get(0).line());
        assertTrue(report.problems().get(0).message().contains("over the limit"), report.problems().toString());
    }

    @Test
    void textWithoutSentenceEndsIsRefusedQuicklyAndLongProseIsLoadedInBoundedTime() throws IOException {
        // 400,000 characters of words with no full stop: one "sentence" that extraction could not finish in hours.
        Random random = new Random(9);
        List<String> words = List.of("Turkey", "condemned", "Armenia", "and", "the", "talks", "France", "praised");
        StringBuilder endless = new StringBuilder();
        while (endless.length() < 400_000) {
            endless.append(words.get(random.nextInt(words.size()))).append(' ');
        }
        Path file = write("endless.txt", endless.toString());
        long start = System.nanoTime();
        assertSkippedWith(load(file), file, "without a sentence end");
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(10).toNanos(), "refused before extraction");
        // Longer than any article: refused by its length alone.
        Path longer = write("longer.txt", (PROSE + " ").repeat(12_000));
        assertSkippedWith(load(longer), longer, "over the limit of " + Loader.TextLimits.DEFAULT.maxTextChars());

        // Just under the limit: a 2,900-character sentence still loads, and within the guard.
        StringBuilder longest = new StringBuilder();
        while (longest.length() < Loader.TextLimits.DEFAULT.maxStretchChars() - 100) {
            longest.append(words.get(random.nextInt(words.size()))).append(' ');
        }
        start = System.nanoTime();
        LoadReport report = load(write("longest.txt", "A long sentence\n\n" + longest + ".\n" + PROSE + "\n"));
        System.out.printf("HostileInputTest: a %d-character sentence took %d ms%n", longest.length(),
                (System.nanoTime() - start) / 1_000_000);
        assertEquals(1, report.articles(), report.problems().toString());
    }

    @Test
    void deeplyNestedHtmlIsReadWithoutStackOverflow() throws IOException {
        int depth = 100_000;
        String html = "<html><body>" + "<div>".repeat(depth) + "<p>" + PROSE + "</p>" + "</div>".repeat(depth) + "</body></html>";
        String unclosed = "<html><body>" + "<b><i>".repeat(depth / 2) + PROSE + "</body></html>";
        LoadReport report = load(write("nested.html", html), write("unclosed.html", unclosed));
        assertEquals(List.of(), report.problems());
        assertEquals(2, report.articles());
        assertEquals(2, articleBodies().stream().filter(body -> body.contains(PROSE)).count(), articleBodies().toString());
    }

    @Test
    void scriptsStylesAndCommentsInHtmlAreNotText() throws IOException {
        String html = """
                <html><head><title>Talks</title><style>p { content: "Russia praised Iran." }</style>
                <script>var s = "France condemned Germany."; document.write(s);</script></head>
                <body><article><p>%s</p><!-- Iran accused Georgia. --><script>alert("Ukraine")</script>
                <noscript>Germany urged Kazakhstan.</noscript></article></body></html>
                """.formatted(PROSE);
        LoadReport report = load(write("scripts.html", html));
        assertEquals(1, report.articles(), report.problems().toString());
        String body = articleBodies().get(0);
        assertEquals("Talks\n\n" + PROSE, body, "the title, as the first paragraph, and the prose; nothing from scripts, styles or comments");
    }

    @Test
    void xmlExternalEntitiesAreNeverResolved() throws IOException {
        Path secret = write("secret.txt", "TOP-SECRET-CONTENT");
        String html = """
                <?xml version="1.0"?>
                <!DOCTYPE html [ <!ENTITY xxe SYSTEM "%s"> <!ENTITY xxe2 SYSTEM "file:///etc/passwd"> ]>
                <html><body><p>%s &xxe; &xxe2;</p></body></html>
                """.formatted(secret.toUri(), PROSE);
        LoadReport report = load(write("xxe.html", html));
        assertEquals(1, report.articles(), report.problems().toString());
        String body = articleBodies().get(0);
        assertTrue(body.contains(PROSE), body);
        assertFalse(body.contains("TOP-SECRET-CONTENT"), body);
        assertFalse(body.contains("root:"), body);
    }

    @Test
    void invalidUtf8AndMixedEncodingsAreRefusedWithTheirPlace() throws IOException {
        byte[] latin1 = (PROSE + "\nThe minister of Cura\u00e7ao spoke.\n").getBytes(StandardCharsets.ISO_8859_1);
        byte[] mixed = concat(PROSE.getBytes(StandardCharsets.UTF_8), "\n".getBytes(StandardCharsets.UTF_8), latin1);
        Path file = write("mixed.txt", mixed);
        LoadReport report = load(file);
        assertSkippedWith(report, file, "invalid UTF-8");
        assertEquals(3, report.problems().get(0).line(), "the line of the first Latin-1 byte");

        byte[] truncated = Arrays.copyOf("Erdo\u011fan".getBytes(StandardCharsets.UTF_8), 5);   // cut inside 'ğ'
        assertSkippedWith(load(write("cut.txt", concat(PROSE.getBytes(StandardCharsets.UTF_8), truncated))),
                dir.resolve("cut.txt"), "invalid UTF-8");
    }

    @Test
    void aPageDeclaringUtf8WithInvalidBytesIsRefusedWithItsPlace() throws IOException {
        // A declaration is no licence to guess: Latin-1 bytes in a page that says UTF-8 stay refused.
        byte[] head = ("<html><head><meta charset=\"utf-8\"></head><body>\n<p>" + PROSE + "</p>\n<p>The minister of Cura")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\u00e7ao spoke.</p></body></html>".getBytes(StandardCharsets.ISO_8859_1);
        Path file = write("declared.html", concat(head, tail));
        LoadReport report = load(file);
        assertSkippedWith(report, file, "invalid UTF-8 (byte 0xE7 at byte offset " + head.length + ")");
        assertEquals(3, report.problems().get(0).line(), "the line of the Latin-1 byte");
    }

    @Test
    void byteOrderMarksAreDroppedOrRefused() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        LoadReport report = load(write("bom.txt", concat(bom, ("Title\n\n" + PROSE + "\n").getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, report.articles(), report.problems().toString());
        assertFalse(articleBodies().get(0).contains("\uFEFF"));
        // UTF-16 (with its byte order mark) is not UTF-8: refused, not read as garbage.
        Path utf16 = write("utf16.txt", ("\uFEFF" + PROSE).getBytes(StandardCharsets.UTF_16LE));
        assertSkippedWith(load(utf16), utf16, "binary content");
    }

    @Test
    void aMultiGigabyteFileIsRefusedBySizeWithoutBeingRead() throws IOException {
        for (String name : List.of("huge.txt", "huge.html", "huge.jsonl")) {
            Path file = dir.resolve(name);
            try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
                sparse.setLength(3L * 1024 * 1024 * 1024);   // 3 GiB of holes: no disk used
            }
            long start = System.nanoTime();
            LoadReport report = load(file);
            long millis = (System.nanoTime() - start) / 1_000_000;
            // Text and HTML are refused by size; JSON Lines are streamed, and these bytes fail the binary check at once.
            assertSkippedWith(report, file, name.endsWith(".jsonl") ? "binary content" : "over the limit");
            assertTrue(millis < 5_000, name + " took " + millis + " ms: it was read");
            Files.delete(file);
        }
    }

    @Test
    void symbolicLinkLoopsEnd() throws IOException {
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.writeString(root.resolve("a.txt"), "Title\n\n" + PROSE + "\n");
        Path sub = Files.createDirectories(root.resolve("sub"));
        try {
            Files.createSymbolicLink(sub.resolve("back"), root);
            Files.createSymbolicLink(root.resolve("self.txt"), root.resolve("self.txt"));
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.assumeTrue(false, "symbolic links cannot be made here: " + e);
        }
        LoadReport report = load(root);
        assertEquals(1, report.articles());
        assertTrue(report.problems().stream().anyMatch(p -> p.message().contains("loop")), report.problems().toString());
    }

    @Test
    void symbolicLinksOutOfTheGivenFolderAreReportedAndNotFollowed() throws IOException {
        Path outside = Files.createDirectories(dir.resolve("outside"));
        Path secret = Files.writeString(outside.resolve("secret.txt"), "Secret\n\nThe password of the machine is hunter2.\n");
        Path corpus = Files.createDirectories(dir.resolve("corpus"));
        Files.writeString(corpus.resolve("a.txt"), "Title\n\n" + PROSE + "\n");
        Path hidden = Files.createDirectories(corpus.resolve(".kept"));
        Files.writeString(hidden.resolve("b.txt"), "Another\n\nFrance praised Georgia for the talks.\n");
        try {
            Files.createSymbolicLink(corpus.resolve("passwd.txt"), secret);
            Files.createSymbolicLink(corpus.resolve("elsewhere"), outside);
            Files.createSymbolicLink(corpus.resolve("inside"), hidden);     // stays in the folder: followed
        } catch (UnsupportedOperationException | IOException e) {
            Assumptions.assumeTrue(false, "symbolic links cannot be made here: " + e);
        }
        LoadReport report = load(corpus);
        assertEquals(2, report.articles(), report.problems().toString());
        assertEquals(2, report.problems().size(), report.problems().toString());
        for (String link : new String[] {"passwd.txt", "elsewhere"}) {
            assertTrue(report.problems().stream().anyMatch(p -> p.file().equals(corpus.resolve(link).toString())
                    && p.message().contains("outside the folder") && p.message().endsWith("not followed")), report.problems().toString());
        }
        assertFalse(articleBodies().stream().anyMatch(body -> body.contains("hunter2")), "the secret was stored");
        // Named on the command line, the same file is taken: the user asked for it.
        assertEquals(1, load(corpus.resolve("passwd.txt")).articles());
    }

    @Test
    void oddFileNamesAreLoadedAndNamedInMessages() throws IOException {
        List<String> names = List.of("with space.txt", "-starts-with-dash.txt", "quote'and\"double.txt",
                "semi;colon $(echo x) `y`.txt", "pct%20and#hash.txt", "ünïcödé-日本.txt", "new\nline.txt", "dots...in..name.txt");
        // (Names starting with "." are hidden files, which a folder walk skips by design.)
        Path odd = Files.createDirectories(dir.resolve("odd"));
        int written = 0;
        for (String name : names) {
            try {
                Files.writeString(odd.resolve(name), "Title\n\n" + PROSE + " " + name + ".\n");
                written++;
            } catch (java.nio.file.InvalidPathException | IOException e) {
                System.out.println("HostileInputTest: this file system refuses the name " + name + ": " + e.getMessage());
            }
        }
        Files.write(odd.resolve("broken \u00e9.txt"), new byte[] {(byte) 0xC3, 0x28});
        LoadReport report = load(odd);
        assertEquals(written, report.articles(), report.problems().toString());
        assertEquals(1, report.problems().size(), report.problems().toString());
        assertTrue(report.problems().get(0).file().endsWith("broken \u00e9.txt"), report.problems().toString());
    }

    @Test
    void controlCharactersInFileNamesCannotForgeOrRestyleOutputLines() throws IOException {
        Path named = Files.createDirectories(dir.resolve("named"));
        // Empty files, so each is reported by name.
        List<String> names = List.of("empty\nloaded 99 articles from 99 files: forged\n.txt", "carriage\rreturn.txt",
                "\u001b[31mred\u001b[0m.txt", "back\\slash\\n.txt");
        for (String name : names) {
            Files.write(named.resolve(name), new byte[0]);
        }
        java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
        LoadReport report = new Loader(store, extraction).load(List.of(named),
                new PrintStream(captured, true, StandardCharsets.UTF_8), Loader.Progress.NONE);
        String messages = captured.toString(StandardCharsets.UTF_8);
        assertEquals(names.size(), report.problems().size(), messages);
        List<String> lines = messages.lines().toList();
        assertEquals(names.size(), lines.size(), "one line per file: " + messages);
        lines.forEach(line -> assertTrue(line.startsWith("skipped: " + named), line));
        assertFalse(messages.contains("\r") || messages.contains("\u001b"), messages);
        assertTrue(messages.contains("/empty\\nloaded 99 articles from 99 files: forged\\n.txt: "), messages);
        assertTrue(messages.contains("/carriage\\rreturn.txt: "), messages);
        assertTrue(messages.contains("/\\u001b[31mred\\u001b[0m.txt: "), messages);
        // A backslash is escaped too, so that a name cannot imitate an escape.
        assertTrue(messages.contains("/back\\\\slash\\\\n.txt: "), messages);
        // The report keeps the true name.
        assertTrue(report.problems().stream().anyMatch(p -> p.file().endsWith("empty\nloaded 99 articles from 99 files: forged\n.txt")));
    }

    @Test
    void compressedInputIsReadAndAnUnknownInnerTypeIsNamed() throws IOException {
        Path gz = dir.resolve("articles.jsonl.gz");
        try (OutputStream out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(("{\"text\":\"" + PROSE + "\"}\n").getBytes(StandardCharsets.UTF_8));
        }
        LoadReport report = load(gz);
        assertEquals(1, report.articles(), report.toString());
        assertTrue(report.problems().isEmpty(), report.problems().toString());

        Path unknown = dir.resolve("notes.gz");
        Files.copy(gz, unknown);
        assertSkippedWith(load(unknown), unknown, "unknown file type \".gz\"");
    }

    @Test
    void aDateNotUnderstoodIsAWarningInTheReportAndTheArticleIsKept() throws IOException {
        Path file = write("dated.jsonl", "{\"id\":\"d1\",\"date\":\"the Ides of March\",\"text\":\"" + PROSE + "\"}\n");

        LoadReport report = load(file);

        assertEquals(1, report.articles(), report.toString());
        assertFalse(report.skippedSomething());
        assertEquals(1, report.warnings());
        SourceProblem warning = report.problems().get(0);
        assertEquals(SourceProblem.Severity.WARNING, warning.severity());
        assertEquals(file + ":1: date \"the Ides of March\" not understood; using a date in the text, if any", warning.describe());
    }

    private List<String> articleBodies() {
        return store.read(dataset -> {
            String query = "SELECT ?body WHERE { ?a <" + SG.SCHEMA + "articleBody> ?body } ORDER BY ?body";
            try (QueryExecution exec = QueryExecutionFactory.create(query, DatasetFactory.wrap(dataset))) {
                ResultSet rows = exec.execSelect();
                List<String> bodies = new java.util.ArrayList<>();
                rows.forEachRemaining(row -> bodies.add(row.getLiteral("body").getLexicalForm()));
                return bodies;
            }
        });
    }

    private static byte[] concat(byte[]... parts) {
        int length = 0;
        for (byte[] part : parts) {
            length += part.length;
        }
        byte[] all = new byte[length];
        int at = 0;
        for (byte[] part : parts) {
            System.arraycopy(part, 0, all, at, part.length);
            at += part.length;
        }
        return all;
    }
}
