package org.stancegraph.actor;

import java.util.Optional;

/**
 * A span of article text that names an actor.
 *
 * @param begin      offset of the first character in the article text
 * @param end        offset after the last character
 * @param surface    the text of the span
 * @param refersTo   the actor named: a state, organisation, body or person
 * @param standsFor  the state or organisation whose position the named actor states
 *                   (a person's office on the article's date, a body's parent); empty when unknown
 * @param kind       how it is named
 * @param viaOffice  the office that decided {@code standsFor}, for people and titles
 * @param sentence   index of the sentence it is in
 * @param firstToken index in the sentence of its first token
 * @param lastToken  index in the sentence of its last token
 * @param agentive   true when the span can be the one who acts or speaks: names, people,
 *                   titles, and adjectives or places beside an authority ("Azerbaijani
 *                   forces", "Nagorno-Karabakh's defence ministry"); false for "Armenian civilians"
 * @param statedRole for a person the dictionary does not list, named behind a title ("Ruritanian
 *                   President Mira Novak"): the role the article gives them, for {@code standsFor}
 */
public record Mention(int begin, int end, String surface, String refersTo, Optional<String> standsFor,
                      MentionKind kind, Optional<String> viaOffice, int sentence, int firstToken, int lastToken,
                      boolean agentive, Optional<String> statedRole) {

    public Mention(int begin, int end, String surface, String refersTo, Optional<String> standsFor,
                   MentionKind kind, Optional<String> viaOffice, int sentence, int firstToken, int lastToken,
                   boolean agentive) {
        this(begin, end, surface, refersTo, standsFor, kind, viaOffice, sentence, firstToken, lastToken, agentive,
                Optional.empty());
    }

    /** True for a person the dictionary does not list, minted from the name an article gives. */
    public boolean unlisted() {
        return statedRole.isPresent();
    }
}
