package org.stancegraph.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stancegraph.source.InputSamples.FLOODS;
import static org.stancegraph.source.InputSamples.TALKS;
import static org.stancegraph.source.InputSamples.TRADE;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The web archive, feed, CSV and compressed inputs: a realistic sample of each, and one hostile file each. */
class InputFormatsTest {

    @TempDir
    Path dir;

    private final List<SourceRecord> records = new ArrayList<>();
    private final List<SourceProblem> problems = new ArrayList<>();

    private void read(Path file) {
        Sources.read(file, records::add, problems::add);
    }

    private void read(Path file, SourceOptions options) {
        Sources.read(file, options, records::add, problems::add);
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    private SourceProblem onlyProblem() {
        assertEquals(1, problems.size(), () -> "problems: " + problems);
        return problems.get(0);
    }

    private SourceRecord record(String id) {
        return records.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no record " + id + " in " + records.stream().map(SourceRecord::id).toList()));
    }

    // --- web archives ------------------------------------------------------------------------------

    @ParameterizedTest
    @ValueSource(strings = {"crawl.warc", "crawl.warc.gz"})
    void aWebArchiveGivesOneArticlePerHtmlPageAndCountsTheOtherRecords(String name) throws IOException {
        read(InputSamples.warc(dir.resolve(name), name.endsWith(".gz")));

        assertEquals(List.of("www.zenda-courier.example-world-2026-03-border-talks", "news.szohod.example-floods-day-2"),
                records.stream().map(SourceRecord::id).toList());
        SourceRecord talks = records.get(0);
        assertEquals("warc", talks.format());
        assertTrue(talks.body().contains(TALKS), talks.body());
        assertFalse(talks.body().contains("Home") || talks.body().contains("Copyright"), "page furniture: " + talks.body());
        assertEquals("https://www.zenda-courier.example/world/2026/03/border-talks", talks.metadata().get("url"));
        assertEquals("2026-03-14T09:30:01Z", talks.metadata().get("date"));
        assertEquals("Border talks go on", talks.metadata().get("title"));
        assertTrue(records.get(1).body().contains(FLOODS), "application/xhtml+xml is a page too");
        SourceProblem passedOver = onlyProblem();
        assertEquals(SourceProblem.Severity.WARNING, passedOver.severity());
        assertEquals(dir.resolve(name) + ": passed over 5 of 7 WARC records that are not HTML pages fetched with status 200 "
                + "(requests, metadata, redirects, other media)", passedOver.describe());
    }

    @Test
    void aTruncatedWarcGzIsOneProblem() throws IOException {
        Path whole = InputSamples.warc(dir.resolve("whole.warc.gz"), true);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.warc.gz"), Arrays.copyOf(bytes, bytes.length - 40));

        read(cut);

        SourceProblem problem = onlyProblem();
        assertTrue(problem.isError());
        assertEquals(cut.toString(), problem.file());
        assertTrue(problem.message().startsWith("gzip data ends early (truncated file?)"), problem.describe());
    }

    @Test
    void aBadWarcRecordIsOneProblemAndThePagesBeforeItAreKept() throws IOException {
        Path bad = InputSamples.warcOfOnePage(dir.resolve("bad.warc"));
        Files.writeString(bad, "WARC/1.1\r\nWARC-Type: response\r\nthis line is no header\r\n\r\n", StandardOpenOption.APPEND);

        read(bad);

        assertEquals(1, records.size(), records::toString);
        assertEquals(bad + ": bad WARC record 2: invalid WARC record at position 35; the rest of the file not read", onlyProblem().describe());
    }

    // --- feeds ----------------------------------------------------------------------------------

    @Test
    void rssItemsAreArticlesWithTheirFullestText() throws IOException {
        read(write("observer.rss", InputSamples.rss()));

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(2, records.size());
        SourceRecord tariffs = record("observer.klow.example-economy-timber-tariffs");
        assertEquals("feed", tariffs.format());
        assertEquals(TRADE + "\n\nExporters met in Klow on Monday.", tariffs.body(), "content:encoded, not the description");
        assertEquals("Timber tariffs & the exporters", tariffs.metadata().get("title"));
        assertEquals("Ana Petrovna", tariffs.metadata().get("author"));
        assertEquals("2026-03-17T08:15:00Z", tariffs.metadata().get("date"));
        assertEquals("https://observer.klow.example/economy/timber-tariffs", tariffs.metadata().get("url"));
        assertEquals("The Klow Observer", tariffs.metadata().get("outlet"));
        assertEquals(FLOODS, record("observer.klow.example-world-szohod-floods").body(), "the description, its HTML stripped");
    }

    @Test
    void atomEntriesAreArticles() throws IOException {
        read(write("courier.atom", InputSamples.atom()));

        assertTrue(problems.isEmpty(), problems::toString);
        SourceRecord entry = record("www.zenda-courier.example-world-2026-03-border-talks");
        assertEquals(TALKS, entry.body(), "the content, not the summary");
        assertEquals("Marek Hall", entry.metadata().get("author"));
        assertEquals("2026-03-14T09:30:00Z", entry.metadata().get("date"));
    }

    @Test
    void anXmlFileIsAFeedOnlyWhenItsRootIsOne() throws IOException {
        read(write("observer.xml", InputSamples.rss()));
        assertEquals(2, records.size());
        assertTrue(problems.isEmpty(), problems::toString);

        records.clear();
        Path sitemap = write("sitemap.xml", "<?xml version=\"1.0\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                + "<url><loc>https://www.zenda-courier.example/</loc></url></urlset>\n");
        read(sitemap);
        assertTrue(records.isEmpty());
        assertEquals(sitemap + ": root element is <urlset>, not rss, feed or RDF: not an RSS or Atom feed; not read",
                onlyProblem().describe());
    }

    @Test
    void aFeedThatIsAnHtmlPageIsOneClearProblem() throws IOException {
        Path feed = write("world.rss", InputSamples.page("World news", TALKS));

        read(feed);

        assertTrue(records.isEmpty());
        assertEquals(feed + ": is an HTML page, not an RSS or Atom feed; not read", onlyProblem().describe());
    }

    @Test
    void aFeedNeverResolvesExternalEntities() throws IOException {
        Path secret = Files.writeString(dir.resolve("secret.txt"), "the ministry's password");
        Path feed = write("entity.rss", "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY leak SYSTEM \"" + secret.toUri()
                + "\">]>\n<rss version=\"2.0\"><channel><title>T</title><item><title>Leak</title>"
                + "<description>&leak; " + TALKS + "</description></item></channel></rss>\n");

        read(feed);

        assertTrue(records.stream().noneMatch(r -> r.body().contains("password")), records::toString);
        SourceProblem problem = onlyProblem();
        assertTrue(problem.message().startsWith("not a readable RSS or Atom feed"), problem.describe());
    }

    // --- CSV and TSV ----------------------------------------------------------------------------

    private static SourceOptions projectColumns() {
        return new SourceOptions(Sources.Limits.DEFAULT, CsvColumns.load(Path.of("data/source/csv-columns.tsv")));
    }

    @Test
    void aCsvExportIsReadWithTheUsualColumnNames() throws IOException {
        Path file = write("archive.csv", InputSamples.csv());

        read(file, projectColumns());

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(List.of("zc-101", "zc-102", "zc-103"), records.stream().map(SourceRecord::id).toList());
        SourceRecord floods = record("zc-102");
        assertEquals("csv", floods.format());
        assertEquals(FLOODS + "\n\nA second paragraph.", floods.body());
        assertEquals("Rescue teams arrive", floods.metadata().get("title"));
        assertEquals("2026-03-15", floods.metadata().get("date"));
        assertEquals("https://www.zenda-courier.example/b", floods.metadata().get("url"));
        // zc-102 spans lines 3 to 5 (its body holds a blank line), so zc-103 is on line 6.
        assertEquals(file + ":6", record("zc-103").origin());
    }

    @Test
    void aCsvWithoutTheTextColumnIsOneProblemNamingIt() throws IOException {
        Path file = write("archive.csv", InputSamples.csv());

        read(file, projectColumns().withCsvColumns(projectColumns().csvColumns().choose(CsvColumns.Field.TEXT, "story")));

        assertTrue(records.isEmpty());
        assertEquals(file + ":1: no text column: the header has none of story (choose one with --text-column); not read",
                onlyProblem().describe());
    }

    @Test
    void aTsvWithChosenColumnsAndNoIdNumbersItsRowsAndSkipsABadRow() throws IOException {
        Path file = write("wire.tsv", "story\tslug\tday\n"
                + TALKS + "\ttalks\t14 March 2026\n"
                + "only one field\n"
                + TRADE + "\ttariffs\t17 March 2026\n");
        CsvColumns columns = CsvColumns.DEFAULT.choose(CsvColumns.Field.TEXT, "story")
                .choose(CsvColumns.Field.TITLE, "slug").choose(CsvColumns.Field.DATE, "day");

        read(file, SourceOptions.DEFAULT.withCsvColumns(columns));

        assertEquals(List.of("wire-1", "wire-3"), records.stream().map(SourceRecord::id).toList());
        assertEquals("tariffs", records.get(1).metadata().get("title"));
        assertEquals("17 March 2026", records.get(1).metadata().get("date"));
        assertEquals(file + ":3: row has 1 fields, the header 3; skipped", onlyProblem().describe());
    }

    @Test
    void aCsvRowWithInvalidUtf8IsOneProblemWithItsLineAndTheOtherRowsAreKept() throws IOException {
        byte[] head = ("text,title\n\"" + TALKS + "\",Talks\n").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "\"Caf\u00e9 owners in Zenda protested.\",Cafe\n".getBytes(StandardCharsets.ISO_8859_1);
        byte[] tail = ("\"" + TRADE + "\",Tariffs\n").getBytes(StandardCharsets.UTF_8);
        byte[] bytes = Arrays.copyOf(head, head.length + latin1.length + tail.length);
        System.arraycopy(latin1, 0, bytes, head.length, latin1.length);
        System.arraycopy(tail, 0, bytes, head.length + latin1.length, tail.length);
        Path file = Files.write(dir.resolve("mixed.csv"), bytes);

        read(file);

        assertEquals(List.of("mixed-1", "mixed-3"), records.stream().map(SourceRecord::id).toList());
        assertEquals(file + ":3: invalid UTF-8; skipped", onlyProblem().describe());
    }

    // --- compression ----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(InputSamples.Compressor.class)
    void compressedJsonLinesAreRead(InputSamples.Compressor compressor) throws IOException {
        Path file = InputSamples.compressed(dir.resolve("stories.jsonl." + compressor.suffix()),
                InputSamples.jsonl().getBytes(StandardCharsets.UTF_8), compressor);

        read(file);

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(List.of("j-1", "j-2", "j-3"), records.stream().map(SourceRecord::id).toList());
        assertEquals(FLOODS, records.get(1).body());
    }

    @Test
    void compressionIsRecognisedByContentNotName() throws IOException {
        Path file = InputSamples.compressed(dir.resolve("feed.rss"), InputSamples.rss().getBytes(StandardCharsets.UTF_8),
                InputSamples.Compressor.XZ);

        read(file);

        assertTrue(problems.isEmpty(), problems::toString);
        assertEquals(2, records.size());
    }

    @Test
    void aGzipBombIsRefusedAtTheLimitOnExpandedSize() throws IOException {
        Path bomb = dir.resolve("bomb.txt.gz");
        byte[] zeros = new byte[1024 * 1024];
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(bomb))) {
            for (int i = 0; i < 200; i++) {
                out.write(zeros);
            }
        }
        assertTrue(Files.size(bomb) < 1024 * 1024, "200 MB of zeros compress to less than 1 MB");

        read(bomb, SourceOptions.DEFAULT.withLimits(new Sources.Limits(500_000_000L, 1024, 10_000_000L)));

        assertTrue(records.isEmpty());
        assertEquals(bomb + ": gzip data expands to more than 10000000 bytes, the limit on expanded size; not read further",
                onlyProblem().describe());
    }

