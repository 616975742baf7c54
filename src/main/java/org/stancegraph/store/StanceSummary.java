package org.stancegraph.store;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.vocabulary.RDF;
import org.stancegraph.vocab.SG;

/**
 * The stance summary: in the named graph {@link SG#SUMMARY_GRAPH}, one {@link SG#StancePair} per
 * (actor, target) with the numbers that queries/who-supports-whom.rq reports, so that the query
 * reads one node per pair instead of aggregating every statement of the store.
 *
 * <p>A pair sums exactly what the statement-level aggregate
 * (queries/who-supports-whom-from-statements.rq) counts: for each statement of stance class
 * sgs:support or sgs:oppose, one solution per (class, actor, target, article, date) combination.
 * The distinct-article count of the whole store is the sum of the per-graph counts because every
 * statement lives in the graph of the article it is derived from (statement IRIs start with the
 * article IRI), so no article is counted in two graphs.
 *
 * <p>The store changes the summary in the same write transaction as the graphs it sums
 * ({@link #apply}): counts are added and subtracted; a first or last date that a removed
 * statement may have held is recomputed from the statements of that pair that remain (an index
 * lookup by target), since a minimum cannot be decremented. The graph carries a marker triple
 * ({@code <graph/summary> a sg:StanceSummary}) so that a store written before the summary existed
 * is recognised and rebuilt ({@link #rebuild}).
 *
 * <p>The summary also links its strongest pairs ({@code <graph/summary> sg:strongestPair ?pair}): every pair with at
 * least as many statements as the pair in {@link #STRONGEST}th place, ties included. The first page of
 * who-supports-whom reads these pairs instead of every pair. {@link #apply} keeps the set from the pairs it
 * changed and the strongest pairs before the change; only when a strongest pair lost statements so that the
 * {@link #STRONGEST}th place may now belong to a pair outside that set does it read the counts of every pair.
 */
public final class StanceSummary {
    static final Node GRAPH = NodeFactory.createURI(SG.SUMMARY_GRAPH);
    private static final Node SUPPORT = NodeFactory.createURI(SG.stanceIri("support"));
    private static final Node OPPOSE = NodeFactory.createURI(SG.stanceIri("oppose"));
    private static final Node STANCE_CLASS = SG.stanceClass.asNode();
    private static final Node ACTOR = SG.actor.asNode();
    private static final Node TARGET = SG.target.asNode();
    private static final Node DERIVED_FROM = SG.provWasDerivedFrom.asNode();
    private static final Node DATE = SG.dctermsDate.asNode();
    private static final Node STRONGEST_PAIR = SG.strongestPair.asNode();

    /** How many pairs (ties at the last place included) the summary links as its strongest: a first page. */
    static final int STRONGEST = 100;

    private StanceSummary() {}

    /** An (actor, target) pair. */
    public record Pair(Node actor, Node target) {
        Node iri() {
            return NodeFactory.createURI(SG.stancePairIri(actor.getURI(), target.getURI()));
        }
    }

    /** The numbers of one pair. */
    static final class Tally {
        long supporting;
        long opposing;
        long dated;
        long articles;
        Node firstDate;
        Node lastDate;

        void add(Tally other) {
            supporting += other.supporting;
            opposing += other.opposing;
            dated += other.dated;
            articles += other.articles;
            widenDates(other.firstDate, other.lastDate);
        }

        void widenDates(Node first, Node last) {
            if (first != null && (firstDate == null || compareDates(first, firstDate) < 0)) {
                firstDate = first;
            }
            if (last != null && (lastDate == null || compareDates(last, lastDate) > 0)) {
                lastDate = last;
            }
        }

        long statements() {
            return supporting + opposing;
        }
    }

    /** What one subject has of the predicates the summary reads (a set per predicate, as a graph holds them). */
    private static final class StatementFacts {
        final List<Node> classes = new ArrayList<>(1);
        final List<Node> actors = new ArrayList<>(1);
        final List<Node> targets = new ArrayList<>(1);
        final List<Node> derivedFrom = new ArrayList<>(1);
        final List<Node> dates = new ArrayList<>(1);

