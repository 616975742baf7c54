package org.stancegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the benchmark on a tiny corpus: every step runs and the report has its rows. No timing is asserted. */
class BenchTest {

    @TempDir
    Path work;

    @Test
    void aTinyRunFillsEveryColumnOfTheReport() {
        Bench.Options options = new Bench.Options(List.of(30), work, "512m", 0, 2, false, false, Duration.ofMinutes(1));
        List<Bench.Row> rows = new Bench(options, new PrintStream(new ByteArrayOutputStream())).run();
        assertEquals(1, rows.size());
        Bench.Row row = rows.get(0);
        assertEquals("30", row.extract().get("articles"));
        assertEquals("30", row.load().get("articles"));
        assertTrue(Long.parseLong(row.load().get("quads")) > 30 * 50, "quads: " + row.load().get("quads"));
        assertTrue(Long.parseLong(row.load().get("peakHeap")) > 0);
        assertTrue(row.storeBytes() > 0);
        assertEquals(Bench.QUERIES, List.copyOf(row.latencies().keySet()));
        row.latencies().forEach((query, latency) -> assertEquals(2, latency.runs(), query + " ran as often as asked"));
        String table = Bench.markdown(rows, options, "bench", Instant.EPOCH, Instant.EPOCH, "0", "0");
        assertTrue(table.contains("| 30 |"), table);
        assertTrue(!table.contains("NaN"), table);
    }

    @Test
    void aSizeWhoseStoreWouldNotFitIsOnlyExtractedAndTheReportSaysWhy() {
        // 450 KB per article (store, dump and Jena's database at 10k): 1M articles need about 450 GB.
        assertTrue(Bench.tooBigForTheDisk(1_000_000, 450_000, 79_000_000_000L).orElseThrow().contains("450 GB"));
        assertTrue(Bench.tooBigForTheDisk(100_000, 450_000, 79_000_000_000L).isEmpty(), "45 GB fit in 79 GB");
        assertTrue(Bench.tooBigForTheDisk(1_000, Double.NaN, 0).isEmpty(), "the first size is always tried");

        Bench.Options options = new Bench.Options(List.of(1_000_000), work, "1g", 3, 20, false, true, Duration.ofMinutes(2));
        Bench.Row extractedOnly = new Bench.Row(1_000_000, 5_600, Map.of("articles", "1000000", "seconds", "500",
                "bytes", "5600000000", "peakHeap", "300000000"), Map.of(), Double.NaN, 0, Map.of(), "not loaded: too big");
        String table = Bench.markdown(List.of(extractedOnly), options, "bench", Instant.EPOCH, Instant.EPOCH, "0", "0");
        assertTrue(table.contains("| 1,000,000 | 5600 | 2,000 | 11.2 | 300 | – |"), table);
        assertTrue(table.contains("1,000,000 articles: extraction only, not loaded: too big."), table);
    }

    @Test
    void percentilesTakeTheValueAtTheirRank() {
        double[] sorted = new double[20];
        for (int i = 0; i < 20; i++) {
            sorted[i] = i + 1;
        }
        assertEquals(10.0, Bench.percentile(sorted, 50));
        assertEquals(19.0, Bench.percentile(sorted, 95));
    }
}
