package org.stancegraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.IsoMatcher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.cli.CommandRun;
import org.stancegraph.knowledge.Knowledge;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/** {@code stancegraph link} against a local Fuseki serving a made-up, Wikidata-shaped graph. */
class LinkTest {

    private static FixtureEndpoint fixture;

    /** A dictionary whose organisations have fake ids matching the fixture; the ones without ids are to be linked. */
    static final String DICTIONARY = """
            @prefix sg:     <https://w3id.org/stancegraph/ontology#> .
            @prefix sga:    <https://w3id.org/stancegraph/actor/> .
            @prefix sgo:    <https://w3id.org/stancegraph/office/> .
            @prefix sgr:    <https://w3id.org/stancegraph/role/> .
            @prefix org:    <http://www.w3.org/ns/org#> .
            @prefix owl:    <http://www.w3.org/2002/07/owl#> .
            @prefix wd:     <http://www.wikidata.org/entity/> .
            @prefix rdfs:   <http://www.w3.org/2000/01/rdf-schema#> .
            @prefix skos:   <http://www.w3.org/2004/02/skos/core#> .
            @prefix schema: <https://schema.org/> .
            @prefix xsd:    <http://www.w3.org/2001/XMLSchema#> .
            sga:albania a sg:State ; rdfs:label "Albania"@en ; sg:wikidataId "Q900000201" ; owl:sameAs wd:Q900000201 .
            sga:russia a sg:State ; rdfs:label "Russia"@en ; sg:wikidataId "Q900000202" ; owl:sameAs wd:Q900000202 .
            sga:ruritania a sg:State ; rdfs:label "Ruritania"@en ; sg:wikidataId "Q900000203" ; owl:sameAs wd:Q900000203 .
            sga:osce a sg:InternationalOrganisation ; rdfs:label "OSCE"@en ; sg:wikidataId "Q900000301" ; owl:sameAs wd:Q900000301 .
            sga:freedonia a sg:State ; rdfs:label "Freedonia"@en .
            sga:unmentioned-land a sg:State ; rdfs:label "Ruritania"@en .
            sga:osce-minsk-group a sg:OrganisationBody ; rdfs:label "OSCE Minsk Group"@en ; sg:partOf sga:osce .
            sga:edi-rama a sg:Person ; rdfs:label "Edi Rama"@en .
            sgo:edi-rama--head-of-government--albania--2013-09-15 a sg:Office ; org:member sga:edi-rama ;
                org:organization sga:albania ; org:role sgr:head-of-government ; rdfs:label "Prime Minister of Albania"@en ;
                schema:startDate "2013-09-15"^^xsd:date .
            sga:sergey-lavrov a sg:Person ; rdfs:label "Sergey Lavrov"@en .
            sgo:sergey-lavrov--foreign-minister--russia--2004-03-09 a sg:Office ; org:member sga:sergey-lavrov ;
                org:organization sga:russia ; org:role sgr:foreign-minister ; rdfs:label "Minister of Foreign Affairs of Russia"@en .
            sga:ana-petrova a sg:Person ; rdfs:label "Ana Petrova"@en .
            sgo:ana-petrova--head-of-government--ruritania--2019-05-01 a sg:Office ; org:member sga:ana-petrova ;
                org:organization sga:ruritania ; org:role sgr:head-of-government ; rdfs:label "Prime Minister of Ruritania"@en .
            sga:ivan-horvat a sg:Person ; rdfs:label "Ivan Horvat"@en .
            sgo:ivan-horvat--spokesperson--ruritania--undated a sg:Office ; org:member sga:ivan-horvat ;
                org:organization sga:ruritania ; org:role sgr:spokesperson ; rdfs:label "Spokesperson of Ruritania"@en .
            sga:zed-nobody a sg:Person ; rdfs:label "Zed Nobody"@en .
            """;

    static final String ARTICLE = "https://w3id.org/stancegraph/article/00000000000000a1";

