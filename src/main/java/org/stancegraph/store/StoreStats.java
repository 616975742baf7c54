package org.stancegraph.store;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.sparql.core.DatasetGraph;
import org.stancegraph.vocab.SG;

/**
 * What a store holds: articles, dictionary actors by class, mentions, statements, and
 * triples per named graph. Two queries, each one pass over the data.
 *
 * @param articles        resources typed sg:Article
 * @param actorsByClass   dictionary instances of each actor class, in {@link #ACTOR_CLASSES} order
 * @param actors          distinct dictionary actors (one actor may have several classes)
 * @param mentions        mentions of actors in articles (the sum of sg:mentionCount)
 * @param statements      resources typed sg:Statement
 * @param graphs          triples per named graph, largest first (ties by name)
 */
public record StoreStats(long articles, Map<Resource, Long> actorsByClass, long actors, long mentions,
                         long statements, List<GraphSize> graphs) {

    /** The actor classes counted, most general states first. */
    public static final List<Resource> ACTOR_CLASSES = List.of(SG.State, SG.DeFactoState,
            SG.InternationalOrganisation, SG.MilitaryAlliance, SG.OrganisationBody, SG.ArmedGroup, SG.Person);

    /** Triples in one named graph. */
    public record GraphSize(String graph, long triples) {}

    public static StoreStats of(Store store) {
        return store.read(StoreStats::compute);
    }

    private static StoreStats compute(DatasetGraph dataset) {
        Map<String, Long> byClass = countByClass(dataset);
        Map<Resource, Long> actorsByClass = new LinkedHashMap<>();
        ACTOR_CLASSES.forEach(c -> actorsByClass.put(c, byClass.getOrDefault(c.getURI(), 0L)));
        return new StoreStats(byClass.getOrDefault(SG.Article.getURI(), 0L), actorsByClass,
                byClass.getOrDefault(SG.Actor.getURI(), 0L),
                mentions(dataset),
                byClass.getOrDefault(SG.Statement.getURI(), 0L),
                graphSizes(dataset));
    }

    /**
     * The mentions of actors in the articles: the sum of their counts per article and actor (sg:mentionCount), which
     * every article graph holds, whether or not it keeps each mention as a sg:Mention ({@code load --mentions full}).
     */
    private static long mentions(DatasetGraph dataset) {
        String query = "SELECT (SUM(?count) AS ?n) WHERE { ?counted <%s> ?count }".formatted(SG.mentionCount.getURI());
        try (QueryExecution execution = QueryExecution.create(query, DatasetFactory.wrap(dataset))) {
            ResultSet rows = execution.execSelect();
            // SUM over no row is 0; a row is always there, its value bound.
            return rows.next().getLiteral("n").getLong();
        }
    }

    /**
     * Instances per class in one query: article-level classes over the union of all graphs,
     * actor classes in the dictionary graph, and all actors together under sg:Actor.
     */
    private static Map<String, Long> countByClass(DatasetGraph dataset) {
        String actorClasses = String.join(" ", ACTOR_CLASSES.stream().map(c -> "<" + c.getURI() + ">").toList());
        String query = """
                SELECT ?class (COUNT(DISTINCT ?x) AS ?n) WHERE {
                  { VALUES ?class { <%s> <%s> } ?x a ?class }
                  UNION
                  { VALUES ?class { %s } GRAPH <%s> { ?x a ?class } }
                  UNION
                  { VALUES ?actorClass { %s } GRAPH <%s> { ?x a ?actorClass } BIND (<%s> AS ?class) }
                } GROUP BY ?class""".formatted(SG.Article.getURI(), SG.Statement.getURI(),
                actorClasses, SG.DICTIONARY_GRAPH, actorClasses, SG.DICTIONARY_GRAPH, SG.Actor.getURI());
        Map<String, Long> counts = new LinkedHashMap<>();
        try (QueryExecution execution = QueryExecution.create(query, DatasetFactory.wrap(dataset))) {
            ResultSet rows = execution.execSelect();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                counts.put(row.getResource("class").getURI(), row.getLiteral("n").getLong());
            }
        }
        return counts;
    }

    private static List<GraphSize> graphSizes(DatasetGraph dataset) {
        String query = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g";
        List<GraphSize> sizes = new ArrayList<>();
        try (QueryExecution execution = QueryExecution.create(query, DatasetFactory.wrap(dataset))) {
            ResultSet rows = execution.execSelect();
            while (rows.hasNext()) {
                QuerySolution row = rows.next();
                sizes.add(new GraphSize(row.getResource("g").getURI(), row.getLiteral("n").getLong()));
            }
        }
        sizes.sort(Comparator.comparingLong(GraphSize::triples).reversed().thenComparing(GraphSize::graph));
        return sizes;
    }

    /** Triples in the named graph {@code iri}, 0 when absent. */
    public long triplesIn(String iri) {
        return graphs.stream().filter(g -> g.graph().equals(iri)).mapToLong(GraphSize::triples).sum();
    }

    public List<GraphSize> articleGraphs() {
        return graphs.stream().filter(g -> g.graph().startsWith(SG.ARTICLE_NS)).toList();
    }

    public List<GraphSize> otherGraphs() {
        return graphs.stream().filter(g -> !g.graph().startsWith(SG.ARTICLE_NS)
                && !g.graph().equals(SG.DICTIONARY_GRAPH) && !g.graph().equals(SG.ONTOLOGY_GRAPH)
                && !g.graph().equals(SG.SUMMARY_GRAPH)).toList();
    }

    public long totalTriples() {
        return graphs.stream().mapToLong(GraphSize::triples).sum();
    }

    /** Writes the report, with the {@code top} largest graphs listed by name. */
    public void print(PrintWriter out, int top) {
        out.printf("articles      %,d%n", articles);
        out.printf("actors        %,d%n", actors);
        actorsByClass.forEach((cls, n) -> out.printf("  %-26s %,d%n", cls.getLocalName(), n));
        out.printf("mentions      %,d%n", mentions);
        out.printf("statements    %,d%n", statements);
        out.printf("triples       %,d in %,d named graphs%n", totalTriples(), graphs.size());
        out.printf("  %-26s %,d%n", "dictionary", triplesIn(SG.DICTIONARY_GRAPH));
        out.printf("  %-26s %,d%n", "ontology", triplesIn(SG.ONTOLOGY_GRAPH));
        out.printf("  %-26s %,d%n", "stance summary", triplesIn(SG.SUMMARY_GRAPH));
        List<GraphSize> articleGraphs = articleGraphs();
        out.printf("  %-26s %,d in %,d graphs%n", "articles",
                articleGraphs.stream().mapToLong(GraphSize::triples).sum(), articleGraphs.size());
        List<GraphSize> others = otherGraphs();
        if (!others.isEmpty()) {
            out.printf("  %-26s %,d in %,d graphs%n", "other",
                    others.stream().mapToLong(GraphSize::triples).sum(), others.size());
        }
        if (!graphs.isEmpty()) {
            out.println("largest graphs");
            graphs.stream().limit(top).forEach(g -> out.printf("  %,12d  <%s>%n", g.triples(), g.graph()));
        }
        out.flush();
    }
}
