package org.stancegraph.actor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Property;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.stancegraph.vocab.SG;

/**
 * Checks the actor dictionary in {@code data/actors/*.ttl}: that it parses, that every Wikidata id
 * in it comes from the checked reference tables (so no id is guessed), and that it is internally
 * consistent (offices, links between actors, aliases).
 */
class DictionaryDataTest {

    private static final Path DICTIONARY = Path.of("data", "actors");
    private static final Path REFERENCE = Path.of("..", "shared", "reference");
    /** Ids checked for the dev set beyond the reference tables, with how each was checked; "?" rows were not. */
    private static final Path CHECKED_IDS = Path.of("..", "shared", "eval", "dev", "QIDS.tsv");
    private static final String CHECKED_IDS_TABLE = "QIDS.tsv";

    private static final List<Resource> ACTOR_TYPES = List.of(SG.State, SG.DeFactoState,
            SG.InternationalOrganisation, SG.MilitaryAlliance, SG.OrganisationBody, SG.ArmedGroup, SG.Person);

    /** Terms of our namespace the dictionary may use; anything else is a typo. */
    private static final Set<String> SG_PROPERTIES = Set.of(SG.demonym.getURI(), SG.metonym.getURI(),
            SG.abbreviation.getURI(), SG.surname.getURI(), SG.territoryName.getURI(), SG.partOf.getURI(),
            SG.memberOf.getURI(), SG.speaksFor.getURI(), SG.wikidataId.getURI());

    /** Alias properties; sg:abbreviation is matched case-sensitively, the others are not. */
    private static final List<Property> ALIAS_PROPERTIES = List.of(RDFS.label, SG.skosAltLabel, SG.demonym,
            SG.metonym, SG.territoryName, SG.surname, SG.abbreviation);

    /**
     * Alias strings that name more than one actor, each with the reason it stays. The resolver must
     * not pick one of these actors from the string alone.
     */
    private static final Map<String, String> KNOWN_AMBIGUITIES = Map.of(
            "congolese", "demonym of both the Republic of the Congo and the Democratic Republic of the Congo",
            "dominican", "demonym of both Dominica and the Dominican Republic",
            "korean", "demonym of both North Korea and South Korea");

    private static Model dictionary;

    @BeforeAll
    static void load() throws IOException {
        assertTrue(Files.isDirectory(DICTIONARY), "no dictionary folder " + DICTIONARY.toAbsolutePath());
        dictionary = ModelFactory.createDefaultModel();
        List<Path> files = turtleFiles();
        assertTrue(files.size() >= 5, "expected states, organisations, roles, people and memberships in " + DICTIONARY);
        for (Path file : files) {
            try {
                dictionary.add(RDFDataMgr.loadModel(file.toString()));
            } catch (RiotException e) {
                fail(file + ": " + e.getMessage());
            }
        }
    }

    private static List<Path> turtleFiles() throws IOException {
        try (Stream<Path> list = Files.list(DICTIONARY)) {
            return list.filter(p -> p.toString().endsWith(".ttl")).sorted().toList();
        }
    }

    // ------------------------------------------------------------------ ids

