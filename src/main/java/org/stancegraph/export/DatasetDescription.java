package org.stancegraph.export;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.rdf4j.common.net.ParsedIRI;
import org.eclipse.rdf4j.model.BNode;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Literal;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.model.vocabulary.XSD;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.WriterConfig;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.turtle.TurtleWriter;
import org.stancegraph.vocab.Namespaces;
import org.stancegraph.vocab.SG;

/**
 * {@code <base>-description.ttl}: a VoID and DCAT description of one export, written
 * beside its files. IRIs are relative to the description itself ({@code <#dataset>},
 * {@code <stancegraph.nt>}), so the folder can be moved or published anywhere.
 *
 * <p>Determinism: statements are written in a fixed order and nothing depends on the
 * clock. The one date, {@code dcterms:created}, is the {@code --created} option or else
 * the latest {@code dcterms:issued} of the exported articles (omitted when none), so
 * two exports of the same store are byte-identical, description included.
 *
 * <p>Articles: up to {@value #MAX_LISTED_ARTICLES} are listed one by one as
 * {@code dcterms:source}; larger exports give only their number ({@code void:documents}),
 * which every export gives.
 */
final class DatasetDescription {
    static final int MAX_LISTED_ARTICLES = 1000;
    static final String SOFTWARE_LICENSE = "https://www.apache.org/licenses/LICENSE-2.0";
    static final String CAMEO_NOTE = "Stance codes (sg:cameoCode, strings with leading zeros) follow the CAMEO Event and"
            + " Actor Codebook version 1.1b3 (Schrodt et al., March 2012); the membership class has no CAMEO code.";
    static final String ARTICLE_RIGHTS = "The software that made this dataset is under the Apache License 2.0. The article"
            + " titles, texts, sentences and quotes it holds come from the source articles and stay under their"
            + " publishers' terms: whether they may be redistributed is the user's responsibility.";
    private static final String MEDIA_TYPES = "https://www.iana.org/assignments/media-types/";
    /** Media types registered with IANA; others are given as a dcterms:format string. */
    private static final Set<String> REGISTERED = Set.of("application/n-triples", "application/n-quads", "text/turtle",
            "application/trig", "application/ld+json", "application/rdf+xml", "text/csv");
    private static final Map<SelectedGraphs.Kind, String> SUBSET_TITLES = Map.of(
            SelectedGraphs.Kind.ONTOLOGY, "Ontology and stance scheme",
            SelectedGraphs.Kind.DICTIONARY, "Actor dictionary",
            SelectedGraphs.Kind.ARTICLE, "Article graphs",
            SelectedGraphs.Kind.SUMMARY, "Stance summary",
            SelectedGraphs.Kind.OTHER, "Other graphs");
    static final String SUMMARY_NOTE = "Derived data: one sg:StancePair per (actor, target) with the number of supporting and"
            + " opposing statements, the articles they come from and their first and last date, summed from the article graphs"
            + " of the whole store (not only the exported ones); recomputed by loading the article graphs into StanceGraph.";

    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private DatasetDescription() {}

    /** Writes the description of {@code files} and returns its path. */
    static Path write(ExportContext context, List<ExportedFile> files) throws IOException {
        ExportOptions options = context.options();
        String fileName = options.baseName() + "-description.ttl";
        // A placeholder location: the writer turns every IRI under it into a relative one.
        String base = "file:///stancegraph-export/" + fileName;
        Path target = options.outputDirectory().resolve(fileName);
        Path partial = target.resolveSibling(fileName + ".partial");
        try (OutputStream out = Files.newOutputStream(partial)) {
            RDFWriter writer = new TurtleWriter(out, ParsedIRI.create(base));
            WriterConfig config = new WriterConfig();
            config.set(BasicWriterSettings.PRETTY_PRINT, true);
            config.set(BasicWriterSettings.INLINE_BLANK_NODES, true);
            config.set(BasicWriterSettings.BASE_DIRECTIVE, false);
            writer.setWriterConfig(config);
            writer.startRDF();
            for (Namespace ns : Namespaces.DESCRIPTION) {
                writer.handleNamespace(ns.getPrefix(), ns.getName());
            }
            new Builder(writer, base).describe(context, files);
            writer.endRDF();
        }
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return target;
    }

    /** The effective {@code dcterms:created}: the option, else the latest article date. */
    static Optional<LocalDate> created(ExportContext context) {
        return Optional.ofNullable(context.options().created()).or(() -> context.graphs().latestIssued());
    }

    private static final class Builder {
        private final RDFWriter writer;
        private final String base;
        private int blankNodes;

        Builder(RDFWriter writer, String base) {
            this.writer = writer;
            this.base = base;
        }

