package org.stancegraph.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.junit.jupiter.api.Test;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * The hot queries read the summary and the indexes the fast way; each must give, row for row, what its obvious
 * formulation (kept here) gives, on a store of invented articles, and still after articles are replaced and removed
 * (which changes the summary, its strongest pairs included).
 */
class HotQueriesTest {

    private static final Path HOME = Path.of("").toAbsolutePath();

    /** Invented actors: more than enough pairs (18 × 17) for the 100 strongest to be a strict subset. */
    private static final List<String> ACTORS = List.of("ruritania", "borduria", "syldavia", "grand-fenwick", "freedonia",
            "sylvania", "latveria", "genovia", "elbonia", "molvania", "kazakhstania", "markovia", "zubrowka", "qumar",
            "vulgaria", "moldorbia", "tomainia", "carpania");

    /** The obvious who-supports-whom-top: every statement aggregated, sorted, the first 100 rows. */
    private static final String OBVIOUS_TOP = """
            PREFIX sg:   <https://w3id.org/stancegraph/ontology#>
            PREFIX sgs:  <https://w3id.org/stancegraph/stance/>
            PREFIX prov: <http://www.w3.org/ns/prov#>
            PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            SELECT ?actor ?actor_wikidata ?target ?target_wikidata ?supporting ?opposing ?articles ?first_date ?last_date
            WHERE {
              {
                SELECT ?actorIri ?targetIri
                       (SUM(IF(?class = sgs:support, 1, 0)) AS ?supporting) (SUM(IF(?class = sgs:oppose, 1, 0)) AS ?opposing)
                       (COUNT(DISTINCT ?article) AS ?articles) (MIN(?date) AS ?first_date) (MAX(?date) AS ?last_date)
                WHERE {
                  VALUES ?class { sgs:support sgs:oppose }
                  ?statement sg:stanceClass ?class ; sg:actor ?actorIri ; sg:target ?targetIri ; prov:wasDerivedFrom ?article .
                  OPTIONAL { ?statement dcterms:date ?date }
                }
                GROUP BY ?actorIri ?targetIri
              }
              ?actorIri rdfs:label ?actor .
              ?targetIri rdfs:label ?target .
              OPTIONAL { ?actorIri sg:wikidataId ?actor_wikidata }
              OPTIONAL { ?targetIri sg:wikidataId ?target_wikidata }
            }
            ORDER BY DESC(?supporting + ?opposing) ?actor ?target
            LIMIT 100
            """;

