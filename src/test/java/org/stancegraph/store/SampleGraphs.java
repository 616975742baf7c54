package org.stancegraph.store;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stancegraph.vocab.SG;

/**
 * A small dictionary and two article graphs in the project's RDF layout, written for
 * tests (the article texts are made up). The constants say what the graphs hold, so
 * tests can check counts against them.
 */
public final class SampleGraphs {
    private SampleGraphs() {}

    public static final String ARTICLE_1 = SG.ARTICLE_NS + "1111111111111111";
    public static final String ARTICLE_1_ID = "001_1111111111111111";
    public static final String ARTICLE_1_BODY = "Turkey backed Azerbaijan. Armenia condemned Turkey over the fighting.";
    public static final String ARTICLE_2 = SG.ARTICLE_NS + "2222222222222222";
    public static final String ARTICLE_2_ID = "002_2222222222222222";
    public static final String ARTICLE_2_BODY = "Erdogan told the OSCE that Turkey stands with Azerbaijan.";

    /** rdf:type counts in the dictionary, one entry per actor class. */
    public static final int STATES = 3, DE_FACTO_STATES = 1, ORGANISATIONS = 1, ALLIANCES = 2, BODIES = 1, PERSONS = 1;
    public static final int ACTORS = STATES + DE_FACTO_STATES + ORGANISATIONS + ALLIANCES + BODIES + PERSONS;
    /** Mentions of Turkey: twice in article 1, once in article 2. */
    public static final int TURKEY_MENTIONS_ARTICLE_1 = 2;

    public static Resource actor(Model m, String key) {
        return m.createResource(SG.ACTOR_NS + key);
    }

    public static Graph dictionary() {
        Model m = ModelFactory.createDefaultModel();
        entry(m, "turkey", SG.State, "Turkey", "Q43").addProperty(SG.memberOf, actor(m, "nato"));
        entry(m, "azerbaijan", SG.State, "Azerbaijan", "Q227").addProperty(SG.memberOf, actor(m, "osce"));
        entry(m, "armenia", SG.State, "Armenia", "Q399").addProperty(SG.memberOf, actor(m, "osce"));
        entry(m, "republic-of-artsakh", SG.DeFactoState, "Republic of Artsakh", null);
        entry(m, "osce", SG.InternationalOrganisation, "Organization for Security and Co-operation in Europe", "Q81299")
                .addProperty(SG.abbreviation, "OSCE");
        entry(m, "csto", SG.MilitaryAlliance, "Collective Security Treaty Organization", "Q318693")
                .addProperty(SG.abbreviation, "CSTO");
        entry(m, "nato", SG.MilitaryAlliance, "NATO", "Q7184");
        entry(m, "osce-minsk-group", SG.OrganisationBody, "OSCE Minsk Group", null)
                .addProperty(SG.partOf, actor(m, "osce"));
        Resource erdogan = entry(m, "recep-tayyip-erdogan", SG.Person, "Recep Tayyip Erdoğan", "Q39259");
        Resource role = m.createResource(SG.ROLE_NS + "head-of-state")
                .addProperty(RDF.type, SG.Role).addProperty(RDFS.label, "head of state", "en");
        m.createResource(SG.OFFICE_NS + "recep-tayyip-erdogan--head-of-state--turkey--2014-08-28")
                .addProperty(RDF.type, SG.Office)
                .addProperty(SG.orgMember, erdogan)
                .addProperty(SG.orgOrganization, actor(m, "turkey"))
                .addProperty(SG.orgRole, role)
                .addProperty(RDFS.label, "President of Turkey", "en")
                .addProperty(SG.schemaStartDate, "2014-08-28", XSDDatatype.XSDdate);
        return m.getGraph();
    }

    private static Resource entry(Model m, String key, Resource type, String label, String qid) {
        Resource r = actor(m, key).addProperty(RDF.type, type).addProperty(RDFS.label, label, "en");
        if (qid != null) {
            r.addProperty(SG.wikidataId, qid).addProperty(SG.owlSameAs, m.createResource(SG.wikidataIri(qid)));
        }
        return r;
    }

    public static Graph article1() {
        Model m = ModelFactory.createDefaultModel();
        Resource art = article(m, ARTICLE_1, ARTICLE_1_ID, ARTICLE_1_BODY, "Fighting resumes", "2020-09-28");
        mention(m, art, ARTICLE_1_BODY, "Turkey", 0, "turkey");
        mention(m, art, ARTICLE_1_BODY, "Azerbaijan", 0, "azerbaijan");
        mention(m, art, ARTICLE_1_BODY, "Armenia", 0, "armenia");
        mention(m, art, ARTICLE_1_BODY, "Turkey", 1, "turkey");
        int sentence = ARTICLE_1_BODY.indexOf("Armenia");
        m.createResource(SG.statementIri(ARTICLE_1, sentence, "armenia", "condemn", "turkey"))
                .addProperty(RDF.type, SG.Statement)
                .addProperty(SG.provWasDerivedFrom, art)
                .addProperty(SG.actor, actor(m, "armenia"))
                .addProperty(SG.stance, m.createResource(SG.stanceIri("condemn")))
                .addProperty(SG.stanceClass, m.createResource(SG.stanceIri("oppose")))
                .addProperty(SG.target, actor(m, "turkey"))
                .addProperty(SG.cameoCode, "111")
                .addLiteral(SG.nifBeginIndex, m.createTypedLiteral(sentence, XSDDatatype.XSDinteger))
                .addProperty(SG.confidence, "0.85", XSDDatatype.XSDdecimal);
        // An article-reported membership, as ally/member statements write it.
        actor(m, "armenia").addProperty(SG.memberOf, actor(m, "csto"));
        return m.getGraph();
    }

