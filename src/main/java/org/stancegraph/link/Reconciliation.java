package org.stancegraph.link;

import java.util.List;
import java.util.Optional;

/**
 * What reconciliation decided for one actor.
 *
 * @param candidates every Wikidata item of the right type found by name, best first
 * @param chosen the item linked, when one candidate is clearly best and scores high enough
 * @param reason why nothing was linked ("" when something was)
 */
public record Reconciliation(UnlinkedActor actor, List<Candidate> candidates, Optional<Candidate> chosen, String reason) {

    /**
     * A Wikidata item that may be the actor.
     *
     * @param score sum of the weights of the facts in {@code evidence}, 0 to 1
     * @param evidence the facts that earned the score, in words
     */
    public record Candidate(String qid, String label, double score, List<String> evidence) {}

    public boolean linked() {
        return chosen.isPresent();
    }
}
