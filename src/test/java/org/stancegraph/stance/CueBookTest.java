package org.stancegraph.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stancegraph.knowledge.Knowledge;
import org.stancegraph.load.Extraction;
import org.stancegraph.text.TextAnalyzer;

class CueBookTest {

    @TempDir
    Path dir;

    @Test
    void aLemmaMatchesItsInflections() {
        assertTrue(Morphology.forms("condemn").containsAll(Set.of("condemns", "condemned", "condemning")));
        assertTrue(Morphology.forms("accuse").containsAll(Set.of("accuses", "accused", "accusing")));
        assertTrue(Morphology.forms("deny").containsAll(Set.of("denies", "denied", "denying")));
        assertTrue(Morphology.forms("ally").contains("allies"));
        assertTrue(Morphology.forms("stop").containsAll(Set.of("stopped", "stopping")));
    }

    private static final StanceScheme SCHEME = Knowledge.standard().stances();

    @Test
    void theProjectsCueFilesLoadAndNameEachCueByItsId() {
        CueBook book = CueBook.load(Path.of("data/stance"), SCHEME);
        assertTrue(book.cues().size() > 50);
        assertTrue(book.cues().stream().allMatch(c -> c.id().matches("cues\\.tsv [a-z0-9-]+")), "every cue is named by file and id");
        assertEquals(book.cues().size(), book.cues().stream().map(Cue::id).distinct().count(), "ids are unique");
        assertTrue(book.mayHoldPosition(TextAnalyzer.sentences("Turkey condemned Armenia.").get(0).tokens()));
        assertFalse(book.mayHoldPosition(TextAnalyzer.sentences("The weather was fine in Baku.").get(0).tokens()));
    }

    @Test
    void aCueTakesItsClassAndCameoCodeFromTheSchemeNotFromItsRow() throws IOException {
        Files.copy(Path.of("data/stance/words.tsv"), dir.resolve("words.tsv"));
        Files.writeString(dir.resolve("cues.tsv"), "accuse-9\taccuse-of-aggression\t0.8\tblame $T\n");
        Cue cue = CueBook.load(dir, SCHEME).cues().get(0);
        assertEquals(StanceClass.OPPOSE, cue.stanceClass());
        assertEquals(SCHEME.find("accuse-of-aggression").orElseThrow(), cue.stance());
        assertEquals("1123", cue.stance().cameo());
    }

    @Test
    void aBadCueLineIsReportedWithItsFileAndLine() throws IOException {
        Files.copy(Path.of("data/stance/words.tsv"), dir.resolve("words.tsv"));
        Files.writeString(dir.resolve("cues.tsv"), "# header\npraise-1\tpraise\t0.8\tpraise $T\nadmire-1\tadmire\t0.5\tadmire $T\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir, SCHEME));
        assertTrue(e.getMessage().contains("cues.tsv:3") && e.getMessage().contains("unknown stance 'admire'"), e.getMessage());

        Files.writeString(dir.resolve("cues.tsv"), "praise-1\tpraise\t1.5\tpraise $T\n");
        e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir, SCHEME));
        assertTrue(e.getMessage().contains("cues.tsv:1") && e.getMessage().contains("confidence"), e.getMessage());

        Files.writeString(dir.resolve("cues.tsv"), "praise-1\tsupport\tpraise\t051\t0.8\tpraise $T\n");
        e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir, SCHEME));
        assertTrue(e.getMessage().contains("cues.tsv:1") && e.getMessage().contains("4 tab-separated columns"), e.getMessage());

        Files.writeString(dir.resolve("cues.tsv"), "praise-1\tpraise\t0.8\tpraise $T\n\npraise-1\tpraise\t0.8\tlaud $T\n");
        e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir, SCHEME));
        assertTrue(e.getMessage().contains("cues.tsv:3") && e.getMessage().contains("already used at") && e.getMessage().contains("cues.tsv:1"),
                e.getMessage());

        Files.writeString(dir.resolve("cues.tsv"), "praise-1\tpraise\t0.5\t** $T\n");
        e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir, SCHEME));
        assertTrue(e.getMessage().contains("must start"), e.getMessage());

        Files.writeString(dir.resolve("cues.tsv"), "praise-1\tpraise\t0.8\tpraise $T\npraise-2\tpraise\t0.8\t@praising-verb $T\n");
        e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir, SCHEME));
        assertTrue(e.getMessage().contains("cues.tsv:2") && e.getMessage().contains("word list 'praising-verb' is not defined"), e.getMessage());
    }

    @Test
    void aWordListTheEngineConsultsMustExist() throws IOException {
        Files.writeString(dir.resolve("words.tsv"), Files.readString(Path.of("data/stance/words.tsv"))
                .replaceAll("(?m)^negation\t.*\n", ""));
        Files.writeString(dir.resolve("cues.tsv"), "praise-1\tpraise\t0.8\tpraise $T\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir, SCHEME));
        assertTrue(e.getMessage().contains("words.tsv") && e.getMessage().contains("negation"), e.getMessage());
    }

    @Test
    void everyWordListTheCodeConsultsIsDeclared() throws IOException {
        // The declaration is what the load checks; a list consulted but not declared would escape that check.
        Pattern consulted = Pattern.compile("\\bis\\(\"([a-z-]+)\"");
        Set<String> used = new TreeSet<>();
        try (var files = Files.list(Path.of("src/main/java/org/stancegraph/stance"))) {
            for (Path file : files.toList()) {
                Matcher m = consulted.matcher(Files.readString(file));
                while (m.find()) {
                    used.add(m.group(1));
                }
            }
        }
        assertTrue(used.size() > 20, "the scan finds the engine's lists: " + used);
        assertEquals(new TreeSet<>(CueBook.ENGINE_LISTS), used);
    }

    @Test
    void aCueMayNameAWordList() throws IOException {
        Files.copy(Path.of("data/stance/words.tsv"), dir.resolve("words.tsv"));
        Files.writeString(dir.resolve("cues.tsv"), "praise-1\tpraise\t0.8\tpraise $T ?@clause-boundary\n");
        Cue cue = CueBook.load(dir, SCHEME).cues().get(0);
        assertTrue(cue.elements().get(2).optional());
        assertTrue(cue.elements().get(2).forms().contains("while"), "the list's words: " + cue.elements().get(2).forms());
    }

    @Test
    void aResearchersNewCueTakesEffectWithoutJava() throws IOException {
        Files.copy(Path.of("data/stance/words.tsv"), dir.resolve("words.tsv"));
        Files.writeString(dir.resolve("cues.tsv"), "# a researcher's cue\n\nsalute-1\tpraise\t0.8\tsalute $T\n");
        var extraction = new Extraction(Knowledge.load(Knowledge.Files.under(Path.of("")).with(Path.of("data/actors"), dir)));
        var article = new org.stancegraph.article.Article("t", "", java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), "en", "Turkey saluted Azerbaijan.", "0".repeat(64), "text");
        var statements = extraction.of(article).statements();
        assertEquals(1, statements.size());
        assertEquals(StanceClass.SUPPORT, statements.get(0).stanceClass());
        assertTrue(statements.get(0).target().orElseThrow().endsWith("/azerbaijan"));
        assertEquals("cues.tsv salute-1: salute $T", statements.get(0).rule(), "the rule names the cue by its id, not its line");
    }
}
