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

    public Extraction(Knowledge knowledge) {
        this.dictionary = knowledge.dictionary();
        this.mentions = new MentionFinder(dictionary);
        this.stances = new StanceExtractor(dictionary, knowledge.cues());
        this.boilerplate = knowledge.boilerplate();
        this.activity = knowledge.activity();
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

    public Result of(Article read) {
        Article article = ReadText.withHeadline(read);
        List<Sentence> sentences = TextAnalyzer.sentences(article.text());
        List<Mention> found = mentions.find(sentences, article.date());
        List<Statement> statements = stances.extract(article.text(), sentences, found);
        ExtractionLimits.Kept kept = ExtractionLimits.DEFAULT.apply(found, statements);
        return new Result(article, sentences, kept.mentions(), kept.statements(), activity, kept.leftOut());
    }
}
