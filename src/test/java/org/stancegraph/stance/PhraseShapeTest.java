package org.stancegraph.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.stancegraph.text.Token;

/** The token-shape tests of {@link PhraseShape}, on sentences written for them. */
class PhraseShapeTest {

    private static final Pattern WORD = Pattern.compile("\\w+|'s|[^\\s\\w]");

    /** Words, "'s" and single punctuation marks, with their offsets, as the tokenizer splits them. */
    private static List<Token> tokens(String text) {
        List<Token> out = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            out.add(new Token(m.group(), m.start(), m.end(), out.size()));
        }
        return out;
    }

    private static int indexOf(List<Token> tokens, String text) {
        return tokens.stream().filter(t -> t.text().equals(text)).findFirst().orElseThrow().index();
    }

    @Test
    void aHyphenTouchingTheNameMakesItAModifierButASpacedDashDoesNot() {
        List<Token> backed = tokens("The Iran-backed group fired.");
        int iran = indexOf(backed, "Iran");
        assertTrue(PhraseShape.inHyphenCompound(backed, iran, iran));
        List<Token> pro = tokens("They met pro-EU crowds.");
        int eu = indexOf(pro, "EU");
        assertTrue(PhraseShape.inHyphenCompound(pro, eu, eu));
        List<Token> dash = tokens("Russia - which has a base there - said nothing.");
        assertFalse(PhraseShape.inHyphenCompound(dash, 0, 0));
    }

    @Test
    void aCapitalisedCueWordBetweenCapitalsIsPartOfANameUnlessAnActorStandsBefore() {
        List<Token> name = tokens("Fighting with the Rapid Support Forces went on.");
        assertTrue(PhraseShape.inProperName(name, indexOf(name, "Support"), i -> false));
        List<Token> headline = tokens("Israel Backs Strikes On Monday");
        int israel = indexOf(headline, "Israel");
        assertFalse(PhraseShape.inProperName(headline, indexOf(headline, "Backs"), i -> i == israel));
    }

    @Test
    void theComplementOfAnAccusationIsRecognisedOnlyAfterAnAccusationVerb() {
        Set<String> accusing = Set.of("accused", "blamed");
        List<Token> accused = tokens("Ukraine accused Belarus of backing Russia.");
        assertTrue(PhraseShape.inAccusationComplement(accused, 0, indexOf(accused, "backing"), accusing::contains));
        List<Token> praised = tokens("Ukraine praised Belarus of late for backing talks.");
        assertFalse(PhraseShape.inAccusationComplement(praised, 0, indexOf(praised, "backing"), accusing::contains));
    }

    @Test
    void eachOtherOneAnotherAndEachTheOtherAreReciprocal() {
        List<Token> other = tokens("They accused each other of shelling.");
        int cue = indexOf(other, "accused");
        assertTrue(PhraseShape.reciprocal(other, 0, cue, cue + 1, other.size()));
        List<Token> each = tokens("Each side accused the other of shelling.");
        int eachCue = indexOf(each, "accused");
        assertTrue(PhraseShape.reciprocal(each, 0, eachCue, eachCue + 1, each.size()));
        List<Token> hand = tokens("Georgia accused the other party.");
        int handCue = indexOf(hand, "accused");
        assertFalse(PhraseShape.reciprocal(hand, 0, handCue, handCue + 1, hand.size()));
    }

    @Test
    void anAdverbialPhraseBetweenCommasIsFoundFromItsClosingComma() {
        Set<String> openers = Set.of("after", "with");
        List<Token> fronted = tokens("A day after Kosovo declared independence, crowds protested.");
        assertEquals(0, PhraseShape.interposedPhraseStart(fronted, indexOf(fronted, ","), 0, openers::contains));
        List<Token> list = tokens("France, Russia and Chad, said nothing.");
        int lastComma = list.stream().filter(t -> t.text().equals(",")).reduce((a, b) -> b).orElseThrow().index();
        assertEquals(-1, PhraseShape.interposedPhraseStart(list, lastComma, 0, openers::contains));
    }
}
