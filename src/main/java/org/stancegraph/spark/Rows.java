package org.stancegraph.spark;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.stancegraph.actor.Actor;
import org.stancegraph.actor.ActorDictionary;
import org.stancegraph.actor.Mention;
import org.stancegraph.graph.ArticleGraph;
import org.stancegraph.load.Extraction;
import org.stancegraph.stance.Statement;
import org.stancegraph.vocab.SG;

/**
 * The rows of the Parquet tables, made from what {@link Extraction} gives for one article, and their schemas. The
 * columns of {@code statements} are those of queries/positions.rq (same names, same values), with the IRIs and offsets
 * besides; like that query, a statement whose actor has no label gives no row, and one with several labels one row each.
 */
final class Rows {
    private Rows() {}

    /** The confidence as the graph writes it: a decimal with two places. */
    static final DataType CONFIDENCE = DataTypes.createDecimalType(3, 2);

    record ArticleRow(String articleIri, String articleId, String title, Date date, String outlet, String author, String url,
                      String language, String sourceFormat, String contentHash, String source, int textChars, int sentences,
                      int mentions, int statements, String leftOut) implements Serializable {
        Row row() {
            return RowFactory.create(articleIri, articleId, title, date, outlet, author, url, language, sourceFormat, contentHash,
                    source, textChars, sentences, mentions, statements, leftOut);
        }
    }

    static final StructType ARTICLES = schema(
            string("article_iri", false), string("article", false), string("title", false), field("date", DataTypes.DateType, true),
            string("outlet", true), string("author", true), string("url", true), string("language", false),
            string("source_format", false), string("content_hash", false), string("source", false),
            field("text_chars", DataTypes.IntegerType, false), field("sentences", DataTypes.IntegerType, false),
            field("mentions", DataTypes.IntegerType, false), field("statements", DataTypes.IntegerType, false),
            string("left_out", true));

    record MentionRow(String articleIri, String article, int begin, int end, String surface, String refersTo, String standsFor,
                      String kind, String viaOffice, boolean unlisted, int sentence) implements Serializable {
        Row row() {
            return RowFactory.create(articleIri, article, begin, end, surface, refersTo, standsFor, kind, viaOffice, unlisted, sentence);
        }
    }

    static final StructType MENTIONS = schema(
            string("article_iri", false), string("article", false), field("begin", DataTypes.IntegerType, false),
            field("end", DataTypes.IntegerType, false), string("surface", false), string("refers_to", false),
            string("stands_for", true), string("kind", false), string("via_office", true),
            field("unlisted", DataTypes.BooleanType, false), field("sentence", DataTypes.IntegerType, false));

    record StatementRow(String article, String actor, String actorWikidata, String stanceClass, String stance, String cameo,
                        String target, String targetWikidata, String speaker, String quote, String sentence, Date date,
                        BigDecimal confidence, String rule, String statement, String articleIri, String actorIri,
                        String targetIri, String speakerIri, int sentenceBegin, int sentenceEnd, Integer quoteBegin,
                        Integer quoteEnd) implements Serializable {
        Row row() {
            return RowFactory.create(article, actor, actorWikidata, stanceClass, stance, cameo, target, targetWikidata, speaker,
                    quote, sentence, date, confidence, rule, statement, articleIri, actorIri, targetIri, speakerIri,
                    sentenceBegin, sentenceEnd, quoteBegin, quoteEnd);
        }
    }

    static final StructType STATEMENTS = schema(
            string("article", false), string("actor", false), string("actor_wikidata", true), string("class", false),
            string("stance", false), string("cameo", true), string("target", true), string("target_wikidata", true),
            string("speaker", true), string("quote", true), string("sentence", false), field("date", DataTypes.DateType, true),
            field("confidence", CONFIDENCE, false), string("rule", false), string("statement", false),
            string("article_iri", false), string("actor_iri", false), string("target_iri", true), string("speaker_iri", true),
            field("sentence_begin", DataTypes.IntegerType, false), field("sentence_end", DataTypes.IntegerType, false),
            field("quote_begin", DataTypes.IntegerType, true), field("quote_end", DataTypes.IntegerType, true));

