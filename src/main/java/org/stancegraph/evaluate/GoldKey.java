package org.stancegraph.evaluate;

import org.stancegraph.stance.StanceClass;

/**
 * A position reduced to what the guideline scores: (article, actor, class, target) for
 * support, oppose, deny and member; the unordered pair for ally; (article, actor, class)
 * for appeal and mediate. Actors and targets are Wikidata ids.
 */
public record GoldKey(String article, String actor, String stanceClass, String target) {

    /** Builds the key the way the guideline compares rows. */
    public static GoldKey of(String article, String actor, String stanceClass, String target) {
        if (StanceClass.of(stanceClass).map(StanceClass::untargeted).orElse(false)) {
            return new GoldKey(article, actor, stanceClass, "-");
        }
        if (stanceClass.equals(StanceClass.ALLY.key()) && target.compareTo(actor) < 0) {
            return new GoldKey(article, target, stanceClass, actor);
        }
        return new GoldKey(article, actor, stanceClass, target);
    }

    /** A key with an actor or target that has no Wikidata id ("?MINSK", empty) can never match. */
    public boolean linked() {
        return actor.matches("Q\\d+") && (target.equals("-") || target.matches("Q\\d+"));
    }

    @Override
    public String toString() {
        return article + "\t" + actor + "\t" + stanceClass + "\t" + target;
    }
}