    public static Graph article2() {
        Model m = ModelFactory.createDefaultModel();
        Resource art = article(m, ARTICLE_2, ARTICLE_2_ID, ARTICLE_2_BODY, "Talks at the OSCE", "2020-10-02");
        mention(m, art, ARTICLE_2_BODY, "Erdogan", 0, "recep-tayyip-erdogan");
        mention(m, art, ARTICLE_2_BODY, "OSCE", 0, "osce");
        mention(m, art, ARTICLE_2_BODY, "Turkey", 0, "turkey");
        mention(m, art, ARTICLE_2_BODY, "Azerbaijan", 0, "azerbaijan");
        return m.getGraph();
    }

    /** Number of sg:Mention resources in both articles. */
    public static int mentionCount() {
        return countOf(article1(), SG.Mention) + countOf(article2(), SG.Mention);
    }

    public static int countOf(Graph graph, Resource type) {
        return ModelFactory.createModelForGraph(graph).listSubjectsWithProperty(RDF.type, type).toList().size();
    }

    /** Loads the dictionary and both articles into {@code store}. */
    public static Store fill(Store store) {
        store.replaceGraph(SG.DICTIONARY_GRAPH, dictionary());
        store.replaceArticle(ARTICLE_1, ARTICLE_1_ID, article1());
        store.replaceArticle(ARTICLE_2, ARTICLE_2_ID, article2());
        return store;
    }

    private static Resource article(Model m, String iri, String id, String body, String title, String date) {
        return m.createResource(iri)
                .addProperty(RDF.type, SG.Article)
                .addProperty(RDF.type, m.createResource(SG.SCHEMA + "NewsArticle"))
                .addProperty(SG.articleId, id)
                .addProperty(SG.dctermsTitle, title)
                .addProperty(SG.dctermsIssued, date, XSDDatatype.XSDdate)
                .addProperty(SG.dcPublisher, "Test Outlet")
                .addProperty(SG.dcCreator, "A. Writer")
                .addProperty(SG.schemaUrl, m.createResource("https://example.org/news/" + id))
                .addProperty(SG.dctermsLanguage, "en")
                .addProperty(SG.schemaArticleBody, body);
    }

    private static void mention(Model m, Resource art, String body, String anchor, int occurrence, String actorKey) {
        int begin = -1;
        for (int i = 0; i <= occurrence; i++) {
            begin = body.indexOf(anchor, begin + 1);
        }
        if (begin < 0) {
            throw new IllegalArgumentException(anchor + " #" + occurrence + " not in the text");
        }
        int end = begin + anchor.length();
        // The count per article and actor, as a load in either mode writes it beside the mentions kept in full.
        Resource counted = m.createResource(SG.actorMentionsIri(art.getURI(), actor(m, actorKey).getURI()));
        Statement count = counted.getProperty(SG.mentionCount);
        Statement first = counted.getProperty(SG.firstBeginIndex);
        int mentionsBefore = count == null ? 0 : count.getInt();
        int firstBegin = first == null ? begin : Math.min(first.getInt(), begin);
        counted.removeAll(SG.mentionCount).removeAll(SG.firstBeginIndex)
                .addProperty(SG.inArticle, art)
                .addProperty(SG.refersTo, actor(m, actorKey))
                .addLiteral(SG.mentionCount, m.createTypedLiteral(mentionsBefore + 1, XSDDatatype.XSDinteger))
                .addLiteral(SG.firstBeginIndex, m.createTypedLiteral(firstBegin, XSDDatatype.XSDinteger));
        m.createResource(SG.mentionIri(art.getURI(), begin, end))
                .addProperty(RDF.type, SG.Mention)
                .addProperty(SG.inArticle, art)
                .addLiteral(SG.nifBeginIndex, m.createTypedLiteral(begin, XSDDatatype.XSDinteger))
                .addLiteral(SG.nifEndIndex, m.createTypedLiteral(end, XSDDatatype.XSDinteger))
                .addProperty(SG.nifAnchorOf, anchor)
                .addProperty(SG.refersTo, actor(m, actorKey))
                .addProperty(SG.standsFor, actor(m, actorKey))
                .addProperty(SG.mentionKind, "name");
    }
}