        void add(Node predicate, Node object) {
            if (predicate.equals(STANCE_CLASS)) {
                classes.add(object);
            } else if (predicate.equals(ACTOR)) {
                actors.add(object);
            } else if (predicate.equals(TARGET)) {
                targets.add(object);
            } else if (predicate.equals(DERIVED_FROM)) {
                derivedFrom.add(object);
            } else {
                dates.add(object);
            }
        }
    }

    /** Summed tallies by pair: what some graphs add to the summary, or the whole summary of a bulk load. */
    public static final class Sums {
        private final Map<Pair, Tally> tallies = new HashMap<>();

        /**
         * Adds what the statements of {@code graph} (one article, or any named graph) contribute. Reads each of
         * the five predicates once, by predicate, so the work is linear in the statements whatever the graph's
         * indexes (a subject lookup per statement in an in-memory article graph made a dense article quadratic).
         */
        public void addGraph(Graph graph) {
            Map<Node, StatementFacts> facts = new HashMap<>();
            for (Node predicate : List.of(STANCE_CLASS, ACTOR, TARGET, DERIVED_FROM, DATE)) {
                graph.find(Node.ANY, predicate, Node.ANY).forEachRemaining(t ->
                        facts.computeIfAbsent(t.getSubject(), s -> new StatementFacts()).add(predicate, t.getObject()));
            }
            Map<Pair, Tally> own = new HashMap<>();
            Map<Pair, Set<Node>> articles = new HashMap<>();
            facts.values().forEach(statement -> {
                for (Node stanceClass : statement.classes) {
                    if (!stanceClass.equals(SUPPORT) && !stanceClass.equals(OPPOSE)) {
                        continue;
                    }
                    // One solution of the statement-level query per combination; a missing date is one unbound solution.
                    long combinations = (long) statement.derivedFrom.size() * Math.max(1, statement.dates.size());
                    for (Node actor : statement.actors) {
                        for (Node target : statement.targets) {
                            if (!actor.isURI() || !target.isURI() || combinations == 0) {
                                continue;
                            }
                            Pair pair = new Pair(actor, target);
                            Tally tally = own.computeIfAbsent(pair, p -> new Tally());
                            if (stanceClass.equals(SUPPORT)) {
                                tally.supporting += combinations;
                            } else {
                                tally.opposing += combinations;
                            }
                            tally.dated += (long) statement.derivedFrom.size() * statement.dates.size();
                            for (Node date : statement.dates) {
                                tally.widenDates(date, date);
                            }
                            articles.computeIfAbsent(pair, p -> new HashSet<>()).addAll(statement.derivedFrom);
                        }
                    }
                }
            });
            own.forEach((pair, tally) -> {
                tally.articles = articles.get(pair).size();
                tallies.computeIfAbsent(pair, p -> new Tally()).add(tally);
            });
        }

        public boolean isEmpty() {
            return tallies.isEmpty();
        }

        /** Number of pairs. */
        public int size() {
            return tallies.size();
        }

        /** The quads of a summary graph holding exactly these sums (for a bulk load into a store without one), sorted by pair IRI. */
        public void forEachQuad(Consumer<Quad> sink) {
            sink.accept(marker());
            List<Pair> pairs = new ArrayList<>(tallies.keySet());
            pairs.sort(Comparator.comparing(p -> p.iri().getURI()));
            for (Pair pair : pairs) {
                triples(pair, tallies.get(pair)).forEach(t -> sink.accept(Quad.create(GRAPH, t)));
            }
            long threshold = strongestThreshold(tallies.values().stream().mapToLong(Tally::statements).toArray());
            for (Pair pair : pairs) {
                if (tallies.get(pair).statements() >= threshold) {
                    sink.accept(strongest(pair.iri()));
                }
            }
        }

        Map<Pair, Tally> tallies() {
            return tallies;
        }
    }

