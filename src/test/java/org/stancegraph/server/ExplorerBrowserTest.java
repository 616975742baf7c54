package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.jena.sparql.exec.QueryExec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stancegraph.actor.ActorKind;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * The explorer in a real browser: Debian's headless Chromium, driven through its
 * chromedriver, on the seed articles loaded the way {@code stancegraph load} loads them.
 * Expected edges and quotes are read from the store, not written here. Screenshots go to
 * {@code target/explorer-screenshots/}.
 */
class ExplorerBrowserTest {
    private static final Path SEEDS = Path.of("..", "shared", "corpus", "seeds");
    private static final Path SCREENSHOTS = Path.of("target", "explorer-screenshots");

    private static final String TURKEY = SG.ACTOR_NS + "turkey";
    private static final String AZERBAIJAN = SG.ACTOR_NS + "azerbaijan";
    private static final String ARMENIA = SG.ACTOR_NS + "armenia";
    private static final String RUSSIA = SG.ACTOR_NS + "russia";

    /** Selenium warns that it has no DevTools bindings for this Chromium; the tests use none. Held so it stays set. */
    private static final java.util.logging.Logger SELENIUM_LOG = java.util.logging.Logger.getLogger("org.openqa.selenium");

    @TempDir
    static Path workArea;

    private static Store store;
    private static SparqlServer.Running server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        SELENIUM_LOG.setLevel(java.util.logging.Level.SEVERE);
        Assumptions.assumeTrue(Files.isDirectory(SEEDS), "the seed articles are not at " + SEEDS.toAbsolutePath()
                + " (shared/ is not beside the project): browser tests of the explorer skipped");
        HeadlessChromium.assumeInstalled();
        store = Store.open(workArea.resolve("db"));
        Loader loader = new Loader(store, Extraction.standard());
        loader.storeKnowledge(Ontology.load());
        loader.load(List.of(SEEDS), new PrintStream(OutputStream.nullOutputStream()), Loader.Progress.NONE);
        server = SparqlServer.start(store, ServerOptions.defaults().withPort(0).withFusekiBase(workArea.resolve("fuseki")));

        browser = HeadlessChromium.start(workArea, "1500,900");
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    @BeforeEach
    void openExplorer() {
        browser.get(server.explorer().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                b -> !"loading".equals(b.findElement(By.tagName("body")).getAttribute("data-state")));
        assertEquals("ready", browser.findElement(By.tagName("body")).getAttribute("data-state"),
                "page failed: " + browser.findElement(By.id("status")).getText());
    }

    @Test
    void drawsTheEdgesTheSeedsImply() throws IOException {
        assertTrue(hasEdge(TURKEY, AZERBAIJAN, "support"), "Turkey supports Azerbaijan");
        assertTrue(hasEdge(ARMENIA, TURKEY, "oppose"), "Armenia opposes Turkey");
        assertTrue(hasEdge(ARMENIA, RUSSIA, "ally") || hasEdge(RUSSIA, ARMENIA, "ally"), "Russia allied with Armenia");
        assertEquals(statementCount(TURKEY, AZERBAIJAN, "support"), ((Number) js(
                "return cy.getElementById(arguments[0]).data('weight')", "support " + TURKEY + " " + AZERBAIJAN)).longValue(),
                "the edge's weight is its number of statements");
        // States and de-facto states are told apart by shape.
        assertEquals("ellipse", js("return cy.getElementById(arguments[0]).data('shape')", TURKEY));
        assertEquals("diamond", js("return cy.getElementById(arguments[0]).data('shape')", SG.ACTOR_NS + "republic-of-artsakh"));
        assertEquals("250px", js("return getComputedStyle(document.getElementById('filters')).width"),
                "the style sheet is applied");
        assertEquals(ActorKind.values().length + 1L, ((Number) js("return document.querySelectorAll('#legend .shape').length")).longValue(),
                "the legend shows every kind of actor, and 'other' for an actor of no known kind");
        screenshot("network");
    }