    /** One article of 2020-06-01 that mentions every actor but sga:unmentioned-land. */
    static String article() {
        StringBuilder ttl = new StringBuilder("""
                @prefix sg:      <https://w3id.org/stancegraph/ontology#> .
                @prefix sga:     <https://w3id.org/stancegraph/actor/> .
                @prefix dcterms: <http://purl.org/dc/terms/> .
                @prefix xsd:     <http://www.w3.org/2001/XMLSchema#> .
                <%s> a sg:Article ; sg:articleId "test-a1" ; dcterms:issued "2020-06-01"^^xsd:date .
                """.formatted(ARTICLE));
        List<String> mentioned = List.of("albania", "freedonia", "osce-minsk-group", "edi-rama", "sergey-lavrov",
                "ana-petrova", "ivan-horvat", "zed-nobody");
        for (int i = 0; i < mentioned.size(); i++) {
            ttl.append("<%s/mentions/%s> sg:inArticle <%s> ; sg:refersTo sga:%s ; sg:mentionCount 1 ; sg:firstBeginIndex %d .\n"
                    .formatted(ARTICLE, mentioned.get(i), ARTICLE, mentioned.get(i), i * 10));
        }
        return ttl.toString();
    }

    @BeforeAll
    static void startFixture() {
        fixture = new FixtureEndpoint();
    }

    @AfterAll
    static void stopFixture() {
        fixture.close();
    }

    static void loadStore(Path db) {
        try (Store store = Store.open(db)) {
            store.replaceGraph(SG.DICTIONARY_GRAPH, turtle(DICTIONARY));
            store.replaceArticle(ARTICLE, "test-a1", turtle(article()));
        }
    }

    static Graph turtle(String text) {
        Graph graph = GraphFactory.createDefaultGraph();
        RDFParser.fromString(text, Lang.TURTLE).parse(graph);
        return graph;
    }

    private static CommandRun run(String... args) {
        return CommandRun.of(args);
    }

    /** actor IRI -> linked Q-id, from the links graph. */
    private static Map<String, String> links(Path db) {
        try (Store store = Store.open(db)) {
            return store.read(dataset -> {
                Map<String, String> links = new TreeMap<>();
                Node graph = NodeFactory.createURI(SG.LINKS_GRAPH);
                dataset.find(graph, Node.ANY, SG.wikidataId.asNode(), Node.ANY).forEachRemaining(q ->
                        links.put(q.getSubject().getURI(), q.getObject().getLiteralLexicalForm()));
                return links;
            });
        }
    }

    private static Graph linksGraph(Path db) {
        try (Store store = Store.open(db)) {
            return store.read(dataset -> {
                Graph copy = GraphFactory.createDefaultGraph();
                dataset.getGraph(NodeFactory.createURI(SG.LINKS_GRAPH)).find().forEachRemaining(copy::add);
                return copy;
            });
        }
    }

    @Test
    void linksTheActorsItIsSureOfAndListsTheRestForReview(@TempDir Path dir) throws Exception {
        Path db = dir.resolve("db");
        loadStore(db);
        Path out = dir.resolve("links.ttl");
        Path review = dir.resolve("review.tsv");
        CommandRun result = run("link", "--db", db.toString(), "--endpoint", fixture.uri("/wd").toString(),
                "--cache", dir.resolve("cache").toString(), "--as-of", "2024-01-31",
                "--out", out.toString(), "--review", review.toString());
        assertEquals(0, result.exitCode(), result.err());

        Map<String, String> expected = new TreeMap<>(Map.of(
                SG.ACTOR_NS + "edi-rama", "Q900000001",          // the prime minister, not the namesake
                SG.ACTOR_NS + "sergey-lavrov", "Q900000003",     // found by alias
                SG.ACTOR_NS + "ana-petrova", "Q900000011",       // the one in office on the article date
                SG.ACTOR_NS + "osce-minsk-group", "Q900000302",  // part of the OSCE
                SG.ACTOR_NS + "freedonia", "Q900000501"));       // the state, not the film
        assertEquals(expected, links(db), result.out());

        List<String> reviewRows = Files.readAllLines(review);
        assertEquals(String.join("\t", Links.REVIEW_COLUMNS), reviewRows.get(0));
        assertEquals(3, reviewRows.size(), reviewRows.toString());
        String horvat = row(reviewRows, "ivan-horvat");
        assertTrue(horvat.contains("ambiguous") && horvat.contains("Q900000020") && horvat.contains("Q900000021"), horvat);
        assertTrue(row(reviewRows, "zed-nobody").contains("no human"), reviewRows.toString());

        Graph links = linksGraph(db);
        Node record = NodeFactory.createURI(SG.linkIri(SG.ACTOR_NS + "ana-petrova"));
        assertTrue(links.contains(record, SG.linkScore.asNode(), NodeFactory.createLiteralDT("1.0",
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDdecimal)));
        assertTrue(links.find(record, SG.linkEvidence.asNode(), Node.ANY).toList().stream()
                .anyMatch(t -> t.getObject().getLiteralLexicalForm().contains("on the article date 2020-06-01")));
        assertTrue(links.contains(record, SG.dctermsDate.asNode(), NodeFactory.createLiteralDT("2024-01-31",
                org.apache.jena.datatypes.xsd.XSDDatatype.XSDdate)));
        assertTrue(links.contains(NodeFactory.createURI(SG.ACTOR_NS + "edi-rama"), SG.owlSameAs.asNode(),
                NodeFactory.createURI(SG.WD + "Q900000001")));

        Graph turtleOut = GraphFactory.createDefaultGraph();
        RDFParser.source(out).lang(Lang.TURTLE).parse(turtleOut);
        assertEquals(expected.size() * 2, turtleOut.size(), "sg:wikidataId and owl:sameAs per linked actor");
        assertTrue(fixture.lastUserAgent.matches("StanceGraph/\\S+ \\(https://w3id.org/stancegraph; research use\\)"),
                fixture.lastUserAgent);
        assertTrue(result.out().contains("5 linked, 2 to review"), result.out());
    }

