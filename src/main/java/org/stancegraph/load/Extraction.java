package org.stancegraph.load;

import java.util.List;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.stancegraph.ProjectFiles;
import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.actor.Mention;
import org.stancegraph.actor.MentionFinder;
import org.stancegraph.article.Article;
import org.stancegraph.rdf.ArticleGraph;
import org.stancegraph.stance.CueBook;
import org.stancegraph.stance.StanceExtractor;
import org.stancegraph.stance.Statement;
import org.stancegraph.text.Sentence;
import org.stancegraph.text.TextAnalyzer;

/**
 * Everything StanceGraph takes from one article, stage after stage: sentences, actor
 * mentions, statements, and the article's graph. Holds the knowledge files, read once;
 * {@link #of} is safe to call from several threads at once.
 */
public final class Extraction {

    /**
     * What one article gave.
     *
     * @param leftOut what the {@link ExtractionLimits} left out, when they were reached
     */
    public record Result(Article article, List<Sentence> sentences, List<Mention> mentions, List<Statement> statements,
                         Optional<String> leftOut) {
        public Graph graph() {
            return ArticleGraph.build(article, mentions, statements);
        }

        public String graphIri() {
            return ArticleGraph.iri(article);
        }
    }

    private final ActorDictionary dictionary;
    private final MentionFinder mentions;
    private final StanceExtractor stances;

    public Extraction(ActorDictionary dictionary, CueBook cues) {
        this.dictionary = dictionary;
        this.mentions = new MentionFinder(dictionary);
        this.stances = new StanceExtractor(dictionary, cues);
    }

    /** Reads the knowledge files of the project: data/actors and data/stance. */
    public static Extraction standard() {
        return new Extraction(ActorDictionary.load(ProjectFiles.existing("data/actors")),
                CueBook.load(ProjectFiles.existing("data/stance")));
    }

    public ActorDictionary dictionary() {
        return dictionary;
    }

    public Result of(Article article) {
        List<Sentence> sentences = TextAnalyzer.sentences(article.text());
        List<Mention> found = mentions.find(sentences, article.date());
        List<Statement> statements = stances.extract(article.text(), sentences, found);
        ExtractionLimits.Kept kept = ExtractionLimits.DEFAULT.apply(found, statements);
        return new Result(article, sentences, kept.mentions(), kept.statements(), kept.leftOut());
    }
}
