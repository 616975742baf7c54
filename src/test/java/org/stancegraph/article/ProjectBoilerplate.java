package org.stancegraph.article;

import java.nio.file.Path;

/** The boilerplate rules of the project's own {@code data/boilerplate.tsv}, for tests that read articles the way {@code load} does. */
public final class ProjectBoilerplate {
    private ProjectBoilerplate() {}

    public static final Boilerplate RULES = Boilerplate.load(Path.of("data", "boilerplate.tsv"));
}
