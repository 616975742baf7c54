package org.stancegraph.stance;

import java.util.List;
import java.util.Set;

/**
 * One row of {@code data/stance/cues.tsv}: a phrase pattern and the stance it signals.
 *
 * <p>A pattern is a sequence of elements separated by spaces:
 * <ul>
 *   <li>{@code condemn|denounce} — a word, or alternatives; each matches its inflections;</li>
 *   <li>{@code *} — up to three words; {@code **} — up to eight (never across a clause);</li>
 *   <li>{@code ?word} — an optional word;</li>
 *   <li>{@code @list} — any word of a list of {@code words.tsv} ({@code @reporting-verb}), also optional as {@code ?@list};</li>
 *   <li>{@code $T} — the target: at the end of a pattern, the first actor in the rest of the
 *       clause; elsewhere, an actor (or a list of actors) standing exactly there;</li>
 *   <li>{@code $T!} — the target standing exactly there even at the end of a pattern, for verbs whose
 *       object is the target only when it follows at once ("defended Serbia", not "defended its
 *       sovereignty against Serbia");</li>
 *   <li>{@code $A} — the actor, standing exactly there (a passive "brokered by $A");
 *       without {@code $A} the actor is the subject of the clause or the speaker of the quote.</li>
 * </ul>
 *
 * @param id         the file and the cue's stable id ("cues.tsv condemn-1"), recorded as the statement's rule
 * @param stance     the finer stance (a key of ontology/stances.ttl), with its class and CAMEO code
 * @param confidence how often the rule is right, 0..1
 * @param elements   the parsed pattern
 * @param source     the pattern as written
 */
record Cue(String id, Stance stance, double confidence,
           List<Element> elements, String source) {

    /** What kind of pattern element. */
    enum Kind { WORDS, GAP, TARGET, TARGET_HERE, ACTOR }

    /** A pattern element: for WORDS the folded forms it accepts; for GAP its maximum length. */
    record Element(Kind kind, Set<String> forms, int maxGap, boolean optional) {}

    StanceClass stanceClass() {
        return stance.stanceClass();
    }

    boolean needsTarget() {
        return elements.stream().anyMatch(e -> e.kind() == Kind.TARGET || e.kind() == Kind.TARGET_HERE);
    }

    boolean hasActorSlot() {
        return elements.stream().anyMatch(e -> e.kind() == Kind.ACTOR);
    }
}
