package org.stancegraph.stance;

import java.util.Optional;

/**
 * A position an actor states in an article, with its evidence.
 *
 * @param actor         the state or organisation whose position it is
 * @param speaker       the person or body that said it, when named
 * @param stanceClass   one of the seven classes
 * @param stance        the finer stance, a key of ontology/stances.ttl
 * @param cameo         its CAMEO code, empty for member
 * @param target        the actor the position is about; empty for appeal and mediate
 * @param sentenceIndex index of the sentence in the article
 * @param sentenceBegin offset of the sentence in the article text
 * @param sentenceEnd   offset after the sentence
 * @param sentence      the sentence
 * @param quote         the quotation the cue stood in, when it did
 * @param quoteBegin    offset of the quotation, or -1
 * @param quoteEnd      offset after the quotation, or -1
 * @param rule          the cue that fired, by file and id ("cues.tsv condemn-1") or the inference that made it
 * @param confidence    the rule's confidence, 0..1
 */
public record Statement(String actor, Optional<String> speaker, StanceClass stanceClass, String stance, String cameo,
                        Optional<String> target, int sentenceIndex, int sentenceBegin, int sentenceEnd, String sentence,
                        Optional<String> quote, int quoteBegin, int quoteEnd, String rule, double confidence) {

    /** The scoring key of the guideline: (actor, class, target). */
    public String key() {
        return actor + " " + stanceClass + " " + target.orElse("-");
    }
}
