package org.stancegraph.link;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.apache.jena.vocabulary.RDF;
import org.stancegraph.store.Store;
import org.stancegraph.vocab.SG;

/**
 * Writes what reconciliation found: the links graph of the store, a Turtle file of the
 * links for a person to review and merge into {@code data/actors}, and the review list of
 * actors left unlinked.
 */
public final class Links {
    private Links() {}

    /**
     * The links graph: per linked actor {@code owl:sameAs} and {@code sg:wikidataId}, and a
     * {@code sg:WikidataLink} record with score, evidence, endpoint and date (when known).
     */
    public static Graph graph(List<Reconciliation> results, String endpoint, Optional<LocalDate> date) {
        Graph graph = GraphFactory.createDefaultGraph();
        for (Reconciliation result : results) {
            if (!result.linked()) {
                continue;
            }
            Reconciliation.Candidate chosen = result.chosen().orElseThrow();
            Node actor = NodeFactory.createURI(result.actor().iri());
            Node item = NodeFactory.createURI(SG.wikidataIri(chosen.qid()));
            graph.add(actor, SG.owlSameAs.asNode(), item);
            graph.add(actor, SG.wikidataId.asNode(), NodeFactory.createLiteralString(chosen.qid()));
            Node record = NodeFactory.createURI(SG.linkIri(result.actor().iri()));
            graph.add(record, RDF.type.asNode(), SG.WikidataLink.asNode());
            graph.add(record, SG.linkedActor.asNode(), actor);
            graph.add(record, SG.linkedItem.asNode(), item);
            graph.add(record, SG.linkScore.asNode(), NodeFactory.createLiteralDT(
                    BigDecimal.valueOf(chosen.score()).toPlainString(), XSDDatatype.XSDdecimal));
            chosen.evidence().forEach(words -> graph.add(record, SG.linkEvidence.asNode(), NodeFactory.createLiteralString(words)));
            graph.add(record, SG.dctermsSource.asNode(), NodeFactory.createURI(endpoint));
            date.ifPresent(d -> graph.add(record, SG.dctermsDate.asNode(),
                    NodeFactory.createLiteralDT(d.toString(), XSDDatatype.XSDdate)));
        }
        return graph;
    }

    /** Replaces the links graph of the store; a run that links nothing leaves it empty. */
    public static void store(Store store, Graph links) {
        store.replaceGraph(SG.LINKS_GRAPH, links);
    }

    /**
     * Writes the links as dictionary Turtle (sg:wikidataId and owl:sameAs per actor, with
     * the score and evidence as comments), in actor order, for review before merging.
     */
    public static void writeTurtle(Path file, List<Reconciliation> results, String endpoint, Optional<LocalDate> date) {
        StringBuilder out = new StringBuilder();
        out.append("# Wikidata links found by `stancegraph link` against ").append(endpoint)
           .append(date.map(d -> " on " + d).orElse("")).append(".\n")
           .append("# Review every id before merging it into data/actors: the project keeps only ids checked against a public source.\n\n")
           .append("@prefix sg:   <").append(SG.NS).append("> .\n")
           .append("@prefix sga:  <").append(SG.ACTOR_NS).append("> .\n")
           .append("@prefix owl:  <").append(SG.OWL).append("> .\n")
           .append("@prefix wd:   <").append(SG.WD).append("> .\n");
        for (Reconciliation result : results) {
            if (!result.linked()) {
                continue;
            }
            Reconciliation.Candidate chosen = result.chosen().orElseThrow();
            out.append('\n')
               .append("# ").append(result.actor().label()).append(" = ").append(chosen.qid())
               .append(chosen.label().isEmpty() ? "" : " (" + chosen.label() + ")")
               .append(String.format(Locale.ROOT, ", score %.2f", chosen.score())).append('\n');
            chosen.evidence().forEach(words -> out.append("#   ").append(oneLine(words)).append('\n'));
            out.append(prefixed(result.actor().iri())).append('\n')
               .append("    sg:wikidataId \"").append(chosen.qid()).append("\" ;\n")
               .append("    owl:sameAs wd:").append(chosen.qid()).append(" .\n");
        }
        write(file, out.toString());
    }

    /** Columns of the review list. */
    public static final String[] REVIEW_COLUMNS = {"actor", "label", "kind", "reason", "candidates"};

    /** The review list as TSV: one row per unlinked actor, candidates as "Q.. (label) score" joined by "; ". */
    public static void writeReview(Path file, List<Reconciliation> results) {
        try (Writer writer = Files.newBufferedWriter(createParent(file), StandardCharsets.UTF_8);
             CSVPrinter tsv = new CSVPrinter(writer, CSVFormat.TDF.builder().setRecordSeparator('\n').get())) {
            tsv.printRecord((Object[]) REVIEW_COLUMNS);
            for (Reconciliation result : results) {
                if (!result.linked()) {
                    tsv.printRecord(result.actor().iri(), result.actor().label(), result.actor().kind().name().toLowerCase(Locale.ROOT),
                            result.reason(), candidates(result));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** The candidates of a result in one line, best first. */
    public static String candidates(Reconciliation result) {
        return result.candidates().stream()
                .map(c -> c.qid() + (c.label().isEmpty() ? "" : " (" + c.label() + ")")
                        + String.format(Locale.ROOT, " %.2f", c.score()))
                .collect(Collectors.joining("; "));
    }

    private static String prefixed(String actorIri) {
        return actorIri.startsWith(SG.ACTOR_NS) ? "sga:" + actorIri.substring(SG.ACTOR_NS.length()) : "<" + actorIri + ">";
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ");
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(createParent(file), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path createParent(Path file) throws UncheckedIOException {
        Path parent = file.toAbsolutePath().getParent();
        try {
            if (parent != null) {
                Files.createDirectories(parent);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + parent + ": " + e.getMessage(), e);
        }
        return file;
    }
}
