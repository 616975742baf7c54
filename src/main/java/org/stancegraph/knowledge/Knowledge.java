package org.stancegraph.knowledge;

import java.nio.file.Path;
import java.util.Map;

import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.article.Boilerplate;
import org.stancegraph.stance.CueBook;
import org.stancegraph.stance.StanceScheme;

/**
 * Everything extraction knows, read once: the actor dictionary ({@code data/actors}), the stance
 * cues and word lists ({@code data/stance}), the boilerplate rules ({@code data/boilerplate.tsv})
 * and the stance scheme ({@code ontology/stances.ttl}), with the {@link ExtractionActivity} that
 * names them by fingerprint. A problem in any file fails the load with a message naming the file
 * and line.
 */
public record Knowledge(ActorDictionary dictionary, CueBook cues, Boilerplate boilerplate, StanceScheme stances,
                        ExtractionActivity activity) {

    /** Where the knowledge files are. */
    public record Files(Path actors, Path stance, Path boilerplate, Path stanceScheme) {
        /** The knowledge files of a project folder: data/actors, data/stance, data/boilerplate.tsv, ontology/stances.ttl. */
        public static Files under(Path home) {
            Path data = home.resolve("data");
            return new Files(data.resolve("actors"), data.resolve("stance"), data.resolve("boilerplate.tsv"),
                    home.resolve("ontology").resolve("stances.ttl"));
        }

        /** The same files with another actor dictionary or cue folder, for researchers' variants and tests. */
        public Files with(Path otherActors, Path otherStance) {
            return new Files(otherActors, otherStance, boilerplate, stanceScheme);
        }
    }

    /** The knowledge of the project home ({@link ProjectHome}), read the first time it is asked for. */
    public static Knowledge standard() {
        return Standard.KNOWLEDGE;
    }

    private static final class Standard {
        static final Knowledge KNOWLEDGE = load(Files.under(ProjectHome.home()));
    }

    public static Knowledge load(Files files) {
        StanceScheme stances = StanceSchemeFile.read(files.stanceScheme());
        return new Knowledge(ActorDictionary.load(files.actors()), CueBook.load(files.stance(), stances),
                Boilerplate.load(files.boilerplate()), stances, activity(files));
    }

    /** The activity of extracting with the project home's knowledge, without reading that knowledge: for checking a store. */
    public static ExtractionActivity standardActivity() {
        return activity(Files.under(ProjectHome.home()));
    }

    private static ExtractionActivity activity(Files files) {
        return new ExtractionActivity(ExtractionActivity.currentSoftwareVersion(), KnowledgeFingerprint.of(Map.of(
                "actors", files.actors(), "stance", files.stance(), "boilerplate.tsv", files.boilerplate(),
                "stances.ttl", files.stanceScheme())));
    }
}
