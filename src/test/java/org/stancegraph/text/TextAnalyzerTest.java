package org.stancegraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import opennlp.tools.tokenize.TokenizerME;
import opennlp.tools.tokenize.TokenizerModel;
import org.junit.jupiter.api.Test;

class TextAnalyzerTest {

    @Test
    void sentencesDoNotCrossLineBreaksAndOffsetsPointIntoTheText() {
        String text = "Clashes resume on the border\n\nTurkey's minister spoke on Monday. He said talks must resume.\nPhoto: agency";
        List<Sentence> sentences = TextAnalyzer.sentences(text);
        assertEquals(List.of("Clashes resume on the border", "Turkey's minister spoke on Monday.", "He said talks must resume.", "Photo: agency"),
                sentences.stream().map(Sentence::text).toList());
        for (Sentence s : sentences) {
            assertEquals(s.text(), text.substring(s.begin(), s.end()));
            for (Token t : s.tokens()) {
                assertEquals(t.text(), text.substring(t.begin(), t.end()), "token offsets are absolute");
            }
        }
    }

    /**
     * The tokenizer's cuts are remembered per word; the spans must be exactly those of the statistical
     * tokenizer run on the whole sentence, for new words and for words met before (second pass).
     */
    @Test
    void rememberedCutsGiveTheStatisticalTokenizersSpans() throws IOException {
        TokenizerME tokenizer;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream("opennlp-en-ud-ewt-tokens-1.3-2.5.4.bin")) {
            tokenizer = new TokenizerME(new TokenizerModel(in));
        }
        List<String> lines = new ArrayList<>(List.of("The U.S. and Mr. Putin don't agree; it cost $1,000.50 (3.5%), e.g. on 2020-09-28.",
                "\u201CWe will not,\u201D said the E.U.\u2019s chief \u2014 who\u2019s in Baku... Yes!\u00A0Really?",
                "The NATO/CSTO talks' outcome: 50-50; the co-chairs\u2014France, Russia and the US\u2014met."));
        try (Stream<Path> files = Files.list(Path.of("data/articles"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".txt")).sorted().toList()) {
                lines.addAll(Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList());
            }
        }
        assertTrue(lines.size() > 100, "the sample articles give enough lines to compare");
        for (int pass = 0; pass < 2; pass++) {
            for (String line : lines) {
                assertEquals(List.of(tokenizer.tokenizePos(line)), TextAnalyzer.statisticalSpans(line), line);
            }
        }
    }

    @Test
    void possessivesAndHyphensAreSplitTheSameWayEverywhere() {
        assertEquals(List.of("Turkey", "'s", "minister"), TextAnalyzer.words("Turkey's minister"));
        assertEquals(List.of("Armenia", "\u2019s", "army"), TextAnalyzer.words("Armenia\u2019s army"));
        assertEquals(List.of("a", "Russia", "-", "mediated", "ceasefire"), TextAnalyzer.words("a Russia-mediated ceasefire"));
        assertEquals(List.of("mutual", "-", "defence", "pact"), TextAnalyzer.words("mutual-defence pact"));
    }

    @Test
    void foldingIgnoresCaseDiacriticsAndCurlyApostrophes() {
        assertEquals("erdogan", Token.fold("Erdoğan"));
        assertEquals("cavusoglu", Token.fold("Çavuşoğlu"));
        assertEquals("'s", Token.fold("\u2019s"));
        assertTrue(new Token("Baku", 0, 4, 0).capitalised());
    }

    @Test
    void partsOfSpeechAreUniversalDependenciesTags() {
        Sentence s = TextAnalyzer.sentences("Turkey condemned the attack.").get(0);
        String[] tags = TextAnalyzer.partsOfSpeech(s);
        assertEquals("PROPN", tags[0]);
        assertEquals("VERB", tags[1]);
    }

    @Test
    void theTagOfOneTokenIsTheTagOfTheWholeSentencesTagging() throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path dir : List.of(Path.of("data/articles"), Path.of("../shared/corpus/seeds"))) {
            if (Files.isDirectory(dir)) {
                try (Stream<Path> listed = Files.list(dir)) {
                    listed.filter(f -> f.toString().endsWith(".txt")).sorted().forEach(files::add);
                }
            }
        }
        int tokens = 0;
        for (Path file : files) {
            for (Sentence sentence : TextAnalyzer.sentences(Files.readString(file))) {
                String[] all = TextAnalyzer.partsOfSpeech(sentence);
                for (int i = 0; i < all.length; i++) {
                    assertEquals(all[i], TextAnalyzer.partOfSpeech(sentence, i), file + ": token " + i + " of \"" + sentence.text() + "\"");
                    tokens++;
                }
            }
        }
        assertTrue(tokens > 1000, "too few tokens compared: " + tokens);
    }
}
