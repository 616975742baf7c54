package org.stancegraph.knowledge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.DCTerms;
import org.apache.jena.vocabulary.OWL;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.vocab.SG;

/** The ontology files parse, document every term we use, and carry the brief's stance scheme. */
class OntologyTest {

    private static Model ontology;

    /** The stance table of the common brief: key, its class, its CAMEO code (null: none). */
    private static final Map<String, String[]> BRIEF_STANCES = briefStances(
            "support support 051", "pledge-support support 051", "praise support 051",
            "express-solidarity support 051", "defend-verbally support 052",
            "oppose oppose 11", "condemn oppose 111", "criticise oppose 111", "accuse oppose 112",
            "accuse-of-aggression oppose 1123", "accuse-of-war-crimes oppose 1124", "blame oppose 112",
            "demand oppose 100", "demand-withdrawal oppose 1056", "demand-stop oppose 1056", "threaten oppose 130",
            "appeal appeal 02", "call-for-ceasefire appeal 0256", "call-for-de-escalation appeal 0256",
            "call-for-restraint appeal 025", "call-for-talks appeal 026", "call-for-settlement appeal 027",
            "express-concern appeal 012", "deplore-violence appeal 012",
            "mediate mediate 045", "broker-ceasefire mediate 045", "offer-mediation mediate 039",
            "host-talks mediate 043", "negotiation-forum mediate 046",
            "deny deny 016", "deny-accusation deny 016", "reject-claim deny 016",
            "ally ally 062", "alliance ally 062", "defence-agreement ally 062", "military-base ally 062",
            "joint-exercises ally 062",
            "recognise support 054", "reject-decision oppose 120", "welcome-ceasefire appeal 051",
            "member member -", "membership member -", "co-chair member -");

    private static Map<String, String[]> briefStances(String... rows) {
        Map<String, String[]> table = new java.util.HashMap<>();
        for (String row : rows) {
            String[] f = row.split(" ");
            table.put(f[0], new String[] {f[1], f[2].equals("-") ? null : f[2]});
        }
        return table;
    }

    @BeforeAll
    static void load() {
        ontology = ModelFactory.createModelForGraph(Ontology.load());
    }

    @Test
    void ontologyHeaderNamesVersionTitleLicenceAndDescription() {
        Resource header = ontology.getResource("https://w3id.org/stancegraph/ontology");
        assertTrue(header.hasProperty(RDF.type, OWL.Ontology));
        for (Property p : List.of(OWL.versionInfo, DCTerms.title, DCTerms.description)) {
            assertTrue(header.hasProperty(p), "ontology header lacks " + p);
        }
        assertTrue(header.hasProperty(DCTerms.license, ontology.createResource("https://www.apache.org/licenses/LICENSE-2.0")));
    }

    @Test
    void loadReadsEveryTurtleFileButTheShapes() {
        List<String> names = Ontology.ontologyFiles(Ontology.directory()).stream()
                .map(p -> p.getFileName().toString()).toList();
        assertTrue(names.containsAll(List.of("stancegraph.ttl", "stances.ttl")), names.toString());
        assertFalse(names.contains(Ontology.SHAPES_FILE_NAME));
        assertFalse(ontology.listSubjectsWithProperty(RDF.type, ontology.createResource("http://www.w3.org/ns/shacl#NodeShape")).hasNext(),
                "shapes must not be part of the ontology graph");
    }

