package org.stancegraph.rdf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.graph.impl.CollectionGraph;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stancegraph.actor.Mention;
import org.stancegraph.article.Article;
import org.stancegraph.stance.Statement;

/**
 * Writes one article, its mentions and its statements as the article's named graph.
 * Every node is an IRI derived from the article's content hash and character offsets,
 * so the same article always gives the same triples.
 */
public final class ArticleGraph {
    private ArticleGraph() {}

    /** The IRI of the article's graph (and of the article itself). */
    public static String iri(Article article) {
        return SG.articleIri(article.contentHash());
    }

    public static Graph build(Article article, List<Mention> mentions, List<Statement> statements) {
        // Built once, read once (stored, or written out): a set in insertion order, without the three
        // indexes of an in-memory graph, costs a fraction to fill; pattern lookups scan it.
        // Sized for the triples to come, so the set never grows (rehashing was a tenth of the building).
        int expected = 16 + TRIPLES_PER_MENTION * mentions.size() + TRIPLES_PER_STATEMENT * statements.size();
        Graph g = new CollectionGraph(new LinkedHashSet<>((int) (expected / 0.75f) + 1));
        String articleIri = iri(article);
        Node art = uri(articleIri);
        add(g, art, RDF.type.asNode(), SG.Article.asNode());
        add(g, art, RDF.type.asNode(), uri(SG.SCHEMA + "NewsArticle"));
        add(g, art, SG.articleId.asNode(), NodeFactory.createLiteralString(article.id()));
        if (!article.title().isEmpty()) {
            add(g, art, SG.dctermsTitle.asNode(), NodeFactory.createLiteralString(article.title()));
        }
        Node date = article.date().map(d -> date(d.toString())).orElse(null);
        if (date != null) {
            add(g, art, SG.dctermsIssued.asNode(), date);
        }
        article.outlet().ifPresent(o -> add(g, art, SG.dcPublisher.asNode(), NodeFactory.createLiteralString(o)));
        article.author().ifPresent(a -> add(g, art, SG.dcCreator.asNode(), NodeFactory.createLiteralString(a)));
        article.url().filter(ArticleGraph::isAbsoluteIri).ifPresent(u -> add(g, art, SG.schemaUrl.asNode(), uri(u)));
        add(g, art, SG.dctermsLanguage.asNode(), NodeFactory.createLiteralString(article.language()));
        add(g, art, SG.contentHash.asNode(), NodeFactory.createLiteralString(article.contentHash()));
        add(g, art, SG.sourceFormat.asNode(), NodeFactory.createLiteralString(article.sourceFormat()));
        add(g, art, SG.schemaArticleBody.asNode(), NodeFactory.createLiteralString(article.text()));

        for (Mention m : mentions) {
            Node node = uri(SG.mentionIri(articleIri, m.begin(), m.end()));
            add(g, node, RDF.type.asNode(), SG.Mention.asNode());
            add(g, node, SG.inArticle.asNode(), art);
            add(g, node, SG.nifBeginIndex.asNode(), integer(m.begin()));
            add(g, node, SG.nifEndIndex.asNode(), integer(m.end()));
            add(g, node, SG.nifAnchorOf.asNode(), NodeFactory.createLiteralString(m.surface()));
            add(g, node, SG.refersTo.asNode(), uri(m.refersTo()));
            m.standsFor().ifPresent(s -> add(g, node, SG.standsFor.asNode(), uri(s)));
            add(g, node, SG.mentionKind.asNode(), NodeFactory.createLiteralString(m.kind().key()));
            m.viaOffice().ifPresent(o -> add(g, node, SG.viaOffice.asNode(), uri(o)));
            if (m.unlisted()) {
                addUnlistedPerson(g, art, node, m);
            }
        }

        for (Statement s : statements) {
            Node node = uri(SG.statementIri(articleIri, s.sentenceBegin(), local(s.actor()), s.stance(),
                    s.target().map(ArticleGraph::local).orElse(null)));
            add(g, node, RDF.type.asNode(), SG.Statement.asNode());
            add(g, node, RDF.type.asNode(), uri(SG.PROV + "Entity"));
            add(g, node, SG.provWasDerivedFrom.asNode(), art);
            add(g, node, SG.actor.asNode(), uri(s.actor()));
            s.speaker().ifPresent(p -> add(g, node, SG.speaker.asNode(), uri(p)));
            add(g, node, SG.stance.asNode(), stance(s.stance()));
            add(g, node, SG.stanceClass.asNode(), stance(s.stanceClass()));
            s.target().ifPresent(t -> add(g, node, SG.target.asNode(), uri(t)));
            if (!s.cameo().isEmpty()) {
                add(g, node, SG.cameoCode.asNode(), NodeFactory.createLiteralString(s.cameo()));
            }
            s.quote().ifPresent(q -> {
                add(g, node, SG.quote.asNode(), NodeFactory.createLiteralString(q));
                add(g, node, SG.quoteBegin.asNode(), integer(s.quoteBegin()));
                add(g, node, SG.quoteEnd.asNode(), integer(s.quoteEnd()));
            });
            add(g, node, SG.sentence.asNode(), NodeFactory.createLiteralString(s.sentence()));
            add(g, node, SG.nifBeginIndex.asNode(), integer(s.sentenceBegin()));
            add(g, node, SG.nifEndIndex.asNode(), integer(s.sentenceEnd()));
            add(g, node, SG.rule.asNode(), NodeFactory.createLiteralString(s.rule()));
            add(g, node, SG.confidence.asNode(), confidence(s.confidence()));
            if (date != null) {
                add(g, node, SG.dctermsDate.asNode(), date);
            }
            // Alliances and memberships are also direct edges, so that a query needs no statement node.
            if (s.stanceClass().equals("ally")) {
                s.target().ifPresent(t -> add(g, uri(s.actor()), SG.alliedWith.asNode(), uri(t)));
            } else if (s.stanceClass().equals("member")) {
                s.target().ifPresent(t -> add(g, uri(s.actor()), SG.memberOf.asNode(), uri(t)));
            }
        }
        return g;
    }