    private static String answer(Store store, String queryText) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Queries.run(store, QueryFactory.create(queryText, Syntax.syntaxARQ), Queries.Format.TSV, out);
        return out.toString(StandardCharsets.UTF_8);
    }

    private static String named(Store store, String name) {
        return answer(store, Queries.resolve(name, HOME).text());
    }

    /** Compares every hot query with its obvious formulation, and the kept summary with the statements. */
    private static void sameAnswers(Store store, String when) {
        String top = answer(store, OBVIOUS_TOP);
        assertEquals(101, top.lines().count(), when + ": the obvious top has a header and 100 rows");
        assertEquals(top, named(store, "who-supports-whom-top"), when + ": who-supports-whom-top");
        assertTrue(store.summaryPairsOutOfStep().isEmpty(), when + ": the summary (strongest pairs included) equals the statements");
    }

    @Test
    void theHotQueriesAnswerAsTheirObviousFormulationsBeforeAndAfterReplacementsAndRemovals() {
        try (Store store = Store.inMemory()) {
            store.replaceGraph(SG.DICTIONARY_GRAPH, dictionary());
            for (int i = 0; i < 80; i++) {
                store.replaceArticle(articleIri("a" + i), "a" + i, article("a" + i, new SplittableRandom(i)));
            }
            sameAnswers(store, "after the first load");

            // An article that strengthens exactly the strongest pairs, then one that lifts every other pair by two
            // statements (not enough to join them); removing the first brings the 100th place back down, where some
            // lifted pairs, untouched by that removal, now belong.
            Set<List<String>> strongest = strongestPairs(store);
            List<List<String>> others = new ArrayList<>();
            for (String a : ACTORS) {
                for (String t : ACTORS) {
                    if (!a.equals(t) && !strongest.contains(List.of(a, t))) {
                        others.add(List.of(a, t));
                    }
                }
            }
            store.replaceArticle(articleIri("heavy"), "heavy", articleAbout("heavy", new ArrayList<>(strongest), 6));
            sameAnswers(store, "after an article strengthening the strongest pairs");
            store.replaceArticle(articleIri("lift"), "lift", articleAbout("lift", others, 2));
            sameAnswers(store, "after an article lifting the other pairs");
            store.replaceGraph(articleIri("heavy"), ModelFactory.createDefaultModel().getGraph());
            sameAnswers(store, "after removing the article that strengthened the strongest pairs");

            // The articles with the most statements of the strongest pairs are replaced by sparse versions: the
            // 100th place falls, and pairs outside the old strongest pairs must come in.
            for (int i = 0; i < 20; i++) {
                store.replaceArticle(articleIri("a" + i + "-sparse"), "a" + i, sparseArticle("a" + i + "-sparse", new SplittableRandom(1000 + i)));
            }
            sameAnswers(store, "after replacing 20 articles by sparser ones");

            // Others are replaced by denser versions (the 100th place rises), then some are removed.
            List<Store.ArticleGraph> batch = new ArrayList<>();
            for (int i = 20; i < 40; i++) {
                batch.add(new Store.ArticleGraph(articleIri("a" + i + "-dense"), "a" + i, article("a" + i + "-dense", new SplittableRandom(2000 + i), 3)));
            }
            store.replaceArticles(batch);
            sameAnswers(store, "after replacing 20 articles by denser ones in one transaction");

            for (int i = 40; i < 70; i++) {
                store.replaceGraph(articleIri("a" + i), ModelFactory.createDefaultModel().getGraph());
            }
            sameAnswers(store, "after removing 30 articles");
        }
    }

    /** The (actor key, target key) of each pair the summary links as strongest. */
    private static Set<List<String>> strongestPairs(Store store) {
        String tsv = answer(store, """
                PREFIX sg: <https://w3id.org/stancegraph/ontology#>
                SELECT ?actor ?target WHERE {
                  GRAPH <https://w3id.org/stancegraph/graph/summary> {
                    <https://w3id.org/stancegraph/graph/summary> sg:strongestPair ?pair .
                    ?pair sg:pairActor ?actor ; sg:pairTarget ?target
                  }
                }
                """);
        Set<List<String>> pairs = new HashSet<>();
        tsv.lines().skip(1).forEach(line -> {
            String[] cells = line.split("\t");
            pairs.add(List.of(key(cells[0]), key(cells[1])));
        });
        assertTrue(pairs.size() >= 100 && pairs.size() < ACTORS.size() * (ACTORS.size() - 1), "a strict subset: " + pairs.size());
        return pairs;
    }

    private static String key(String iriCell) {
        return iriCell.substring(iriCell.lastIndexOf('/') + 1, iriCell.length() - 1);
    }

    /** An article with {@code each} supporting statements, dated, for each of the (actor key, target key) pairs. */
    private static Graph articleAbout(String key, List<List<String>> pairs, int each) {
        Model m = ModelFactory.createDefaultModel();
        Resource art = m.createResource(articleIri(key)).addProperty(RDF.type, SG.Article).addProperty(SG.articleId, key);
        int n = 0;
        for (List<String> pair : pairs) {
            for (int i = 0; i < each; i++) {
                m.createResource(articleIri(key) + "/statement/" + n++)
                        .addProperty(RDF.type, SG.Statement)
                        .addProperty(SG.provWasDerivedFrom, art)
                        .addProperty(SG.actor, m.createResource(actor(pair.get(0)).getURI()))
                        .addProperty(SG.target, m.createResource(actor(pair.get(1)).getURI()))
                        .addProperty(SG.stanceClass, m.createResource(SG.stanceIri("support")))
                        .addProperty(SG.stance, m.createResource(SG.stanceIri("support")))
                        .addProperty(SG.sentence, "Statement " + n + " of " + key + ".")
                        .addProperty(SG.dctermsDate, m.createTypedLiteral("2022-01-" + (10 + i), XSDDatatype.XSDdate));
            }
        }
        return m.getGraph();
    }

    private static String articleIri(String key) {
        return SG.ARTICLE_NS + "test-" + key;
    }

    private static Node actor(String key) {
        return NodeFactory.createURI(SG.ACTOR_NS + key);
    }

    private static Graph dictionary() {
        Model m = ModelFactory.createDefaultModel();
        for (int i = 0; i < ACTORS.size(); i++) {
            String key = ACTORS.get(i);
            Resource actor = m.createResource(SG.ACTOR_NS + key).addProperty(RDF.type, SG.State)
                    .addProperty(RDFS.label, Character.toUpperCase(key.charAt(0)) + key.substring(1).replace('-', ' '), "en");
            if (i % 3 == 0) {
                actor.addProperty(SG.wikidataId, "Q" + (1000 + i));
            }
        }
        // Memberships the dictionary records, beside those the articles report.
        m.getResource(SG.ACTOR_NS + "ruritania").addProperty(SG.memberOf, m.createResource(SG.ACTOR_NS + "qumar"));
        m.getResource(SG.ACTOR_NS + "syldavia").addProperty(SG.memberOf, m.createResource(SG.ACTOR_NS + "qumar"));
        return m.getGraph();
    }

    private static Graph article(String key, SplittableRandom random) {
        return article(key, random, 1);
    }

    private static Graph sparseArticle(String key, SplittableRandom random) {
        return article(key, random, 0);
    }

    /**
     * An article with statements between invented actors: {@code weight} 0 gives one or two statements, 1 gives
     * about a dozen that favour the first actors (so some pairs are much stronger than others, with ties), 3 gives
     * three times as many. Some statements are undated, some have no target, speaker or quote; some articles
     * report alliances and memberships.
     */
    private static Graph article(String key, SplittableRandom random, int weight) {
        Model m = ModelFactory.createDefaultModel();
        Resource art = m.createResource(articleIri(key)).addProperty(RDF.type, SG.Article).addProperty(SG.articleId, key)
                .addProperty(SG.dctermsIssued, m.createTypedLiteral("2021-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10), XSDDatatype.XSDdate));
        int statements = weight == 0 ? 1 + random.nextInt(2) : weight * (8 + random.nextInt(8));
        String[] classes = {"support", "oppose", "support", "oppose", "deny", "appeal"};
        for (int s = 0; s < statements; s++) {
            // Squaring a uniform number favours the first actors.
            int a = (int) (ACTORS.size() * Math.pow(random.nextDouble(), 2));
            int t = (a + 1 + random.nextInt(ACTORS.size() - 1)) % ACTORS.size();
            String stanceClass = classes[random.nextInt(classes.length)];
            Resource statement = m.createResource(articleIri(key) + "/statement/" + s)
                    .addProperty(RDF.type, SG.Statement)
                    .addProperty(SG.provWasDerivedFrom, art)
                    .addProperty(SG.actor, m.createResource(actor(ACTORS.get(a)).getURI()))
                    .addProperty(SG.stanceClass, m.createResource(SG.stanceIri(stanceClass)))
                    .addProperty(SG.stance, m.createResource(SG.stanceIri(stanceClass)))
                    .addProperty(SG.sentence, "Sentence " + s + " of " + key + ".");
            if (random.nextInt(6) > 0) {
                statement.addProperty(SG.target, m.createResource(actor(ACTORS.get(t)).getURI()));
            }
            if (random.nextInt(5) > 0) {
                statement.addProperty(SG.dctermsDate, m.createTypedLiteral("2020-" + (10 + random.nextInt(3)) + "-" + (10 + random.nextInt(19)), XSDDatatype.XSDdate));
            }
            if (random.nextInt(3) == 0) {
                statement.addProperty(SG.speaker, m.createResource(actor(ACTORS.get(random.nextInt(ACTORS.size()))).getURI()));
                statement.addProperty(SG.quote, "We said so in " + key + ".");
            }
        }
        if (random.nextInt(3) == 0) {
            m.getResource(actor(ACTORS.get(random.nextInt(6))).getURI())
                    .addProperty(SG.alliedWith, m.createResource(actor(ACTORS.get(6 + random.nextInt(6))).getURI()));
        }
        if (random.nextInt(4) == 0) {
            m.getResource(actor(ACTORS.get(random.nextInt(12))).getURI())
                    .addProperty(SG.memberOf, m.createResource(actor(ACTORS.get(12 + random.nextInt(6))).getURI()));
        }
        return m.getGraph();
    }
}
