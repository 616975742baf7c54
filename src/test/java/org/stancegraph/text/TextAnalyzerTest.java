package org.stancegraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

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
}
