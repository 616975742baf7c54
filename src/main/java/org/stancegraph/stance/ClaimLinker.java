package org.stancegraph.stance;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.stancegraph.text.Sentence;
import org.stancegraph.text.Token;

/**
 * Links a denial to the claim it rejects and to whoever made that claim (GUIDELINE: {@code deny}
 * targets the one whose claim is denied). A denial rarely names the claimant beside its verb:
 * "Yerevan denied these reports" points back to "the defence ministry claimed ..." a sentence
 * or two before; ", a claim denied by Rwanda" points to the subject of the main clause it stands
 * in apposition to; "Armenia's claims ... were groundless" names the claimant before the claim,
 * where the engine would otherwise look for the one who speaks.
 *
 * <p>The class knows the words (claim nouns, claim verbs); the engine lends it what it knows of
 * the article's actors through {@link Actors}.
 */
final class ClaimLinker {

    /** What the engine knows of the actors of a sentence. */
    interface Actors {
        /** The actors of the list of actors whose last token is {@code last}, if one ends there. */
        Optional<Set<String>> endingAt(Sentence s, int last);

        /** The first token of the list of actors whose last token is {@code last}, or -1. */
        int firstOfListEndingAt(Sentence s, int last);

        /** The actors who are the subject of the verb at {@code verb}. */
        Optional<Set<String>> subjectOf(Sentence s, int verb);
    }

    /** How many sentences before the denial a claim is looked for ("Moscow rejected that claim"). */
    private static final int SENTENCES_BACK = 4;

    private final CueBook book;

    ClaimLinker(CueBook book) {
        this.book = book;
    }

    /**
     * Where to look for whoever holds a denial: before the claim's own maker when the cue starts at
     * a claim noun ("Bayramov said Armenia's claims ... were groundless" is Bayramov's denial, not
     * Armenia's); elsewhere at the cue itself.
     */
    int holderSearchStart(Cue cue, Sentence s, int anchor, Actors actors) {
        List<Token> tokens = s.tokens();
        if (cue.stanceClass() != StanceClass.DENY || !book.is("claim-noun", tokens.get(anchor).folded())) {
            return anchor;
        }
        int k = anchor - 1;
        if (k >= 0 && isPossessiveMark(tokens.get(k).folded())) {
            k--;
        }
        int first = k >= 0 ? actors.firstOfListEndingAt(s, k) : -1;
        if (first >= 0) {
            k = first - 1;
        }
        while (k >= 0 && book.is("determiner", tokens.get(k).folded())) {
            k--;
        }
        return k + 1;
    }

    /**
     * True when the claim noun stands in apposition to the clause before it (", a claim denied by
     * Rwanda", "- a claim that New Delhi has rejected"): the claim is what that clause said, so its
     * maker is the subject of the main clause.
     */
    boolean inApposition(List<Token> tokens, int claimNoun) {
        if (!book.is("claim-noun", tokens.get(claimNoun).folded())) {
            return false;
        }
        int k = claimNoun - 1;
        while (k >= 0 && book.is("determiner", tokens.get(k).folded())) {
            k--;
        }
        return k >= 0 && k < claimNoun - 1 && book.is("apposition-mark", tokens.get(k).folded());
    }

    /**
     * True when nothing but determiners and capitalised words (titles, names) stand between the start
     * of the sentence, or the comma of an opening phrase, and {@code first}: the actor there is the
     * subject of the main clause, not an object the main subject search falls back on ("Sharif thanked
     * the US President ..." when Sharif is no known actor).
     */
    boolean opensClause(List<Token> tokens, int first) {
        for (int k = first - 1; k >= 0; k--) {
            Token t = tokens.get(k);
            if (t.folded().equals(",")) {
                return true;
            }
            if (!t.capitalised() && !book.is("determiner", t.folded())) {
                return false;
            }
        }
        return true;
    }

    /**
     * The latest actor other than the denier who made a claim in the denial's sentence (before the
     * cue) or the few sentences before it: the subject of a claim verb ("the defence ministry
     * claimed", "Lukashenko had been claiming") or the actor named on a claim noun ("UN reports",
     * "Armenia's accusations").
     */
    Optional<String> latestClaimMaker(List<Sentence> sentences, Sentence current, int cue, String denier, Actors actors) {
        for (int si = current.index(); si >= Math.max(0, current.index() - SENTENCES_BACK); si--) {
            Sentence s = sentences.get(si);
            List<Token> tokens = s.tokens();
            int from = si == current.index() ? cue - 1 : tokens.size() - 1;
            for (int i = from; i >= 0; i--) {
                String w = tokens.get(i).folded();
                Optional<Set<String>> maker = Optional.empty();
                if (book.is("claim-verb", w)) {
                    maker = actors.subjectOf(s, i);
                } else if (book.is("claim-noun", w) && i > 0) {
                    maker = actors.endingAt(s, isPossessiveMark(tokens.get(i - 1).folded()) ? i - 2 : i - 1);
                }
                Optional<String> other = maker.flatMap(m -> m.stream().filter(a -> !a.equals(denier)).findFirst());
                if (other.isPresent()) {
                    return other;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean isPossessiveMark(String folded) {
        return folded.equals("'s") || folded.equals("'") || folded.equals("’s") || folded.equals("’");
    }
}
