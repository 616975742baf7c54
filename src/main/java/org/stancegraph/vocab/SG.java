package org.stancegraph.vocab;

import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.ResourceFactory;

/**
 * Every IRI that StanceGraph mints or reads, in one place. The terms of our own
 * ontology ({@link #NS}) are declared, labelled and commented in
 * {@code ontology/stancegraph.ttl}; standard vocabularies are named here only for
 * the terms we use. Data IRIs are built by the {@code iri*} helpers so that the
 * same input always gives the same IRI.
 */
public final class SG {
    private SG() {}

    public static final String BASE = "https://w3id.org/stancegraph/";
    /** Our ontology namespace, prefix {@code sg:}. */
    public static final String NS = BASE + "ontology#";
    /** Stance concepts (a SKOS scheme), prefix {@code sgs:}. */
    public static final String STANCE_NS = BASE + "stance/";
    /** Roles that people hold (head of state, foreign minister, ...), prefix {@code sgr:}. */
    public static final String ROLE_NS = BASE + "role/";
    /** Actors of the dictionary, prefix {@code sga:}. */
    public static final String ACTOR_NS = BASE + "actor/";
    /** Offices (a person's term in a role), prefix {@code sgo:}. */
    public static final String OFFICE_NS = BASE + "office/";
    /** Articles and everything extracted from them, prefix {@code sgd:}. */
    public static final String ARTICLE_NS = BASE + "article/";
    /** Named graphs that are not articles. */
    public static final String GRAPH_NS = BASE + "graph/";

    public static final String WD = "http://www.wikidata.org/entity/";
    public static final String WDT = "http://www.wikidata.org/prop/direct/";
    /** Wikidata statement nodes of a property ({@code p:P39}). */
    public static final String WIKIDATA_P = "http://www.wikidata.org/prop/";
    /** Wikidata statement values ({@code ps:P39}). */
    public static final String WIKIDATA_PS = "http://www.wikidata.org/prop/statement/";
    /** Wikidata qualifiers ({@code pq:P580}). */
    public static final String WIKIDATA_PQ = "http://www.wikidata.org/prop/qualifier/";
    public static final String WIKIBASE = "http://wikiba.se/ontology#";
    public static final String PROV = "http://www.w3.org/ns/prov#";
    public static final String ORG = "http://www.w3.org/ns/org#";
    public static final String SKOS = "http://www.w3.org/2004/02/skos/core#";
    public static final String SCHEMA = "https://schema.org/";
    public static final String DCTERMS = "http://purl.org/dc/terms/";
    public static final String DC = "http://purl.org/dc/elements/1.1/";
    public static final String FOAF = "http://xmlns.com/foaf/0.1/";
    public static final String NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#";
    public static final String OWL = "http://www.w3.org/2002/07/owl#";
    public static final String XSD = "http://www.w3.org/2001/XMLSchema#";

    /** Named graph holding the actor dictionary. */
    public static final String DICTIONARY_GRAPH = GRAPH_NS + "dictionary";
    /** Named graph holding the ontology and the stance scheme. */
    public static final String ONTOLOGY_GRAPH = GRAPH_NS + "ontology";
    /** Named graph holding the Wikidata links found by {@code stancegraph link}, apart from the checked dictionary. */
    public static final String LINKS_GRAPH = GRAPH_NS + "links";
    /** Wikidata link records, one per linked actor. */
    public static final String LINK_NS = BASE + "link/";
    /**
     * Named graph holding the stance summary: one {@link #StancePair} per (actor, target) with the
     * counts and dates of its support and opposition statements, kept in step with the articles by the store.
     */
    public static final String SUMMARY_GRAPH = GRAPH_NS + "summary";
    /** Stance pairs of the summary graph, one per (actor, target). */
    public static final String SUMMARY_NS = BASE + "summary/";

    // ---- classes of our ontology
    public static final Resource Actor = cls("Actor");
    public static final Resource State = cls("State");
    public static final Resource DeFactoState = cls("DeFactoState");
    public static final Resource InternationalOrganisation = cls("InternationalOrganisation");
    public static final Resource MilitaryAlliance = cls("MilitaryAlliance");
    public static final Resource OrganisationBody = cls("OrganisationBody");
    public static final Resource ArmedGroup = cls("ArmedGroup");
    public static final Resource Person = cls("Person");
    public static final Resource UnlistedPerson = cls("UnlistedPerson");
    public static final Resource Office = cls("Office");
    public static final Resource Role = cls("Role");
    public static final Resource Article = cls("Article");
    public static final Resource Mention = cls("Mention");
    public static final Resource ActorMentions = cls("ActorMentions");
    public static final Resource Statement = cls("Statement");
    public static final Resource StanceClass = cls("StanceClass");
    public static final Resource WikidataLink = cls("WikidataLink");
    public static final Resource StancePair = cls("StancePair");
    public static final Resource StanceSummary = cls("StanceSummary");

