package org.stancegraph.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.jena.query.Query;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.Syntax;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.OpWalker;
import org.apache.jena.sparql.algebra.op.OpService;
import org.junit.jupiter.api.Test;

/** The queries of queries/ that need Wikidata: they cannot run here (no internet), so they are parsed and inspected. */
class WikidataQueriesTest {

    private static List<Path> queries(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(Path.of("queries"))) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".rq")).sorted().toList();
        }
    }

    @Test
    void federatedQueriesParseAndAskTheWikidataQueryService() throws IOException {
        List<Path> federated = queries("federated-");
        assertTrue(federated.size() >= 2, federated.toString());
        for (Path file : federated) {
            String text = Files.readString(file);
            assertTrue(text.startsWith("# Needs internet:"), file + " must say on its first line that it needs internet");
            // Standard SPARQL 1.1, so the same text runs in the Fuseki UI and on query.wikidata.org.
            Query query = QueryFactory.create(text, Syntax.syntaxSPARQL_11);
            List<String> services = new java.util.ArrayList<>();
            Op op = Algebra.compile(query);
            OpWalker.walk(op, new OpVisitorBase() {
                @Override
                public void visit(OpService service) {
                    services.add(service.getService().getURI());
                }
            });
            assertEquals(List.of(SparqlEndpoint.WIKIDATA), services, file.toString());
        }
    }

    @Test
    void dictionaryQueriesAreConstructQueriesThatSayTheyNeedInternet() throws IOException {
        List<Path> dictionary = queries("dictionary-");
        assertEquals(List.of("dictionary-offices.rq", "dictionary-organisations.rq", "dictionary-states.rq"),
                dictionary.stream().map(p -> p.getFileName().toString()).toList());
        for (Path file : dictionary) {
            String text = Files.readString(file);
            assertTrue(text.startsWith("# Needs internet:"), file.toString());
            assertTrue(QueryFactory.create(text, Syntax.syntaxSPARQL_11).isConstructType(), file.toString());
        }
    }
}