        void describe(ExportContext context, List<ExportedFile> files) {
            ExportOptions options = context.options();
            IRI dataset = local("#dataset");
            IRI activity = local("#export");
            IRI software = local("#software");
            add(dataset, rdf("type"), iri(Namespaces.DCAT + "Dataset"));
            add(dataset, rdf("type"), iri(Namespaces.VOID + "Dataset"));
            add(dataset, dcterms("title"), text("StanceGraph export"));
            add(dataset, dcterms("description"), text(summary(context)));
            add(dataset, dcterms("license"), iri(SOFTWARE_LICENSE));
            add(dataset, dcterms("rights"), text(ARTICLE_RIGHTS));
            created(context).ifPresent(d -> add(dataset, dcterms("created"), VF.createLiteral(d.toString(), XSD.DATE)));
            add(dataset, iri(Namespaces.RDFS + "comment"), text(CAMEO_NOTE));
            add(dataset, iri(Namespaces.VOID + "vocabulary"), iri(SG.NS));
            add(dataset, iri(SG.PROV + "wasGeneratedBy"), activity);

            long total = context.triplesByKind().values().stream().mapToLong(Long::longValue).sum();
            if (!context.triplesByKind().isEmpty()) {
                add(dataset, iri(Namespaces.VOID + "triples"), count(total));
            }
            List<SelectedGraphs.Graph> articles = context.graphs().articlesInRange();
            add(dataset, iri(Namespaces.VOID + "documents"), count(articles.size()));
            if (articles.size() <= MAX_LISTED_ARTICLES) {
                articles.forEach(a -> add(dataset, dcterms("source"), iri(a.name())));
            }
            for (SelectedGraphs.Kind kind : SelectedGraphs.Kind.values()) {
                if (context.triplesByKind().containsKey(kind)) {
                    add(dataset, iri(Namespaces.VOID + "subset"), local(subsetFragment(kind)));
                }
            }
            for (ExportedFile file : files) {
                add(dataset, iri(Namespaces.DCAT + "distribution"), local("#" + file.fileName()));
            }

            add(activity, rdf("type"), iri(SG.PROV + "Activity"));
            add(activity, iri(SG.PROV + "used"), software);
            add(software, rdf("type"), iri(SG.SCHEMA + "SoftwareApplication"));
            add(software, iri(SG.SCHEMA + "name"), text("StanceGraph"));
            add(software, iri(SG.SCHEMA + "softwareVersion"), text(Exporter.softwareVersion()));
            add(software, iri(SG.SCHEMA + "license"), iri(SOFTWARE_LICENSE));

            for (SelectedGraphs.Kind kind : SelectedGraphs.Kind.values()) {
                Long triples = context.triplesByKind().get(kind);
                if (triples != null) {
                    IRI subset = local(subsetFragment(kind));
                    add(subset, rdf("type"), iri(Namespaces.VOID + "Dataset"));
                    add(subset, dcterms("title"), text(SUBSET_TITLES.get(kind)));
                    if (kind == SelectedGraphs.Kind.SUMMARY) {
                        add(subset, dcterms("description"), text(SUMMARY_NOTE));
                    }
                    add(subset, iri(Namespaces.VOID + "triples"), count(triples));
                }
            }
            for (ExportedFile file : files) {
                distribution(file);
            }
        }

        private void distribution(ExportedFile file) {
            IRI distribution = local("#" + file.fileName());
            add(distribution, rdf("type"), iri(Namespaces.DCAT + "Distribution"));
            add(distribution, dcterms("title"), text(file.title()));
            add(distribution, dcterms("description"), text(file.description() + " Holds " + file.count() + " " + file.unit() + "."));
            add(distribution, iri(Namespaces.DCAT + "downloadURL"), local(file.fileName()));
            if (REGISTERED.contains(file.mediaType())) {
                add(distribution, iri(Namespaces.DCAT + "mediaType"), iri(MEDIA_TYPES + file.mediaType()));
            } else {
                add(distribution, dcterms("format"), text(file.mediaType()));
            }
            if (file.gzip()) {
                add(distribution, iri(Namespaces.DCAT + "compressFormat"), iri(MEDIA_TYPES + "application/gzip"));
            }
            add(distribution, iri(Namespaces.DCAT + "byteSize"), VF.createLiteral(Long.toString(file.bytes()), XSD.NON_NEGATIVE_INTEGER));
            BNode checksum = VF.createBNode("checksum" + blankNodes++);
            add(distribution, iri(Namespaces.SPDX + "checksum"), checksum);
            add(checksum, rdf("type"), iri(Namespaces.SPDX + "Checksum"));
            add(checksum, iri(Namespaces.SPDX + "algorithm"), iri(Namespaces.SPDX + "checksumAlgorithm_sha256"));
            add(checksum, iri(Namespaces.SPDX + "checksumValue"), VF.createLiteral(file.sha256(), XSD.HEXBINARY));
        }

        /** {@code #ontology}, {@code #dictionary}, {@code #articles}, {@code #summary}, {@code #other}. */
        private static String subsetFragment(SelectedGraphs.Kind kind) {
            return switch (kind) {
                case ONTOLOGY -> "#ontology";
                case DICTIONARY -> "#dictionary";
                case ARTICLE -> "#articles";
                case SUMMARY -> "#summary";
                case OTHER -> "#other";
            };
        }

        private static String summary(ExportContext context) {
            ExportOptions options = context.options();
            StringBuilder s = new StringBuilder("Actors (states, de facto states, international organisations and"
                    + " their bodies, people in office) and the positions they state about each other in news articles,"
                    + " each statement with its evidence. Graphs exported: " + options.graphs().key() + ".");
            if (options.hasDateRange()) {
                s.append(" Articles issued ")
                        .append(options.from() == null ? "" : "from " + options.from())
                        .append(options.from() != null && options.to() != null ? " " : "")
                        .append(options.to() == null ? "" : "to " + options.to())
                        .append(" (inclusive); articles without a date are left out.");
            }
            return s.toString();
        }

        private void add(Resource subject, IRI predicate, Value object) {
            writer.handleStatement(VF.createStatement(subject, predicate, object));
        }

        private IRI local(String relative) {
            return VF.createIRI(ParsedIRI.create(base).resolve(relative));
        }

        private static IRI iri(String iri) {
            return VF.createIRI(iri);
        }

        private static IRI rdf(String local) {
            return VF.createIRI(Namespaces.RDF + local);
        }

        private static IRI dcterms(String local) {
            return VF.createIRI(SG.DCTERMS + local);
        }

        private static Literal text(String text) {
            return VF.createLiteral(text);
        }

        private static Literal count(long n) {
            return VF.createLiteral(Long.toString(n), XSD.INTEGER);
        }
    }
}