    /**
     * Brings the stored summary in step after graphs contributing {@code removed} were dropped and graphs
     * contributing {@code added} were stored. Call inside the write transaction that changed them, after the change.
     */
    static void apply(DatasetGraph dataset, Sums added, Sums removed) {
        Set<Pair> touched = new LinkedHashSet<>(added.tallies().keySet());
        touched.addAll(removed.tallies().keySet());
        Map<Node, Long> strongestBefore = new HashMap<>();
        dataset.find(GRAPH, GRAPH, STRONGEST_PAIR, Node.ANY).forEachRemaining(q ->
                strongestBefore.put(q.getObject(), read(dataset, q.getObject()).statements()));
        Map<Node, Long> changedTotals = new HashMap<>();
        for (Pair pair : touched) {
            Node pairIri = pair.iri();
            Tally stored = read(dataset, pairIri);
            Tally plus = added.tallies().get(pair);
            Tally minus = removed.tallies().get(pair);
            Tally next = new Tally();
            next.add(stored);
            if (plus != null) {
                next.add(plus);
            }
            if (minus != null) {
                next.supporting -= minus.supporting;
                next.opposing -= minus.opposing;
                next.dated -= minus.dated;
                next.articles -= minus.articles;
                if (next.supporting < 0 || next.opposing < 0 || next.dated < 0 || next.articles < 0) {
                    throw new IllegalStateException("stance summary out of step with the statements for " + pairIri.getURI()
                            + "; 'stancegraph check --repair' recomputes it");
                }
                if (minus.dated > 0 && mayHaveHeldExtremes(stored, minus)) {
                    next.firstDate = null;
                    next.lastDate = null;
                    recomputeDates(dataset, pair, next);
                }
            }
            if (next.dated == 0) {
                next.firstDate = null;
                next.lastDate = null;
            }
            changedTotals.put(pairIri, next.statements());
            // Only the triples that change are written: type, actor and target stay, and often the dates.
            Set<Triple> wanted = next.statements() > 0 ? new HashSet<>(triples(pair, next)) : Set.of();
            Set<Triple> present = new HashSet<>();
            dataset.find(GRAPH, pairIri, Node.ANY, Node.ANY).forEachRemaining(q -> present.add(q.asTriple()));
            for (Triple t : present) {
                if (!wanted.contains(t)) {
                    dataset.delete(GRAPH, t.getSubject(), t.getPredicate(), t.getObject());
                }
            }
            for (Triple t : wanted) {
                if (!present.contains(t)) {
                    dataset.add(GRAPH, t.getSubject(), t.getPredicate(), t.getObject());
                }
            }
        }
        updateStrongest(dataset, strongestBefore, changedTotals);
        dataset.add(marker());
    }

    /**
     * Brings the strongest pairs in step, given those before the change with their totals and the new totals of the
     * changed pairs (0 for a pair that is gone). Every other pair kept its total, and when the set before held
     * {@link #STRONGEST} pairs or more, that total is below the old threshold: so the set follows from these
     * candidates alone unless the candidates' threshold fell below the old one.
     */
    private static void updateStrongest(DatasetGraph dataset, Map<Node, Long> before, Map<Node, Long> changedTotals) {
        Map<Node, Long> totals = new HashMap<>(before);
        totals.putAll(changedTotals);
        totals.values().removeIf(total -> total == 0);
        long threshold = strongestThreshold(totals.values().stream().mapToLong(Long::longValue).toArray());
        boolean beforeHeldEveryPair = before.size() < STRONGEST;
        long thresholdBefore = before.values().stream().mapToLong(Long::longValue).min().orElse(0);
        if (!beforeHeldEveryPair && (totals.size() < STRONGEST || threshold < thresholdBefore)) {
            totals = everyTotal(dataset);
            threshold = strongestThreshold(totals.values().stream().mapToLong(Long::longValue).toArray());
        }
        Set<Node> after = new HashSet<>();
        long cut = threshold;
        totals.forEach((pair, total) -> {
            if (total >= cut) {
                after.add(pair);
            }
        });
        before.keySet().stream().filter(pair -> !after.contains(pair)).forEach(pair -> dataset.delete(strongest(pair)));
        after.stream().filter(pair -> !before.containsKey(pair)).forEach(pair -> dataset.add(strongest(pair)));
    }

