package org.stancegraph.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.stancegraph.store.BriefGraphs.article;
import static org.stancegraph.store.BriefGraphs.mentionOfTurkey;
import static org.stancegraph.store.BriefGraphs.supportStatement;

import java.util.List;
import java.util.function.Predicate;

import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/** The SHACL shapes accept data in the brief's layout and reject specific mistakes. */
class ValidationTest {

    private static Validation validation;

    @BeforeAll
    static void loadShapes() {
        validation = Validation.standard();
    }

    @Test
    void sampleGraphConforms() {
        Validation.Report report = validation.validate(BriefGraphs.everything().getGraph());
        assertTrue(report.conforms(), () -> "unexpected results:\n" + lines(report));
    }

    @Test
    void ontologyAndStanceSchemeConformOnTheirOwn() {
        // the ontology is part of every validated graph, so its concepts meet the concept shape
        Validation.Report report = validation.validate(org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph());
        assertTrue(report.conforms(), () -> lines(report));
    }

    @Test
    void stanceConceptWithMalformedCameoCodeIsReported() {
        Model data = BriefGraphs.everything();
        Resource concept = data.createResource(SG.stanceIri("new-stance"));
        data.add(concept, RDF.type, data.createResource(SG.SKOS + "Concept"))
                .add(concept, SG.skosPrefLabel, "new stance")
                .add(concept, SG.cameoCode, "51");
        assertTrue(report(data).conforms(), "a two-digit code is a valid CAMEO root");
        data.removeAll(concept, SG.cameoCode, null).add(concept, SG.cameoCode, BriefGraphs.integer(51));
        assertOnlyViolation(data, concept, "sg:cameoCode");
    }

    @Test
    void statementWithoutActorIsReported() {
        Model data = BriefGraphs.everything();
        data.removeAll(supportStatement(), SG.actor, null);
        assertOnlyViolation(data, supportStatement(), "sg:actor");
    }

    @Test
    void confidenceAboveOneIsReported() {
        Model data = BriefGraphs.everything();
        data.removeAll(supportStatement(), SG.confidence, null);
        data.add(supportStatement(), SG.confidence, BriefGraphs.decimal("2.0"));
        Validation.Violation v = assertOnlyViolation(data, supportStatement(), "sg:confidence");
        assertEquals("2.0", v.value().getLiteralLexicalForm());
    }

    @Test
    void supportWithoutTargetIsReported() {
        Model data = BriefGraphs.everything();
        data.removeAll(supportStatement(), SG.target, null);
        Validation.Violation v = assertOnlyViolation(data, supportStatement(), null);
        assertTrue(v.message().contains("sg:target"), v.message());
    }

    @Test
    void appealNeedsNoTarget() {
        // the sample's appeal has no target and conforms; giving it the wrong class shows the rule bites
        Model data = BriefGraphs.everything();
        Resource appeal = BriefGraphs.appealStatement();
        data.removeAll(appeal, SG.stanceClass, null).removeAll(appeal, SG.stance, null);
        data.add(appeal, SG.stanceClass, data.createResource(SG.stanceIri("oppose")))
                .add(appeal, SG.stance, data.createResource(SG.stanceIri("condemn")));
        assertOnlyViolation(data, appeal, null);
    }

    @Test
    void stanceOutsideItsClassIsReported() {
        Model data = BriefGraphs.everything();
        data.removeAll(supportStatement(), SG.stance, null);
        data.add(supportStatement(), SG.stance, data.createResource(SG.stanceIri("condemn")));
        Validation.Violation v = assertOnlyViolation(data, supportStatement(), null);
        assertTrue(v.message().contains("condemn"), v.message());
    }

    @Test
    void stanceClassOutsideTheSevenIsReported() {
        Model data = BriefGraphs.everything();
        data.removeAll(supportStatement(), SG.stanceClass, null);
        data.add(supportStatement(), SG.stanceClass, data.createResource(SG.stanceIri("pledge-support")));
        assertHasViolation(report(data), supportStatement(), "sg:stanceClass");
    }

    @Test
    void mentionEndingBeforeItBeginsIsReported() {
        Model data = BriefGraphs.everything();
        Resource mention = mentionOfTurkey();
        data.removeAll(mention, SG.nifBeginIndex, null).add(mention, SG.nifBeginIndex, BriefGraphs.integer(10));
        data.removeAll(mention, SG.nifEndIndex, null).add(mention, SG.nifEndIndex, BriefGraphs.integer(4));
        Validation.Violation v = assertOnlyViolation(data, mention, "nif:beginIndex");
        assertTrue(v.message().contains("less than"), v.message());
    }

    @Test
    void mentionOfUnknownActorIsReported() {
        Model data = BriefGraphs.everything();
        data.removeAll(mentionOfTurkey(), SG.refersTo, null)
                .add(mentionOfTurkey(), SG.refersTo, data.createResource(SG.ACTOR_NS + "atlantis"));
        assertOnlyViolation(data, mentionOfTurkey(), "sg:refersTo");
    }

    @Test
    void malformedWikidataIdIsReported() {
        Model data = BriefGraphs.everything();
        data.removeAll(BriefGraphs.turkey, SG.wikidataId, null).add(BriefGraphs.turkey, SG.wikidataId, "X1");
        Validation.Report report = report(data);
        assertHasViolation(report, BriefGraphs.turkey, "sg:wikidataId");
        // "X1" also no longer matches owl:sameAs wd:Q43, and nothing else is wrong
        assertTrue(report.violations().stream().allMatch(v -> v.focusNode().equals(BriefGraphs.turkey.asNode())), lines(report));
    }

