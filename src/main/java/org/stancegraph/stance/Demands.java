package org.stancegraph.stance;

import java.util.List;
import java.util.Optional;

/**
 * Tells a demand on one side from an appeal to the sides (GUIDELINE: "oppose needs ... a demand
 * that the target stop, leave or end something"; calling on all sides is an appeal). "Germany
 * called on Ankara to end the operation" opposes Turkey; "France, Russia and the United States
 * called on Armenia and Azerbaijan to cease hostilities" addresses the sides together and opposes
 * neither: the appeal cue that follows in the cue file reads it instead.
 */
final class Demands {

    private Demands() {}

    /** True when a demand cue addresses two or more actors at once. */
    static boolean addressedToSeveralSides(Cue cue, List<Optional<String>> targets) {
        if (cue.stanceClass() != StanceClass.OPPOSE || !cue.stance().key().startsWith("demand")) {
            return false;
        }
        return targets.stream().filter(Optional::isPresent).distinct().count() >= 2;
    }
}
