package org.stancegraph.load;

import org.stancegraph.knowledge.KnowledgeFingerprint;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.stancegraph.knowledge.ProjectHome;
import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.actor.Mention;
import org.stancegraph.actor.MentionFinder;
import org.stancegraph.article.Article;
import org.stancegraph.article.Articles;
import org.stancegraph.article.Boilerplate;
import org.stancegraph.article.ReadText;
import org.stancegraph.graph.ArticleGraph;
import org.stancegraph.knowledge.ExtractionActivity;
import org.stancegraph.source.SourceRecord;
import org.stancegraph.stance.CueBook;
import org.stancegraph.stance.StanceExtractor;
import org.stancegraph.stance.Statement;
import org.stancegraph.text.Sentence;
import org.stancegraph.text.TextAnalyzer;

/**
 * Everything StanceGraph takes from one article, stage after stage: sentences, actor
 * mentions, statements, and the article's graph. Holds the knowledge files, read once, and
 * the {@link ExtractionActivity} that names them (engine version and fingerprint), which every
 * graph it builds records; {@link #of} is safe to call from several threads at once.
 */
public final class Extraction {

    /**
     * What one article gave.
     *
     * @param leftOut what the {@link ExtractionLimits} left out, when they were reached
     */
    public record Result(Article article, List<Sentence> sentences, List<Mention> mentions, List<Statement> statements,
                         ExtractionActivity activity, Optional<String> leftOut) {
        public Graph graph() {
            return ArticleGraph.build(article, mentions, statements, activity);
        }

        public String graphIri() {
            return ArticleGraph.iri(article);
        }
    }

    private final ActorDictionary dictionary;
    private final MentionFinder mentions;
    private final StanceExtractor stances;
    private final Boilerplate boilerplate;
    private final ExtractionActivity activity;

    private Extraction(ActorDictionary dictionary, CueBook cues, Boilerplate boilerplate, ExtractionActivity activity) {
        this.dictionary = dictionary;
        this.mentions = new MentionFinder(dictionary);
        this.stances = new StanceExtractor(dictionary, cues);
        this.boilerplate = boilerplate;
        this.activity = activity;
    }

    /** Reads the knowledge files of the project home (STANCEGRAPH_HOME, else the working directory). */
    public static Extraction standard() {
        return fromHome(ProjectHome.home());
    }

    /** Reads the knowledge files under {@code home}: data/actors, data/stance and data/boilerplate.tsv. */
    public static Extraction fromHome(Path home) {
        Path data = home.resolve("data");
        return from(data.resolve("actors"), data.resolve("stance"), data.resolve("boilerplate.tsv"));
    }

    /** Reads the actor dictionary in {@code actors}, the cues and word lists in {@code stance} and the boilerplate rules. */
    public static Extraction from(Path actors, Path stance, Path boilerplateRules) {
        return new Extraction(ActorDictionary.load(actors), CueBook.load(stance), Boilerplate.load(boilerplateRules),
                activity(actors, stance, boilerplateRules));
    }

    /** The activity of extracting with the knowledge of the project home, without reading that knowledge: for checking a store. */
    public static ExtractionActivity standardActivity() {
        Path data = ProjectHome.home().resolve("data");
        return activity(data.resolve("actors"), data.resolve("stance"), data.resolve("boilerplate.tsv"));
    }

    private static ExtractionActivity activity(Path actors, Path stance, Path boilerplateRules) {
        return new ExtractionActivity(ExtractionActivity.currentSoftwareVersion(),
                KnowledgeFingerprint.of(Map.of("actors", actors, "stance", stance, "boilerplate.tsv", boilerplateRules)));
    }

    public ActorDictionary dictionary() {
        return dictionary;
    }

    /** The engine version and knowledge fingerprint that the graphs built here record. */
    public ExtractionActivity activity() {
        return activity;
    }

    /** The article of a record, cleaned with this extraction's boilerplate rules. */
    public Article article(SourceRecord record) {
        return Articles.from(record, boilerplate);
    }

    public Result of(Article read) {
        Article article = ReadText.withHeadline(read);
        List<Sentence> sentences = TextAnalyzer.sentences(article.text());
        List<Mention> found = mentions.find(sentences, article.date());
        List<Statement> statements = stances.extract(article.text(), sentences, found);
        ExtractionLimits.Kept kept = ExtractionLimits.DEFAULT.apply(found, statements);
        return new Result(article, sentences, kept.mentions(), kept.statements(), activity, kept.leftOut());
    }
}
