package org.stancegraph.export;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * A small store following the RDF layout: an ontology graph (with an owl:unionOf list,
 * so blank nodes), a dictionary of six actors and three article graphs: A issued
 * 2020-09-28, B issued 2020-10-05, C without a date.
 *
 * <p>Network statements (class: actor → targets):
 * A: support turkey→azerbaijan; oppose turkey→armenia; ally russia→armenia; member armenia→csto;
 *    appeal france→armenia,azerbaijan (not a network class).
 * B: support turkey→azerbaijan; deny azerbaijan→armenia; oppose turkey→armenia,france.
 * C: support russia→armenia.
 */
public final class ExportFixture {
    static final String A = SG.ARTICLE_NS + "aaaaaaaaaaaaaaaa";
    static final String B = SG.ARTICLE_NS + "bbbbbbbbbbbbbbbb";
    static final String C = SG.ARTICLE_NS + "cccccccccccccccc";

    private ExportFixture() {}

    /** A store holding the fixture; {@code reversed} loads graphs and triples in the opposite order. */
    static Store store(boolean reversed) {
        return load(Store.inMemory(), reversed);
    }

    /** Loads the fixture into {@code store} and returns it. */
    public static Store load(Store store, boolean reversed) {
        List<Runnable> loads = new ArrayList<>(List.of(
                () -> store.replaceGraph(SG.ONTOLOGY_GRAPH, order(ontology(), reversed)),
                () -> store.replaceGraph(SG.DICTIONARY_GRAPH, order(dictionary(), reversed)),
                () -> store.replaceArticle(A, "000_a", order(articleA(), reversed)),
                () -> store.replaceArticle(B, "001_b", order(articleB(), reversed)),
                () -> store.replaceArticle(C, "002_c", order(articleC(), reversed))));
        if (reversed) {
            Collections.reverse(loads);
        }
        loads.forEach(Runnable::run);
        return store;
    }

    static Node actor(String key) {
        return uri(SG.ACTOR_NS + key);
    }

    private static Graph ontology() {
        Graph g = GraphFactory.createDefaultGraph();
        Node actorClass = SG.Actor.asNode();
        add(g, actorClass, RDF.Nodes.type, OWL.Class.asNode());
        add(g, actorClass, RDFS.Nodes.label, NodeFactory.createLiteralLang("actor", "en"));
        // Actor ≡ State ⊔ Person: an RDF list, hence blank nodes the store labels at random.
        Node union = NodeFactory.createBlankNode();
        Node first = NodeFactory.createBlankNode();
        Node second = NodeFactory.createBlankNode();
        add(g, actorClass, OWL.equivalentClass.asNode(), union);
        add(g, union, RDF.Nodes.type, OWL.Class.asNode());
        add(g, union, OWL.unionOf.asNode(), first);
        add(g, first, RDF.Nodes.first, SG.State.asNode());
        add(g, first, RDF.Nodes.rest, second);
        add(g, second, RDF.Nodes.first, SG.Person.asNode());
        add(g, second, RDF.Nodes.rest, RDF.Nodes.nil);
        for (String stance : List.of("support", "oppose", "appeal", "mediate", "deny", "ally", "member")) {
            add(g, uri(SG.stanceIri(stance)), RDF.Nodes.type, SG.StanceClass.asNode());
            add(g, uri(SG.stanceIri(stance)), SG.skosPrefLabel.asNode(), NodeFactory.createLiteralLang(stance, "en"));
        }
        return g;
    }

    private static Graph dictionary() {
        Graph g = GraphFactory.createDefaultGraph();
        actor(g, "turkey", SG.State.asNode(), "Turkey", "Q43");
        actor(g, "azerbaijan", SG.State.asNode(), "Azerbaijan", "Q227");
        actor(g, "armenia", SG.State.asNode(), "Armenia", "Q399");
        actor(g, "russia", SG.State.asNode(), "Russia", "Q159");
        actor(g, "france", SG.State.asNode(), "France", "Q142");
        actor(g, "csto", SG.MilitaryAlliance.asNode(), "Collective Security Treaty Organization", "Q318693");
        add(g, actor("azerbaijan"), SG.demonym.asNode(), NodeFactory.createLiteralLang("Azeri", "en"));
        add(g, actor("armenia"), SG.memberOf.asNode(), actor("csto"));
        return g;
    }

