package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.query.Queries;
import org.stancegraph.store.Store;

/**
 * The queries page in Debian's headless Chromium, on the sample corpus: "Run" on who-supports-whom shows the rows Jena
 * gives for the same query, and "Open in the UI" puts the query's text in the Fuseki UI's editor.
 */
class QueriesBrowserTest {
    private static final String QUERY = "who-supports-whom";

    @TempDir
    static Path workArea;

    private static Store store;
    private static SparqlServer.Running server;
    private static ChromeDriver browser;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        store = Store.open(workArea.resolve("db"));
        Loader loader = new Loader(store, Extraction.standard());
        loader.storeKnowledge(Ontology.load());
        loader.load(List.of(Path.of("data/articles")), new PrintStream(OutputStream.nullOutputStream()), Loader.Progress.NONE);
        server = SparqlServer.start(store, ServerOptions.defaults().withPort(0).withFusekiBase(workArea.resolve("fuseki")));
        browser = HeadlessChromium.start(workArea, "1400,1000");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    private static WebElement openPageAt(String queryName) {
        browser.get(server.queries().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(
                b -> !"loading".equals(b.findElement(By.tagName("body")).getAttribute("data-state")));
        assertEquals("ready", browser.findElement(By.tagName("body")).getAttribute("data-state"),
                "page failed: " + browser.findElement(By.id("status")).getText());
        return browser.findElement(By.id("query-" + queryName));
    }

    @Test
    void runShowsTheRowsJenaGives() throws IOException {
        WebElement item = openPageAt(QUERY);
        item.findElement(By.cssSelector("button.run")).click();
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> !"running".equals(item.getAttribute("data-state")));
        assertEquals("done", item.getAttribute("data-state"), item.findElement(By.cssSelector(".result")).getText());

        List<List<String>> expected = rowsByJena(QUERY);
        assertTrue(expected.size() > 2, "the sample corpus has pairs");
        List<String> header = item.findElements(By.cssSelector(".result thead th")).stream().map(WebElement::getText).toList();
        assertEquals(expected.get(0), header);
        List<List<String>> shown = new ArrayList<>();
        shown.add(header);
        for (WebElement row : item.findElements(By.cssSelector(".result tbody tr"))) {
            shown.add(row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList());
        }
        assertEquals(expected, shown, "the table shows Jena's rows, in order");
        assertTrue(item.findElement(By.cssSelector(".result p.count")).getText().startsWith((expected.size() - 1) + " rows"));
        browser.executeScript("arguments[0].scrollIntoView()", item);
        Path shot = Files.createDirectories(Path.of("target", "explorer-screenshots")).resolve("queries-run.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
    }

    @Test
    void openInTheUiPutsTheQueryInTheEditor() {
        WebElement item = openPageAt(QUERY);
        item.findElement(By.cssSelector("a.open")).click();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> !b.findElements(By.cssSelector(".CodeMirror")).isEmpty());
        String text = Queries.resolve(QUERY, Queries.home()).text();
        wait.until(b -> text.equals(browser.executeScript("return document.querySelector('.CodeMirror').CodeMirror.getValue()")));
    }

    /** The query's header and rows as Jena answers it on the store, each value its lexical form ("" when unbound). */
    private static List<List<String>> rowsByJena(String name) {
        return store.read(dataset -> {
            List<List<String>> rows = new ArrayList<>();
            try (QueryExecution execution = QueryExecution.dataset(DatasetFactory.wrap(dataset))
                    .query(Queries.parse(Queries.resolve(name, Queries.home()))).build()) {
                ResultSet results = execution.execSelect();
                rows.add(results.getResultVars());
                results.forEachRemaining(row -> rows.add(results.getResultVars().stream().map(v -> {
                    var node = row.get(v);
                    return node == null ? "" : node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString();
                }).toList()));
            }
            return rows;
        });
    }
}