    @Test
    void everyWikidataIdIsTheSameEntityInTheReferenceTables() throws IOException {
        Map<String, ReferenceRow> reference = readReferenceTables();
        List<String> problems = new ArrayList<>();
        for (Statement s : dictionary.listStatements(null, SG.wikidataId, (RDFNode) null).toList()) {
            Resource subject = s.getSubject();
            String qid = s.getString();
            ReferenceRow row = reference.get(qid);
            if (row == null) {
                problems.add(subject + ": " + qid + " is in no reference table");
                continue;
            }
            // QIDS.tsv does not record the kind of what it checked.
            if (!row.table().equals(CHECKED_IDS_TABLE) && !row.table().equals(expectedTable(subject))) {
                problems.add(subject + ": " + qid + " comes from " + row.table() + ", expected " + expectedTable(subject));
            }
            if (!names(subject).contains(row.name().toLowerCase(Locale.ROOT))) {
                problems.add(subject + ": " + qid + " is '" + row.name() + "' in " + row.table() + ", which is not a name of it");
            }
            if (!subject.hasProperty(SG.owlSameAs, dictionary.createResource(SG.wikidataIri(qid)))) {
                problems.add(subject + ": sg:wikidataId " + qid + " without owl:sameAs wd:" + qid);
            }
        }
        for (Statement s : dictionary.listStatements(null, SG.owlSameAs, (RDFNode) null).toList()) {
            String iri = s.getResource().getURI();
            String qid = iri.startsWith(SG.WD) ? iri.substring(SG.WD.length()) : null;
            if (qid == null || !s.getSubject().hasProperty(SG.wikidataId, qid)) {
                problems.add(s.getSubject() + ": owl:sameAs " + iri + " without the matching sg:wikidataId");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyReferenceRowIsInTheDictionary() throws IOException {
        Map<String, ReferenceRow> reference = readReferenceTables();
        Set<String> missing = new TreeSet<>();
        reference.forEach((qid, row) -> {
            if (!dictionary.contains(null, SG.wikidataId, qid)) {
                missing.add(qid + " " + row.name() + " (" + row.table() + ")");
            }
        });
        assertEquals(Set.of(), missing);
    }

    @Test
    void everyRowOfPeopleCsvIsAnOffice() throws IOException {
        assumeReference();
        List<String> missing = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        try (Reader in = Files.newBufferedReader(REFERENCE.resolve("people.csv"), StandardCharsets.UTF_8)) {
            for (CSVRecord row : format.parse(in)) {
                boolean found = dictionary.listSubjectsWithProperty(SG.wikidataId, row.get("qid")).toList().stream()
                        .flatMap(person -> dictionary.listSubjectsWithProperty(SG.orgMember, person).toList().stream())
                        .anyMatch(office -> office.hasProperty(SG.orgOrganization)
                                && office.getPropertyResourceValue(SG.orgOrganization).hasProperty(SG.wikidataId, row.get("role_of_qid"))
                                && lexical(office, SG.schemaStartDate).equals(row.get("start"))
                                && lexical(office, SG.schemaEndDate).equals(row.get("end")));
                if (!found) {
                    missing.add("people.csv line " + row.getRecordNumber() + ": " + row.get("name") + ", " + row.get("role"));
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static String lexical(Resource subject, Property p) {
        Statement s = subject.getProperty(p);
        return s == null ? "" : s.getLiteral().getLexicalForm();
    }

    @Test
    void noTwoActorsShareAWikidataId() {
        Map<String, List<Resource>> byId = new TreeMap<>();
        dictionary.listStatements(null, SG.wikidataId, (RDFNode) null)
                .forEachRemaining(s -> byId.computeIfAbsent(s.getString(), k -> new ArrayList<>()).add(s.getSubject()));
        byId.values().removeIf(subjects -> subjects.size() == 1);
        assertEquals(Map.of(), byId);
    }

    @Test
    void unverifiedEntitiesArePresentWithoutAnId() throws IOException {
        String unverified = readReference("UNVERIFIED.md");
        List<String> problems = new ArrayList<>();
        List<String> people = tableNames(section(unverified, "## B.", "## C."));
        assertTrue(people.size() > 100, "could not read the people table of UNVERIFIED.md section B");
        for (String name : people) {
            checkUnverified(name, SG.Person, problems);
        }
        for (String cell : tableNames(section(unverified, "## A.", "## B."))) {
            if (cell.endsWith("(office)")) {
                continue; // offices are roles, checked by name in roles.ttl below
            }
            for (String name : cell.split(";\\s*")) {
                checkUnverified(name, null, problems);
            }
        }
        for (String role : List.of("chairperson-in-office", "high-representative", "csto-secretary-general")) {
            Resource r = dictionary.createResource(SG.ROLE_NS + role);
            if (!r.hasProperty(RDF.type, SG.Role) || r.hasProperty(SG.wikidataId)) {
                problems.add(role + ": expected a sg:Role without an id");
            }
        }
        assertEquals(List.of(), problems);
    }

    private static void checkUnverified(String name, Resource type, List<String> problems) {
        List<Resource> found = dictionary.listSubjectsWithProperty(RDFS.label).toList().stream()
                .filter(r -> names(r).contains(name.toLowerCase(Locale.ROOT)))
                .filter(r -> type == null ? isActor(r) : r.hasProperty(RDF.type, type))
                .toList();
        if (found.size() != 1) {
            problems.add(name + ": expected one actor, found " + found);
        } else if (found.get(0).hasProperty(SG.wikidataId) || found.get(0).hasProperty(SG.owlSameAs)) {
            problems.add(name + ": unverified but has a Wikidata id");
        }
    }

    // ------------------------------------------------------------------ structure

    @Test
    void everyActorHasOneLabel() {
        List<String> problems = new ArrayList<>();
        for (Resource actor : actors()) {
            int labels = actor.listProperties(RDFS.label).toList().size();
            if (labels != 1) {
                problems.add(actor + " has " + labels + " rdfs:label");
            }
        }
        assertFalse(actors().isEmpty());
        assertEquals(List.of(), problems);
    }

    @Test
    void linksPointToDeclaredActorsAndRoles() {
        List<String> problems = new ArrayList<>();
        for (Property p : List.of(SG.orgOrganization, SG.partOf, SG.memberOf, SG.speaksFor)) {
            for (Statement s : dictionary.listStatements(null, p, (RDFNode) null).toList()) {
                if (!s.getObject().isResource() || !isActor(s.getResource())) {
                    problems.add(s.getSubject() + " " + p.getLocalName() + " " + s.getObject() + ": not a declared actor");
                }
                if (!p.equals(SG.orgOrganization) && !isActor(s.getSubject())) {
                    problems.add(s.getSubject() + " has " + p.getLocalName() + " but is not a declared actor");
                }
            }
        }
        for (Statement s : dictionary.listStatements(null, SG.skosBroader, (RDFNode) null).toList()) {
            if (!s.getObject().isResource() || !s.getResource().hasProperty(RDF.type, SG.Role)) {
                problems.add(s.getSubject() + " skos:broader " + s.getObject() + ": not a declared role");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void onlyKnownTermsOfOurNamespaceAreUsed() {
        Set<String> unknown = new TreeSet<>();
        dictionary.listStatements().forEachRemaining(s -> {
            String p = s.getPredicate().getURI();
            if (p.startsWith(SG.NS) && !SG_PROPERTIES.contains(p)) {
                unknown.add(p);
            }
        });
        Set<Resource> types = new HashSet<>(ACTOR_TYPES);
        types.addAll(List.of(SG.Office, SG.Role, SG.SchemaPlace));
        dictionary.listObjectsOfProperty(RDF.type).forEachRemaining(t -> {
            if (!types.contains(t.asResource())) {
                unknown.add(t.toString());
            }
        });
        assertEquals(Set.of(), unknown);
    }

    private static final Pattern OFFICE_IRI = Pattern.compile(
            Pattern.quote(SG.OFFICE_NS) + "([a-z0-9-]+)--([a-z0-9-]+)--([a-z0-9-]+)--(undated|\\d{4}(?:-\\d{2}){0,2})");

    @Test
    void everyOfficeIsComplete() {
        List<Resource> offices = dictionary.listSubjectsWithProperty(RDF.type, SG.Office).toList();
        assertTrue(offices.size() > 200, "expected the offices of people.csv and UNVERIFIED.md, found " + offices.size());
        List<String> problems = new ArrayList<>();
        for (Resource office : offices) {
            Resource member = single(office, SG.orgMember, problems);
            Resource organization = single(office, SG.orgOrganization, problems);
            Resource role = single(office, SG.orgRole, problems);
            if (member != null && !member.hasProperty(RDF.type, SG.Person)) {
                problems.add(office + ": org:member is not a sg:Person");
            }
            if (role != null && !role.hasProperty(RDF.type, SG.Role)) {
                problems.add(office + ": org:role is not a sg:Role");
            }
            if (!office.hasProperty(RDFS.label)) {
                problems.add(office + ": no rdfs:label");
            }
            String start = date(office, SG.schemaStartDate, problems);
            String end = date(office, SG.schemaEndDate, problems);
            if (start != null && end != null && start.compareTo(end.substring(0, Math.min(end.length(), start.length()))) > 0) {
                problems.add(office + ": ends (" + end + ") before it starts (" + start + ")");
            }
            Matcher m = OFFICE_IRI.matcher(office.getURI());
            if (!m.matches()) {
                problems.add(office + ": IRI is not sgo:<person>--<role>--<organisation>--<start|undated>");
            } else if (member != null && role != null && organization != null
                    && !(m.group(1).equals(member.getLocalName()) && m.group(2).equals(role.getLocalName())
                        && m.group(3).equals(organization.getLocalName())
                        && m.group(4).equals(start == null ? "undated" : start))) {
                problems.add(office + ": IRI does not match its member, role, organisation and start");
            }
        }
        assertEquals(List.of(), problems);
    }

    private static Resource single(Resource subject, Property p, List<String> problems) {
        List<Statement> values = subject.listProperties(p).toList();
        if (values.size() != 1 || !values.get(0).getObject().isURIResource()) {
            problems.add(subject + ": expected exactly one " + p.getLocalName() + ", found " + values.size());
            return null;
        }
        return values.get(0).getResource();
    }

    private static final Set<String> DATE_TYPES = Set.of(XSDDatatype.XSDdate.getURI(),
            XSDDatatype.XSDgYearMonth.getURI(), XSDDatatype.XSDgYear.getURI());

    /** The lexical form of an office date after checking its datatype and value, or null. */
    private static String date(Resource office, Property p, List<String> problems) {
        List<Statement> values = office.listProperties(p).toList();
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1 || !values.get(0).getObject().isLiteral()) {
            problems.add(office + ": more than one " + p.getLocalName() + " or not a literal");
            return null;
        }
        Literal date = values.get(0).getLiteral();
        if (!DATE_TYPES.contains(date.getDatatypeURI()) || !date.getDatatype().isValid(date.getLexicalForm())) {
            problems.add(office + ": " + p.getLocalName() + " '" + date.getLexicalForm() + "' is not a valid xsd:date, gYearMonth or gYear");
            return null;
        }
        return date.getLexicalForm();
    }

    @Test
    void everyRoleIsDescribed() {
        List<Resource> roles = dictionary.listSubjectsWithProperty(RDF.type, SG.Role).toList();
        assertFalse(roles.isEmpty());
        List<String> problems = new ArrayList<>();
        for (Resource role : roles) {
            if (!role.hasProperty(RDFS.label) || !role.hasProperty(RDFS.comment)) {
                problems.add(role + ": needs rdfs:label and rdfs:comment");
            }
            role.listProperties(SG.skosAltLabel).forEachRemaining(s -> {
                String alias = s.getString();
                if (!alias.equals(alias.toLowerCase(Locale.ROOT))) {
                    problems.add(role + ": altLabel '" + alias + "' is not lower case (use sg:abbreviation for case-sensitive forms)");
                }
            });
        }
        assertEquals(List.of(), problems);
    }

    // ------------------------------------------------------------------ aliases

    @Test
    void noAliasNamesTwoActorsUnlessListedAsAmbiguous() {
        Map<String, Set<Resource>> actorsByAlias = new TreeMap<>();
        Map<String, Set<String>> spellings = new HashMap<>();
        for (Resource actor : actors()) {
            for (Property p : ALIAS_PROPERTIES) {
                actor.listProperties(p).forEachRemaining(s -> {
                    String alias = s.getString();
                    String key = alias.toLowerCase(Locale.ROOT);
                    actorsByAlias.computeIfAbsent(key, k -> new HashSet<>()).add(actor);
                    // an abbreviation clashes with another actor's abbreviation only when spelt the same
                    spellings.computeIfAbsent(key, k -> new HashSet<>()).add(p.equals(SG.abbreviation) ? alias : key);
                });
            }
        }
        Map<String, Set<Resource>> ambiguous = new TreeMap<>();
        actorsByAlias.forEach((key, actors) -> {
            boolean distinctAbbreviations = spellings.get(key).size() == actors.size()
                    && spellings.get(key).stream().noneMatch(sp -> sp.equals(key));
            if (actors.size() > 1 && !distinctAbbreviations) {
                ambiguous.put(key, actors);
            }
        });
        Set<String> unexpected = new TreeSet<>(ambiguous.keySet());
        unexpected.removeAll(KNOWN_AMBIGUITIES.keySet());
        assertEquals(Set.of(), unexpected, "aliases naming more than one actor: " + ambiguous);
        Set<String> stale = new TreeSet<>(KNOWN_AMBIGUITIES.keySet());
        stale.removeAll(ambiguous.keySet());
        assertEquals(Set.of(), stale, "listed as ambiguous but no longer shared: remove from KNOWN_AMBIGUITIES");
    }

    // ------------------------------------------------------------------ memberships

    @Test
    void membershipsMatchTheKnownSizesOfOrganisations() {
        Map<String, Integer> expected = Map.of("united-nations", 193, "osce", 57, "council-of-europe", 46,
                "european-union", 27, "nato", 32, "csto", 6, "osce-minsk-group", 3);
        Map<String, Integer> actual = new TreeMap<>();
        expected.keySet().forEach(org -> actual.put(org,
                dictionary.listSubjectsWithProperty(SG.memberOf, dictionary.createResource(SG.ACTOR_NS + org)).toList().size()));
        assertEquals(new TreeMap<>(expected), actual);
        List<Resource> nonStates = dictionary.listSubjectsWithProperty(SG.memberOf).toList().stream()
                .filter(r -> !r.hasProperty(RDF.type, SG.State) && !r.hasProperty(RDF.type, SG.DeFactoState)).toList();
        assertEquals(List.of(), nonStates, "only states are members");
    }

    // ------------------------------------------------------------------ helpers

    private static List<Resource> actors() {
        Set<Resource> out = new HashSet<>();
        for (Resource type : ACTOR_TYPES) {
            out.addAll(dictionary.listSubjectsWithProperty(RDF.type, type).toList());
        }
        return out.stream().sorted((a, b) -> a.getURI().compareTo(b.getURI())).toList();
    }

    private static boolean isActor(Resource r) {
        return ACTOR_TYPES.stream().anyMatch(t -> r.hasProperty(RDF.type, t));
    }

    /** rdfs:label and skos:altLabel of a subject, lower case. */
    private static Set<String> names(Resource r) {
        Set<String> out = new HashSet<>();
        for (Property p : List.of(RDFS.label, SG.skosAltLabel)) {
            r.listProperties(p).forEachRemaining(s -> out.add(s.getString().toLowerCase(Locale.ROOT)));
        }
        return out;
    }

    private static String expectedTable(Resource subject) {
        if (subject.hasProperty(RDF.type, SG.Person)) {
            return "people.csv";
        }
        if (subject.hasProperty(RDF.type, SG.Role)) {
            return "organisations.csv (office)";
        }
        if (subject.hasProperty(RDF.type, SG.State) || subject.hasProperty(RDF.type, SG.DeFactoState)
                || subject.hasProperty(RDF.type, SG.SchemaPlace)) {
            return "states.csv";
        }
        return "organisations.csv";
    }

    record ReferenceRow(String table, String name) {}

    private static void assumeReference() {
        Assumptions.assumeTrue(Files.isDirectory(REFERENCE),
                "reference tables not found at " + REFERENCE.toAbsolutePath() + " (the shared folder is not checked out here)");
    }

    private static String readReference(String file) throws IOException {
        assumeReference();
        return Files.readString(REFERENCE.resolve(file), StandardCharsets.UTF_8);
    }

    /** Every qid of states.csv, organisations.csv and people.csv, then of the dev set's QIDS.tsv, with its table and name. */
    private static Map<String, ReferenceRow> readReferenceTables() throws IOException {
        assumeReference();
        Map<String, ReferenceRow> rows = new HashMap<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        for (String table : List.of("states.csv", "organisations.csv", "people.csv")) {
            try (Reader in = Files.newBufferedReader(REFERENCE.resolve(table), StandardCharsets.UTF_8)) {
                for (CSVRecord record : format.parse(in)) {
                    String name = record.get("name");
                    String kind = table;
                    if (name.endsWith(" (office)")) {
                        name = name.substring(0, name.length() - " (office)".length());
                        kind = table + " (office)";
                    }
                    ReferenceRow previous = rows.put(record.get("qid"), new ReferenceRow(kind, name));
                    if (previous != null && !previous.equals(rows.get(record.get("qid")))) {
                        fail(table + " line " + record.getRecordNumber() + ": " + record.get("qid") + " also names " + previous);
                    }
                }
            }
        }
        if (Files.exists(CHECKED_IDS)) {
            for (String line : Files.readAllLines(CHECKED_IDS, StandardCharsets.UTF_8)) {
                String[] columns = line.split("\t");
                if (columns.length < 2 || !columns[0].matches("Q\\d+")) {
                    continue; // the header, and entities whose id could not be checked
                }
                // "West African Economic and Monetary Union (UEMOA/WAEMU)": the name before its abbreviations
                rows.putIfAbsent(columns[0], new ReferenceRow(CHECKED_IDS_TABLE, columns[1].replaceFirst("\\s*\\(.*$", "")));
            }
        }
        return rows;
    }

    private static String section(String markdown, String from, String to) {
        int start = markdown.indexOf(from);
        int end = markdown.indexOf(to, start);
        assertTrue(start >= 0 && end > start, "UNVERIFIED.md has no section " + from);
        return markdown.substring(start, end);
    }

    /** First cells of a markdown table's data rows. */
    private static List<String> tableNames(String section) {
        List<String> out = new ArrayList<>();
        for (String line : section.split("\n")) {
            if (line.startsWith("| ") && !line.startsWith("| name") && !line.startsWith("|---")) {
                out.add(line.substring(2, line.indexOf(" |", 1)).trim());
            }
        }
        return out;
    }
}