    // ---- actors and offices
    /** Literal alias used by news (spellings, abbreviations); lexical forms live in skos:altLabel too. */
    public static final Property demonym = prop("demonym");
    public static final Property metonym = prop("metonym");
    public static final Property abbreviation = prop("abbreviation");
    public static final Property surname = prop("surname");
    /** Name of the region a de-facto state holds ("Nagorno-Karabakh"), kept apart from its labels. */
    public static final Property partOf = prop("partOf");
    public static final Property memberOf = prop("memberOf");
    public static final Property alliedWith = prop("alliedWith");
    public static final Property speaksFor = prop("speaksFor");
    public static final Property wikidataId = prop("wikidataId");
    /** Name of the territory a (de-facto) state holds, e.g. "Nagorno-Karabakh": a place, not the actor speaking. */
    public static final Property territoryName = prop("territoryName");

    // ---- articles
    public static final Property articleId = prop("articleId");
    public static final Property contentHash = prop("contentHash");
    public static final Property sourceFormat = prop("sourceFormat");

    // ---- provenance of extraction
    public static final Property knowledgeFingerprint = prop("knowledgeFingerprint");

    // ---- mentions
    public static final Property refersTo = prop("refersTo");
    public static final Property standsFor = prop("standsFor");
    public static final Property mentionKind = prop("mentionKind");
    public static final Property viaOffice = prop("viaOffice");
    public static final Property inArticle = prop("inArticle");
    public static final Property mentionCount = prop("mentionCount");
    public static final Property firstBeginIndex = prop("firstBeginIndex");

    // ---- statements
    public static final Property speaker = prop("speaker");
    public static final Property actor = prop("actor");
    public static final Property stance = prop("stance");
    public static final Property stanceClass = prop("stanceClass");
    public static final Property target = prop("target");
    public static final Property quote = prop("quote");
    public static final Property sentence = prop("sentence");
    public static final Property rule = prop("rule");
    public static final Property confidence = prop("confidence");
    public static final Property cameoCode = prop("cameoCode");
    public static final Property quoteBegin = prop("quoteBegin");
    public static final Property quoteEnd = prop("quoteEnd");

    // ---- Wikidata links
    public static final Property linkedActor = prop("linkedActor");
    public static final Property linkedItem = prop("linkedItem");
    public static final Property linkScore = prop("linkScore");
    public static final Property linkEvidence = prop("linkEvidence");

    // ---- the stance summary (derived from the statements)
    public static final Property pairActor = prop("pairActor");
    public static final Property pairTarget = prop("pairTarget");
    public static final Property supportingStatements = prop("supportingStatements");
    public static final Property opposingStatements = prop("opposingStatements");
    public static final Property datedStatements = prop("datedStatements");
    public static final Property articleCount = prop("articleCount");
    public static final Property firstDate = prop("firstDate");
    public static final Property lastDate = prop("lastDate");
    public static final Property strongestPair = prop("strongestPair");

    // ---- standard terms we use
    public static final Property nifBeginIndex = ResourceFactory.createProperty(NIF + "beginIndex");
    public static final Property nifEndIndex = ResourceFactory.createProperty(NIF + "endIndex");
    public static final Property nifAnchorOf = ResourceFactory.createProperty(NIF + "anchorOf");
    public static final Property provWasDerivedFrom = ResourceFactory.createProperty(PROV + "wasDerivedFrom");
    public static final Property provWasGeneratedBy = ResourceFactory.createProperty(PROV + "wasGeneratedBy");
    public static final Resource ProvActivity = ResourceFactory.createResource(PROV + "Activity");
    public static final Property schemaSoftwareVersion = ResourceFactory.createProperty(SCHEMA + "softwareVersion");
    public static final Property orgMember = ResourceFactory.createProperty(ORG + "member");
    public static final Property orgOrganization = ResourceFactory.createProperty(ORG + "organization");
    public static final Property orgRole = ResourceFactory.createProperty(ORG + "role");
    public static final Property schemaStartDate = ResourceFactory.createProperty(SCHEMA + "startDate");
    public static final Property schemaEndDate = ResourceFactory.createProperty(SCHEMA + "endDate");
    public static final Property schemaArticleBody = ResourceFactory.createProperty(SCHEMA + "articleBody");
    public static final Property schemaUrl = ResourceFactory.createProperty(SCHEMA + "url");
    public static final Property dctermsTitle = ResourceFactory.createProperty(DCTERMS + "title");
    public static final Property dctermsIssued = ResourceFactory.createProperty(DCTERMS + "issued");
    public static final Property dctermsLanguage = ResourceFactory.createProperty(DCTERMS + "language");
    public static final Property dctermsDate = ResourceFactory.createProperty(DCTERMS + "date");
    public static final Property dctermsSource = ResourceFactory.createProperty(DCTERMS + "source");
    public static final Property dcCreator = ResourceFactory.createProperty(DC + "creator");
    public static final Property dcPublisher = ResourceFactory.createProperty(DC + "publisher");
    public static final Property skosPrefLabel = ResourceFactory.createProperty(SKOS + "prefLabel");
    public static final Property skosAltLabel = ResourceFactory.createProperty(SKOS + "altLabel");
    public static final Property skosNotation = ResourceFactory.createProperty(SKOS + "notation");
    public static final Property skosBroader = ResourceFactory.createProperty(SKOS + "broader");
    public static final Property owlSameAs = ResourceFactory.createProperty(OWL + "sameAs");
    /** A place that is not an actor (the disputed territory of Western Sahara in the dictionary). */
    public static final Resource SchemaPlace = ResourceFactory.createResource(SCHEMA + "Place");

