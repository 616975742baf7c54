package org.stancegraph.stance;

import java.util.List;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

import org.stancegraph.text.Token;

/**
 * A stance noun that the sentence only refers to, rather than one an actor states: "amid concerns over
 * the border", "the treaty will fuel concerns", "coordinate with allies about its concerns", "Ankara had
 * legitimate security concerns", "efforts by mediators", "through various mediators". The concern is
 * then the journalist's framing or someone's interests, and the mediators are others than the clause's
 * subject, so the noun gives the subject no appeal and no mediation.
 */
final class ReferencedNouns {

    /** Words of the noun phrase that may stand between the marker and the noun ("amid growing concerns"). */
    static final int WINDOW = 3;

    private ReferencedNouns() {}

    /**
     * True when the cue word at {@code anchor} is a referable noun ({@code referableNoun}: "concern",
     * "mediator") and one of the {@link #WINDOW} words before it in its clause marks it as referred to
     * ({@code marker}: "amid", "fuel", "by", "legitimate"). A word of an actor's name is no marker: "the
     * Security Council expressed concern" is the Council's concern.
     *
     * @param inMention whether the token at an index belongs to an actor mention
     */
    static boolean referredTo(List<Token> tokens, int clauseStart, int anchor, Predicate<String> referableNoun,
                              Predicate<String> marker, IntPredicate inMention) {
        if (!referableNoun.test(tokens.get(anchor).folded())) {
            return false;
        }
        for (int i = Math.max(clauseStart, anchor - WINDOW); i < anchor; i++) {
            if (marker.test(tokens.get(i).folded()) && !inMention.test(i)) {
                return true;
            }
        }
        return false;
    }
}
