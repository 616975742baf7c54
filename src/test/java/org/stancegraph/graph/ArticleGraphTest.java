package org.stancegraph.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Optional;

import org.apache.jena.graph.Graph;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RDFFormat;
import org.junit.jupiter.api.Test;
import org.stancegraph.article.Article;
import org.stancegraph.article.Articles;
import org.stancegraph.load.Extraction;
import org.stancegraph.vocab.SG;

class ArticleGraphTest {

    private static String canonical(Graph g) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        RDFDataMgr.write(out, g, RDFFormat.NTRIPLES);
        return out.toString(StandardCharsets.UTF_8).lines().sorted().reduce("", (a, b) -> a + b + "\n");
    }

    @Test
    void theSameArticleAlwaysGivesTheSameTriplesAndIrisCarryNoBlankNodes() {
        Extraction extraction = Extraction.standard();
        String text = "Turkey condemned Armenia. \"We stand by Azerbaijan,\" Turkey's foreign minister said.";
        Article article = new Article("x", "Title", Optional.of(LocalDate.of(2020, 10, 1)), Optional.empty(), Optional.empty(),
                Optional.of("https://example.org/x"), "en", text, Articles.contentHash("x", "Title", Optional.of(LocalDate.of(2020, 10, 1)), text), "text");
        Graph first = extraction.of(article).graph();
        Graph second = extraction.of(article).graph();
        assertEquals(canonical(first), canonical(second));
        assertTrue(first.find().toList().stream().noneMatch(t -> t.getSubject().isBlank() || t.getObject().isBlank()));
        assertTrue(ArticleGraph.iri(article).startsWith(SG.ARTICLE_NS));
        String nt = canonical(first);
        assertTrue(nt.contains("\"111\""), "the condemnation carries its CAMEO code");
        assertTrue(nt.contains("\"2020-10-01\"^^<http://www.w3.org/2001/XMLSchema#date>"));
    }
}
