package org.stancegraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourcesTest {

    @TempDir
    Path dir;

    private final List<SourceRecord> records = new ArrayList<>();
    private final List<SourceProblem> problems = new ArrayList<>();

    private void read(Path file) {
        Sources.read(file, records::add, problems::add);
    }

    private void read(Path file, Sources.Limits limits) {
        Sources.read(file, limits, records::add, problems::add);
    }

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content, StandardCharsets.UTF_8);
    }

    private Path write(String name, byte[] content) throws IOException {
        return Files.write(dir.resolve(name), content);
    }

    private SourceProblem onlyProblem() {
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        return problems.get(0);
    }

    // --- finding files -------------------------------------------------------------------------

    @Test
    void directoriesAreWalkedRecursivelyInNameOrderSkippingHiddenEntries() throws IOException {
        write("b.txt", "b");
        write("a.md", "a");
        write("sub/c.html", "<p>c</p>");
        write("sub/deeper/d.jsonl", "{}");
        write(".hidden.txt", "hidden");
        write(".git/e.txt", "hidden directory");
        Path single = write("elsewhere/z.ndjson", "{}");

        List<Path> files = Sources.files(List.of(dir.resolve("sub"), single, dir), problems::add);

        assertEquals(List.of(dir.resolve("sub/c.html"), dir.resolve("sub/deeper/d.jsonl"), single,
                dir.resolve("a.md"), dir.resolve("b.txt")), files);
        // "sub" and "elsewhere/z.ndjson" were reached a second time through dir: reported, not listed twice.
        assertEquals(2, problems.size(), () -> "problems: " + problems);
        assertTrue(problems.stream().allMatch(p -> p.message().startsWith("same file or directory as")), problems::toString);
    }

    @Test
    void unknownExtensionsAndMissingInputsAreReportedNotListed() throws IOException {
        write("notes.docx", "not ours");
        write("story.TXT", "upper-case extension is still text");

        List<Path> files = Sources.files(List.of(dir, dir.resolve("missing.txt")), problems::add);

        assertEquals(List.of(dir.resolve("story.TXT")), files);
        assertEquals(2, problems.size(), () -> "problems: " + problems);
        assertTrue(problems.get(0).describe().startsWith(dir.resolve("notes.docx") + ": unknown file type \".docx\""), problems.get(0).describe());
        assertEquals(dir.resolve("missing.txt") + ": no such file or directory", problems.get(1).describe());
    }

    @Test
    void symbolicLinkLoopsAreDetectedAndNotFollowed() throws IOException {
        write("top/a/story.txt", "A story.");
        try {
            Files.createSymbolicLink(dir.resolve("top/a/back-to-top"), dir.resolve("top"));
        } catch (UnsupportedOperationException | FileSystemException e) {
            Assumptions.abort("this file system cannot create symbolic links: " + e);
        }

        List<Path> files = Sources.files(List.of(dir.resolve("top")), problems::add);

        assertEquals(List.of(dir.resolve("top/a/story.txt")), files);
        SourceProblem loop = onlyProblem();
        assertEquals(dir.resolve("top/a/back-to-top").toString(), loop.file());
        assertTrue(loop.message().startsWith("symbolic link loop"), loop.message());
    }

    @Test
    void readingAnUnknownExtensionIsAProblem() throws IOException {
        read(write("table.ods", "a,b\n1,2\n"));

        assertTrue(records.isEmpty());
        assertTrue(onlyProblem().message().contains("unknown file type \".ods\""), onlyProblem().message());
    }

    // --- plain text ----------------------------------------------------------------------------

    @Test
    void plainTextIsReadWithWindowsLineEndsMadeUnix() throws IOException {
        Path file = write("ceasefire-note.txt", "Headline of the day\r\n\r\nFirst paragraph.\r\nSecond line.\r\n");

        read(file);

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(List.of(new SourceRecord("ceasefire-note", file.toString(), "text",
                "Headline of the day\n\nFirst paragraph.\nSecond line.\n", Map.of())), records);
    }

    @Test
    void aUtf8ByteOrderMarkIsAcceptedAndStripped() throws IOException {
        byte[] text = "Headline of the day\n\nBody.".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);

        read(write("bom.md", withBom));

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals("Headline of the day\n\nBody.", records.get(0).body());
    }

    @Test
    void anEmptyFileIsAProblem() throws IOException {
        read(write("empty.txt", ""));
        read(write("blank.txt", "  \n\n\t\n"));
        read(write("empty.jsonl", ""));

        assertTrue(records.isEmpty());
        assertEquals(3, problems.size(), problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.line() == 0 && p.message().startsWith("empty file")), problems::toString);
    }

    @Test
    void binaryContentIsAProblem() throws IOException {
        byte[] withNul = "Looks like text\0but is not".getBytes(StandardCharsets.US_ASCII);
        byte[] controls = new byte[200];
        for (int i = 0; i < controls.length; i++) {
            controls[i] = (byte) (i % 3 == 0 ? 'x' : 1 + i % 8);
        }

        read(write("nul.txt", withNul));
        read(write("controls.html", controls));
        read(write("nul.jsonl", withNul));

        assertTrue(records.isEmpty());
        assertEquals(List.of("binary content (NUL byte at byte offset 15); not read",
                "binary content (66% control characters); not read",
                "binary content (NUL byte at byte offset 15); not read"),
                problems.stream().map(SourceProblem::message).toList());
    }

    @Test
    void invalidUtf8IsReportedWithLineAndByteOffset() throws IOException {
        byte[] prefix = "line one\nline two ".getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = Arrays.copyOf(prefix, prefix.length + 6);
        bytes[prefix.length] = (byte) 0xC3; // a lead byte followed by a byte that cannot continue it
        System.arraycopy(" rest".getBytes(StandardCharsets.US_ASCII), 0, bytes, prefix.length + 1, 5);

        Path file = write("latin1.txt", bytes);
        read(file);

        assertTrue(records.isEmpty());
        SourceProblem problem = onlyProblem();
        assertEquals(2, problem.line());
        assertEquals(file + ":2: invalid UTF-8 (byte 0xC3 at byte offset 18); not read", problem.describe());
    }

    @Test
    void aFileOverTheSizeLimitIsNotRead() throws IOException {
        Path file = write("long.txt", "word ".repeat(40));

        read(file, new Sources.Limits(100, 1000));
        read(file, new Sources.Limits(200, 1000));

        assertEquals(file + ": file is 200 bytes, over the limit of 100 bytes; not read", onlyProblem().describe());
        assertEquals(1, records.size(), "a file exactly at the limit is read");
    }

    // --- HTML ----------------------------------------------------------------------------------


    @Test
    void htmlGivesTheArticleTextAndItsMetadata() throws IOException {
        Path file = write("valdora.html", TestPages.VALDORA);

        read(file);

        assertTrue(problems.isEmpty(), problems::toString);
        SourceRecord record = records.get(0);
        assertEquals("valdora", record.id());
        assertEquals("html", record.format());
        assertEquals(Map.of(
                "title", "Ministers meet in Valdora to discuss grain corridor",
                "date", "2021-06-02T21:30:00-04:00",
                "outlet", "The Example Herald",
                "author", "Priya Raman",
                "url", "https://news.example.org/2021/06/ministers-meet",
                "language", "en-GB"), record.metadata());
        assertEquals("""
                Ministers meet in Valdora to discuss grain corridor

                Foreign ministers from three coastal states met in Valdora on Wednesday to discuss a shared grain corridor.

                "We support a corridor that is open to every ship," the host minister told reporters.

                Talks will resume next month in a neutral city.

                Officials declined to name it.""", record.body());
    }

    @Test
    void htmlMetadataFallsBackToTitleElementTimeAndMainText() throws IOException {
        write("plain.htm", """
                <html><head><title>Harbour reopens</title><link rel="x" href="y"></head>
                <body><nav>Menu</nav><main><p>The harbour <time datetime="2019-11-04">on Monday</time> reopened.</p>
                <div>Second block.</div></main><p>Outside main.</p></body></html>
                """);

        read(dir.resolve("plain.htm"));

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(Map.of("title", "Harbour reopens", "date", "2019-11-04"), records.get(0).metadata());
        assertEquals("The harbour on Monday reopened.\n\nSecond block.", records.get(0).body());
    }

    @Test
    void anHtmlPageWithoutTextIsAProblem() throws IOException {
        read(write("shell.html", "<html><body><nav>Home</nav><script>app()</script></body></html>"));

        assertTrue(records.isEmpty());
        assertTrue(onlyProblem().message().startsWith("HTML page has no text"), onlyProblem().message());
    }

    // --- HTML charsets: byte order mark, else the head's declaration, else UTF-8 ------------------

    @Test
    void aLatin1PageIsReadByItsMetaCharset() throws IOException {
        String page = """
                <html><head><meta charset="iso-8859-1"><title>Caf\u00e9 reopens</title></head>
                <body><p>The Caf\u00e9 M\u00fcller in Z\u00fcrich reopened; Se\u00f1ora Pe\u00f1a was na\u00efve about the cr\u00e8me br\u00fbl\u00e9e.</p></body></html>
                """;
        read(write("latin1.html", page.getBytes(StandardCharsets.ISO_8859_1)));

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals("Caf\u00e9 reopens", records.get(0).metadata().get("title"));
        assertEquals("The Caf\u00e9 M\u00fcller in Z\u00fcrich reopened; Se\u00f1ora Pe\u00f1a was na\u00efve about the "
                + "cr\u00e8me br\u00fbl\u00e9e.", records.get(0).body());
    }

    @Test
    void aWindows1252PageDeclaredByHttpEquivKeepsItsCurlyQuotes() throws IOException {
        String body = "\u201cWe will not yield,\u201d said Fran\u00e7ois Lef\u00e8vre \u2014 the mayor\u2019s aide.";
        String page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\">"
                + "</head><body><p>" + body + "</p></body></html>";
        read(write("cp1252.html", page.getBytes("windows-1252")));
        // A page that says ISO-8859-1 but holds windows-1252 quotes (bytes 0x93, 0x94) is read as
        // browsers read it (the HTML standard's label mapping), not with C1 control characters.
        read(write("says-latin1.html", page.replace("windows-1252", "ISO-8859-1").getBytes("windows-1252")));

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(List.of(body, body), records.stream().map(SourceRecord::body).toList());
    }

    @Test
    void aUtf16PageWithAByteOrderMarkIsRead() throws IOException {
        String body = "Ankara and Yerevan traded accusations; Erdo\u011fan spoke in \u0130stanbul.";
        String page = "\uFEFF<html><head><title>Border talks</title></head><body><p>" + body + "</p></body></html>";
        read(write("le.html", page.getBytes(StandardCharsets.UTF_16LE)));
        read(write("be.html", page.getBytes(StandardCharsets.UTF_16BE)));

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(List.of(body, body), records.stream().map(SourceRecord::body).toList());
    }

    @Test
    void aPageDeclaringAnUnknownOrImpossibleCharsetIsRefusedNamingIt() throws IOException {
        // Read as UTF-8 it would look fine; but its author says it is not UTF-8, so guessing could garble it.
        read(write("unknown.html", "<html><head><meta charset=\"x-no-such-charset\"></head><body><p>Talks resumed.</p></body></html>"));
        assertTrue(records.isEmpty());
        SourceProblem unknown = onlyProblem();
        assertTrue(unknown.describe().contains("unknown.html: declares an unknown charset \"x-no-such-charset\"; not read"),
                unknown.describe());

        // EBCDIC cannot be declared in ASCII bytes: decoding the page by it would give garbage.
        problems.clear();
        read(write("ebcdic.html", "<html><head><meta charset=\"IBM037\"></head><body><p>Talks resumed.</p></body></html>"));
        assertTrue(records.isEmpty());
        assertTrue(onlyProblem().message().startsWith("declares charset \"IBM037\", which cannot be"), onlyProblem().message());
    }

    @Test
    void invalidBytesInADeclaredMultiByteCharsetAreRefusedWithTheirPlace() throws IOException {
        byte[] head = "<html><head><meta charset=\"Shift_JIS\"></head><body>\n<p>\u6771\u4eac\u3067\u4f1a\u8ac7\u3002</p>\n<p>"
                .getBytes("Shift_JIS");
        byte[] bad = {(byte) 0x81, (byte) 0x20};   // a lead byte followed by a byte no Shift_JIS pair ends with
        byte[] page = Arrays.copyOf(head, head.length + bad.length);
        System.arraycopy(bad, 0, page, head.length, bad.length);
        read(write("sjis.html", page));

        assertTrue(records.isEmpty());
        SourceProblem problem = onlyProblem();
        assertEquals(3, problem.line(), problem.describe());
        assertEquals("invalid Shift_JIS (byte 0x81 at byte offset " + head.length + "); not read", problem.message());
    }

    @Test
    void anUndefinedWindows1252ByteIsRefusedWithItsPlace() throws IOException {
        // 0x81 means nothing in windows-1252; reading it as a control character would store garbage.
        byte[] page = "<meta charset=\"windows-1252\"><p>Talks resumed.\n\u0081</p>".getBytes(StandardCharsets.ISO_8859_1);
        read(write("undefined.html", page));

        assertTrue(records.isEmpty());
        assertEquals("undefined.html:2: invalid windows-1252 (byte 0x81 at byte offset 47); not read",
                onlyProblem().describe().substring(dir.toString().length() + 1));
    }

    // --- JSON Lines ----------------------------------------------------------------------------

    @Test
    void jsonLinesAreReadOneRecordPerLineAndBadLinesReportedWithTheirNumber() throws IOException {
        Path file = write("feed.jsonl", """
                {"id":"wire-1","url":"https://wire.example/1","title":"Envoy urges calm","date":"2022-01-05","text":"The envoy urged calm.\\n\\nBoth sides listened.","outlet":"Example Wire","author":"Sam Lee","language":"en"}
                {"title":"No id here","date":"January 6, 2022","text":"A record without an id."}
                {"id":"wire-3", "title": broken}
                {"id":"wire-4","title":"Missing body"}

                {"id":"wire-5","text":"Last record.","language":"fr"}
                """);

        read(file);

        assertEquals(List.of(
                new SourceRecord("wire-1", file + ":1", "jsonl", "The envoy urged calm.\n\nBoth sides listened.",
                        Map.of("url", "https://wire.example/1", "title", "Envoy urges calm", "date", "2022-01-05",
                                "outlet", "Example Wire", "author", "Sam Lee", "language", "en")),
                new SourceRecord("feed:2", file + ":2", "jsonl", "A record without an id.",
                        Map.of("title", "No id here", "date", "January 6, 2022")),
                new SourceRecord("wire-5", file + ":6", "jsonl", "Last record.", Map.of("language", "fr"))), records);
        assertEquals(2, problems.size(), problems::toString);
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().startsWith("malformed JSON: Unrecognized token 'broken'"), problems.get(0).message());
        assertEquals(file + ":4: record has no \"text\"; skipped", problems.get(1).describe());
    }

    @Test
    void jsonLinesOverTheLineLimitAreSkippedAndReadingGoesOn() throws IOException {
        Path file = write("long.ndjson", "{\"id\":\"a\",\"text\":\"" + "x".repeat(100) + "\"}\n{\"id\":\"b\",\"text\":\"short\"}\n");

        read(file, new Sources.Limits(1_000_000, 50));

        assertEquals(List.of("b"), records.stream().map(SourceRecord::id).toList());
        assertEquals(file + ":1: line is over the limit of 50 bytes; skipped", onlyProblem().describe());
    }

    @Test
    void jsonLinesAcceptCrLfALastLineWithoutLineEndAndLinesLongerThanTheReadBuffer() throws IOException {
        String longText = "word ".repeat(30_000).strip();
        Path file = write("windows.jsonl", "{\"id\":\"a\",\"text\":\"first\"}\r\n"
                + "{\"id\":\"b\",\"text\":\"" + longText + "\"}\r\n"
                + "{\"id\":\"c\",\"text\":\"last\"}");

        read(file);

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(List.of("a", "b", "c"), records.stream().map(SourceRecord::id).toList());
        assertEquals(longText, records.get(1).body());
        assertEquals(file + ":3", records.get(2).origin());
    }

    @Test
    void jsonLinesWithInvalidUtf8OrNonObjectsAreSkippedOneByOne() throws IOException {
        byte[] good = "{\"id\":\"ok\",\"text\":\"fine\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] bad = "{\"text\":\"caf\u00e9\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] array = "[1, 2]\n{\"id\":\"x\",\"text\":{\"nested\":true}}\n".getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[good.length + bad.length + array.length];
        System.arraycopy(bad, 0, all, 0, bad.length);
        System.arraycopy(good, 0, all, bad.length, good.length);
        System.arraycopy(array, 0, all, bad.length + good.length, array.length);
        Path file = write("mixed.jsonl", all);

        read(file);

        assertEquals(List.of("ok"), records.stream().map(SourceRecord::id).toList());
        assertEquals(List.of(
                file + ":1: invalid UTF-8 (byte 0xE9 at byte 12 of the line); skipped",
                file + ":3: expected a JSON object, found array; skipped",
                file + ":4: field \"text\" must be a string, found object; skipped"),
                problems.stream().map(SourceProblem::describe).toList());
    }

    @Test
    void readingTheSameFileTwiceGivesEqualRecords() throws IOException {
        Path file = write("valdora.html", TestPages.VALDORA);
        read(file);
        read(file);

        assertEquals(2, records.size());
        assertEquals(records.get(0), records.get(1));
        assertFalse(records.get(0).body().isEmpty());
    }
}
