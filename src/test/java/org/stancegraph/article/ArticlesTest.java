package org.stancegraph.article;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.source.SourceProblem;
import org.stancegraph.source.SourceRecord;
import org.stancegraph.source.Sources;
import org.stancegraph.source.TestPages;

class ArticlesTest {

    @TempDir
    Path dir;

    /** An invented article in the markdown-ish shape of saved news pages, with their furniture. */
    static final String TEXT_WITH_BOILERPLATE = """
            !-- Google tag (gtag.js) -->

            This article is more than **2 years old**

            # Border talks collapse as Ruritania recalls envoy

            By\u00a0Jana Novak\u00a0with\u00a0Reuters\u00a0\u00a0•\u00a0\u00a0Updated:\u00a014/03/2021

            [Read more](#)

            Share

            Ruritania recalled its ambassador on Sunday after talks over the disputed
            river crossing ended without agreement.

            “We cannot negotiate while our villages are under fire,” the foreign minister said in a [televised statement](#).

            - [Why the river crossing matters](#)

            [View image in](#)

            [fullscreen](#)

            Soldiers stand guard at the crossing. Photograph: Staff photographer/Example Agency

            The neighbouring government denied firing on any village and called for a return to the table.

            Leave a Reply
            Please enter your comment!
            A reader wrote a comment that is not part of the article.
            """;

