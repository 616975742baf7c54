package org.stancegraph.load;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.actor.Mention;
import org.stancegraph.actor.MentionFinder;
import org.stancegraph.article.Article;
import org.stancegraph.article.Articles;
import org.stancegraph.article.Boilerplate;
import org.stancegraph.article.ReadText;
import org.stancegraph.graph.ArticleGraph.MentionDetail;
import org.stancegraph.graph.ArticleGraph;
import org.stancegraph.knowledge.ExtractionActivity;
import org.stancegraph.knowledge.Knowledge;
import org.stancegraph.source.SourceRecord;
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

    public Extraction(Knowledge knowledge) {
        this(knowledge.dictionary(), new MentionFinder(knowledge.dictionary()), new StanceExtractor(knowledge.dictionary(), knowledge.cues()),
                knowledge.boilerplate(), knowledge.activity(), MentionDetail.LEAN);
    }

    /** The same extraction, writing {@code detail} of the mentions into the graphs it builds ({@link MentionDetail#LEAN} by default). */
    public Extraction withMentions(MentionDetail detail) {
        return new Extraction(dictionary, mentions, stances, boilerplate, activity, detail);
    }

    /** How much of the mentions the graphs built here keep. */
    public MentionDetail mentionDetail() {
        return mentionDetail;
    }

    /** Extraction with the knowledge of the project home (read once per process). */
    public static Extraction standard() {
        return new Extraction(Knowledge.standard());
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
