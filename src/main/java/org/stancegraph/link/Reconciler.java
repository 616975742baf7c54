package org.stancegraph.link;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.QuerySolution;
import org.apache.jena.query.ResultSetRewindable;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.riot.out.NodeFmtLib;
import org.stancegraph.actor.ActorKind;
import org.stancegraph.vocab.SG;

/**
 * Reconciles an {@link UnlinkedActor} against a Wikidata-shaped SPARQL endpoint: finds the
 * items whose English label or alias is one of the actor's names and whose type fits its
 * kind, scores each by fixed weights, and links the best one only when it scores at least
 * the threshold and no other comes within the margin.
 *
 * <p>Weights. People: label 0.4 (alias only 0.3), human 0.2, a position held for the state
 * or organisation of one of the actor's offices or citizenship of it 0.2, such a position
 * held on the date of an article that mentions the actor 0.2. States and organisations:
 * label 0.5 (alias only 0.4), type 0.3, for bodies part of the dictionary's parent 0.2.
 * A person found by name alone scores 0.6, so people are linked only with office or
 * country evidence.
 */
public final class Reconciler {

    /** Wikidata class an item must be an instance of (for people directly, for others through subclass-of). */
    static final String HUMAN = "Q5";
    static final String SOVEREIGN_STATE = "Q3624078";
    static final String INTERNATIONAL_ORGANISATION = "Q484652";

    public static final double DEFAULT_MIN_SCORE = 0.75;
    public static final double DEFAULT_MARGIN = 0.15;

    private static final String PREFIXES = """
            PREFIX wd:       <http://www.wikidata.org/entity/>
            PREFIX wdt:      <http://www.wikidata.org/prop/direct/>
            PREFIX p:        <http://www.wikidata.org/prop/>
            PREFIX ps:       <http://www.wikidata.org/prop/statement/>
            PREFIX pq:       <http://www.wikidata.org/prop/qualifier/>
            PREFIX wikibase: <http://wikiba.se/ontology#>
            PREFIX rdfs:     <http://www.w3.org/2000/01/rdf-schema#>
            PREFIX skos:     <http://www.w3.org/2004/02/skos/core#>
            """;

    private final SparqlEndpoint endpoint;
    private final double minScore;
    private final double margin;

    public Reconciler(SparqlEndpoint endpoint, double minScore, double margin) {
        this.endpoint = endpoint;
        this.minScore = minScore;
        this.margin = margin;
    }

    public Reconciliation reconcile(UnlinkedActor actor) {
        Map<String, Found> found = findByName(actor);
        if (found.isEmpty()) {
            return new Reconciliation(actor, List.of(), Optional.empty(),
                    "no " + typeWords(actor.kind()) + " labelled " + quotedNames(actor));
        }
        if (actor.kind() == ActorKind.PERSON) {
            addPersonEvidence(actor, found);
        } else if (!actor.parentIds().isEmpty()) {
            addParentEvidence(actor, found);
        }
        List<Reconciliation.Candidate> candidates = found.entrySet().stream()
                .map(e -> e.getValue().candidate(e.getKey()))
                .sorted(Comparator.comparingDouble(Reconciliation.Candidate::score).reversed()
                        .thenComparing(c -> numeric(c.qid())))
                .toList();
        Reconciliation.Candidate best = candidates.get(0);
        if (best.score() + 1e-9 < minScore) {
            return new Reconciliation(actor, candidates, Optional.empty(),
                    String.format(Locale.ROOT, "best score %.2f is below %.2f", best.score(), minScore));
        }
        List<Reconciliation.Candidate> close = candidates.stream()
                .filter(c -> c != best && best.score() - c.score() < margin - 1e-9).toList();
        if (!close.isEmpty()) {
            return new Reconciliation(actor, candidates, Optional.empty(), "ambiguous: " + (close.size() + 1)
                    + " candidates within " + String.format(Locale.ROOT, "%.2f", margin) + " of the best");
        }
        return new Reconciliation(actor, candidates, Optional.of(best), "");
    }

    // ---- candidates by name and type