    private static void actor(Graph g, String key, Node type, String label, String qid) {
        add(g, actor(key), RDF.Nodes.type, type);
        add(g, actor(key), RDFS.Nodes.label, NodeFactory.createLiteralLang(label, "en"));
        add(g, actor(key), SG.wikidataId.asNode(), NodeFactory.createLiteralString(qid));
        add(g, actor(key), SG.owlSameAs.asNode(), uri(SG.wikidataIri(qid)));
    }

    private static Graph articleA() {
        Graph g = article(A, "000_a", "2020-09-28");
        statement(g, A, 10, "turkey", "pledge-support", "support", "azerbaijan");
        statement(g, A, 50, "turkey", "condemn", "oppose", "armenia");
        statement(g, A, 90, "russia", "alliance", "ally", "armenia");
        add(g, actor("russia"), SG.alliedWith.asNode(), actor("armenia"));
        statement(g, A, 130, "armenia", "membership", "member", "csto");
        add(g, actor("armenia"), SG.memberOf.asNode(), actor("csto"));
        statement(g, A, 170, "france", "call-for-ceasefire", "appeal", "armenia", "azerbaijan");
        return g;
    }

    private static Graph articleB() {
        Graph g = article(B, "001_b", "2020-10-05");
        statement(g, B, 10, "turkey", "praise", "support", "azerbaijan");
        statement(g, B, 60, "azerbaijan", "deny-accusation", "deny", "armenia");
        statement(g, B, 110, "turkey", "accuse", "oppose", "armenia", "france");
        return g;
    }

    private static Graph articleC() {
        Graph g = article(C, "002_c", null);
        statement(g, C, 5, "russia", "defend-verbally", "support", "armenia");
        return g;
    }

    private static Graph article(String iri, String id, String issued) {
        Graph g = GraphFactory.createDefaultGraph();
        Node art = uri(iri);
        add(g, art, RDF.Nodes.type, SG.Article.asNode());
        add(g, art, SG.articleId.asNode(), NodeFactory.createLiteralString(id));
        add(g, art, SG.dctermsTitle.asNode(), NodeFactory.createLiteralString("Test article " + id + " with \"quotes\", commas and ünïcode"));
        if (issued != null) {
            add(g, art, SG.dctermsIssued.asNode(), NodeFactory.createLiteralDT(issued, XSDDatatype.XSDdate));
        }
        return g;
    }

    private static void statement(Graph g, String article, int begin, String actorKey, String stance, String stanceClass,
                                  String... targets) {
        Node s = uri(SG.statementIri(article, begin, actorKey, stance, String.join("+", targets)));
        add(g, s, RDF.Nodes.type, SG.Statement.asNode());
        add(g, s, SG.provWasDerivedFrom.asNode(), uri(article));
        add(g, s, SG.actor.asNode(), actor(actorKey));
        add(g, s, SG.stance.asNode(), uri(SG.stanceIri(stance)));
        add(g, s, SG.stanceClass.asNode(), uri(SG.stanceIri(stanceClass)));
        for (String target : targets) {
            add(g, s, SG.target.asNode(), actor(target));
        }
        add(g, s, SG.sentence.asNode(), NodeFactory.createLiteralString("Sentence at " + begin + "."));
        add(g, s, SG.nifBeginIndex.asNode(), NodeFactory.createLiteralDT(Integer.toString(begin), XSDDatatype.XSDinteger));
        add(g, s, SG.confidence.asNode(), NodeFactory.createLiteralDT("0.85", XSDDatatype.XSDdecimal));
    }

    private static Graph order(Graph g, boolean reversed) {
        List<Triple> triples = new ArrayList<>(g.find().toList());
        if (reversed) {
            Collections.reverse(triples);
        }
        Graph copy = GraphFactory.createDefaultGraph();
        triples.forEach(copy::add);
        return copy;
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }
}
