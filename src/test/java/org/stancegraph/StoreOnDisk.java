package org.stancegraph;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.vocabulary.RDF;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Opens a database that a child process wrote, reads it, and lets go of it entirely, so that the
 * next child process can lock it again. (TDB2 keeps a database open in a JVM-wide cache after
 * {@code close()}; expelling it releases the directory's lock.)
 */
public final class StoreOnDisk {

    private StoreOnDisk() {
    }

    public static <T> T read(Path directory, Function<DatasetGraph, T> action) {
        Store store = Store.open(directory);
        try {
            return store.read(action);
        } finally {
            store.closeAndRelease();
        }
    }

    /** Every article graph of the database, by graph IRI, as its sorted triples in text: for comparing stores exactly. */
    public static Map<String, Set<String>> articleGraphs(Path directory) {
        return read(directory, d -> {
            Map<String, Set<String>> graphs = new HashMap<>();
            d.find(Node.ANY, Node.ANY, RDF.Nodes.type, SG.Article.asNode()).forEachRemaining(q -> {
                Set<String> triples = new TreeSet<>();
                d.find(q.getGraph(), Node.ANY, Node.ANY, Node.ANY).forEachRemaining(t -> triples.add(t.asTriple().toString()));
                graphs.put(q.getGraph().getURI(), triples);
            });
            return graphs;
        });
    }
}
