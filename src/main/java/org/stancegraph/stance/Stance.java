package org.stancegraph.stance;

/**
 * A finer stance of the scheme ({@code ontology/stances.ttl}): its key, the class it falls under
 * and its CAMEO code. Stated once, in the scheme; cues name only the key.
 *
 * @param key         the stance's {@code skos:notation} ("accuse-of-aggression")
 * @param stanceClass the class it is narrower than
 * @param cameo       its CAMEO 1.1b3 code, empty when it has none (membership is not an event)
 */
public record Stance(String key, StanceClass stanceClass, String cameo) {}