    @Test
    void clickingAnEdgeListsItsStatementsWithQuotes() throws IOException {
        String edge = "support " + TURKEY + " " + AZERBAIJAN;
        @SuppressWarnings("unchecked")
        Map<String, Number> point = (Map<String, Number>) js(
                "const e = cy.getElementById(arguments[0]); const p = e.renderedMidpoint(); "
                        + "const box = cy.container().getBoundingClientRect(); "
                        + "return {x: p.x - box.width / 2, y: p.y - box.height / 2};", edge);
        new Actions(browser).moveToElement(browser.findElement(By.id("graph")), point.get("x").intValue(),
                point.get("y").intValue()).click().perform();

        assertEquals("Turkey supports Azerbaijan", browser.findElement(By.id("details-title")).getText());
        List<WebElement> items = browser.findElements(By.cssSelector("#statements li.statement"));
        assertEquals(statementCount(TURKEY, AZERBAIJAN, "support"), items.size());
        String panel = browser.findElement(By.id("statements")).getText();
        List<String> quotes = quotes(TURKEY, AZERBAIJAN, "support");
        assertFalse(quotes.isEmpty(), "the seeds quote Turkey's support");
        for (String quote : quotes) {
            assertTrue(panel.contains(quote), "the panel shows the quote: " + quote);
        }
        String turkeyOnWikidata = "https://www.wikidata.org/wiki/" + wikidataId(TURKEY);
        for (WebElement item : items) {
            assertEquals(turkeyOnWikidata, item.findElement(By.cssSelector("a.wikidata")).getAttribute("href"));
            assertFalse(item.findElement(By.cssSelector("a.article")).getText().isBlank(), "each statement links its article");
        }
        screenshot("edge-clicked");
    }

    @Test
    void clickingAnActorListsThePositionsItTakes() throws IOException {
        js("cy.getElementById(arguments[0]).emit('tap')", ARMENIA);
        assertTrue(browser.findElement(By.id("details-title")).getText().startsWith("Armenia"));
        assertEquals("https://www.wikidata.org/wiki/" + wikidataId(ARMENIA),
                browser.findElement(By.cssSelector("#details-title a.wikidata")).getAttribute("href"));
        long shown = ((Number) js("const items = [...document.querySelectorAll('#statements li')];"
                + " const about = items.findIndex((li, i) => i > 0 && li.classList.contains('heading'));"
                + " return items.slice(1, about).length")).longValue();
        assertEquals(targetedStatementRows(ARMENIA), shown, "one item per statement and target");
        screenshot("actor-clicked");
    }

    @Test
    void filtersChangeTheNetwork() throws IOException {
        browser.findElement(By.cssSelector("#classes input[value='support']")).click();
        assertFalse(hasEdge(TURKEY, AZERBAIJAN, "support"), "support is filtered out");
        assertTrue(hasEdge(ARMENIA, TURKEY, "oppose"), "opposition stays");

        new Select(browser.findElement(By.id("actor"))).selectByVisibleText("Russia");
        long notTouchingRussia = ((Number) js("return cy.edges().filter(e => e.data('source') !== arguments[0]"
                + " && e.data('target') !== arguments[0]).length", RUSSIA)).longValue();
        assertEquals(0, notTouchingRussia, "only Russia's edges are left");
        assertTrue(hasEdge(ARMENIA, RUSSIA, "ally") || hasEdge(RUSSIA, ARMENIA, "ally"));
        screenshot("filtered-russia");

        browser.findElement(By.id("alliances")).click();
        assertEquals(0L, ((Number) js("return cy.edges('[layer = \"alliance\"]').length")).longValue(),
                "the alliance layer can be turned off");

        browser.findElement(By.id("articles-none")).click();
        assertEquals(0L, ((Number) js("return cy.edges().length")).longValue(), "no article, no edge");
    }

    @Test
    void dateFilterKeepsOnlyDatedStatementsInRange() {
        browser.findElement(By.id("include-undated")).click();
        @SuppressWarnings("unchecked")
        List<String> dates = (List<String>) js("return cy.edges().flatMap(e => e.scratch('_statements').map(s => s.date))");
        assertFalse(dates.isEmpty(), "the seeds have dated statements");
        assertTrue(dates.stream().noneMatch(String::isEmpty), "undated statements are left out");
        js("const f = document.getElementById('date-to'); f.value = '1999-12-31'; f.dispatchEvent(new Event('change'))");
        assertEquals(0L, ((Number) js("return cy.edges().length")).longValue(), "nothing was said before 2000");
    }