    static ArticleRow article(Extraction.Result result, String source) {
        org.stancegraph.article.Article a = result.article();
        return new ArticleRow(result.graphIri(), a.id(), a.title(), a.date().map(Date::valueOf).orElse(null), a.outlet().orElse(null),
                a.author().orElse(null), a.url().orElse(null), a.language(), a.sourceFormat(), a.contentHash(), source,
                a.text().length(), result.sentences().size(), result.mentions().size(), result.statements().size(),
                result.leftOut().orElse(null));
    }

    static List<MentionRow> mentions(Extraction.Result result) {
        List<MentionRow> rows = new ArrayList<>(result.mentions().size());
        for (Mention m : result.mentions()) {
            rows.add(new MentionRow(result.graphIri(), result.article().id(), m.begin(), m.end(), m.surface(), m.refersTo(),
                    m.standsFor().orElse(null), m.kind().key(), m.viaOffice().orElse(null), m.unlisted(), m.sentence()));
        }
        return rows;
    }

    /** The statements' rows: one per statement and label of its actor (and of its target and speaker, when labelled). */
    static List<StatementRow> statements(Extraction.Result result, ActorDictionary dictionary) {
        String articleIri = result.graphIri();
        Date date = result.article().date().map(Date::valueOf).orElse(null);
        List<StatementRow> rows = new ArrayList<>(result.statements().size());
        for (Statement s : result.statements()) {
            String statementIri = statementIri(articleIri, s);
            BigDecimal confidence = BigDecimal.valueOf(s.confidence()).setScale(2, RoundingMode.HALF_UP);
            List<String> targetLabels = s.target().map(t -> nullWhenNone(labels(t, result, dictionary))).orElse(nullList());
            List<String> speakerLabels = s.speaker().map(p -> nullWhenNone(labels(p, result, dictionary))).orElse(nullList());
            for (String actor : labels(s.actor(), result, dictionary)) {
                for (String target : targetLabels) {
                    for (String speaker : speakerLabels) {
                        rows.add(new StatementRow(result.article().id(), actor, wikidata(s.actor(), dictionary), s.stanceClass().key(),
                                s.stance(), s.cameo().isEmpty() ? null : s.cameo(), target,
                                target == null ? null : s.target().flatMap(t -> Optional.ofNullable(wikidata(t, dictionary))).orElse(null),
                                speaker, s.quote().orElse(null), s.sentence(), date, confidence, s.rule(), statementIri, articleIri,
                                s.actor(), s.target().orElse(null), s.speaker().orElse(null), s.sentenceBegin(), s.sentenceEnd(),
                                s.quote().isPresent() ? s.quoteBegin() : null, s.quote().isPresent() ? s.quoteEnd() : null));
                    }
                }
            }
        }
        return rows;
    }

    /** The statement's IRI as {@link ArticleGraph} names it. */
    private static String statementIri(String articleIri, Statement s) {
        return SG.statementIri(articleIri, s.sentenceBegin(), ArticleGraph.localName(s.actor()), s.stance(),
                s.target().map(ArticleGraph::localName).orElse(null));
    }

    /**
     * The labels an actor has where queries look for them: the dictionary's, and for a person the dictionary does not
     * list, each name the article gives them (the article graph labels them so).
     */
    private static List<String> labels(String iri, Extraction.Result result, ActorDictionary dictionary) {
        TreeSet<String> labels = new TreeSet<>();
        dictionary.actor(iri).map(Actor::label).ifPresent(labels::add);
        for (Mention m : result.mentions()) {
            if (m.unlisted() && m.refersTo().equals(iri)) {
                labels.add(m.surface());
            }
        }
        return List.copyOf(labels);
    }

    private static String wikidata(String iri, ActorDictionary dictionary) {
        return dictionary.actor(iri).flatMap(Actor::wikidataId).orElse(null);
    }

    /** An OPTIONAL that does not match is one row with the value unbound. */
    private static List<String> nullWhenNone(List<String> labels) {
        return labels.isEmpty() ? nullList() : labels;
    }

    private static List<String> nullList() {
        List<String> none = new ArrayList<>(1);
        none.add(null);
        return none;
    }

    private static StructType schema(StructField... fields) {
        return DataTypes.createStructType(fields);
    }

    private static StructField string(String name, boolean nullable) {
        return field(name, DataTypes.StringType, nullable);
    }

    private static StructField field(String name, DataType type, boolean nullable) {
        return DataTypes.createStructField(name, type, nullable);
    }
}
