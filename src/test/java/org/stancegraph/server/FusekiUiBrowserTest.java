package org.stancegraph.server;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.stancegraph.knowledge.Ontology;
import org.stancegraph.load.Extraction;
import org.stancegraph.load.Loader;
import org.stancegraph.store.Store;

/**
 * The Fuseki UI that {@code stancegraph start} serves, in a real browser: its query page
 * runs a SPARQL query against the sample corpus and shows the answer.
 */
class FusekiUiBrowserTest {
    @TempDir
    static Path workArea;

    private static Store store;
    private static SparqlServer.Running server;
    private static ChromeDriver browser;
    private static long statements;

    @BeforeAll
    static void start() throws IOException {
        HeadlessChromium.assumeInstalled();
        store = Store.open(workArea.resolve("db"));
        Loader loader = new Loader(store, Extraction.standard());
        loader.storeKnowledge(Ontology.load());
        statements = loader.load(List.of(Path.of("data/articles")), new PrintStream(OutputStream.nullOutputStream()), Loader.Progress.NONE).statements();
        server = SparqlServer.start(store, ServerOptions.defaults().withPort(0).withFusekiBase(workArea.resolve("fuseki")));
        browser = HeadlessChromium.start(workArea, "1400,1000");
    }

    @AfterAll
    static void stop() {
        if (browser != null) browser.quit();
        if (server != null) server.stop();
        if (store != null) store.close();
    }

    @Test
    void theQueryPageRunsAQueryAndShowsItsAnswer() throws IOException {
        browser.get(server.address() + "#/dataset/stancegraph/query");
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
        wait.until(b -> !b.findElements(By.cssSelector(".CodeMirror")).isEmpty());
        String query = "SELECT (COUNT(?s) AS ?statements) WHERE { ?s a <https://w3id.org/stancegraph/ontology#Statement> }";
        browser.executeScript("document.querySelector('.CodeMirror').CodeMirror.setValue(arguments[0])", query);
        wait.until(b -> !b.findElements(By.cssSelector(".yasqe_queryButton")).isEmpty());
        browser.findElement(By.cssSelector(".yasqe_queryButton")).click();
        String expected = Long.toString(statements);
        wait.until(b -> b.findElements(By.cssSelector(".yasr td, .yasr .dataTable td")).stream()
                .anyMatch(cell -> cell.getText().contains(expected)));
        Path shot = Files.createDirectories(Path.of("target", "explorer-screenshots")).resolve("fuseki-ui-query.png");
        Files.write(shot, browser.getScreenshotAs(OutputType.BYTES));
        assertTrue(statements > 50, "the sample corpus holds statements");
    }
}