    private Map<String, Found> findByName(UnlinkedActor actor) {
        String names = actor.names().stream()
                .map(n -> NodeFmtLib.strNT(NodeFactory.createLiteralLang(n, "en")))
                .collect(Collectors.joining(" "));
        String typePattern = actor.kind() == ActorKind.PERSON
                ? "?item wdt:P31 ?type ."
                // Subclasses count: an intergovernmental organisation is an international organisation.
                : "?item wdt:P31/wdt:P279* ?type .";
        String types = typeIds(actor.kind()).stream().map(q -> "wd:" + q).collect(Collectors.joining(" "));
        String query = PREFIXES + """
                SELECT DISTINCT ?item ?name ?how ?itemLabel WHERE {
                  VALUES ?name { %s }
                  { ?item rdfs:label ?name . BIND("label" AS ?how) }
                  UNION
                  { ?item skos:altLabel ?name . BIND("alias" AS ?how) }
                  VALUES ?type { %s }
                  %s
                  OPTIONAL { ?item rdfs:label ?itemLabel FILTER (lang(?itemLabel) = "en") }
                }
                ORDER BY ?item ?how ?name
                """.formatted(names, types, typePattern);
        Map<String, Found> found = new LinkedHashMap<>();
        ResultSetRewindable rows = endpoint.select(query);
        boolean person = actor.kind() == ActorKind.PERSON;
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            String qid = qid(row.get("item"));
            if (qid.isEmpty()) {
                continue;
            }
            Found item = found.computeIfAbsent(qid, q -> new Found());
            if (row.contains("itemLabel")) {
                item.label = row.getLiteral("itemLabel").getLexicalForm();
            }
            String name = row.getLiteral("name").getLexicalForm();
            boolean byLabel = "label".equals(row.getLiteral("how").getLexicalForm());
            double nameWeight = person ? (byLabel ? 0.4 : 0.3) : (byLabel ? 0.5 : 0.4);
            item.earn("name", nameWeight, (byLabel ? "label '" : "alias '") + name + "'");
            item.earn("type", person ? 0.2 : 0.3, "instance of " + typeWords(actor.kind()));
        }
        return found;
    }

    // ---- people: offices, country, dates

    private void addPersonEvidence(UnlinkedActor actor, Map<String, Found> found) {
        Set<String> countries = actor.offices().stream().map(UnlinkedActor.OfficeHint::organisationId)
                .filter(id -> !id.isEmpty()).collect(Collectors.toCollection(TreeSet::new));
        if (countries.isEmpty()) {
            return;
        }
        String query = PREFIXES + """
                SELECT ?item ?position ?positionLabel ?jurisdiction ?start ?end ?citizenship WHERE {
                  VALUES ?item { %s }
                  {
                    ?item p:P39 ?held .
                    ?held ps:P39 ?position .
                    FILTER NOT EXISTS { ?held wikibase:rank wikibase:DeprecatedRank }
                    ?position wdt:P1001|wdt:P17 ?jurisdiction .
                    OPTIONAL { ?position rdfs:label ?positionLabel FILTER (lang(?positionLabel) = "en") }
                    OPTIONAL { ?held pq:P580 ?start }
                    OPTIONAL { ?held pq:P582 ?end }
                  }
                  UNION
                  { ?item wdt:P27 ?citizenship }
                }
                ORDER BY ?item ?position ?start
                """.formatted(values(found.keySet()));
        ResultSetRewindable rows = endpoint.select(query);
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            Found item = found.get(qid(row.get("item")));
            if (item == null) {
                continue;
            }
            if (row.contains("citizenship")) {
                String country = qid(row.get("citizenship"));
                if (countries.contains(country)) {
                    item.earn("country", 0.2, "citizen of " + country);
                }
                continue;
            }
            String jurisdiction = qid(row.get("jurisdiction"));
            if (!countries.contains(jurisdiction)) {
                continue;
            }
            String position = row.contains("positionLabel") ? row.getLiteral("positionLabel").getLexicalForm()
                    : qid(row.get("position"));
            item.earn("country", 0.2, "held '" + position + "' of " + jurisdiction);
            Optional<LocalDate> start = date(row.get("start"));
            Optional<LocalDate> end = date(row.get("end"));
            // An unknown start proves nothing about the date; an unknown end means still in office.
            if (start.isPresent()) {
                actor.articleDates().stream()
                        .filter(d -> !d.isBefore(start.get()) && end.map(e -> !d.isAfter(e)).orElse(true))
                        .findFirst()
                        .ifPresent(d -> item.earn("date", 0.2, "held '" + position + "' on the article date " + d
                                + " (" + start.get() + " to " + end.map(LocalDate::toString).orElse("open") + ")"));
            }
        }
    }

    // ---- bodies: parent organisation

    private void addParentEvidence(UnlinkedActor actor, Map<String, Found> found) {
        String query = PREFIXES + """
                SELECT ?item ?parent WHERE {
                  VALUES ?item { %s }
                  VALUES ?parent { %s }
                  ?item wdt:P361 ?parent .
                }
                ORDER BY ?item ?parent
                """.formatted(values(found.keySet()), values(actor.parentIds()));
        ResultSetRewindable rows = endpoint.select(query);
        while (rows.hasNext()) {
            QuerySolution row = rows.next();
            Found item = found.get(qid(row.get("item")));
            if (item != null) {
                item.earn("parent", 0.2, "part of " + qid(row.get("parent")));
            }
        }
    }

    // ---- helpers

    static List<String> typeIds(ActorKind kind) {
        return switch (kind) {
            case PERSON -> List.of(HUMAN);
            case STATE, DE_FACTO_STATE -> List.of(SOVEREIGN_STATE);
            case ORGANISATION, ALLIANCE, BODY -> List.of(INTERNATIONAL_ORGANISATION);
            case ARMED_GROUP -> throw notLinked(kind);
        };
    }

    private static String typeWords(ActorKind kind) {
        return switch (kind) {
            case PERSON -> "human (" + HUMAN + ")";
            case STATE, DE_FACTO_STATE -> "sovereign state (" + SOVEREIGN_STATE + ")";
            case ORGANISATION, ALLIANCE, BODY -> "international organisation (" + INTERNATIONAL_ORGANISATION + ")";
            case ARMED_GROUP -> throw notLinked(kind);
        };
    }

    /**
     * Armed groups are never looked up: UnlinkedActors does not list them, because the guideline
     * admits one only under an id checked by hand against a public source, never under a guessed one.
     */
    private static IllegalArgumentException notLinked(ActorKind kind) {
        return new IllegalArgumentException(kind + " actors are not linked automatically");
    }

    private static String quotedNames(UnlinkedActor actor) {
        return actor.names().stream().map(n -> "'" + n + "'").collect(Collectors.joining(" or "));
    }

    private static String values(Iterable<String> qids) {
        List<String> terms = new ArrayList<>();
        qids.forEach(q -> terms.add("wd:" + q));
        return String.join(" ", terms);
    }

    /** The Q-id of a Wikidata item IRI, or "" for anything else. */
    static String qid(RDFNode node) {
        if (node == null || !node.isURIResource() || !node.asResource().getURI().startsWith(SG.WD)) {
            return "";
        }
        String id = node.asResource().getURI().substring(SG.WD.length());
        return id.matches("Q[0-9]+") ? id : "";
    }

    private static long numeric(String qid) {
        return Long.parseLong(qid.substring(1));
    }

    /** Wikidata times are xsd:dateTime ("2013-09-15T00:00:00Z"); the date part is what counts. */
    private static Optional<LocalDate> date(RDFNode node) {
        if (node == null || !node.isLiteral()) {
            return Optional.empty();
        }
        String lexical = node.asLiteral().getLexicalForm();
        try {
            return Optional.of(LocalDate.parse(lexical.length() > 10 ? lexical.substring(0, 10) : lexical));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Evidence gathered for one item: each kind of fact earns its weight once. */
    private static final class Found {
        String label = "";
        final Map<String, Double> weights = new LinkedHashMap<>();
        final List<String> evidence = new ArrayList<>();

        void earn(String fact, double weight, String words) {
            Double before = weights.get(fact);
            if (before == null || weight > before) {
                weights.put(fact, weight);
            }
            if (!evidence.contains(words)) {
                evidence.add(words);
            }
        }

        Reconciliation.Candidate candidate(String qid) {
            double score = Math.round(weights.values().stream().mapToDouble(Double::doubleValue).sum() * 100) / 100.0;
            return new Reconciliation.Candidate(qid, label, score, List.copyOf(evidence));
        }
    }
}
