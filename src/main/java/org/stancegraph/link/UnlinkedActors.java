package org.stancegraph.link;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.sparql.core.DatasetGraph;
import org.stancegraph.actor.ActorKind;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/** Finds the actors that articles mention and the dictionary has no Wikidata id for, unlisted people included. */
public final class UnlinkedActors {
    private UnlinkedActors() {}

    private static final String PREFIXES = """
            PREFIX sg:      <%s>
            PREFIX rdfs:    <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos:    <http://www.w3.org/2004/02/skos/core#>
            PREFIX org:     <http://www.w3.org/ns/org#>
            PREFIX dcterms: <http://purl.org/dc/terms/>
            """.formatted(SG.NS);

    /**
     * Mentioned actors of a dictionary class with no sg:wikidataId in the dictionary graph (the links
     * graph does not count), and the unlisted people articles name with a title.
     */
    private static final String ACTORS = PREFIXES + """
            SELECT DISTINCT ?actor ?class ?label ?date WHERE {
              ?mentions sg:mentionCount ?count ; sg:refersTo ?actor .
              OPTIONAL { ?mentions sg:inArticle/dcterms:issued ?date }
              {
                GRAPH <%s> {
                  ?actor a ?class .
                  VALUES ?class { sg:State sg:DeFactoState sg:InternationalOrganisation sg:MilitaryAlliance sg:OrganisationBody sg:Person }
                  OPTIONAL { ?actor rdfs:label ?label }
                  FILTER NOT EXISTS { ?actor sg:wikidataId ?id }
                }
              } UNION {
                ?actor a sg:UnlistedPerson .
                BIND (sg:Person AS ?class)
                OPTIONAL { ?actor rdfs:label ?label }
              }
            }
            """.formatted(SG.DICTIONARY_GRAPH);

    /** Names: the dictionary's labels and aliases, or an unlisted person's name as the articles write it. */
    private static final String NAMES = PREFIXES + """
            SELECT ?name WHERE {
              VALUES ?actor { <%2$s> }
              { GRAPH <%1$s> { ?actor rdfs:label|skos:altLabel ?name } }
              UNION
              { ?actor a sg:UnlistedPerson ; rdfs:label ?name }
            }
            """;

    /** Offices: the dictionary's, or those the articles state for an unlisted person ("Ruritanian President ..."). */
    private static final String OFFICES = PREFIXES + """
            SELECT DISTINCT ?organisationId ?organisationLabel ?officeLabel WHERE {
              ?office org:member <%s> ; org:organization ?organisation .
              OPTIONAL { ?organisation sg:wikidataId ?organisationId }
              OPTIONAL { ?organisation rdfs:label ?organisationLabel }
              OPTIONAL { ?office rdfs:label ?ownLabel }
              OPTIONAL { ?office org:role/rdfs:label ?roleLabel }
              BIND (COALESCE(?ownLabel, CONCAT(?roleLabel, " of ", ?organisationLabel), "") AS ?officeLabel)
            }
            """;

    private static final String PARENTS = PREFIXES + """
            SELECT ?parentId WHERE { GRAPH <%s> { <%s> sg:partOf/sg:wikidataId ?parentId } }
            """;

    /** The unlinked actors of {@code store}, in IRI order. */
    public static List<UnlinkedActor> find(Store store) {
        return store.read(dataset -> {
            Map<String, Found> found = new TreeMap<>();
            select(dataset, ACTORS, row -> {
                Found actor = found.computeIfAbsent(row.getResource("actor").getURI(), iri -> new Found());
                actor.kind = kindOf(row.getResource("class").getURI(), actor.kind);
                if (row.contains("label") && actor.label == null) {
                    actor.label = row.getLiteral("label").getLexicalForm();
                }
                if (row.contains("date")) {
                    parseDate(row.get("date")).ifPresent(actor.dates::add);
                }
            });
            List<UnlinkedActor> actors = new ArrayList<>();
            found.forEach((iri, actor) -> actors.add(complete(dataset, iri, actor)));
            return actors;
        });
    }

    private static UnlinkedActor complete(DatasetGraph dataset, String iri, Found actor) {
        TreeSet<String> names = new TreeSet<>();
        select(dataset, NAMES.formatted(SG.DICTIONARY_GRAPH, iri), row -> names.add(row.getLiteral("name").getLexicalForm()));
        Set<UnlinkedActor.OfficeHint> offices = new LinkedHashSet<>();
        TreeSet<String> parents = new TreeSet<>();
        if (actor.kind == ActorKind.PERSON) {
            select(dataset, OFFICES.formatted(iri), row -> offices.add(new UnlinkedActor.OfficeHint(
                    text(row, "organisationId"), text(row, "organisationLabel"), text(row, "officeLabel"))));
        }
        select(dataset, PARENTS.formatted(SG.DICTIONARY_GRAPH, iri), row -> parents.add(text(row, "parentId")));
        String label = actor.label != null ? actor.label : names.isEmpty() ? iri : names.first();
        List<UnlinkedActor.OfficeHint> sortedOffices = offices.stream()
                .sorted((a, b) -> (a.organisationId() + a.label()).compareTo(b.organisationId() + b.label())).toList();
        return new UnlinkedActor(iri, actor.kind, label, names, sortedOffices, parents, actor.dates);
    }

    /** A person typed also as something else stays a person; otherwise the most specific class wins. */
    private static ActorKind kindOf(String classIri, ActorKind before) {
        ActorKind kind = null;
        for (ActorKind k : ActorKind.values()) {
            if (k.ontologyClass().getURI().equals(classIri)) {
                kind = k;
            }
        }
        if (before == null) {
            return kind;
        }
        // MilitaryAlliance is stored with its superclass too; keep the narrower kind.
        return before == ActorKind.ORGANISATION && kind == ActorKind.ALLIANCE ? kind : before;
    }

    private static Optional<LocalDate> parseDate(RDFNode node) {
        if (!node.isLiteral()) {
            return Optional.empty();
        }
        String lexical = node.asLiteral().getLexicalForm();
        try {
            return Optional.of(LocalDate.parse(lexical.length() >= 10 ? lexical.substring(0, 10) : lexical));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static String text(QuerySolution row, String variable) {
        RDFNode node = row.get(variable);
        return node == null ? "" : node.isLiteral() ? node.asLiteral().getLexicalForm() : node.toString();
    }

    private static void select(DatasetGraph dataset, String query, Consumer<QuerySolution> each) {
        try (QueryExecution execution = QueryExecution.create(query, DatasetFactory.wrap(dataset))) {
            execution.execSelect().forEachRemaining(each);
        }
    }

    private static final class Found {
        ActorKind kind;
        String label;
        final TreeSet<LocalDate> dates = new TreeSet<>();
    }
}