    @Test
    void sameAsOutsideWikidataIsReported() {
        Model data = BriefGraphs.everything();
        data.add(BriefGraphs.azerbaijan, SG.owlSameAs, data.createResource("http://dbpedia.org/resource/Azerbaijan"));
        assertOnlyViolation(data, BriefGraphs.azerbaijan, "owl:sameAs");
    }

    @Test
    void officeEndingBeforeItStartsIsReported() {
        Model data = BriefGraphs.everything();
        data.add(BriefGraphs.celikOffice, SG.schemaEndDate, BriefGraphs.date("2017-01-01"));
        assertOnlyViolation(data, BriefGraphs.celikOffice, "schema:startDate");
    }

    @Test
    void contentHashMustBe64HexDigits() {
        Model data = BriefGraphs.everything();
        data.removeAll(article(), SG.contentHash, null).add(article(), SG.contentHash, "ABC");
        assertOnlyViolation(data, article(), "sg:contentHash");
    }

    @Test
    void extractionActivityNeedsItsVersionAndKnowledgeFingerprint() {
        Model data = BriefGraphs.everything();
        String fingerprint = "a".repeat(64);
        Resource activity = data.createResource(SG.extractionIri("0.1.0", fingerprint));
        data.add(article(), SG.provWasGeneratedBy, activity).add(activity, RDF.type, SG.ProvActivity)
                .add(activity, SG.schemaSoftwareVersion, "0.1.0").add(activity, SG.knowledgeFingerprint, fingerprint);
        assertTrue(report(data).conforms(), () -> lines(report(data)));
        data.removeAll(activity, SG.knowledgeFingerprint, null).add(activity, SG.knowledgeFingerprint, "not-a-sha-256");
        assertOnlyViolation(data, article(), "prov:wasGeneratedBy");
    }

    @Test
    void storeValidationNamesTheGraphOfEachViolation() {
        try (Store store = Store.inMemory()) {
            store.replaceGraph(SG.DICTIONARY_GRAPH, BriefGraphs.dictionary().getGraph());
            store.replaceGraph(SG.ONTOLOGY_GRAPH, Ontology.load());
            Model broken = BriefGraphs.articleGraph();
            broken.removeAll(supportStatement(), SG.target, null);
            store.replaceArticle(BriefGraphs.ARTICLE, "000_sample", broken.getGraph());

            Validation.Report report = validation.validate(store);
            assertEquals(1, report.violations().size(), () -> lines(report));
            Validation.Violation v = report.violations().get(0);
            assertEquals(supportStatement().asNode(), v.focusNode());
            assertEquals(BriefGraphs.ARTICLE, v.graph().getURI());
            assertTrue(v.line().contains(BriefGraphs.ARTICLE), v.line());
        }
    }

    @Test
    void storeWithValidGraphsConforms() {
        try (Store store = Store.inMemory()) {
            store.replaceGraph(SG.DICTIONARY_GRAPH, BriefGraphs.dictionary().getGraph());
            store.replaceArticle(BriefGraphs.ARTICLE, "000_sample", BriefGraphs.articleGraph().getGraph());
            Validation.Report report = validation.validate(store);
            assertTrue(report.conforms(), () -> lines(report));
        }
    }

    @Test
    void storeMissingTheDictionaryDoesNotConform() {
        // articles refer to actors that only the dictionary types; without it sh:class fails
        try (Store store = Store.inMemory()) {
            store.replaceArticle(BriefGraphs.ARTICLE, "000_sample", BriefGraphs.articleGraph().getGraph());
            Validation.Report report = validation.validate(store);
            assertFalse(report.conforms());
            assertHasViolation(report, mentionOfTurkey(), "sg:refersTo");
        }
    }

    @Test
    void everyTargetedShapeSeesSubclassInstances() {
        // a sg:MilitaryAlliance is checked by the actor shape like any sg:Actor
        Model data = BriefGraphs.everything();
        Resource csto = data.createResource(SG.ACTOR_NS + "csto");
        data.add(csto, RDF.type, SG.MilitaryAlliance);
        assertOnlyViolation(data, csto, "rdfs:label");
    }

    private static Validation.Report report(Model data) {
        return validation.validate(data.getGraph());
    }

    /** Asserts that the data has results for exactly one focus node and one path, and returns the first. */
    private static Validation.Violation assertOnlyViolation(Model data, Resource focus, String path) {
        Validation.Report report = report(data);
        assertFalse(report.conforms(), "expected a violation on " + focus);
        List<Validation.Violation> violations = report.violations();
        Predicate<Validation.Violation> expected = v -> v.focusNode().equals(focus.asNode())
                && (path == null ? v.path() == null : path.equals(v.path()))
                && v.severity().equals("Violation");
        assertTrue(violations.stream().allMatch(expected), () -> "expected only " + focus + " " + path + ", got:\n" + lines(report));
        return violations.get(0);
    }

    private static void assertHasViolation(Validation.Report report, Resource focus, String path) {
        assertTrue(report.violations().stream().anyMatch(v -> v.focusNode().equals(focus.asNode()) && path.equals(v.path())),
                () -> "expected " + focus + " " + path + ", got:\n" + lines(report));
    }

    private static String lines(Validation.Report report) {
        return String.join("\n", report.violations().stream().map(Validation.Violation::line).toList());
    }
}
