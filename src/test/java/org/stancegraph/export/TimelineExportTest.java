package org.stancegraph.export;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.query.Queries;
import org.stancegraph.store.Store;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** {@code export --format timeline}: the CSV holds the rows of queries/stance-timeline.rq, the SVG draws them. */
class TimelineExportTest {
    private static final Path HOME = Path.of("").toAbsolutePath();
    private static Store store;

    @TempDir
    Path dir;

    @BeforeAll
    static void load() {
        store = ExportFixture.store(false);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private ExportResult export(String name, LocalDate from, LocalDate to) {
        return Exporter.export(store, ExportOptions.of(dir.resolve(name), Set.of(ExportFormat.TIMELINE)).withDateRange(from, to));
    }

    private static Path file(ExportResult result, String suffix) {
        return result.files().stream().map(ExportedFile::path).filter(p -> p.getFileName().toString().endsWith(suffix))
                .findFirst().orElseThrow(() -> new AssertionError("no file *" + suffix));
    }

    private static List<CSVRecord> csv(Reader reader) throws IOException {
        try (CSVParser parser = CSVParser.builder().setReader(reader)
                .setFormat(CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            return parser.getRecords();
        }
    }

    /** The query's rows through `stancegraph query`'s code, one line per class with statements, as the CSV lists them. */
    private static List<List<String>> queryRows(Map<String, Node> parameters) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Queries.run(store, Queries.parse(Queries.resolve("stance-timeline", HOME)), parameters, Queries.Format.CSV, out);
        List<List<String>> rows = new ArrayList<>();
        for (CSVRecord r : csv(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
            for (String stanceClass : List.of("support", "oppose", "deny", "appeal", "mediate", "ally", "member")) {
                String count = r.get(Timeline.COLUMNS.get(stanceClass));
                if (!count.equals("0")) {
                    rows.add(List.of(r.get("month"), r.get("actor_iri"), r.get("actor"), r.get("actor_wikidata"), r.get("target_iri"),
                            r.get("target"), r.get("target_wikidata"), stanceClass, count));
                }
            }
        }
        return rows;
    }

    private static List<List<String>> csvRows(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return csv(reader).stream().map(r -> r.stream().toList()).toList();
        }
    }

    @Test
    void csvRowsAreTheQueryRows() throws IOException {
        List<List<String>> exported = csvRows(file(export("all", null, null), "-timeline.csv"));
        assertEquals(queryRows(Map.of()), exported);
        assertTrue(exported.size() > 3, "the fixture has statements in two months: " + exported);
        assertTrue(exported.stream().anyMatch(r -> r.get(3).equals("Q43") && r.get(6).equals("Q227")),
                "Wikidata ids of actor and target: " + exported);

        LocalDate from = LocalDate.parse("2020-10-01");
        List<List<String>> inRange = csvRows(file(export("range", from, null), "-timeline.csv"));
        assertEquals(queryRows(Map.of("from", Queries.parameter("from=" + from).value())), inRange);
        assertFalse(inRange.isEmpty());
        assertTrue(inRange.size() < exported.size() && inRange.stream().allMatch(r -> r.get(0).compareTo("2020-10") >= 0),
                "--from leaves out the earlier months: " + inRange);
    }

    @Test
    void svgIsWellFormedWithOneBarPerMonthAndClassOfTheCsvCounts() throws Exception {
        ExportResult result = export("all", null, null);
        Map<String, Long> expected = new TreeMap<>();
        for (List<String> r : csvRows(file(result, "-timeline.csv"))) {
            expected.merge(r.get(0) + " " + r.get(7), Long.parseLong(r.get(8)), Long::sum);
        }
        List<YearMonth> months = new ArrayList<>();
        YearMonth last = YearMonth.parse(expected.keySet().stream().reduce((a, b) -> b).orElseThrow().substring(0, 7));
        for (YearMonth m = YearMonth.parse(expected.keySet().iterator().next().substring(0, 7)); !m.isAfter(last); m = m.plusMonths(1)) {
            months.add(m);
        }

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(file(result, "-timeline.svg").toFile());
        assertEquals(NetworkImageFiles.SVG_NS, svg.getDocumentElement().getNamespaceURI());
        NodeList rects = svg.getElementsByTagNameNS(NetworkImageFiles.SVG_NS, "rect");
        Map<String, Long> drawn = new TreeMap<>();
        Map<String, List<String>> monthsByClass = new TreeMap<>();
        double unit = -1;
        for (int i = 0; i < rects.getLength(); i++) {
            Element rect = (Element) rects.item(i);
            String[] cssClass = rect.getAttribute("class").split(" ");
            if (!cssClass[0].equals("bar")) {
                continue;
            }
            long count = Long.parseLong(rect.getAttribute("data-count"));
            String month = rect.getAttribute("data-month");
            monthsByClass.computeIfAbsent(cssClass[1], k -> new ArrayList<>()).add(month);
            if (count > 0) {
                drawn.put(month + " " + cssClass[1], count);
                double perStatement = Double.parseDouble(rect.getAttribute("height")) / count;
                unit = unit < 0 ? perStatement : unit;
                assertEquals(unit, perStatement, 0.1, "bar heights are proportional to the counts");
            }
        }
        List<String> monthNames = months.stream().map(YearMonth::toString).toList();
        assertEquals(Map.of("support", monthNames, "oppose", monthNames), monthsByClass, "one bar per month and class");
        expected.keySet().removeIf(k -> !k.endsWith(" support") && !k.endsWith(" oppose"));
        assertEquals(expected, drawn);
        String text = svg.getDocumentElement().getTextContent();
        assertTrue(text.contains("Sep 2020") && text.contains("supporting statements") && text.contains("opposing statements"),
                "month labels and legend: " + text);

        Document range = factory.newDocumentBuilder().parse(file(export("range", LocalDate.parse("2020-10-01"), null), "-timeline.svg").toFile());
        assertEquals(2, countBars(range), "one month left, two bars");
    }

    private static int countBars(Document svg) {
        NodeList rects = svg.getElementsByTagNameNS(NetworkImageFiles.SVG_NS, "rect");
        int bars = 0;
        for (int i = 0; i < rects.getLength(); i++) {
            bars += ((Element) rects.item(i)).getAttribute("class").startsWith("bar ") ? 1 : 0;
        }
        return bars;
    }

    @Test
    void sameInputGivesTheSameBytesWhateverTheLoadOrder() throws IOException {
        ExportResult first = export("one", null, null);
        ExportResult second = export("two", null, null);
        ExportResult other;
        try (Store reversed = ExportFixture.store(true)) {
            other = Exporter.export(reversed, ExportOptions.of(dir.resolve("three"), Set.of(ExportFormat.TIMELINE)));
        }
        for (String suffix : List.of("-timeline.csv", "-timeline.svg")) {
            byte[] bytes = Files.readAllBytes(file(first, suffix));
            assertArrayEquals(bytes, Files.readAllBytes(file(second, suffix)), suffix);
            assertArrayEquals(bytes, Files.readAllBytes(file(other, suffix)), suffix + " after another load order");
        }
    }

    @Test
    void anEmptySelectionGivesAnEmptyChartNotAnError() throws Exception {
        ExportResult result = export("empty", LocalDate.parse("1990-01-01"), LocalDate.parse("1990-12-31"));
        assertEquals(List.of(), csvRows(file(result, "-timeline.csv")));
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        Document svg = factory.newDocumentBuilder().parse(file(result, "-timeline.svg").toFile());
        assertEquals(0, countBars(svg));
        assertTrue(svg.getDocumentElement().getTextContent().contains("No dated statements"));
    }

    @Test
    void valueAxisStepsAreRound() {
        assertEquals(1, TimelineFiles.tickStep(0));
        assertEquals(1, TimelineFiles.tickStep(6));
        assertEquals(2, TimelineFiles.tickStep(7));
        assertEquals(5, TimelineFiles.tickStep(25));
        assertEquals(10, TimelineFiles.tickStep(31));
        assertEquals(200, TimelineFiles.tickStep(1100));
    }
}
