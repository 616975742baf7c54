package org.stancegraph.article;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.stancegraph.source.SourceProblem;
import org.stancegraph.source.SourceRecord;
import org.stancegraph.source.Sources;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The five real seed articles in ../shared/corpus/seeds. Their text stays there: these tests read
 * the files and compare the article against the files' own lines, quoting nothing but headlines.
 */
class SeedArticlesTest {

    static final Path SEEDS = Path.of("..", "shared", "corpus", "seeds");

    /** Furniture that must not survive cleaning, in any seed. */
    static final List<String> BOILERPLATE = List.of("gtag", "](", "**", "# ", "Photograph:", "Photo:", "SOURCE:",
            "Leave a Reply", "Please enter your", "This article is more than", "View image in", "fullscreen");

    private static Article article(String id) throws IOException {
        Path file = SEEDS.resolve(id + ".txt");
        Assumptions.assumeTrue(Files.isRegularFile(file),
                "seed " + file.toAbsolutePath().normalize() + " is absent (shared corpus not mounted); seed checks skipped");
        List<SourceRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        Sources.read(file, records::add, problems::add);
        assertEquals(List.of(), problems);
        assertEquals(1, records.size());
        return Articles.from(records.get(0));
    }

    /*
     * 004's first line ends in " | World", the section of the site it was saved from; the
     * title-suffix rule cuts it, so the headline is the sentence alone.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "000_7caf2a98905f8893|New flare up of violence breaks out between Azerbaijan and Armenia|2020-09-28",
            "001_97eb6d87a007548f|Fresh Clashes Erupt Between Armenia and Azerbaijan, At Least 23 Dead|2020-09-28",
            "002_c67a387fa88ce996|Dozens killed as Armenian and Azerbaijani forces clash for second day|2020-09-28",
            "003_5b029207665e76b2|Fighting between Armenia and Azerbaijan – Almost 100 killed in overnight|",
            "004_19efd9ddeb546301|Fighting between Azerbaijan troops and Armenian-backed separatists leaves dozens dead|",
    })
    void titleAndDate(String id, String title, String date) throws IOException {
        Article article = article(id);

        assertEquals(title, article.title());
        assertEquals(date == null ? Optional.empty() : Optional.of(LocalDate.parse(date)), article.date());
        assertEquals(id, article.id());
        assertEquals("en", article.language());
        assertEquals(Optional.empty(), article.outlet(), "no seed names its outlet in its text");
    }

    @ParameterizedTest
    @CsvSource({"000_7caf2a98905f8893", "001_97eb6d87a007548f", "002_c67a387fa88ce996", "003_5b029207665e76b2",
            "004_19efd9ddeb546301"})
    void boilerplateIsGoneAndEveryQuoteAndLongParagraphRemains(String id) throws IOException {
        Article article = article(id);

        for (String furniture : BOILERPLATE) {
            assertFalse(article.text().contains(furniture), id + " still contains \"" + furniture + "\"");
        }
        assertFalse(article.text().contains(article.title()), id + " repeats its headline in the text");
        assertFalse(article.text().contains("\n\n\n"), "paragraphs are separated by exactly one blank line");
        int checked = 0;
        for (String line : Files.readAllLines(SEEDS.resolve(id + ".txt"), StandardCharsets.UTF_8)) {
            String prose = Articles.collapse(line.replaceAll("\\[([^\\]]*)\\]\\([^)]*\\)", "$1"));
            boolean quote = prose.contains("“") || prose.contains("\"");
            boolean paragraph = prose.split(" ").length >= 20;
            boolean caption = prose.contains("Photograph:") || prose.contains("Photo:");
            if ((quote || paragraph) && !caption) {
                assertTrue(article.text().contains(prose), id + " lost a line of the article: " + prose);
                checked++;
            }
        }
        assertTrue(checked >= 8, id + ": only " + checked + " lines checked");
    }

    @ParameterizedTest
    @CsvSource({"000_7caf2a98905f8893", "002_c67a387fa88ce996"})
    void bylinesGiveTheAuthor(String id) throws IOException {
        Article article = article(id);

        assertTrue(article.author().isPresent(), id + " has a byline");
        String author = article.author().get();
        assertTrue(author.matches("\\p{Lu}\\p{L}+ \\p{Lu}\\p{L}+"), "a first and last name, without agency or date: " + author);
        assertFalse(article.text().contains(author + "\n"), "the byline line left the text");
    }

    @ParameterizedTest
    @CsvSource({"000_7caf2a98905f8893", "003_5b029207665e76b2"})
    void theSameSeedReadTwiceGivesEqualArticles(String id) throws IOException {
        assertEquals(article(id), article(id));
    }
}
