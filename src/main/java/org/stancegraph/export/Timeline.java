package org.stancegraph.export;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.engine.binding.Binding;

/**
 * Stance over time: the rows of {@code queries/stance-timeline.rq} (one per month and
 * (actor, target) pair, with a count per stance class), in the query's order.
 */
record Timeline(List<Row> rows) {

    static final String QUERY = "queries/stance-timeline.rq";

    /** The stance classes and the query's column for each, in the order the CSV lists them. */
    static final Map<String, String> COLUMNS;

    static {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("support", "supports");
        columns.put("oppose", "opposes");
        columns.put("deny", "denies");
        columns.put("appeal", "appeals");
        columns.put("mediate", "mediates");
        columns.put("ally", "allies");
        columns.put("member", "members");
        COLUMNS = java.util.Collections.unmodifiableMap(columns);
    }

    /** One month of one pair; labels and Wikidata ids are "" when the dictionary lacks them. */
    record Row(String month, String actor, String actorLabel, String actorWikidata, String target, String targetLabel,
               String targetWikidata, Map<String, Long> counts) {
        long count(String stanceClass) {
            return counts.getOrDefault(stanceClass, 0L);
        }
    }

    /** Runs the query with the options' date range; must run inside a read transaction. */
    static Timeline compute(DatasetGraph dataset, ExportOptions options) {
        List<Row> rows = new ArrayList<>();
        Network.run(dataset, QUERY, options, row -> {
            Map<String, Long> counts = new LinkedHashMap<>();
            COLUMNS.forEach((stanceClass, column) -> counts.put(stanceClass, Long.parseLong(lexical(row, column))));
            rows.add(new Row(lexical(row, "month"), row.get("actor_iri").getURI(), lexical(row, "actor"),
                    lexical(row, "actor_wikidata"), row.get("target_iri").getURI(), lexical(row, "target"),
                    lexical(row, "target_wikidata"), counts));
        });
        return new Timeline(List.copyOf(rows));
    }

    /**
     * Statements of {@code stanceClass} per month over all rows, for every month from the first to
     * the last (a month without any is 0, so that the time axis has no holes); empty without rows.
     */
    SortedMap<YearMonth, Long> perMonth(String stanceClass) {
        SortedMap<YearMonth, Long> totals = new TreeMap<>();
        if (rows.isEmpty()) {
            return totals;
        }
        YearMonth first = YearMonth.parse(rows.get(0).month());
        YearMonth last = YearMonth.parse(rows.get(rows.size() - 1).month());
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            totals.put(m, 0L);
        }
        rows.forEach(r -> totals.merge(YearMonth.parse(r.month()), r.count(stanceClass), Long::sum));
        return totals;
    }

    private static String lexical(Binding row, String var) {
        Node n = row.get(var);
        return n == null ? "" : n.getLiteralLexicalForm();
    }
}
