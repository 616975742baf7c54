package org.stancegraph.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

class TokenFoldTest {

    /** The folding rule spelt out in full, without the shortcut for ASCII words. */
    private static String foldInFull(String s) {
        String noMarks = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return noMarks.replace('\u2019', '\'').replace('\u2018', '\'').replace('ı', 'i').toLowerCase(Locale.ROOT);
    }

    @Test
    void asciiAndUnicodeWordsFoldAsTheFullRuleSays() {
        for (String word : List.of("Turkey", "TURKEY's", "de-escalation", "", "Erdoğan", "Aliyev’s", "‘quoted’", "Işık",
                "Pašinjan", "Ḱ", "Zürich", "CSTO")) {
            assertEquals(foldInFull(word), Token.fold(word), word);
        }
        assertEquals("erdogan", Token.fold("Erdoğan"));
        assertEquals("turkey's", Token.fold("Turkey’s"));
    }
}
