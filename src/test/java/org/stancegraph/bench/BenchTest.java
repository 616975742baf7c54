package org.stancegraph.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A smoke run of the benchmark on a tiny corpus: every step runs and the report has its rows. No timing is asserted. */
class BenchTest {

    @TempDir
    Path work;

    @Test
    void aTinyRunFillsEveryColumnOfTheReport() {
        Bench.Options options = new Bench.Options(List.of(30), work, "512m", 0, 2, false, false);
        List<Bench.Row> rows = new Bench(options, new PrintStream(new ByteArrayOutputStream())).run();
        assertEquals(1, rows.size());
        Bench.Row row = rows.get(0);
        assertEquals("30", row.extract().get("articles"));
        assertEquals("30", row.load().get("articles"));
        assertTrue(Long.parseLong(row.load().get("quads")) > 30 * 50, "quads: " + row.load().get("quads"));
        assertTrue(Long.parseLong(row.load().get("peakHeap")) > 0);
        assertTrue(row.storeBytes() > 0);
        assertEquals(Bench.QUERIES, List.copyOf(row.latencies().keySet()));
        String table = Bench.markdown(rows, options, "bench", Instant.EPOCH, Instant.EPOCH, "0", "0");
        assertTrue(table.contains("| 30 |"), table);
        assertTrue(!table.contains("NaN"), table);
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
