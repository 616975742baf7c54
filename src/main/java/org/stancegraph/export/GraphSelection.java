package org.stancegraph.export;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Which named graphs (or which part of them) an RDF export holds. */
public enum GraphSelection {
    /** Every named graph: ontology, dictionary and articles. */
    ALL,
    /** From each article graph only the statement nodes and their triples. */
    STATEMENTS,
    /** The dictionary graph (actors, offices, roles). */
    ACTORS,
    /** The ontology graph (classes, properties, the stance scheme). */
    ONTOLOGY,
    /** The whole article graphs (metadata, text, mentions, statements). */
    ARTICLES;

    public static GraphSelection parse(String value) {
        String key = value.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(s -> s.name().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown graph selection '" + value + "' (known: "
                        + Arrays.stream(values()).map(s -> s.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ")"));
    }

    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
