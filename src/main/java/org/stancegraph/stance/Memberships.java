package org.stancegraph.stance;

import java.util.List;
import java.util.Optional;

import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.actor.ActorKind;
import org.stancegraph.actor.Mention;
import org.stancegraph.text.Token;

/**
 * Memberships that a sentence states without naming the organisation right beside the cue word:
 * in "the CSTO, a bloc founded in 1992, which includes Armenia and Russia" the organisation that
 * "includes" the listed states is the nearest one named before the verb.
 */
final class Memberships {

    private Memberships() {}

    /**
     * The organisation (or alliance, or body) named last before the verb at {@code verb}, when it is the
     * verb's subject: nothing but fillers stand between them ("ASEAN, which includes"), or a noun for an
     * organisation does ("the CSTO is a military alliance which includes"). Otherwise empty: in "the EU's
     * sanctions list includes Russia" the list, not the EU, includes Russia.
     */
    static Optional<String> organisationBefore(List<Mention> sentenceMentions, List<Token> tokens, int verb,
                                               CueBook book, ActorDictionary dictionary) {
        Mention nearest = null;
        for (Mention m : sentenceMentions) {
            if (m.lastToken() >= verb) {
                break;
            }
            boolean organisation = dictionary.actor(m.refersTo()).map(a -> a.kind() == ActorKind.ORGANISATION
                    || a.kind() == ActorKind.ALLIANCE || a.kind() == ActorKind.BODY).orElse(false);
            if (organisation) {
                nearest = m;
            }
        }
        if (nearest == null) {
            return Optional.empty();
        }
        Optional<String> organisation = Optional.of(nearest.standsFor().orElse(nearest.refersTo()));
        boolean onlyFillers = true;
        for (int i = nearest.lastToken() + 1; i < verb; i++) {
            String w = tokens.get(i).folded();
            if (book.is("organisation-noun", w)) {
                return organisation;
            }
            onlyFillers &= book.is("organisation-verb-filler", w);
        }
        return onlyFillers ? organisation : Optional.empty();
    }
}
