package org.stancegraph.stance;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** The finer stances the engine may assign, by key: the content of {@code ontology/stances.ttl}, read by the knowledge loader. */
public final class StanceScheme {
    private final Map<String, Stance> stances;

    public StanceScheme(Iterable<Stance> stances) {
        Map<String, Stance> byKey = new TreeMap<>();
        for (Stance s : stances) {
            if (byKey.putIfAbsent(s.key(), s) != null) {
                throw new IllegalArgumentException("stance '" + s.key() + "' is defined twice");
            }
        }
        this.stances = Map.copyOf(byKey);
    }

    public Optional<Stance> find(String key) {
        return Optional.ofNullable(stances.get(key));
    }

    /** The stance of a key the engine itself relies on; a scheme without it is a broken installation. */
    Stance require(String key) {
        return find(key).orElseThrow(() -> new IllegalStateException(
                "the stance scheme (ontology/stances.ttl) lacks '" + key + "', which the engine assigns"));
    }

    /** Every key, sorted, for messages. */
    public Set<String> keys() {
        return new TreeSet<>(stances.keySet());
    }
}
