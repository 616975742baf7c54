package org.stancegraph.knowledge;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the project's data files (ontology/, data/, queries/) are: the folder named by
 * the environment variable STANCEGRAPH_HOME (the launcher sets it), else the working
 * directory.
 */
public final class ProjectHome {
    private ProjectHome() {}

    /** The environment variable naming the project root; the launcher sets it. */
    public static final String ENV = "STANCEGRAPH_HOME";

    public static Path home() {
        String env = System.getenv(ENV);
        return Path.of(env == null || env.isBlank() ? "" : env).toAbsolutePath();
    }

    /** A path under the project home, e.g. {@code resolve("data/actors")}. */
    public static Path resolve(String relative) {
        return home().resolve(relative);
    }

    /** Like {@link #resolve} but fails with a clear message when the file is missing. */
    public static Path existing(String relative) {
        Path path = resolve(relative);
        if (!Files.exists(path)) {
            throw new IllegalStateException("Missing project file " + path
                    + " (set " + ENV + " to the StanceGraph folder or run from it)");
        }
        return path;
    }
}