    @Test
    void selectingAnEdgeShowsItsTimelineAndTheDateRangeFiltersIt() throws IOException {
        String edge = "support " + TURKEY + " " + AZERBAIJAN;
        js("cy.getElementById(arguments[0]).emit('tap')", edge);
        List<String> all = monthlyCounts(TURKEY, AZERBAIJAN, null, null);
        assertFalse(all.isEmpty(), "the seeds date Turkey's support of Azerbaijan");
        assertEquals(all, shownTimeline());
        long monthsShown = ((Number) js("return new Set([...document.querySelectorAll('#timeline rect.bar')]"
                + ".map(r => r.dataset.month)).size")).longValue();
        assertEquals(2 * monthsShown, ((Number) js("return document.querySelectorAll('#timeline rect.bar').length")).longValue(),
                "a supporting and an opposing bar for every month");
        long supportShown = ((Number) js("return [...document.querySelectorAll('#timeline rect.bar.support')]"
                + ".reduce((n, r) => n + Number(r.dataset.count), 0)")).longValue();
        assertEquals(((Number) js("return [...document.querySelectorAll('#statements li.statement .meta:last-child')]"
                + ".filter(m => !m.textContent.includes('no date')).length")).longValue(), supportShown,
                "the supporting bars count the edge's dated statements");
        screenshot("edge-timeline");

        // A range that keeps the last day only, or, when all were said on one day, ends before it.
        List<String> dates = statementDates(TURKEY, AZERBAIJAN);
        String from = dates.size() > 1 ? dates.get(dates.size() - 1) : null;
        String to = dates.size() > 1 ? null : java.time.LocalDate.parse(dates.get(0)).minusDays(1).toString();
        js("const f = document.getElementById(arguments[0]); f.value = arguments[1]; f.dispatchEvent(new Event('change'))",
                from != null ? "date-from" : "date-to", from != null ? from : to);
        List<String> inRange = monthlyCounts(TURKEY, AZERBAIJAN, from, to);
        assertFalse(inRange.equals(all), "the range leaves statements out");
        assertEquals("Turkey supports Azerbaijan", browser.findElement(By.id("details-title")).getText(), "the edge stays selected");
        assertEquals(inRange, shownTimeline(), "the timeline follows the date range");
        screenshot("edge-timeline-range");
    }

    // ---- helpers

    /** What the timeline draws: "yyyy-mm class=count" for every bar that is not empty, sorted. */
    @SuppressWarnings("unchecked")
    private static List<String> shownTimeline() {
        return ((List<String>) js("return [...document.querySelectorAll('#timeline rect.bar')].filter(r => r.dataset.count !== '0')"
                + ".map(r => r.dataset.month + ' ' + r.classList[1] + '=' + r.dataset.count)")).stream().sorted().toList();
    }

