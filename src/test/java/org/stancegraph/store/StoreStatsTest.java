package org.stancegraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.Test;
import org.stancegraph.vocab.SG;

class StoreStatsTest {

    @Test
    void countsMatchTheSampleGraphs() {
        try (Store store = SampleGraphs.fill(Store.inMemory())) {
            StoreStats stats = StoreStats.of(store);
            assertEquals(2, stats.articles());
            assertEquals(SampleGraphs.mentionCount(), stats.mentions());
            assertEquals(1, stats.statements());
            assertEquals(SampleGraphs.ACTORS, stats.actors());
            assertEquals(SampleGraphs.STATES, stats.actorsByClass().get(SG.State));
            assertEquals(SampleGraphs.ALLIANCES, stats.actorsByClass().get(SG.MilitaryAlliance));
            assertEquals(SampleGraphs.PERSONS, stats.actorsByClass().get(SG.Person));
            assertEquals(SampleGraphs.dictionary().size(), stats.triplesIn(SG.DICTIONARY_GRAPH));
            assertEquals(0, stats.triplesIn(SG.ONTOLOGY_GRAPH));
            assertEquals(2, stats.articleGraphs().size());
            assertEquals(SampleGraphs.article1().size() + SampleGraphs.article2().size(),
                    stats.articleGraphs().stream().mapToLong(StoreStats.GraphSize::triples).sum());
            for (int i = 1; i < stats.graphs().size(); i++) {
                assertTrue(stats.graphs().get(i - 1).triples() >= stats.graphs().get(i).triples(), "largest graph first");
            }

            StringWriter text = new StringWriter();
            stats.print(new PrintWriter(text), 2);
            assertTrue(text.toString().contains("articles      2"), text.toString());
            assertEquals(2, text.toString().lines().filter(l -> l.contains("<https://")).count(), text.toString());
        }
    }

    @Test
    void anActorWithTwoClassesIsOneActor() {
        try (Store store = SampleGraphs.fill(Store.inMemory())) {
            // NATO typed both sg:MilitaryAlliance and sg:InternationalOrganisation.
            Graph dictionary = SampleGraphs.dictionary();
            dictionary.add(Triple.create(NodeFactory.createURI(SG.ACTOR_NS + "nato"),
                    RDF.type.asNode(), SG.InternationalOrganisation.asNode()));
            store.replaceGraph(SG.DICTIONARY_GRAPH, dictionary);
            StoreStats stats = StoreStats.of(store);
            assertEquals(SampleGraphs.ACTORS, stats.actors());
            assertEquals(SampleGraphs.ORGANISATIONS + 1, stats.actorsByClass().get(SG.InternationalOrganisation));
        }
    }

    @Test
    void anEmptyStoreHasZeros() {
        try (Store store = Store.inMemory()) {
            StoreStats stats = StoreStats.of(store);
            assertEquals(0, stats.articles());
            assertEquals(0, stats.actors());
            assertTrue(stats.graphs().isEmpty());
        }
    }
}