    /**
     * A person the dictionary lacks, as the article names them, and the office the article states
     * as a W3C ORG membership, so that link can look them up by name, state and date.
     */
    private static void addUnlistedPerson(Graph g, Node art, Node mention, Mention m) {
        Node person = uri(m.refersTo());
        add(g, person, RDF.type.asNode(), SG.Person.asNode());
        add(g, person, RDF.type.asNode(), SG.UnlistedPerson.asNode());
        add(g, person, RDFS.label.asNode(), NodeFactory.createLiteralString(m.surface()));
        Node office = uri(SG.statedOfficeIri(mention.getURI()));
        add(g, office, RDF.type.asNode(), uri(SG.ORG + "Membership"));
        add(g, office, SG.orgMember.asNode(), person);
        m.standsFor().ifPresent(o -> add(g, office, SG.orgOrganization.asNode(), uri(o)));
        add(g, office, SG.orgRole.asNode(), uri(m.statedRole().orElseThrow()));
        add(g, office, SG.provWasDerivedFrom.asNode(), art);
    }

    private static String local(String iri) {
        return iri.substring(iri.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
    }

    private static boolean isAbsoluteIri(String s) {
        return s.matches("(?i)https?://[^\\s<>\"{}|\\\\^`]+");
    }

    private static Node uri(String iri) {
        return NodeFactory.createURI(iri);
    }

    /** At most this many triples per mention and per statement (an unlisted person's included), for sizing. */
    private static final int TRIPLES_PER_MENTION = 19;
    private static final int TRIPLES_PER_STATEMENT = 20;

    /*
     * Stances and confidences are few and repeat in every article: their nodes are made once. Nodes are
     * immutable values, and the maps publish them safely to every thread.
     */
    private static final Map<String, Node> STANCE_NODES = new ConcurrentHashMap<>();
    private static final Map<Double, Node> CONFIDENCE_NODES = new ConcurrentHashMap<>();

    private static Node stance(String key) {
        return STANCE_NODES.computeIfAbsent(key, k -> uri(SG.stanceIri(k)));
    }

    private static Node confidence(double confidence) {
        return CONFIDENCE_NODES.computeIfAbsent(confidence, c -> NodeFactory.createLiteralDT(
                BigDecimal.valueOf(c).setScale(2, RoundingMode.HALF_UP).toPlainString(), XSDDatatype.XSDdecimal));
    }

    private static Node integer(int i) {
        return NodeFactory.createLiteralDT(Integer.toString(i), XSDDatatype.XSDinteger);
    }

    private static Node date(String isoDate) {
        return NodeFactory.createLiteralDT(isoDate, XSDDatatype.XSDdate);
    }

    private static void add(Graph g, Node s, Node p, Node o) {
        g.add(Triple.create(s, p, o));
    }
}