    @Test
    void aPersonTheDictionaryLacksIsMintedByTheExtractionAndLinkedByTheOfficeTheArticleStates(@TempDir Path dir) throws Exception {
        // The dictionary above, with the demonym that names Ruritania in the article, and the project's roles.
        Path dictionaryFiles = Files.createDirectories(dir.resolve("actors"));
        Files.writeString(dictionaryFiles.resolve("fixture.ttl"), DICTIONARY
                + "sga:ruritania sg:demonym \"Ruritanian\"@en .\n");
        for (String file : List.of("roles.ttl", "not-names.txt", "authority-nouns.txt")) {
            Files.copy(Path.of("data/actors", file), dictionaryFiles.resolve(file));
        }
        Extraction extraction = new Extraction(Knowledge.load(Knowledge.Files.under(Path.of("")).with(dictionaryFiles, Path.of("data/stance"))));
        Path article = Files.writeString(dir.resolve("2020-06-01_ruritania.txt"), """
                Ruritania backs Albania

                Posted 1 June 2020 by test staff

                Ruritanian President Mira Novak on Monday condemned Albania for the attack.
                """);
        Path db = dir.resolve("db");
        try (Store store = Store.open(db)) {
            Loader loader = new Loader(store, extraction);
            loader.storeKnowledge(GraphFactory.createDefaultGraph());
            loader.load(List.of(article), new java.io.PrintStream(java.io.OutputStream.nullOutputStream()), Loader.Progress.NONE);
            String novak = SG.ACTOR_NS + "unlisted-mira-novak";
            boolean spoke = store.read(d -> d.contains(Node.ANY, Node.ANY, SG.speaker.asNode(), NodeFactory.createURI(novak)));
            boolean forRuritania = store.read(d -> d.contains(Node.ANY, Node.ANY, SG.actor.asNode(),
                    NodeFactory.createURI(SG.ACTOR_NS + "ruritania")));
            assertTrue(spoke,
                    "the statement names the minted person as its speaker");
            assertTrue(forRuritania,
                    "and Ruritania, whose president she is, as its actor");
        }

        CommandRun result = run("link", "--db", db.toString(), "--endpoint", fixture.uri("/wd").toString(),
                "--cache", dir.resolve("cache").toString(), "--as-of", "2024-01-31");
        assertEquals(0, result.exitCode(), result.err());
        // President of Ruritania from 2017 to 2022 in the fixture: name, human, office of that state, on the article date.
        assertEquals("Q900000030", links(db).get(SG.ACTOR_NS + "unlisted-mira-novak"), result.out());
    }