    // ---- data IRIs
    /** Namespace of extraction activities: one IRI per engine version and knowledge fingerprint. */
    public static final String EXTRACTION_NS = BASE + "extraction/";

    /** The activity of extracting with engine {@code softwareVersion} and the knowledge files of {@code fingerprint}. */
    public static String extractionIri(String softwareVersion, String fingerprint) {
        return EXTRACTION_NS + softwareVersion.replaceAll("[^A-Za-z0-9._-]", "_") + "/" + fingerprint;
    }

    public static String articleIri(String contentHashHex) {
        return ARTICLE_NS + contentHashHex.substring(0, 16);
    }

    public static String mentionIri(String articleIri, int begin, int end) {
        return articleIri + "/mention/" + begin + "-" + end;
    }

    /** The mentions of one actor in one article ({@link #ActorMentions}): the article's IRI, {@code /mentions/}, the actor's local name. */
    public static String actorMentionsIri(String articleIri, String actorIri) {
        return articleIri + "/mentions/" + actorIri.substring(actorIri.lastIndexOf('/') + 1);
    }

    public static String statementIri(String articleIri, int sentenceBegin, String actorKey, String stanceKey, String targetKey) {
        return articleIri + "/statement/" + sentenceBegin + "/" + actorKey + "/" + stanceKey + (targetKey == null ? "" : "/" + targetKey);
    }

    /**
     * The IRI of a person an article names but the dictionary does not list: {@code sga:unlisted-}
     * followed by the folded name ("Mira Novák" gives {@code sga:unlisted-mira-novak}), so the same
     * name gives the same IRI in every article and never one of the dictionary's.
     */
    public static String unlistedPersonIri(String foldedName) {
        return ACTOR_NS + "unlisted-" + foldedName.replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    /** A membership (office) an article states: the mention's IRI with {@code /office} added. */
    public static String statedOfficeIri(String mentionIri) {
        return mentionIri + "/office";
    }

    public static String stanceIri(String key) {
        return STANCE_NS + key;
    }

    public static String wikidataIri(String qid) {
        return WD + qid;
    }

    /** The link record of an actor: {@code .../link/} followed by the actor's local name ({@code sga:edi-rama} gives {@code .../link/edi-rama}). */
    public static String linkIri(String actorIri) {
        return LINK_NS + actorIri.substring(actorIri.lastIndexOf('/') + 1);
    }

    /**
     * The stance pair of {@code actorIri} towards {@code targetIri}: {@code .../summary/russia/armenia} for two
     * dictionary actors; an actor outside the dictionary's namespace is named by the first 16 hex digits of
     * the SHA-256 of its IRI, prefixed {@code x-}, so that any IRI gives a safe, stable path segment.
     */
    public static String stancePairIri(String actorIri, String targetIri) {
        return SUMMARY_NS + pairSegment(actorIri) + "/" + pairSegment(targetIri);
    }

    private static String pairSegment(String iri) {
        if (iri.startsWith(ACTOR_NS)) {
            String local = iri.substring(ACTOR_NS.length());
            if (!local.isEmpty() && !local.startsWith("x-") && local.matches("[A-Za-z0-9._-]+")) {
                return local;
            }
        }
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(iri.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return "x-" + java.util.HexFormat.of().formatHex(digest, 0, 8);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static Resource cls(String local) {
        return ResourceFactory.createResource(NS + local);
    }

    private static Property prop(String local) {
        return ResourceFactory.createProperty(NS + local);
    }
}