    /** The statement count of every pair of the stored summary. */
    private static Map<Node, Long> everyTotal(DatasetGraph dataset) {
        Map<Node, Long> totals = new HashMap<>();
        for (Node count : List.of(SG.supportingStatements.asNode(), SG.opposingStatements.asNode())) {
            dataset.find(GRAPH, Node.ANY, count, Node.ANY).forEachRemaining(q ->
                    totals.merge(q.getSubject(), number(q.getObject()), Long::sum));
        }
        totals.values().removeIf(total -> total == 0);
        return totals;
    }

    /** The {@link #STRONGEST}th largest of the totals, or the smallest when there are fewer; 0 when there are none. */
    static long strongestThreshold(long[] totals) {
        if (totals.length == 0) {
            return 0;
        }
        long[] sorted = totals.clone();
        Arrays.sort(sorted);
        return sorted[Math.max(0, sorted.length - STRONGEST)];
    }

    /**
     * True when a removed date may have been the stored first or last date. Removed dates strictly between them
     * leave both in place: the statements that gave them were not removed.
     */
    private static boolean mayHaveHeldExtremes(Tally stored, Tally removed) {
        return stored.firstDate == null || stored.lastDate == null
                || compareDates(removed.firstDate, stored.firstDate) <= 0 || compareDates(removed.lastDate, stored.lastDate) >= 0;
    }

    /** Sets the first and last date of {@code pair} from the statements now in the store, found by their target. */
    private static void recomputeDates(DatasetGraph dataset, Pair pair, Tally tally) {
        dataset.find(Node.ANY, Node.ANY, TARGET, pair.target()).forEachRemaining(quad -> {
            Node graph = quad.getGraph();
            Node statement = quad.getSubject();
            if (GRAPH.equals(graph) || !dataset.contains(graph, statement, ACTOR, pair.actor())
                    || !(dataset.contains(graph, statement, STANCE_CLASS, SUPPORT) || dataset.contains(graph, statement, STANCE_CLASS, OPPOSE))
                    || !dataset.find(graph, statement, DERIVED_FROM, Node.ANY).hasNext()) {
                return;
            }
            dataset.find(graph, statement, DATE, Node.ANY).forEachRemaining(d -> tally.widenDates(d.getObject(), d.getObject()));
        });
    }

    /**
     * True when the store holds support or opposition statements but no summary, or a summary without its strongest
     * pairs: it was written before the summary, or before the strongest pairs, existed.
     */
    static boolean missing(DatasetGraph dataset) {
        boolean withoutSummary = !dataset.contains(marker())
                && (dataset.find(Node.ANY, Node.ANY, STANCE_CLASS, SUPPORT).hasNext()
                        || dataset.find(Node.ANY, Node.ANY, STANCE_CLASS, OPPOSE).hasNext());
        // A summary written before the strongest pairs were linked has pairs and no link.
        boolean withoutStrongest = dataset.find(GRAPH, Node.ANY, SG.pairActor.asNode(), Node.ANY).hasNext()
                && !dataset.find(GRAPH, GRAPH, STRONGEST_PAIR, Node.ANY).hasNext();
        return withoutSummary || withoutStrongest;
    }

    /**
     * Recomputes the whole summary from the statements of every named graph. Call inside a write transaction.
     * A store without support or opposition statements is left without a summary graph, so that writes of
     * other data (through the server) add no graph of ours.
     */
    static void rebuild(DatasetGraph dataset) {
        Sums sums = sumOfStatements(dataset);
        dataset.deleteAny(GRAPH, Node.ANY, Node.ANY, Node.ANY);
        if (!sums.isEmpty()) {
            sums.forEachQuad(dataset::add);
        }
    }

