package org.stancegraph.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
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

    @Test
    void theProjectsCueFilesLoadAndNameEachCueByItsId() {
        CueBook book = CueBook.load(Path.of("data/stance"));
        assertTrue(book.cues().size() > 50);
        assertTrue(book.cues().stream().allMatch(c -> c.id().matches("cues\\.tsv [a-z0-9-]+")), "every cue is named by file and id");
        assertEquals(book.cues().size(), book.cues().stream().map(Cue::id).distinct().count(), "ids are unique");
        assertTrue(book.mayHoldPosition(TextAnalyzer.sentences("Turkey condemned Armenia.").get(0).tokens()));
        assertFalse(book.mayHoldPosition(TextAnalyzer.sentences("The weather was fine in Baku.").get(0).tokens()));
    }

    @Test
    void aBadCueLineIsReportedWithItsFileAndLine() throws IOException {
        Files.writeString(dir.resolve("words.tsv"), "negation\tnot\n");
        Files.writeString(dir.resolve("cues.tsv"), "# header\npraise-1\tsupport\tpraise\t051\t0.8\tpraise $T\nadmire-1\tadmire\tx\t-\t0.5\tadmire $T\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir));
        assertTrue(e.getMessage().contains("cues.tsv:3") && e.getMessage().contains("unknown class 'admire'"), e.getMessage());

        Files.writeString(dir.resolve("cues.tsv"), "praise-1\tsupport\tpraise\t051\t1.5\tpraise $T\n");
        e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir));
        assertTrue(e.getMessage().contains("cues.tsv:1") && e.getMessage().contains("confidence"), e.getMessage());

        Files.writeString(dir.resolve("cues.tsv"), "support\tpraise\t051\t0.8\tpraise $T\n");
        e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir));
        assertTrue(e.getMessage().contains("cues.tsv:1") && e.getMessage().contains("6 tab-separated columns"), e.getMessage());

        Files.writeString(dir.resolve("cues.tsv"), "praise-1\tsupport\tpraise\t051\t0.8\tpraise $T\n\npraise-1\tsupport\tpraise\t051\t0.8\tlaud $T\n");
        e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir));
        assertTrue(e.getMessage().contains("cues.tsv:3") && e.getMessage().contains("already used at") && e.getMessage().contains("cues.tsv:1"),
                e.getMessage());

        Files.writeString(dir.resolve("cues.tsv"), "praise-1\tsupport\tpraise\t051\t0.5\t** $T\n");
        e = assertThrows(IllegalArgumentException.class, () -> CueBook.load(dir));
        assertTrue(e.getMessage().contains("must start"), e.getMessage());
    }

    @Test
    void aResearchersNewCueTakesEffectWithoutJava() throws IOException {
        Files.copy(Path.of("data/stance/words.tsv"), dir.resolve("words.tsv"));
        Files.writeString(dir.resolve("cues.tsv"), "# a researcher's cue\n\nsalute-1\tsupport\tpraise\t051\t0.8\tsalute $T\n");
        var extraction = org.stancegraph.load.Extraction.from(Path.of("data/actors"), dir, Path.of("data/boilerplate.tsv"));
        var article = new org.stancegraph.article.Article("t", "", java.util.Optional.empty(), java.util.Optional.empty(),
                java.util.Optional.empty(), java.util.Optional.empty(), "en", "Turkey saluted Azerbaijan.", "0".repeat(64), "text");
        var statements = extraction.of(article).statements();
        assertEquals(1, statements.size());
        assertEquals("support", statements.get(0).stanceClass());
        assertTrue(statements.get(0).target().orElseThrow().endsWith("/azerbaijan"));
        assertEquals("cues.tsv salute-1: salute $T", statements.get(0).rule(), "the rule names the cue by its id, not its line");
    }
}
