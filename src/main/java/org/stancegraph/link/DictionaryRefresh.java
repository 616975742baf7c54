package org.stancegraph.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.riot.RiotException;
import org.apache.jena.shared.PrefixMapping;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.sparql.util.FmtUtils;
import org.apache.jena.vocabulary.RDF;
import org.apache.jena.vocabulary.RDFS;
import org.stancegraph.vocab.Namespaces;
import org.stancegraph.vocab.SG;

/**
 * Extends the actor dictionary from Wikidata: runs the CONSTRUCT queries
 * {@code queries/dictionary-*.rq} against an endpoint, maps the Wikidata items to the
 * dictionary's actors by their id (minting {@code sga:} IRIs for new ones from their
 * English label) and keeps only what the dictionary lacks. The project's own files are
 * never rewritten: the additions form one file, {@link #GENERATED_FILE}, beside them, so
 * every alias, comment and decision of the project stays as it is.
 *
 * <p>An item whose name is already the name of a dictionary actor without that id, or
 * whose minted IRI is taken, is not added but reported as a conflict: deciding that two
 * are the same is linking, and ids are only accepted after review.
 */
public final class DictionaryRefresh {
    private DictionaryRefresh() {}

    /** The file the refresh writes; the other files of the actors folder are the project's own. */
    public static final String GENERATED_FILE = "wikidata-refresh.ttl";
    /** Query files run, in name order. */
    public static final String QUERY_GLOB = "dictionary-*.rq";

    private static final Node TYPE = RDF.type.asNode();
    private static final Node LABEL = RDFS.label.asNode();
    private static final Node ALT = SG.skosAltLabel.asNode();
    /** Name-like properties added to actors the dictionary already has. */
    private static final List<Node> ADDED_TO_KNOWN = List.of(ALT, SG.skosNotation.asNode(), SG.metonym.asNode(),
            SG.abbreviation.asNode());
    private static final Set<Node> ACTOR_CLASSES = Set.of(SG.State.asNode(), SG.InternationalOrganisation.asNode(),
            SG.Person.asNode());

    /**
     * What a refresh found.
     *
     * @param additions the triples the dictionary lacks, to be written to {@link #GENERATED_FILE}
     * @param newActors new actors by class local name ("State", "Person", ...)
     * @param conflicts one line per Wikidata item left out, saying why
     */
    public record Result(Graph additions, Map<String, Integer> newActors, int addedNames, int newOffices,
                         List<String> conflicts, int fetchedTriples) {}

    /** Runs every query of {@code queryDirectory} matching {@link #QUERY_GLOB} and merges with {@code actorsDirectory}. */
    public static Result run(SparqlEndpoint endpoint, Path queryDirectory, Path actorsDirectory) {
        Graph fetched = GraphFactory.createDefaultGraph();
        List<Path> queries = files(queryDirectory, "dictionary-", ".rq");
        if (queries.isEmpty()) {
            throw new IllegalArgumentException("no " + QUERY_GLOB + " files in " + queryDirectory);
        }
        for (Path query : queries) {
            endpoint.construct(read(query)).find().forEachRemaining(fetched::add);
        }
        return merge(fetched, readDictionary(actorsDirectory));
    }

    /** Every Turtle file of the actors folder except the generated one. */
    static Graph readDictionary(Path actorsDirectory) {
        Graph dictionary = GraphFactory.createDefaultGraph();
        for (Path file : files(actorsDirectory, "", ".ttl")) {
            if (file.getFileName().toString().equals(GENERATED_FILE)) {
                continue;
            }
            try {
                RDFParser.source(file).lang(Lang.TURTLE).parse(dictionary);
            } catch (RiotException e) {
                throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
            }
        }
        return dictionary;
    }

