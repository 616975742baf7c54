package org.stancegraph.stance;

import java.util.Arrays;
import java.util.Optional;

/**
 * The seven stance classes of the annotation guideline, what statements are counted and scored
 * by. The top concepts of {@code ontology/stances.ttl} must be exactly these (checked when the
 * knowledge is loaded), so the scheme and the engine cannot drift apart.
 */
public enum StanceClass {
    SUPPORT("support"), OPPOSE("oppose"), APPEAL("appeal"), MEDIATE("mediate"), DENY("deny"), ALLY("ally"), MEMBER("member");

    private final String key;

    StanceClass(String key) {
        this.key = key;
    }

    /** The class's key: its {@code skos:notation} in the scheme and its name in gold files ("support"). */
    public String key() {
        return key;
    }

    /** The class of a key, if it is one. */
    public static Optional<StanceClass> of(String key) {
        return Arrays.stream(values()).filter(c -> c.key.equals(key)).findFirst();
    }

    /** Appeals and mediation are about a conflict, not aimed at one actor: they carry no target. */
    public boolean untargeted() {
        return this == APPEAL || this == MEDIATE;
    }

    @Override
    public String toString() {
        return key;
    }
}
