package org.stancegraph.load;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.stancegraph.actor.Mention;
import org.stancegraph.stance.Statement;

/**
 * Bounds on what one article stores. A list of actors gives one statement per actor and target, so
 * a sentence naming ten actors on each side gives a hundred, and a long page of such sentences gives
 * more statements and mentions than its size would suggest, each a node of eight to fifteen triples
 * to build, store and index. What lies beyond a bound is left out, in text order, and said so.
 *
 * @param statementsPerSentence most statements kept from one sentence
 * @param statementsPerArticle  most statements kept from one article
 * @param mentionsPerActor      most mentions of one actor kept from one article
 */
public record ExtractionLimits(int statementsPerSentence, int statementsPerArticle, int mentionsPerActor) {

    /**
     * 50 statements per sentence, 1,000 per article, 50 mentions of one actor per article: of the sample
     * corpus and the seeds, a sentence gives at most 14 statements, an article at most 30, and an article
     * mentions one actor at most 19 times.
     */
    public static final ExtractionLimits DEFAULT = new ExtractionLimits(50, 1_000, 50);

    public ExtractionLimits {
        if (statementsPerSentence <= 0 || statementsPerArticle <= 0 || mentionsPerActor <= 0) {
            throw new IllegalArgumentException("extraction limits must be positive: " + statementsPerSentence + ", "
                    + statementsPerArticle + ", " + mentionsPerActor);
        }
    }

    /** What is kept, and what was left out when a bound was reached. */
    public record Kept(List<Mention> mentions, List<Statement> statements, Optional<String> leftOut) {}

    /** Keeps {@code mentions} and {@code statements} (each in text order) within the bounds. */
    public Kept apply(List<Mention> mentions, List<Statement> statements) {
        Map<String, Integer> perActor = new HashMap<>();
        List<Mention> keptMentions = new ArrayList<>();
        for (Mention mention : mentions) {
            if (perActor.merge(mention.refersTo(), 1, Integer::sum) <= mentionsPerActor) {
                keptMentions.add(mention);
            }
        }
        Map<Integer, Integer> perSentence = new HashMap<>();
        List<Statement> keptStatements = new ArrayList<>();
        int crowdedSentences = 0;
        for (Statement statement : statements) {
            int inSentence = perSentence.merge(statement.sentenceIndex(), 1, Integer::sum);
            if (inSentence == statementsPerSentence + 1) {
                crowdedSentences++;
            }
            if (inSentence <= statementsPerSentence && keptStatements.size() < statementsPerArticle) {
                keptStatements.add(statement);
            }
        }
        List<String> leftOut = new ArrayList<>();
        if (keptStatements.size() < statements.size()) {
            leftOut.add("kept " + keptStatements.size() + " of " + statements.size() + " statements (at most "
                    + statementsPerSentence + " per sentence, reached in " + crowdedSentences + " sentences; at most "
                    + statementsPerArticle + " per article)");
        }
        if (keptMentions.size() < mentions.size()) {
            leftOut.add("kept " + keptMentions.size() + " of " + mentions.size() + " mentions (at most "
                    + mentionsPerActor + " per actor)");
        }
        return new Kept(keptMentions.size() < mentions.size() ? List.copyOf(keptMentions) : mentions,
                keptStatements.size() < statements.size() ? List.copyOf(keptStatements) : statements,
                leftOut.isEmpty() ? Optional.empty() : Optional.of(String.join("; ", leftOut)));
    }
}