    static Result merge(Graph fetched, Graph dictionary) {
        Map<String, Node> actorById = new HashMap<>();
        Map<String, Set<Node>> actorsByName = new HashMap<>();
        dictionary.find(Node.ANY, SG.wikidataId.asNode(), Node.ANY).forEachRemaining(t -> {
            if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(SG.ACTOR_NS)) {
                actorById.put(t.getObject().getLiteralLexicalForm(), t.getSubject());
            }
        });
        for (Node property : List.of(LABEL, ALT)) {
            dictionary.find(Node.ANY, property, Node.ANY).forEachRemaining(t -> {
                if (t.getSubject().isURI() && t.getSubject().getURI().startsWith(SG.ACTOR_NS) && t.getObject().isLiteral()) {
                    actorsByName.computeIfAbsent(t.getObject().getLiteralLexicalForm(), n -> new HashSet<>()).add(t.getSubject());
                }
            });
        }

        Graph additions = GraphFactory.createDefaultGraph();
        Map<String, Integer> newActors = new TreeMap<>();
        List<String> conflicts = new ArrayList<>();
        Map<Node, Node> mapped = new HashMap<>();
        Set<Node> minted = new HashSet<>();
        int addedNames = 0;

        for (Node item : items(fetched)) {
            String qid = item.getURI().substring(SG.WD.length());
            Node known = actorById.get(qid);
            String label = firstLexical(fetched, item, LABEL);
            if (known != null) {
                mapped.put(item, known);
                addedNames += addNames(fetched, dictionary, item, known, additions);
                continue;
            }
            Set<Node> sameName = new TreeSet<>(Comparator.comparing(Node::getURI));
            names(fetched, item).forEach(name -> sameName.addAll(actorsByName.getOrDefault(name, Set.of())));
            if (!sameName.isEmpty()) {
                conflicts.add(qid + " '" + label + "' has the name of " + local(sameName.iterator().next())
                        + ", which has no or another Wikidata id: link it with 'stancegraph link' or by hand");
                continue;
            }
            Node actor = NodeFactory.createURI(SG.ACTOR_NS + slug(label));
            if (slug(label).isEmpty() || dictionary.contains(actor, Node.ANY, Node.ANY) || !minted.add(actor)) {
                conflicts.add(qid + " '" + label + "': the IRI " + local(actor) + " is taken");
                continue;
            }
            mapped.put(item, actor);
            Node actorClass = fetched.find(item, TYPE, Node.ANY).toList().stream().map(Triple::getObject)
                    .filter(ACTOR_CLASSES::contains).findFirst().orElseThrow();
            newActors.merge(actorClass.getLocalName(), 1, Integer::sum);
            additions.add(actor, TYPE, actorClass);
            additions.add(actor, LABEL, NodeFactory.createLiteralLang(label, "en"));
            for (Node property : ADDED_TO_KNOWN) {
                fetched.find(item, property, Node.ANY).forEachRemaining(t -> {
                    if (!(property.equals(ALT) && t.getObject().getLiteralLexicalForm().equals(label))) {
                        additions.add(actor, property, t.getObject());
                    }
                });
            }
            additions.add(actor, SG.wikidataId.asNode(), NodeFactory.createLiteralString(qid));
            additions.add(actor, SG.owlSameAs.asNode(), item);
        }
        int newOffices = addOffices(fetched, dictionary, mapped, additions);
        return new Result(additions, newActors, addedNames, newOffices, conflicts, fetched.size());
    }

    /** Names and codes a known actor lacks; a Wikidata label that differs from ours becomes an alias. */
    private static int addNames(Graph fetched, Graph dictionary, Node item, Node actor, Graph additions) {
        int before = additions.size();
        Set<String> ourNames = new HashSet<>();
        for (Node property : List.of(LABEL, ALT)) {
            dictionary.find(actor, property, Node.ANY).forEachRemaining(t -> ourNames.add(t.getObject().getLiteralLexicalForm()));
        }
        fetched.find(item, LABEL, Node.ANY).forEachRemaining(t -> {
            if (!ourNames.contains(t.getObject().getLiteralLexicalForm())) {
                additions.add(actor, ALT, t.getObject());
            }
        });
        for (Node property : ADDED_TO_KNOWN) {
            fetched.find(item, property, Node.ANY).forEachRemaining(t -> {
                boolean known = dictionary.contains(actor, property, t.getObject())
                        || property.equals(ALT) && ourNames.contains(t.getObject().getLiteralLexicalForm());
                if (!known) {
                    additions.add(actor, property, t.getObject());
                }
            });
        }
        return additions.size() - before;
    }

    private static int addOffices(Graph fetched, Graph dictionary, Map<Node, Node> mapped, Graph additions) {
        int count = 0;
        List<Node> offices = fetched.find(Node.ANY, TYPE, SG.Office.asNode()).mapWith(Triple::getSubject).toList();
        offices.sort(Comparator.comparing(Node::toString));
        for (Node office : offices) {
            Node person = mapped.get(object(fetched, office, SG.orgMember.asNode()));
            Node organisation = mapped.get(object(fetched, office, SG.orgOrganization.asNode()));
            Node role = object(fetched, office, SG.orgRole.asNode());
            if (person == null || organisation == null || role == null || !role.isURI()) {
                continue;
            }
            String start = date(object(fetched, office, SG.schemaStartDate.asNode()));
            String end = date(object(fetched, office, SG.schemaEndDate.asNode()));
            Node iri = NodeFactory.createURI(SG.OFFICE_NS + local(person) + "--" + role.getURI().substring(SG.ROLE_NS.length())
                    + "--" + local(organisation) + "--" + (start.isEmpty() ? "undated" : start));
            if (dictionary.contains(iri, Node.ANY, Node.ANY) || additions.contains(iri, TYPE, SG.Office.asNode())) {
                continue;
            }
            additions.add(iri, TYPE, SG.Office.asNode());
            Node label = object(fetched, office, LABEL);
            if (label != null) {
                additions.add(iri, LABEL, label);
            }
            additions.add(iri, SG.orgMember.asNode(), person);
            additions.add(iri, SG.orgOrganization.asNode(), organisation);
            additions.add(iri, SG.orgRole.asNode(), role);
            if (!start.isEmpty()) {
                additions.add(iri, SG.schemaStartDate.asNode(), NodeFactory.createLiteralDT(start, XSDDatatype.XSDdate));
            }
            if (!end.isEmpty()) {
                additions.add(iri, SG.schemaEndDate.asNode(), NodeFactory.createLiteralDT(end, XSDDatatype.XSDdate));
            }
            count++;
        }
        return count;
    }

    /** Wikidata items typed with an actor class, in Q-id order. */
    private static List<Node> items(Graph fetched) {
        Set<Node> items = new TreeSet<>(Comparator.comparingLong((Node n) -> Long.parseLong(n.getURI().substring(SG.WD.length() + 1))));
        for (Node actorClass : ACTOR_CLASSES) {
            fetched.find(Node.ANY, TYPE, actorClass).forEachRemaining(t -> {
                Node s = t.getSubject();
                if (s.isURI() && s.getURI().startsWith(SG.WD) && s.getURI().substring(SG.WD.length()).matches("Q[0-9]+")
                        && firstLexical(fetched, s, LABEL) != null) {
                    items.add(s);
                }
            });
        }
        return new ArrayList<>(items);
    }

    private static List<String> names(Graph graph, Node item) {
        List<String> names = new ArrayList<>();
        for (Node property : List.of(LABEL, ALT)) {
            graph.find(item, property, Node.ANY).forEachRemaining(t -> names.add(t.getObject().getLiteralLexicalForm()));
        }
        return names;
    }

    private static String firstLexical(Graph graph, Node subject, Node property) {
        return graph.find(subject, property, Node.ANY).toList().stream()
                .filter(t -> t.getObject().isLiteral()).map(t -> t.getObject().getLiteralLexicalForm())
                .sorted().findFirst().orElse(null);
    }

    private static Node object(Graph graph, Node subject, Node property) {
        return graph.find(subject, property, Node.ANY).toList().stream().map(Triple::getObject)
                .min(Comparator.comparing(Node::toString)).orElse(null);
    }

    /** The date part of a Wikidata time or xsd:date literal, "" when there is none. */
    private static String date(Node node) {
        if (node == null || !node.isLiteral()) {
            return "";
        }
        String lexical = node.getLiteralLexicalForm();
        return lexical.matches("\\d{4}-\\d{2}-\\d{2}.*") ? lexical.substring(0, 10) : "";
    }

    /** "Côte d'Ivoire" gives "cote-d-ivoire", the way the dictionary's IRIs are made. */
    static String slug(String label) {
        String plain = Normalizer.normalize(label, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-|-$", "");
    }

    private static String local(Node actor) {
        return actor.getURI().substring(actor.getURI().lastIndexOf('/') + 1);
    }

    // ---- writing

    private static final PrefixMapping PREFIXES = Namespaces.DATA_PREFIXES;

    /** Writes the additions as Turtle in a fixed order (subjects, then type first, then properties and values sorted). */
    public static void write(Path file, Result result, String endpoint, String date) {
        StringBuilder out = new StringBuilder();
        out.append("# Generated by `stancegraph dictionary refresh` from ").append(endpoint)
           .append(date.isEmpty() ? "" : " (answer of " + date + ")").append(".\n")
           .append("# Only what the other files of this folder lack. Ids come from live Wikidata and are NOT\n")
           .append("# checked: review them before relying on them. Re-running the refresh rewrites this file.\n\n");
        PREFIXES.getNsPrefixMap().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .forEach(e -> out.append("@prefix ").append(e.getKey()).append(": <").append(e.getValue()).append("> .\n"));
        Map<String, Map<String, TreeSet<String>>> bySubject = new TreeMap<>();
        result.additions().find().forEachRemaining(t -> bySubject
                .computeIfAbsent(fmt(t.getSubject()), s -> new TreeMap<>(Comparator.comparing((String p) -> !p.equals("a")).thenComparing(p -> p)))
                .computeIfAbsent(t.getPredicate().equals(TYPE) ? "a" : fmt(t.getPredicate()), p -> new TreeSet<>())
                .add(fmt(t.getObject())));
        bySubject.forEach((subject, properties) -> {
            out.append('\n').append(subject);
            List<String> lines = new ArrayList<>();
            properties.forEach((property, objects) -> lines.add("    " + property + " " + String.join(" , ", objects)));
            out.append('\n').append(String.join(" ;\n", lines)).append(" .\n");
        });
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, out.toString(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Triples added and removed compared with an earlier generated file. */
    public record Changes(int added, int removed) {}

    /** What writing {@code additions} over {@code earlier} changes (all added when there is no earlier file). */
    public static Changes changesSince(Path earlier, Graph additions) {
        if (!Files.isRegularFile(earlier)) {
            return new Changes(additions.size(), 0);
        }
        Graph before = GraphFactory.createDefaultGraph();
        RDFParser.source(earlier).lang(Lang.TURTLE).parse(before);
        int added = (int) additions.find().toList().stream().filter(t -> !before.contains(t)).count();
        int removed = (int) before.find().toList().stream().filter(t -> !additions.contains(t)).count();
        return new Changes(added, removed);
    }

    private static String fmt(Node node) {
        return FmtUtils.stringForNode(node, PREFIXES);
    }

    private static List<Path> files(Path directory, String prefix, String suffix) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException("no folder " + directory);
        }
        try (Stream<Path> list = Files.list(directory)) {
            return list.filter(p -> {
                String name = p.getFileName().toString();
                return name.startsWith(prefix) && name.endsWith(suffix) && Files.isRegularFile(p);
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + directory + ": " + e.getMessage(), e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