    @Test
    void everyTermInSgJavaIsDeclaredLabelledAndCommented() throws IllegalAccessException {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (Field field : SG.class.getFields()) {
            if (!Modifier.isStatic(field.getModifiers()) || !Resource.class.isAssignableFrom(field.getType())) {
                continue;
            }
            Resource term = (Resource) field.get(null);
            if (!term.getURI().startsWith(SG.NS)) {
                continue;
            }
            checked++;
            Resource declared = ontology.getResource(term.getURI());
            boolean declaredRight = term instanceof Property
                    ? declared.hasProperty(RDF.type, OWL.ObjectProperty) || declared.hasProperty(RDF.type, OWL.DatatypeProperty)
                    : declared.hasProperty(RDF.type, OWL.Class);
            if (!declaredRight) {
                problems.add(field.getName() + " is not declared as an OWL " + (term instanceof Property ? "property" : "class"));
            }
            problems.addAll(documentationProblems(declared));
        }
        assertTrue(checked > 40, "expected the SG constants of our namespace, found " + checked);
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void everySgTermUsedInTheOntologyFolderIsLabelledAndCommented() throws IOException {
        Set<String> used = new TreeSet<>();
        try (var files = Files.list(Ontology.directory())) {
            for (Path file : files.filter(p -> p.toString().endsWith(".ttl")).sorted().toList()) {
                Graph graph = Ontology.readTurtle(file);
                graph.find().forEach(t -> sgTerms(t).forEach(used::add));
            }
        }
        assertTrue(used.contains(SG.territoryName.getURI()) && used.contains(SG.StanceClass.getURI()), used.toString());
        List<String> problems = used.stream()
                .flatMap(iri -> documentationProblems(ontology.getResource(iri)).stream())
                .toList();
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void alignmentsToStandardVocabulariesAreStated() {
        Map<Resource, List<String>> superClasses = Map.of(
                SG.Actor, List.of("http://www.w3.org/ns/prov#Agent", "http://xmlns.com/foaf/0.1/Agent"),
                SG.State, List.of(SG.Actor.getURI(), "https://schema.org/Country"),
                SG.InternationalOrganisation, List.of(SG.Actor.getURI(), "http://www.w3.org/ns/org#FormalOrganization", "https://schema.org/Organization"),
                SG.MilitaryAlliance, List.of(SG.InternationalOrganisation.getURI()),
                SG.OrganisationBody, List.of(SG.Actor.getURI(), "http://www.w3.org/ns/org#OrganizationalUnit"),
                SG.Person, List.of(SG.Actor.getURI(), "http://xmlns.com/foaf/0.1/Person", "https://schema.org/Person"),
                SG.Office, List.of("http://www.w3.org/ns/org#Membership"),
                SG.Article, List.of("https://schema.org/NewsArticle", "http://www.w3.org/ns/prov#Entity"),
                SG.Statement, List.of("http://www.w3.org/ns/prov#Entity"),
                SG.StanceClass, List.of(SKOS.Concept.getURI()));
        superClasses.forEach((cls, supers) -> supers.forEach(sup -> assertTrue(
                ontology.contains(cls, RDFS.subClassOf, ontology.createResource(sup)), cls + " ⊑ " + sup)));
        assertTrue(ontology.contains(SG.alliedWith, RDF.type, OWL.SymmetricProperty));
        assertTrue(ontology.contains(SG.memberOf, RDFS.subPropertyOf, ontology.createResource("http://www.w3.org/ns/org#memberOf")));
        assertTrue(ontology.contains(SG.partOf, RDFS.subPropertyOf, ontology.createResource("http://www.w3.org/ns/org#subOrganizationOf")));
    }

    @Test
    void wikidataPrefixesAreDeclared() {
        Graph file = Ontology.readTurtle(Ontology.directory().resolve("stancegraph.ttl"));
        Map<String, String> expected = Map.of(
                "wd", "http://www.wikidata.org/entity/",
                "wdt", "http://www.wikidata.org/prop/direct/",
                "p", "http://www.wikidata.org/prop/",
                "ps", "http://www.wikidata.org/prop/statement/",
                "pq", "http://www.wikidata.org/prop/qualifier/",
                "wikibase", "http://wikiba.se/ontology#");
        expected.forEach((prefix, ns) -> assertEquals(ns, file.getPrefixMapping().getNsPrefixURI(prefix), prefix));
        assertEquals(SG.WD, expected.get("wd"));
    }

    @Test
    void schemeHasTheSevenClassesAsTopConcepts() {
        Resource scheme = ontology.getResource(SG.stanceIri("scheme"));
        Set<String> tops = ontology.listObjectsOfProperty(scheme, SKOS.hasTopConcept).toList().stream()
                .map(n -> n.asResource().getURI()).collect(Collectors.toCollection(TreeSet::new));
        Set<String> classes = ontology.listSubjectsWithProperty(RDF.type, SG.StanceClass).toList().stream()
                .map(Resource::getURI).collect(Collectors.toCollection(TreeSet::new));
        Set<String> seven = List.of("support", "oppose", "appeal", "mediate", "deny", "ally", "member").stream()
                .map(SG::stanceIri).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(seven, tops);
        assertEquals(seven, classes);
        assertTrue(scheme.getProperty(DCTerms.source).getString().contains("1.1b3"));
        assertTrue(scheme.getProperty(DCTerms.source).getString().contains("2012"));
    }

    @Test
    void everyStanceHasItsClassCodeLabelDefinitionAndNotation() {
        Resource scheme = ontology.getResource(SG.stanceIri("scheme"));
        List<Resource> concepts = ontology.listSubjectsWithProperty(SKOS.inScheme, scheme).toList();
        assertEquals(BRIEF_STANCES.size(), concepts.size(), "stances in the scheme");
        List<String> problems = new ArrayList<>();
        for (Resource concept : concepts) {
            String key = concept.getURI().substring(SG.STANCE_NS.length());
            Resource stanceClass = classOf(concept);
            if (stanceClass == null) {
                problems.add(key + ": no skos:broader to a stance class");
                continue;
            }
            String[] expected = BRIEF_STANCES.get(key);
            if (expected == null) {
                problems.add(key + ": not a stance of the brief");
                continue;
            }
            if (!stanceClass.getURI().equals(SG.stanceIri(expected[0]))) {
                problems.add(key + ": class " + stanceClass.getURI() + ", brief says " + expected[0]);
            }
            if (expected[1] != null && !concept.hasLiteral(SG.cameoCode, expected[1])) {
                problems.add(key + ": CAMEO code is not " + expected[1]);
            }
            boolean member = stanceClass.getURI().equals(SG.stanceIri("member"));
            if (member == concept.hasProperty(SG.cameoCode)) {
                problems.add(key + (member ? ": a member stance has a CAMEO code" : ": no sg:cameoCode"));
            }
            if (concept.hasProperty(SG.cameoCode) && !concept.getProperty(SG.cameoCode).getString().matches("[0-9]{2,4}")) {
                problems.add(key + ": CAMEO code is not 2-4 digits");
            }
            if (!concept.hasLiteral(SKOS.notation, key)) {
                problems.add(key + ": skos:notation differs from the IRI's key");
            }
            for (Property p : List.of(SKOS.prefLabel, SKOS.definition)) {
                if (!concept.hasProperty(p)) {
                    problems.add(key + ": no " + p.getLocalName());
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    @Test
    void cameoCodesAreStringsSoLeadingZerosSurvive() {
        ontology.listStatements(null, SG.cameoCode, (RDFNode) null).forEach(st -> assertEquals(
                "http://www.w3.org/2001/XMLSchema#string", st.getLiteral().getDatatypeURI(), st.getSubject().getURI()));
        assertTrue(ontology.getResource(SG.stanceIri("call-for-ceasefire")).hasLiteral(SG.cameoCode, "0256"));
    }

    @Test
    void syntaxErrorNamesFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.ttl"), "@prefix ex: <http://example.org/> .\nex:a ex:b ex:c .\n");
        Files.writeString(dir.resolve("b.ttl"), "@prefix ex: <http://example.org/> .\nex:a ex:b zz:c .\n");
        Files.writeString(dir.resolve("shapes.ttl"), "this is not read");
        RdfFileException e = assertThrows(RdfFileException.class, () -> Ontology.load(dir));
        assertTrue(e.getMessage().startsWith(dir.resolve("b.ttl") + ":2:"), e.getMessage());
    }

    @Test
    void missingFolderIsAClearError(@TempDir Path dir) {
        RdfFileException e = assertThrows(RdfFileException.class, () -> Ontology.load(dir.resolve("nowhere")));
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
    }

    /** The top concept reached from {@code concept} over skos:broader*, or null. */
    private static Resource classOf(Resource concept) {
        String query = "PREFIX skos: <" + SKOS.getURI() + "> PREFIX sg: <" + SG.NS + ">"
                + " SELECT ?class WHERE { <" + concept.getURI() + "> skos:broader* ?class . ?class a sg:StanceClass }";
        try (var exec = QueryExecutionFactory.create(query, ontology)) {
            var results = exec.execSelect();
            return results.hasNext() ? results.next().getResource("class") : null;
        }
    }

    private static List<String> documentationProblems(Resource term) {
        List<String> problems = new ArrayList<>();
        if (!term.hasProperty(RDFS.label)) {
            problems.add(term.getURI() + " has no rdfs:label");
        }
        if (!term.hasProperty(RDFS.comment)) {
            problems.add(term.getURI() + " has no rdfs:comment");
        }
        return problems;
    }

    private static List<String> sgTerms(Triple t) {
        List<String> terms = new ArrayList<>();
        for (Node n : List.of(t.getSubject(), t.getPredicate(), t.getObject())) {
            if (n.isURI() && n.getURI().startsWith(SG.NS)) {
                terms.add(n.getURI());
            }
        }
        return terms;
    }
}