    /**
     * The pairs whose stored summary differs from what the statements give (a pair missing on either side
     * counts): none when the summary is right. Call inside a transaction.
     */
    static Set<Node> pairsOutOfStep(DatasetGraph dataset) {
        Set<Quad> expected = new HashSet<>();
        sumOfStatements(dataset).forEachQuad(expected::add);
        Set<Quad> stored = new HashSet<>();
        dataset.find(GRAPH, Node.ANY, Node.ANY, Node.ANY).forEachRemaining(stored::add);
        // The marker only says that a summary was written; an empty store may hold none.
        expected.remove(marker());
        stored.remove(marker());
        Set<Node> differing = new TreeSet<>(Comparator.comparing(Node::toString));
        expected.stream().filter(q -> !stored.contains(q)).forEach(q -> differing.add(q.getSubject()));
        stored.stream().filter(q -> !expected.contains(q)).forEach(q -> differing.add(q.getSubject()));
        return differing;
    }

    private static Sums sumOfStatements(DatasetGraph dataset) {
        Set<Node> graphs = new LinkedHashSet<>();
        for (Node stanceClass : List.of(SUPPORT, OPPOSE)) {
            dataset.find(Node.ANY, Node.ANY, STANCE_CLASS, stanceClass).forEachRemaining(q -> {
                if (!q.isDefaultGraph() && !GRAPH.equals(q.getGraph())) {
                    graphs.add(q.getGraph());
                }
            });
        }
        Sums sums = new Sums();
        graphs.forEach(g -> sums.addGraph(dataset.getGraph(g)));
        return sums;
    }

    private static Quad strongest(Node pairIri) {
        return Quad.create(GRAPH, GRAPH, STRONGEST_PAIR, pairIri);
    }

    private static Quad marker() {
        return Quad.create(GRAPH, GRAPH, RDF.Nodes.type, SG.StanceSummary.asNode());
    }

    private static Tally read(DatasetGraph dataset, Node pairIri) {
        Tally tally = new Tally();
        dataset.find(GRAPH, pairIri, Node.ANY, Node.ANY).forEachRemaining(q -> {
            Node p = q.getPredicate();
            Node o = q.getObject();
            if (p.equals(SG.supportingStatements.asNode())) {
                tally.supporting = number(o);
            } else if (p.equals(SG.opposingStatements.asNode())) {
                tally.opposing = number(o);
            } else if (p.equals(SG.datedStatements.asNode())) {
                tally.dated = number(o);
            } else if (p.equals(SG.articleCount.asNode())) {
                tally.articles = number(o);
            } else if (p.equals(SG.firstDate.asNode())) {
                tally.firstDate = o;
            } else if (p.equals(SG.lastDate.asNode())) {
                tally.lastDate = o;
            }
        });
        return tally;
    }

    private static List<Triple> triples(Pair pair, Tally tally) {
        Node s = pair.iri();
        List<Triple> triples = new ArrayList<>(9);
        triples.add(Triple.create(s, RDF.Nodes.type, SG.StancePair.asNode()));
        triples.add(Triple.create(s, SG.pairActor.asNode(), pair.actor()));
        triples.add(Triple.create(s, SG.pairTarget.asNode(), pair.target()));
        triples.add(Triple.create(s, SG.supportingStatements.asNode(), integer(tally.supporting)));
        triples.add(Triple.create(s, SG.opposingStatements.asNode(), integer(tally.opposing)));
        triples.add(Triple.create(s, SG.datedStatements.asNode(), integer(tally.dated)));
        triples.add(Triple.create(s, SG.articleCount.asNode(), integer(tally.articles)));
        if (tally.firstDate != null) {
            triples.add(Triple.create(s, SG.firstDate.asNode(), tally.firstDate));
            triples.add(Triple.create(s, SG.lastDate.asNode(), tally.lastDate));
        }
        return triples;
    }

    /** The order SPARQL's MIN and MAX use. */
    private static int compareDates(Node a, Node b) {
        return NodeValue.compareAlways(NodeValue.makeNode(a), NodeValue.makeNode(b));
    }

    private static Node integer(long value) {
        return NodeFactory.createLiteralDT(Long.toString(value), XSDDatatype.XSDinteger);
    }

    private static long number(Node literal) {
        return Long.parseLong(literal.getLiteralLexicalForm());
    }
}