    @Test
    void aSecondRunAnswersFromTheCacheAndSendsNoRequest(@TempDir Path dir) {
        Path db = dir.resolve("db");
        loadStore(db);
        String[] args = {"link", "--db", db.toString(), "--endpoint", fixture.uri("/wd").toString(),
                "--cache", dir.resolve("cache").toString(), "--as-of", "2024-01-31"};
        int before = fixture.requests.get();
        assertEquals(0, run(args).exitCode());
        int firstRun = fixture.requests.get() - before;
        Graph first = linksGraph(db);
        assertTrue(firstRun > 0, "the first run must ask the endpoint");

        CommandRun second = run(args);
        assertEquals(0, second.exitCode(), second.err());
        assertEquals(firstRun + before, fixture.requests.get(), "the second run sent requests: " + second.out());
        assertTrue(second.out().contains("0 requests"), second.out());
        assertTrue(IsoMatcher.isomorphic(first, linksGraph(db)), "the links must not change between runs");
    }

    @Test
    void retriesAfter429AndThenSucceeds() {
        int before = fixture.flakyRequests.get();
        SparqlEndpoint client = new SparqlEndpoint(settings("/flaky", 3, Duration.ofSeconds(5)));
        assertEquals(1, client.select("SELECT ?s WHERE { ?s ?p \"Freedonia\"@en } LIMIT 1").size());
        assertEquals(FixtureEndpoint.FLAKY_FAILURES, client.retries());
        assertEquals(FixtureEndpoint.FLAKY_FAILURES + 1, client.requestsSent());
        assertEquals(FixtureEndpoint.FLAKY_FAILURES + 1, fixture.flakyRequests.get() - before);
    }

    @Test
    void givesUpWithAClearErrorWhenTheServerKeepsFailing(@TempDir Path dir) {
        SparqlEndpoint client = new SparqlEndpoint(settings("/broken", 2, Duration.ofSeconds(5)));
        SparqlEndpoint.EndpointException e = assertThrows(SparqlEndpoint.EndpointException.class,
                () -> client.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1"));
        assertTrue(e.getMessage().contains("giving up after 3 attempts") && e.getMessage().contains("HTTP 500"), e.getMessage());
        assertEquals(3, client.requestsSent());

        Path db = dir.resolve("db");
        loadStore(db);
        CommandRun cli = run("link", "--db", db.toString(), "--endpoint", fixture.uri("/broken").toString(), "--no-cache",
                "--retries", "1", "--backoff", "0.001");
        assertEquals(1, cli.exitCode());
        assertTrue(cli.err().contains("giving up after 2 attempts, last: HTTP 500"), cli.err());
    }

    @Test
    void aRequestThatTakesTooLongTimesOut() {
        SparqlEndpoint client = new SparqlEndpoint(settings("/slow", 0, Duration.ofMillis(300)));
        long start = System.nanoTime();
        SparqlEndpoint.EndpointException e = assertThrows(SparqlEndpoint.EndpointException.class,
                () -> client.select("SELECT * WHERE { ?s ?p ?o } LIMIT 1"));
        assertTrue(e.getMessage().contains("no answer within 300 ms"), e.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toMillis() < 2500, "the timeout did not cut the wait");
    }

    @Test
    void aBadQueryIsNotRetried() {
        SparqlEndpoint client = new SparqlEndpoint(settings("/wd", 3, Duration.ofSeconds(5)));
        SparqlEndpoint.EndpointException e = assertThrows(SparqlEndpoint.EndpointException.class,
                () -> client.select("SELECT WHERE {"));
        assertTrue(e.getMessage().contains("HTTP 400"), e.getMessage());
        assertEquals(1, client.requestsSent());
        assertFalse(client.retries() > 0);
    }

    private static SparqlEndpoint.Settings settings(String path, int retries, Duration timeout) {
        return new SparqlEndpoint.Settings(fixture.uri(path), "StanceGraph/test (https://w3id.org/stancegraph; research use)",
                Optional.empty(), Duration.ofSeconds(2), timeout, retries, Duration.ofMillis(1), Duration.ofMillis(5));
    }

    private static String row(List<String> rows, String actorLocalName) {
        return rows.stream().filter(r -> r.startsWith(SG.ACTOR_NS + actorLocalName + "\t")).findFirst()
                .orElseThrow(() -> new AssertionError("no review row for " + actorLocalName + " in " + rows));
    }
}
