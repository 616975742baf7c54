package org.stancegraph.stance;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import org.stancegraph.text.Token;

/**
 * Shapes of the words around a mention or a cue word that the tokens alone show, without a
 * parser: the cheap phrase layer the holder and target rules consult.
 */
final class PhraseShape {

    /**
     * True when the tokens {@code first..last} (a mention) are part of a hyphenated word: "Iran-backed",
     * "Qatar-based", "pro-EU", "the US-Britain attack". Such a name qualifies a noun; it neither holds
     * a position nor is one's target. A spaced dash ("Russia - which ...") is no hyphen.
     */
    static boolean inHyphenCompound(List<Token> tokens, int first, int last) {
        return hyphenJoins(tokens, last + 1) || hyphenJoins(tokens, first - 1);
    }

    /** A hyphen at {@code at} touching the words on both sides. */
    private static boolean hyphenJoins(List<Token> tokens, int at) {
        if (at < 1 || at + 1 >= tokens.size() || !tokens.get(at).text().equals("-")) {
            return false;
        }
        return tokens.get(at - 1).end() == tokens.get(at).begin() && tokens.get(at).end() == tokens.get(at + 1).begin();
    }

    /**
     * True when the word at {@code at} is capitalised between two capitalised words mid-sentence and the
     * word before it names no actor, as in a name ("the Rapid Support Forces"). A headline's verb stands
     * after an actor ("Israel Backs U.S. Action", "Hamas, UN Denounce Escalation") and stays a verb.
     *
     * @param inMention whether the token at an index belongs to an actor mention
     */
    static boolean inProperName(List<Token> tokens, int at, IntPredicate inMention) {
        if (at < 2 || at + 1 >= tokens.size() || !tokens.get(at).capitalised()) {
            return false;
        }
        return tokens.get(at - 1).capitalised() && !inMention.test(at - 1) && tokens.get(at + 1).capitalised();
    }

    /**
     * True when the word at {@code at} is a noun owned by a name that names no actor: "Lai's rejection of
     * China's claim", "Haniyeh's condemnation". The position belongs to that unknown person, not to the
     * clause's subject; a capitalised word that is no name ("Monday's condemnation") owns nothing.
     *
     * @param inMention whether the token at an index belongs to an actor mention
     * @param notAName  whether a folded capitalised word is no part of a name
     */
    static boolean ownedByUnknownName(List<Token> tokens, int at, IntPredicate inMention, Predicate<String> notAName) {
        if (at < 2 || !tokens.get(at - 1).folded().equals("'s")) { // folding makes "’s" "'s"
            return false;
        }
        int first = at - 2;
        while (first >= 2 && hyphenJoins(tokens, first - 1)) {
            first -= 2; // "Lai Ching-te's": the hyphenated name starts at its capitalised part
        }
        Token owner = tokens.get(first);
        // the word right before the mark must be in a mention: "Lai Ching-te's" with a mention ending at
        // "Ching" leaves the owner unknown, and the clause's subject must not take the position instead
        return owner.capitalised() && !inMention.test(at - 2) && !notAName.test(owner.folded());
    }

    /**
     * True when the word at {@code at} opens the complement of an accusation: "accused Rwanda of backing
     * the rebels", "blamed Kyiv for supporting ...". What the accused is said to do is the accuser's
     * charge, not a position of anyone (GUIDELINE: an accusation is a position of the accuser).
     *
     * @param accusationVerb the accusation verbs ("accuse", "blame") in any inflection
     */
    static boolean inAccusationComplement(List<Token> tokens, int clauseStart, int at, Predicate<String> accusationVerb) {
        if (at < 1) {
            return false;
        }
        String before = tokens.get(at - 1).folded();
        if (!before.equals("of") && !before.equals("for")) {
            return false;
        }
        for (int k = at - 2; k >= Math.max(clauseStart, at - 8); k--) {
            if (accusationVerb.test(tokens.get(k).folded())) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when the object of a cue is its subjects in turn: "accused each other", "blamed one another",
     * or "each (side) accused the other".
     *
     * @param before where "each" may stand before the cue word at {@code cue}
     * @param from   the first token after the cue's match
     * @param to     the end of the clause
     */
    static boolean reciprocal(List<Token> tokens, int before, int cue, int from, int to) {
        boolean eachBefore = false;
        for (int i = before; i < cue; i++) {
            eachBefore |= tokens.get(i).folded().equals("each");
        }
        for (int i = from; i + 1 < to; i++) {
            String a = tokens.get(i).folded();
            String b = tokens.get(i + 1).folded();
            if ((a.equals("each") && b.equals("other")) || (a.equals("one") && b.equals("another"))
                    || (eachBefore && a.equals("the") && b.equals("other"))) {
                return true;
            }
        }
        return false;
    }

    /** How far into a phrase its opener may stand: "after", "a day after", "two days after". */
    private static final int OPENER_REACH = 3;

    /**
     * Where the phrase that ends at the comma {@code comma} begins, when it is an adverbial phrase set off
     * by commas ("A day after Kosovo declared independence, ...", "..., after talks with the ministers
     * of A and B, urged ..."): the actors in it are not the subject of the verb after it. -1 otherwise.
     *
     * @param opener the words that open such a phrase (words.tsv "interposed-opener")
     */
    static int interposedPhraseStart(List<Token> tokens, int comma, int clauseStart, Predicate<String> opener) {
        int start = comma - 1;
        while (start >= clauseStart && !tokens.get(start).folded().equals(",")) {
            start--;
        }
        start++;
        for (int k = start; k < Math.min(comma, start + OPENER_REACH); k++) {
            if (opener.test(tokens.get(k).folded())) {
                return start;
            }
        }
        return -1;
    }

    private PhraseShape() {}
}
