package org.stancegraph.export;

import java.util.EnumMap;
import java.util.Map;

import org.apache.jena.sparql.core.DatasetGraph;

/**
 * What the format families share during one export, inside one read transaction: the
 * options, the dataset, the selected graphs, the network (computed once, when first
 * needed) and the triple counts of the RDF pass, for the description.
 */
final class ExportContext {
    private final ExportOptions options;
    private final DatasetGraph dataset;
    private final SelectedGraphs graphs;
    private final Map<SelectedGraphs.Kind, Long> triplesByKind = new EnumMap<>(SelectedGraphs.Kind.class);
    private Network network;

    ExportContext(ExportOptions options, DatasetGraph dataset, SelectedGraphs graphs) {
        this.options = options;
        this.dataset = dataset;
        this.graphs = graphs;
    }

    ExportOptions options() {
        return options;
    }

    DatasetGraph dataset() {
        return dataset;
    }

    SelectedGraphs graphs() {
        return graphs;
    }

    Network network() {
        if (network == null) {
            network = Network.compute(dataset, options);
        }
        return network;
    }

    /** Records that the RDF files hold {@code triples} more triples from graphs of {@code kind}. */
    void countTriples(SelectedGraphs.Kind kind, long triples) {
        triplesByKind.merge(kind, triples, Long::sum);
    }

    /** Triples exported per graph kind; empty when no RDF file was written. */
    Map<SelectedGraphs.Kind, Long> triplesByKind() {
        return triplesByKind;
    }
}