    @Test
    void aTruncatedXzIsOneProblem() throws IOException {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            lines.append("{\"id\":\"x-").append(i).append("\",\"text\":\"").append(i % 2 == 0 ? TALKS : TRADE).append(" Day ")
                    .append(i).append(".\"}\n");
        }
        Path whole = InputSamples.compressed(dir.resolve("whole.jsonl.xz"), lines.toString().getBytes(StandardCharsets.UTF_8),
                InputSamples.Compressor.XZ);
        byte[] bytes = Files.readAllBytes(whole);
        Path cut = Files.write(dir.resolve("cut.jsonl.xz"), Arrays.copyOf(bytes, bytes.length / 2));

        read(cut);

        assertTrue(records.size() < 200, "not all records can be read from half the file");
        SourceProblem problem = onlyProblem();
        assertTrue(problem.isError());
        assertTrue(problem.describe().startsWith(cut + ": xz data ends early (truncated file?)"), problem.describe());
    }

    // --- problems -------------------------------------------------------------------------------

    @Test
    void aProblemNamesItsColumnWhenKnown() throws IOException {
        Path file = write("broken.jsonl", "{\"text\": \"fine\"}\n{\"text\": broken}\n");

        read(file);

        SourceProblem problem = onlyProblem();
        assertEquals(2, problem.line());
        assertTrue(problem.column() > 0, problem::toString);
        assertTrue(problem.describe().startsWith(file + ":2:" + problem.column() + ": malformed JSON"), problem.describe());
    }
}