    /** The pair's supporting and opposing statements per month, from the store, dated as the explorer dates them. */
    private static List<String> monthlyCounts(String actor, String target, String from, String to) {
        String query = "PREFIX sg: <" + SG.NS + "> PREFIX dcterms: <http://purl.org/dc/terms/> PREFIX prov: <http://www.w3.org/ns/prov#>"
                + " SELECT ?month ?class (COUNT(DISTINCT ?s) AS ?n) WHERE {"
                + " VALUES ?classIri { <" + SG.STANCE_NS + "support> <" + SG.STANCE_NS + "oppose> }"
                + " ?s a sg:Statement ; sg:actor <" + actor + "> ; sg:target <" + target + "> ; sg:stanceClass ?classIri ;"
                + " prov:wasDerivedFrom ?article ."
                + " OPTIONAL { ?s dcterms:date ?statementDate } OPTIONAL { ?article dcterms:issued ?issued }"
                + " BIND (STR(COALESCE(?statementDate, ?issued)) AS ?date) FILTER (BOUND(?date))"
                + (from == null ? "" : " FILTER (?date >= \"" + from + "\")")
                + (to == null ? "" : " FILTER (?date <= \"" + to + "\")")
                + " BIND (SUBSTR(?date, 1, 7) AS ?month) BIND (STRAFTER(STR(?classIri), \"/stance/\") AS ?class)"
                + " } GROUP BY ?month ?class";
        return store.read(dataset -> {
            List<String> counts = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                exec.select().forEachRemaining(row -> counts.add(row.get("month").getLiteralLexicalForm() + " "
                        + row.get("class").getLiteralLexicalForm() + "=" + row.get("n").getLiteralLexicalForm()));
            }
            return counts.stream().sorted().toList();
        });
    }

    /** The distinct dates of the pair's supporting statements, oldest first. */
    private static List<String> statementDates(String actor, String target) {
        String query = "PREFIX sg: <" + SG.NS + "> PREFIX dcterms: <http://purl.org/dc/terms/>"
                + " SELECT DISTINCT ?date WHERE { ?s a sg:Statement ; sg:actor <" + actor + "> ; sg:target <" + target + "> ;"
                + " sg:stanceClass <" + SG.STANCE_NS + "support> ; dcterms:date ?date } ORDER BY ?date";
        return store.read(dataset -> {
            List<String> dates = new ArrayList<>();
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                exec.select().forEachRemaining(row -> dates.add(row.get("date").getLiteralLexicalForm()));
            }
            return dates;
        });
    }

    private static Object js(String script, Object... arguments) {
        return ((JavascriptExecutor) browser).executeScript(script, arguments);
    }

    private static boolean hasEdge(String source, String target, String stanceClass) {
        return (Boolean) js("return cy.edges().some(e => e.data('source') === arguments[0]"
                + " && e.data('target') === arguments[1] && e.data('cls') === arguments[2])", source, target, stanceClass);
    }

    private static void screenshot(String name) throws IOException {
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    private static long statementCount(String actor, String target, String stanceClass) {
        return rows(actor, target, stanceClass).size();
    }

    private static List<String> quotes(String actor, String target, String stanceClass) {
        return rows(actor, target, stanceClass).values().stream().filter(q -> !q.isEmpty()).distinct().toList();
    }

    /** The statements of the store, by IRI, with their quote ("" when none). */
    private static Map<String, String> rows(String actor, String target, String stanceClass) {
        String query = "PREFIX sg: <" + SG.NS + "> SELECT ?s ?quote WHERE { ?s a sg:Statement ; sg:actor <" + actor
                + "> ; sg:target <" + target + "> ; sg:stanceClass <" + SG.STANCE_NS + stanceClass
                + "> OPTIONAL { ?s sg:quote ?quote } }";
        return store.read(dataset -> {
            Map<String, String> found = new TreeMap<>();
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                exec.select().forEachRemaining(row -> found.put(row.get("s").getURI(),
                        row.get("quote") == null ? "" : row.get("quote").getLiteralLexicalForm()));
            }
            return found;
        });
    }

    /** How many (statement, target) pairs have {@code actor} as their actor. */
    private static long targetedStatementRows(String actor) {
        String query = "PREFIX sg: <" + SG.NS + "> SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s ?t WHERE {"
                + " ?s a sg:Statement ; sg:actor <" + actor + "> ; sg:target ?t ; sg:sentence [] } }";
        return store.read(dataset -> {
            try (QueryExec exec = QueryExec.dataset(dataset).query(query).build()) {
                return Long.parseLong(exec.select().next().get("n").getLiteralLexicalForm());
            }
        });
    }

    private static String wikidataId(String actor) {
        List<String> ids = new ArrayList<>();
        store.read(dataset -> {
            dataset.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.NodeFactory.createURI(actor),
                    SG.wikidataId.asNode(), org.apache.jena.graph.Node.ANY)
                    .forEachRemaining(q -> ids.add(q.getObject().getLiteralLexicalForm()));
            return null;
        });
        assertEquals(1, ids.size(), "one Wikidata id for " + actor);
        return ids.get(0);
    }
}
