package org.stancegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.graph.Node;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * queries/stance-timeline.rq on invented articles of four months, loaded as {@code stancegraph load}
 * loads them: its monthly counts are those of the rows of queries/positions.rq counted by hand,
 * for every pair, for one actor, for one pair and within a date range.
 */
class StanceTimelineTest {
    private static final Path HOME = Path.of("").toAbsolutePath();
    /** The classes and the timeline's column for each. */
    static final Map<String, String> COLUMNS = Map.of("support", "supports", "oppose", "opposes", "deny", "denies",
            "appeal", "appeals", "mediate", "mediates", "ally", "allies", "member", "members");

    /** Invented articles of four months, and one without a date, which no month holds. */
    private static final Map<String, String> ARTICLES = Map.of(
            "backing.txt", article("Turkey backs Baku", "28 September 2020",
                    "Turkey backed Azerbaijan on Monday. Armenia condemned Turkey over the shelling."),
            "praise.txt", article("Ankara praises Baku", "30 September 2020",
                    "Turkey praised Azerbaijan for its restraint. Russia urged Armenia and Azerbaijan to stop the fighting."),
            "rift.txt", article("A rift", "15 October 2020",
                    "Turkey criticised Azerbaijan over the delay. Armenia condemned Turkey again. Turkey condemned Armenia in turn."),
            "reconciled.txt", article("Reconciled", "4 January 2021",
                    "Turkey backed Azerbaijan in the talks. France supported Armenia."),
            "undated.txt", "Undated\n\nTurkey backed Azerbaijan once more.\n");

    private static String article(String title, String date, String body) {
        return title + "\n\nBy A. Writer, foreign desk \u2014 " + date + "\n\n" + body + "\n";
    }

    @TempDir
    static Path dir;
    private static Store store;

    @BeforeAll
    static void load() throws IOException {
        Path articles = Files.createDirectories(dir.resolve("articles"));
        for (Map.Entry<String, String> a : ARTICLES.entrySet()) {
            Files.writeString(articles.resolve(a.getKey()), a.getValue());
        }
        Extraction extraction = Extraction.standard();
        store = Store.open(dir.resolve("db"));
        store.replaceGraph(SG.DICTIONARY_GRAPH, extraction.dictionary().model().getGraph());
        new Loader(store, extraction).load(List.of(articles), new PrintStream(new ByteArrayOutputStream()), Loader.Progress.NONE);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    static List<CSVRecord> rows(Store store, String query, Map<String, Node> parameters) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Queries.run(store, Queries.parse(Queries.resolve(query, HOME)), parameters, Queries.Format.CSV, out);
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString(StandardCharsets.UTF_8)))) {
            return parser.getRecords();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "month actor target class" to count, from the timeline's columns, leaving out zeros. */
    static Map<String, Long> timelineCounts(List<CSVRecord> timeline) {
        Map<String, Long> counts = new TreeMap<>();
        for (CSVRecord r : timeline) {
            COLUMNS.forEach((stanceClass, column) -> {
                long n = Long.parseLong(r.get(column));
                if (n > 0) {
                    counts.put(r.get("month") + " " + r.get("actor") + " " + r.get("target") + " " + stanceClass, n);
                }
            });
        }
        return counts;
    }

    /** The obvious way: one positions row per statement and target; count the dated ones that {@code keep} by month. */
    private static Map<String, Long> countedFromPositions(Predicate<CSVRecord> keep) {
        Map<String, Long> counts = new TreeMap<>();
        for (CSVRecord r : rows(store, "positions", Map.of())) {
            if (!r.get("target").isEmpty() && !r.get("date").isEmpty() && keep.test(r)) {
                counts.merge(r.get("date").substring(0, 7) + " " + r.get("actor") + " " + r.get("target") + " " + r.get("class"),
                        1L, Long::sum);
            }
        }
        return counts;
    }

    private static Map<String, Node> parameters(String... nameValue) {
        Map<String, Node> parameters = new TreeMap<>();
        for (String assignment : nameValue) {
            Queries.Parameter p = Queries.parameter(assignment);
            parameters.put(p.name(), p.value());
        }
        return parameters;
    }

    @Test
    void everyPairEveryMonthCountsThePositions() {
        Map<String, Long> expected = countedFromPositions(r -> true);
        assertEquals(expected, timelineCounts(rows(store, "stance-timeline", Map.of())));
        long turkeyOnAzerbaijanMonths = expected.keySet().stream()
                .filter(k -> k.contains(" Turkey Azerbaijan ")).map(k -> k.substring(0, 7)).distinct().count();
        assertTrue(turkeyOnAzerbaijanMonths >= 3, "the invented articles give Turkey's stance on Azerbaijan in several months: " + expected);
        assertTrue(expected.keySet().stream().anyMatch(k -> k.endsWith(" oppose")) && expected.keySet().stream().anyMatch(k -> k.endsWith(" support")),
                "both support and opposition: " + expected);
    }

    @Test
    void oneActorAgainstEveryoneAndOnePair() {
        Map<String, Long> turkey = countedFromPositions(r -> r.get("actor").equals("Turkey"));
        assertFalse(turkey.isEmpty());
        assertEquals(turkey, timelineCounts(rows(store, "stance-timeline", parameters("actor_name=Turkey"))));
        assertEquals(turkey, timelineCounts(rows(store, "stance-timeline", parameters("actor_name=" + wikidataId("Turkey")))),
                "an actor may be named by its Wikidata id");

        Map<String, Long> pair = countedFromPositions(r -> r.get("actor").equals("Turkey") && r.get("target").equals("Azerbaijan"));
        assertTrue(pair.size() < turkey.size(), "Turkey also takes positions on others: " + turkey);
        List<CSVRecord> rows = rows(store, "stance-timeline", parameters("actor_name=Turkey", "target_name=Azerbaijan"));
        assertEquals(pair, timelineCounts(rows));
        assertEquals(rows.stream().map(r -> r.get("month")).sorted().toList(), rows.stream().map(r -> r.get("month")).toList(),
                "oldest month first");

        Map<String, Long> aboutTurkey = countedFromPositions(r -> r.get("target").equals("Turkey"));
        assertFalse(aboutTurkey.isEmpty());
        assertEquals(aboutTurkey, timelineCounts(rows(store, "stance-timeline", parameters("target_name=Turkey"))));
    }

    @Test
    void aDateRangeKeepsTheMonthsInIt() {
        Map<String, Long> inRange = countedFromPositions(r -> r.get("date").compareTo("2020-09-29") >= 0
                && r.get("date").compareTo("2020-12-31") <= 0);
        assertFalse(inRange.isEmpty());
        assertTrue(inRange.size() < countedFromPositions(r -> true).size());
        assertEquals(inRange, timelineCounts(rows(store, "stance-timeline", parameters("from=2020-09-29", "to=2020-12-31"))));
    }

    private static String wikidataId(String label) {
        return rows(store, "positions", Map.of()).stream().filter(r -> r.get("actor").equals(label))
                .map(r -> r.get("actor_wikidata")).findFirst().orElseThrow();
    }
}
