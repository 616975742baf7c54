package org.stancegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.jena.query.QueryParseException;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.store.SampleGraphs;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/** Resolution of query arguments, output formats, and the shipped queries/ against sample graphs. */
class QueriesTest {

    /** Tests run with the project root as working directory, so queries/ is the shipped folder. */
    private static final Path HOME = Path.of("").toAbsolutePath();
    private static Store store;

    @TempDir
    Path temp;

    @BeforeAll
    static void fill() {
        store = SampleGraphs.fill(Store.inMemory());
    }

    @AfterAll
    static void close() {
        store.close();
    }

    private static String run(String argument, Queries.Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Queries.run(store, Queries.parse(Queries.resolve(argument, HOME)), format, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static List<CSVRecord> csv(String text) throws Exception {
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(new java.io.StringReader(text))) {
            return parser.getRecords();
        }
    }

    @Test
    void aNameIsAFileInQueries() {
        Queries.Source source = Queries.resolve("articles", HOME);
        assertTrue(source.origin().endsWith(Path.of("queries", "articles.rq").toString()), source.origin());
    }

    @Test
    void anRqPathIsReadAndAnythingElseIsInline() throws Exception {
        Path file = temp.resolve("count.rq");
        Files.writeString(file, "SELECT (COUNT(*) AS ?n) WHERE { ?s a <" + SG.Article.getURI() + "> }");
        assertEquals(Files.readString(file), Queries.resolve(file.toString(), HOME).text());
        String inline = "ASK { ?s ?p ?o }";
        assertEquals(inline, Queries.resolve(inline, HOME).text());
        assertEquals("inline query", Queries.resolve(inline, HOME).origin());
    }

    @Test
    void unknownNamesAndFilesAreReportedNotParsed() {
        IllegalArgumentException noName = assertThrows(IllegalArgumentException.class, () -> Queries.resolve("no-such-query", HOME));
        assertTrue(noName.getMessage().contains("no-such-query"));
        assertThrows(IllegalArgumentException.class, () -> Queries.resolve(temp.resolve("missing.rq").toString(), HOME));
    }

    @Test
    void syntaxErrorsCarryLineAndColumn() {
        QueryParseException e = assertThrows(QueryParseException.class,
                () -> Queries.parse(new Queries.Source("inline", "SELECT ?x\nWHERE { ?x ?y }")));
        assertEquals(2, e.getLine());
        assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    }

    @Test
    void csvHasAHeaderAndOneRowPerArticle() throws Exception {
        String text = run("articles", Queries.Format.CSV);
        assertTrue(text.startsWith("id,title,date,outlet,author,url"), text);
        List<CSVRecord> rows = csv(text);
        assertEquals(List.of(SampleGraphs.ARTICLE_1_ID, SampleGraphs.ARTICLE_2_ID), rows.stream().map(r -> r.get("id")).toList());
        assertEquals("Fighting resumes", rows.get(0).get("title"));
        assertEquals("2020-09-28", rows.get(0).get("date"));
    }

    @Test
    void mentionsGiveCountsAndBareWikidataIds() throws Exception {
        List<CSVRecord> rows = csv(run("mentions", Queries.Format.CSV));
        CSVRecord turkeyInFirst = rows.stream()
                .filter(r -> r.get("article").equals(SampleGraphs.ARTICLE_1_ID) && r.get("actor").endsWith("/turkey"))
                .findFirst().orElseThrow();
        assertEquals("Turkey", turkeyInFirst.get("label"));
        assertEquals("Q43", turkeyInFirst.get("wikidata"));
        assertEquals(Integer.toString(SampleGraphs.TURKEY_MENTIONS_ARTICLE_1), turkeyInFirst.get("mentions"));
        long total = rows.stream().mapToLong(r -> Long.parseLong(r.get("mentions"))).sum();
        assertEquals(SampleGraphs.mentionCount(), total);
    }

    @Test
    void articlesMentioningTurkeyAreBoth() throws Exception {
        List<CSVRecord> rows = csv(run("articles-mentioning", Queries.Format.CSV));
        assertEquals(List.of(SampleGraphs.ARTICLE_1_ID, SampleGraphs.ARTICLE_2_ID), rows.stream().map(r -> r.get("article")).toList());
    }

    @Test
    void membersComeFromTheDictionaryAndFromArticles() throws Exception {
        List<CSVRecord> rows = csv(run("members", Queries.Format.CSV));
        Set<String> pairs = new HashSet<>();
        for (CSVRecord r : rows) {
            pairs.add(r.get("memberLabel") + " in " + r.get("organisationLabel") + " from " + r.get("sources"));
        }
        assertTrue(pairs.contains("Armenia in Collective Security Treaty Organization from " + SampleGraphs.ARTICLE_1_ID), pairs.toString());
        assertTrue(pairs.contains("Turkey in NATO from dictionary"), pairs.toString());
    }

    @Test
    void officesListRoleOrganisationAndDates() throws Exception {
        List<CSVRecord> rows = csv(run("offices", Queries.Format.CSV));
        assertEquals(1, rows.size());
        assertEquals("head of state", rows.get(0).get("role"));
        assertEquals("Turkey", rows.get(0).get("organisationLabel"));
        assertEquals("2014-08-28", rows.get(0).get("start"));
        assertEquals("", rows.get(0).get("end"));
    }

    @Test
    void everyShippedQueryStartsWithAComment() {
        List<Queries.Named> named = Queries.list(HOME);
        List<String> names = new ArrayList<>(named.stream().map(Queries.Named::name).toList());
        assertTrue(names.containsAll(List.of("articles", "articles-mentioning", "members", "mentions", "offices")), names.toString());
        named.forEach(n -> assertTrue(!n.description().isBlank(), n.name() + " has no first-line comment"));
    }

    @Test
    void otherFormatsAndQueryForms() {
        String select = "PREFIX sg: <" + SG.NS + "> SELECT ?id WHERE { ?a sg:articleId ?id } ORDER BY ?id";
        String tsv = run(select, Queries.Format.TSV);
        assertTrue(tsv.startsWith("?id\n"), tsv);
        String json = run(select, Queries.Format.JSON);
        assertTrue(json.contains("\"vars\"") && json.contains(SampleGraphs.ARTICLE_2_ID), json);
        String table = run(select, Queries.Format.TABLE);
        assertTrue(table.contains("| id") && table.contains(SampleGraphs.ARTICLE_1_ID), table);
        assertTrue(run("ASK { ?s a <" + SG.Statement.getURI() + "> }", Queries.Format.CSV).contains("true"));

        String construct = "PREFIX sg: <" + SG.NS + "> CONSTRUCT { ?a sg:articleId ?id } WHERE { ?a sg:articleId ?id }";
        Model model = ModelFactory.createDefaultModel();
        RDFParser.fromString(run(construct, Queries.Format.TABLE), Lang.TURTLE).parse(model);
        assertEquals(2, model.size());
        assertTrue(model.getNsPrefixMap().containsKey("sg"), "query prefixes are kept in the Turtle");
    }
}
