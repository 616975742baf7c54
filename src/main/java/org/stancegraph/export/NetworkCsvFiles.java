package org.stancegraph.export;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The who-supports-whom network as two CSV tables (RFC 4180: comma, double quotes,
 * CRLF; UTF-8 without byte order mark; one header row; rows sorted by IRI):
 * {@code <base>-edges.csv} and {@code <base>-nodes.csv}.
 */
final class NetworkCsvFiles implements FormatFamily {
    static final String[] EDGE_COLUMNS = {"source", "source_label", "source_wikidata", "target", "target_label",
            "target_wikidata", "class", "statements", "articles", "first_date", "last_date"};
    static final String[] NODE_COLUMNS = {"id", "label", "type", "wikidata", "statements_as_actor", "statements_as_target"};

    @Override
    public ExportFormat.Family family() {
        return ExportFormat.Family.NETWORK_CSV;
    }

    @Override
    public List<ExportedFile> write(ExportContext context, Set<ExportFormat> formats) throws IOException {
        Network network = context.network();
        ExportOptions options = context.options();
        ExportedFile edges;
        try (OutputFile file = OutputFile.open(options.outputDirectory(), options.baseName() + "-edges.csv", options.gzip())) {
            Map<String, Network.Actor> actors = network.nodesById();
            try (CSVPrinter csv = printer(file, EDGE_COLUMNS)) {
                for (Network.Edge e : network.edges()) {
                    Network.Actor source = actors.get(e.source());
                    Network.Actor target = actors.get(e.target());
                    csv.printRecord(e.source(), source.label(), source.wikidata(), e.target(), target.label(),
                            target.wikidata(), e.stanceClass(), e.statements(), e.articles(), e.firstDate(), e.lastDate());
                }
            }
            edges = file.finish("Network edges (CSV)", "Who supports whom: one row per actor, target and stance class"
                    + " (support, oppose, ally, member, deny) with the number of statements and of distinct articles,"
                    + " and the first and last date. Ally edges are mutual.", "text/csv", network.edges().size(), "edges");
        }
        ExportedFile nodes;
        try (OutputFile file = OutputFile.open(options.outputDirectory(), options.baseName() + "-nodes.csv", options.gzip())) {
            try (CSVPrinter csv = printer(file, NODE_COLUMNS)) {
                for (Network.Actor n : network.nodes()) {
                    csv.printRecord(n.id(), n.label(), n.type(), n.wikidata(), n.statementsAsActor(), n.statementsAsTarget());
                }
            }
            nodes = file.finish("Network nodes (CSV)", "The actors of the network with label, type and Wikidata id"
                    + " from the dictionary, and how many of the network's statements each makes and receives.",
                    "text/csv", network.nodes().size(), "nodes");
        }
        return List.of(edges, nodes);
    }

    private static CSVPrinter printer(OutputFile file, String[] header) throws IOException {
        Writer writer = new OutputStreamWriter(file.stream(), StandardCharsets.UTF_8);
        return new CSVPrinter(writer, CSVFormat.RFC4180.builder().setHeader(header).get());
    }
}
