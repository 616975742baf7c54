package org.stancegraph.store;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stancegraph.vocab.SG;

/**
 * Small graphs in the layout of the common brief: a dictionary of a few actors and one
 * article with two mentions and two statements (a targeted support and an untargeted
 * appeal). The article text is invented for the tests.
 */
public final class BriefGraphs {
    private BriefGraphs() {}

    static final String BODY = "Turkey pledged full support to Azerbaijan on Monday. "
            + "Omer Celik said Ankara stands with Baku. The United Nations urged both sides to stop fighting.";
    static final String HASH = sha256(BODY);
    public static final String ARTICLE = SG.articleIri(HASH);

    static final Resource turkey = actor("turkey");
    static final Resource azerbaijan = actor("azerbaijan");
    static final Resource unitedNations = actor("united-nations");
    static final Resource omerCelik = actor("omer-celik");
    static final Resource spokesperson = ResourceFactory.createResource(SG.ROLE_NS + "spokesperson");
    static final Resource celikOffice = ResourceFactory.createResource(SG.OFFICE_NS + "omer-celik--spokesperson--turkey--2018-07-01");

    static final String FIRST_SENTENCE = "Turkey pledged full support to Azerbaijan on Monday.";
    static final String APPEAL_SENTENCE = "The United Nations urged both sides to stop fighting.";

    static Resource article() {
        return ResourceFactory.createResource(ARTICLE);
    }

    static Resource mentionOfTurkey() {
        int begin = BODY.indexOf("Turkey");
        return ResourceFactory.createResource(SG.mentionIri(ARTICLE, begin, begin + "Turkey".length()));
    }

    public static Resource supportStatement() {
        return ResourceFactory.createResource(SG.statementIri(ARTICLE, 0, "turkey", "pledge-support", "azerbaijan"));
    }

    static Resource appealStatement() {
        return ResourceFactory.createResource(SG.statementIri(ARTICLE, BODY.indexOf(APPEAL_SENTENCE), "united-nations", "call-for-ceasefire", null));
    }

    /** The dictionary graph: three actors with Wikidata links, a person and their office. */
    public static Model dictionary() {
        Model m = ModelFactory.createDefaultModel();
        state(m, turkey, "Turkey", "Q43");
        state(m, azerbaijan, "Azerbaijan", "Q227");
        m.add(unitedNations, RDF.type, SG.InternationalOrganisation)
                .add(unitedNations, RDFS.label, m.createLiteral("United Nations", "en"))
                .add(unitedNations, SG.abbreviation, "UN")
                .add(unitedNations, SG.wikidataId, "Q1065")
                .add(unitedNations, SG.owlSameAs, m.createResource(SG.wikidataIri("Q1065")));
        m.add(turkey, SG.memberOf, unitedNations).add(azerbaijan, SG.memberOf, unitedNations);
        m.add(omerCelik, RDF.type, SG.Person)
                .add(omerCelik, RDFS.label, m.createLiteral("Ömer Çelik", "en"))
                .add(omerCelik, SG.surname, m.createLiteral("Celik", "en"));
        m.add(spokesperson, RDF.type, SG.Role).add(spokesperson, RDFS.label, m.createLiteral("spokesperson", "en"));
        m.add(celikOffice, RDF.type, SG.Office)
                .add(celikOffice, SG.orgMember, omerCelik)
                .add(celikOffice, SG.orgOrganization, turkey)
                .add(celikOffice, SG.orgRole, spokesperson)
                .add(celikOffice, SG.schemaStartDate, date("2018-07-01"));
        return m;
    }

