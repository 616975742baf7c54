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
import org.stancegraph.graph.ArticleGraph.MentionDetail;
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
     * What one article gave, its graph included: built by the thread that extracted the article (a load's
     * worker), so that the writer only writes.
     *
     * @param leftOut what the {@link ExtractionLimits} left out, when they were reached
     */
    public record Result(Article article, List<Sentence> sentences, List<Mention> mentions, List<Statement> statements,
                         ExtractionActivity activity, Optional<String> leftOut, Graph graph) {
        public String graphIri() {
            return ArticleGraph.iri(article);
        }
    }

    private final ActorDictionary dictionary;
    private final MentionFinder mentions;
    private final StanceExtractor stances;
    private final Boilerplate boilerplate;
    private final ExtractionActivity activity;
    private final MentionDetail mentionDetail;

    private Extraction(ActorDictionary dictionary, MentionFinder mentions, StanceExtractor stances, Boilerplate boilerplate,
                       ExtractionActivity activity, MentionDetail mentionDetail) {
        this.dictionary = dictionary;
        this.mentions = mentions;
        this.stances = stances;
        this.boilerplate = boilerplate;
        this.activity = activity;
        this.mentionDetail = mentionDetail;
    }

    private Extraction(ActorDictionary dictionary, CueBook cues, Boilerplate boilerplate, ExtractionActivity activity) {
        this(dictionary, new MentionFinder(dictionary), new StanceExtractor(dictionary, cues), boilerplate, activity, MentionDetail.LEAN);
    }

    /** The same extraction, writing {@code detail} of the mentions into the graphs it builds ({@link MentionDetail#LEAN} by default). */
    public Extraction withMentions(MentionDetail detail) {
        return new Extraction(dictionary, mentions, stances, boilerplate, activity, detail);
    }

    /** How much of the mentions the graphs built here keep. */
    public MentionDetail mentionDetail() {
        return mentionDetail;
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

    /** Extracts {@code read} and builds its graph with this extraction's {@link #mentionDetail}. */
    public Result of(Article read) {
        return of(read, mentionDetail);
    }

    /** Extracts {@code read} and builds its graph keeping {@code detail} of the mentions. */
    public Result of(Article read, MentionDetail detail) {
        Article article = ReadText.withHeadline(read);
        List<Sentence> sentences = TextAnalyzer.sentences(article.text());
        List<Mention> found = mentions.find(sentences, article.date());
        List<Statement> statements = stances.extract(article.text(), sentences, found);
        ExtractionLimits.Kept kept = ExtractionLimits.DEFAULT.apply(found, statements);
        Graph graph = ArticleGraph.build(article, kept.mentions(), kept.statements(), activity, detail);
        return new Result(article, sentences, kept.mentions(), kept.statements(), activity, kept.leftOut(), graph);
    }
}
