package org.stancegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.apache.jena.query.ARQ;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.store.Store;

/**
 * On a large store a sort, DISTINCT or GROUP BY spills to disk after {@link Queries#SPILL_AFTER_ROWS}
 * rows; the sample corpus is far too small for that, so here every query of queries/ runs with the
 * spill forced after a few rows, and must answer exactly as it does in memory (ARQ cannot read back a
 * spilled row that holds a variable it named itself, as it does for a GRAPH ?g pattern that also uses ?g inside).
 */
class SpilledSortsTest {

    /** Fewer rows than the sample's statements, so that the big sorts spill, several times. */
    private static final long SPILL_AFTER = 20;

    private static Store store;

    @BeforeAll
    static void loadTheSampleCorpus() {
        store = Store.inMemory();
        Loader loader = new Loader(store, Extraction.standard());
        loader.storeKnowledge(Ontology.load());
        loader.load(List.of(Path.of("data/articles")), System.err, Loader.Progress.NONE);
    }

    @AfterAll
    static void close() {
        store.close();
    }

    @Test
    void everySelectQueryAnswersTheSameWhenItsSortsSpillToDisk() {
        int compared = 0;
        List<String> nonEmpty = new ArrayList<>();
        for (Queries.Named named : Queries.list(Queries.home())) {
            if (named.name().startsWith("federated")) {
                continue; // they call Wikidata
            }
            Query query = Queries.parse(Queries.resolve(named.name(), Queries.home()));
            if (!query.isSelectType()) {
                continue;
            }
            List<String> inMemory = rows(query, Long.MAX_VALUE);
            List<String> spilled;
            try {
                spilled = rows(query, SPILL_AFTER);
            } catch (RuntimeException e) {
                throw new AssertionError(named.name() + " fails when its sorts spill: " + e.getMessage(), e);
            }
            int firstDifference = 0;
            while (firstDifference < Math.min(inMemory.size(), spilled.size())
                    && inMemory.get(firstDifference).equals(spilled.get(firstDifference))) {
                firstDifference++;
            }
            assertEquals(inMemory.size(), firstDifference, named.name() + " answers otherwise when its sorts spill, from row "
                    + firstDifference + ": " + (firstDifference < spilled.size() ? spilled.get(firstDifference) : "(no more rows)"));
            assertEquals(inMemory.size(), spilled.size(), named.name() + ": rows with and without spilling");
            compared++;
            if (!inMemory.isEmpty()) {
                nonEmpty.add(named.name());
            }
        }
        assertTrue(compared > 10, "the queries of queries/ were compared: " + compared);
        assertTrue(nonEmpty.contains("explorer-statements") && nonEmpty.contains("positions"), "with rows: " + nonEmpty);
    }

    private static List<String> rows(Query query, long spillAfter) {
        return store.read(dataset -> {
            List<String> rows = new ArrayList<>();
            try (QueryExecution execution = QueryExecution.dataset(DatasetFactory.wrap(dataset)).query(query)
                    .set(ARQ.spillToDiskThreshold, spillAfter).build()) {
                execution.execSelect().forEachRemaining((QuerySolution row) -> rows.add(query.getResultVars().stream()
                        .map(v -> v + "=" + row.get(v)).collect(Collectors.joining(" "))));
            }
            return rows;
        });
    }
}