    private static List<SourceRecord> read(Path file) {
        List<SourceRecord> records = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        Sources.read(file, records::add, problems::add);
        return records;
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void plainTextLosesItsBoilerplateAndKeepsHeadlineBylineAndDate() throws IOException {
        Article article = Articles.from(read(write("ruritania.txt", TEXT_WITH_BOILERPLATE)).get(0), ProjectBoilerplate.RULES);

        assertEquals("ruritania", article.id());
        assertEquals("Border talks collapse as Ruritania recalls envoy", article.title());
        assertEquals(Optional.of(LocalDate.of(2021, 3, 14)), article.date());
        assertEquals(Optional.of("Jana Novak"), article.author());
        assertEquals(Optional.empty(), article.outlet(), "the text does not name its outlet");
        assertEquals(Optional.empty(), article.url());
        assertEquals("en", article.language());
        assertEquals("text", article.sourceFormat());
        assertEquals("""
                Ruritania recalled its ambassador on Sunday after talks over the disputed river crossing ended without agreement.

                “We cannot negotiate while our villages are under fire,” the foreign minister said in a televised statement.

                The neighbouring government denied firing on any village and called for a return to the table.""",
                article.text());
    }

    @Test
    void aCreditLineTakesItsCaptionAlongAndACopyrightLineNamesTheOutlet() throws IOException {
        Article article = Articles.from(read(write("harbour.text", """
                Harbour workers strike over pay in Port Example
                September 3, 2019
                Harbour workers strike over pay in Port Example
                Workers gather at the gate before dawn.
                SOURCE: A. PHOTOGRAPHER/EXAMPLE AGENCY

                The strike began at midnight
                and closed every berth.

                Harbour map

                © 2019 The Daily Example. All rights reserved.
                """)).get(0), ProjectBoilerplate.RULES);

        assertEquals("Harbour workers strike over pay in Port Example", article.title());
        assertEquals(Optional.of(LocalDate.of(2019, 9, 3)), article.date());
        assertEquals(Optional.of("The Daily Example"), article.outlet());
        assertEquals(Optional.empty(), article.author());
        assertEquals("The strike began at midnight and closed every berth.", article.text());
    }

    @Test
    void aTextWithoutDateOrHeadingTakesItsFirstSubstantialLineAsTitle() throws IOException {
        Article article = Articles.from(read(write("short.txt", """
                Share

                Envoys agree to meet again | World

                The envoys agreed to meet again next week.
                """)).get(0), ProjectBoilerplate.RULES);

        assertEquals("Envoys agree to meet again", article.title(), "the \" | World\" section suffix is cut");
        assertEquals(Optional.empty(), article.date());
        assertEquals("The envoys agreed to meet again next week.", article.text());
    }

    @Test
    void aTextOfOneLineStaysText() {
        Article article = Articles.from(new SourceRecord("one", "one.txt", "text", "Only one sentence was saved.\n", Map.of()), ProjectBoilerplate.RULES);

        assertEquals("", article.title());
        assertEquals("Only one sentence was saved.", article.text());
    }

    @Test
    void htmlMetadataWinsAndTheRepeatedHeadlineLeavesTheText() throws IOException {
        Path file = write("valdora.html", TestPages.VALDORA);

        Article article = Articles.from(read(file).get(0), ProjectBoilerplate.RULES);

        assertEquals("Ministers meet in Valdora to discuss grain corridor", article.title());
        assertEquals(Optional.of(LocalDate.of(2021, 6, 2)), article.date(), "the date as the publisher wrote it, not in UTC");
        assertEquals(Optional.of("The Example Herald"), article.outlet());
        assertEquals(Optional.of("Priya Raman"), article.author());
        assertEquals(Optional.of("https://news.example.org/2021/06/ministers-meet"), article.url());
        assertEquals("en-GB", article.language());
        assertEquals("html", article.sourceFormat());
        assertEquals("""
                Foreign ministers from three coastal states met in Valdora on Wednesday to discuss a shared grain corridor.

                "We support a corridor that is open to every ship," the host minister told reporters.

                Talks will resume next month in a neutral city.

                Officials declined to name it.""", article.text());
    }

    @Test
    void jsonLinesFieldsBecomeTheArticle() throws IOException {
        Path file = write("wire.jsonl", """
                {"id":"wire-1","url":"https://wire.example/1","title":"Envoy urges calm","date":"January 5, 2022","text":"The envoy urged calm.\\n\\nBoth sides listened.","outlet":"Example Wire","author":"Sam Lee","language":"fr"}
                {"text":"A text without metadata."}
                """);

        List<SourceRecord> records = read(file);
        Article first = Articles.from(records.get(0), ProjectBoilerplate.RULES);
        Article second = Articles.from(records.get(1), ProjectBoilerplate.RULES);

        assertEquals(new Article("wire-1", "Envoy urges calm", Optional.of(LocalDate.of(2022, 1, 5)),
                Optional.of("Example Wire"), Optional.of("Sam Lee"), Optional.of("https://wire.example/1"), "fr",
                "The envoy urged calm.\n\nBoth sides listened.",
                sha256("wire-1\nEnvoy urges calm\n2022-01-05\nThe envoy urged calm.\n\nBoth sides listened."), "jsonl"), first);
        assertEquals("wire:2", second.id());
        assertEquals("A text without metadata.", second.text());
        assertEquals("", second.title(), "a JSON record without title gets none; its text is not searched for one");
        assertEquals("en", second.language());
    }

    @Test
    void theContentHashIsSha256OfIdTitleDateAndText() {
        Article article = Articles.from(new SourceRecord("x", "x.txt", "text",
                "A fairly plain headline\n\nUpdated: 01/02/2021\n\nOne sentence of body.", Map.of()), ProjectBoilerplate.RULES);

        assertEquals("A fairly plain headline", article.title());
        assertEquals(sha256("x\nA fairly plain headline\n2021-02-01\nOne sentence of body."), article.contentHash());
        Article undated = Articles.from(new SourceRecord("x", "x.txt", "text",
                "A fairly plain headline\n\nOne sentence of body.", Map.of()), ProjectBoilerplate.RULES);
        assertEquals(sha256("x\nA fairly plain headline\n\nOne sentence of body."), undated.contentHash());
        assertNotEquals(article.contentHash(), undated.contentHash());
    }

    @Test
    void readingTheSameFileTwiceGivesEqualArticles() throws IOException {
        Path file = write("ruritania.md", TEXT_WITH_BOILERPLATE);

        Article once = Articles.from(read(file).get(0), ProjectBoilerplate.RULES);
        Article twice = Articles.from(read(file).get(0), ProjectBoilerplate.RULES);

        assertEquals(once, twice);
        assertEquals(once.contentHash(), twice.contentHash());
        assertEquals(64, once.contentHash().length());
    }

    @Test
    void aResearcherCanAddARuleWithoutTouchingJava() throws IOException {
        SourceRecord record = new SourceRecord("s", "s.txt", "text",
                "Envoys agree to meet again\n\nSubscribe to our morning briefing\n\nThe envoys agreed.", Map.of());
        Path extended = dir.resolve("boilerplate.tsv");
        Files.writeString(extended, Files.readString(Path.of("data/boilerplate.tsv"))
                + "drop\t(?i)subscribe to our .*\tnewsletter sign-up\n");

        assertTrue(Articles.from(record, ProjectBoilerplate.RULES).text().contains("Subscribe"), "the standard rules keep the line");
        assertEquals("The envoys agreed.", Articles.from(record, Boilerplate.load(extended)).text());
    }

    @Test
    void aBadRuleFailsNamingFileAndLine() throws IOException {
        Path rules = write("bad.tsv", "# comment\nkind\tpattern\tcomment\ndrop\t(unclosed\tbroken\n");
        Path unknown = write("unknown.tsv", "kind\tpattern\tcomment\nerase\tx\twhat is erase?\n");
        Path groupless = write("groupless.tsv", "kind\tpattern\tcomment\nbyline\tBy .*\tno group\n");

        assertTrue(assertThrows(IllegalArgumentException.class, () -> Boilerplate.load(rules)).getMessage()
                .startsWith(rules + ":3: bad regular expression"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Boilerplate.load(unknown)).getMessage()
                .startsWith(unknown + ":2: unknown kind \"erase\""));
        assertEquals(groupless + ":2: a byline rule needs a capturing group",
                assertThrows(IllegalArgumentException.class, () -> Boilerplate.load(groupless)).getMessage());
    }

    @Test
    void theStandardRulesFileLoads() {
        Boilerplate rules = Boilerplate.load(Path.of("data/boilerplate.tsv"));
        assertTrue(rules.matches(Boilerplate.Kind.DROP, "Share"));
        assertFalse(rules.matches(Boilerplate.Kind.DROP, "Shares in the company fell sharply on Monday."));
    }

    @Test
    void aRuleRequiresOnlyTheLiteralItsPatternOpensWith() {
        assertEquals("Photograph:", Boilerplate.Rule.requiredLiteral("\\bPhotograph:", 0));
        assertEquals("SOURCE:", Boilerplate.Rule.requiredLiteral("^SOURCE:", 0));
        assertEquals("By", Boilerplate.Rule.requiredLiteral("By:? (\\p{Lu}.*)", 0));
        assertEquals("[", Boilerplate.Rule.requiredLiteral("\\[([^\\]]*)\\]\\([^)]*\\)", 0));
        assertEquals("**", Boilerplate.Rule.requiredLiteral("\\*\\*([^*]+)\\*\\*", 0));
        assertEquals("", Boilerplate.Rule.requiredLiteral("<?!--.*-->", 0), "an optional first character");
        assertEquals("", Boilerplate.Rule.requiredLiteral("abc|xyz", 0), "an alternative at the top level");
        assertEquals("ab", Boilerplate.Rule.requiredLiteral("ab(c|d)", 0), "an alternative inside a group");
        assertEquals("", Boilerplate.Rule.requiredLiteral("\\s+\\|", 0));
    }

    @Test
    void theLiteralCheckNeverSkipsALineItsRuleMatches() throws IOException {
        Boilerplate rules = Boilerplate.load(Path.of("data/boilerplate.tsv"));
        List<String> lines = new ArrayList<>(List.of("Leave a Reply", "LEAVE A COMMENT", "By Jane Doe", "Photo: Reuters",
                "A caption. Photograph: AP", "SOURCE: ministry", "Image credit: x", "**Bold** text", "[link](http://x)",
                "Share this article", "© 2020 Example News", "Copyright Example", "## A heading", "Region map", "x | World"));
        for (Path dir : List.of(Path.of("data/articles"), Path.of("../shared/corpus/seeds"))) {
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path file : files.toList()) {
                        Files.readAllLines(file).forEach(line -> lines.add(Articles.collapse(line)));
                    }
                }
            }
        }
        int refused = 0;
        for (Boilerplate.Kind kind : Boilerplate.Kind.values()) {
            for (Boilerplate.Rule rule : rules.rules(kind)) {
                for (String line : lines) {
                    if (!rule.mayMatch(line, kind.wholeLine)) {
                        refused++;
                        var matcher = rule.pattern().matcher(line);
                        assertFalse(kind.wholeLine ? matcher.matches() : matcher.find(), kind + " " + rule.pattern() + " on " + line);
                    }
                }
            }
        }
        assertTrue(refused > 0, "the check refused no line at all");
        // Lines the rules do match still match through the check.
        assertTrue(rules.matches(Boilerplate.Kind.END, "LEAVE A COMMENT"));
        assertEquals(Optional.of("Jane Doe"), rules.capture(Boilerplate.Kind.BYLINE, "By Jane Doe"));
        assertEquals(11, rules.creditStart("A caption. Photograph: AP"));
        assertEquals(0, rules.creditStart("Image credit: x"));
        assertEquals("Bold text and link", rules.unwrap("**Bold** text and [link](http://x)"));
        assertTrue(rules.matches(Boilerplate.Kind.DROP, "Share this article"));
    }

    static String sha256(String content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theHeadlineIsReadAsTheFirstParagraphAndTheIdentityStaysThatOfTheArticleAsRead() {
        Article article = Articles.from(new SourceRecord("h", "h.txt", "text",
                "Ruritania condemns Borduria's border raid\n\nThe raid came at dawn.", Map.of()), ProjectBoilerplate.RULES);

        Article read = ReadText.withHeadline(article);

        assertEquals("Ruritania condemns Borduria's border raid\n\nThe raid came at dawn.", read.text());
        assertEquals(article.title(), read.title());
        assertEquals(article.contentHash(), read.contentHash(), "reading the headline is no new article");
        Article untitled = Articles.from(new SourceRecord("one", "one.txt", "text", "Only one sentence was saved.\n", Map.of()), ProjectBoilerplate.RULES);
        assertEquals(untitled, ReadText.withHeadline(untitled), "without a headline the text is read as it is");
    }

    @Test
    void aLineThatEndsASentenceOrIsAShortLabelIsAParagraphOfItsOwnAndWrappedLinesStayJoined() {
        Article article = Articles.from(new SourceRecord("r", "r.txt", "text", """
                Reactions to the border raid

                Here is how capitals reacted:
                Borduria
                The Bordurian government said it regretted the raid.
                Its envoy, who spoke after a long meeting with
                officials of both states, called for calm.
                """, Map.of()), ProjectBoilerplate.RULES);

        assertEquals("""
                Here is how capitals reacted:

                Borduria

                The Bordurian government said it regretted the raid.

                Its envoy, who spoke after a long meeting with officials of both states, called for calm.""", article.text());
    }
}