    /** The article graph: the article, a mention and two statements. */
    public static Model articleGraph() {
        Model m = ModelFactory.createDefaultModel();
        Resource art = article();
        m.add(art, RDF.type, SG.Article)
                .add(art, RDF.type, m.createResource(SG.SCHEMA + "NewsArticle"))
                .add(art, SG.articleId, "000_" + HASH.substring(0, 16))
                .add(art, SG.dctermsTitle, "Turkey backs Azerbaijan")
                .add(art, SG.dctermsIssued, date("2020-09-28"))
                .add(art, SG.dcPublisher, "Test Wire")
                .add(art, SG.dctermsLanguage, "en")
                .add(art, SG.contentHash, HASH)
                .add(art, SG.sourceFormat, "text")
                .add(art, SG.schemaArticleBody, BODY);

        int begin = BODY.indexOf("Turkey");
        Resource mention = mentionOfTurkey();
        m.add(mention, RDF.type, SG.Mention)
                .add(mention, SG.inArticle, art)
                .add(mention, SG.nifBeginIndex, integer(begin))
                .add(mention, SG.nifEndIndex, integer(begin + "Turkey".length()))
                .add(mention, SG.nifAnchorOf, "Turkey")
                .add(mention, SG.refersTo, turkey)
                .add(mention, SG.standsFor, turkey)
                .add(mention, SG.mentionKind, "name");
        Resource turkeyMentions = m.createResource(SG.actorMentionsIri(art.getURI(), turkey.getURI()));
        m.add(turkeyMentions, SG.inArticle, art)
                .add(turkeyMentions, SG.refersTo, turkey)
                .add(turkeyMentions, SG.mentionCount, integer(1))
                .add(turkeyMentions, SG.firstBeginIndex, integer(begin));

        Resource support = supportStatement();
        statement(m, support, turkey, "pledge-support", "support", "051", FIRST_SENTENCE, 0);
        m.add(support, SG.target, azerbaijan).add(support, SG.speaker, omerCelik);

        Resource appeal = appealStatement();
        statement(m, appeal, unitedNations, "call-for-ceasefire", "appeal", "0256", APPEAL_SENTENCE, BODY.indexOf(APPEAL_SENTENCE));
        return m;
    }

    /** Dictionary and article in one graph, for validating without a store. */
    static Model everything() {
        return dictionary().add(articleGraph());
    }

    static Literal integer(long value) {
        return ResourceFactory.createTypedLiteral(Long.toString(value), XSDDatatype.XSDinteger);
    }

    static Literal decimal(String value) {
        return ResourceFactory.createTypedLiteral(new BigDecimal(value));
    }

    static Literal date(String isoDate) {
        return ResourceFactory.createTypedLiteral(isoDate, XSDDatatype.XSDdate);
    }

    private static void statement(Model m, Resource s, Resource actor, String stance, String stanceClass,
                                  String cameo, String sentence, int sentenceBegin) {
        m.add(s, RDF.type, SG.Statement)
                .add(s, RDF.type, m.createResource(SG.PROV + "Entity"))
                .add(s, SG.provWasDerivedFrom, article())
                .add(s, SG.actor, actor)
                .add(s, SG.stance, m.createResource(SG.stanceIri(stance)))
                .add(s, SG.stanceClass, m.createResource(SG.stanceIri(stanceClass)))
                .add(s, SG.cameoCode, cameo)
                .add(s, SG.sentence, sentence)
                .add(s, SG.nifBeginIndex, integer(sentenceBegin))
                .add(s, SG.nifEndIndex, integer(sentenceBegin + sentence.length()))
                .add(s, SG.rule, "test-rule")
                .add(s, SG.confidence, decimal("0.85"))
                .add(s, SG.dctermsDate, date("2020-09-28"));
    }

    private static void state(Model m, Resource state, String label, String qid) {
        m.add(state, RDF.type, SG.State)
                .add(state, RDFS.label, m.createLiteral(label, "en"))
                .add(state, SG.wikidataId, qid)
                .add(state, SG.owlSameAs, m.createResource(SG.wikidataIri(qid)));
    }

    private static Resource actor(String key) {
        return ResourceFactory.createResource(SG.ACTOR_NS + key);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
