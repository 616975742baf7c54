package org.stancegraph.export;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;
import org.eclipse.rdf4j.rio.RDFWriter;
import org.eclipse.rdf4j.rio.Rio;
import org.eclipse.rdf4j.rio.WriterConfig;
import org.eclipse.rdf4j.rio.helpers.BasicWriterSettings;
import org.eclipse.rdf4j.rio.jsonld.JSONLDMode;
import org.eclipse.rdf4j.rio.jsonld.JSONLDSettings;
import org.stancegraph.vocab.Namespaces;

/**
 * The RDF syntaxes, written with RDF4J Rio in one pass over the selected graphs: each
 * graph is read and sorted once and fed to every requested writer. Formats without
 * named graphs (N-Triples, Turtle, RDF/XML) get the quads as triples.
 *
 * <p>Memory: one graph at a time, except JSON-LD, whose Rio writer builds the whole
 * document before writing it (NDJSON-LD is the streaming alternative).
 */
final class RdfFiles implements FormatFamily {

    @Override
    public ExportFormat.Family family() {
        return ExportFormat.Family.RDF;
    }

    @Override
    public List<ExportedFile> write(ExportContext context, Set<ExportFormat> formats) throws IOException {
        ExportOptions options = context.options();
        List<Target> targets = new ArrayList<>();
        try {
            for (ExportFormat format : formats) {
                OutputFile file = OutputFile.open(options.outputDirectory(), options.baseName() + "." + format.extension(), options.gzip());
                RDFWriter writer = Rio.createWriter(format.rdfFormat(), file.stream());
                writer.setWriterConfig(config(format));
                targets.add(new Target(format, file, writer));
            }
            for (Target target : targets) {
                target.writer.startRDF();
                for (Namespace ns : Namespaces.DATA) {
                    target.writer.handleNamespace(ns.getPrefix(), ns.getName());
                }
            }
            for (SelectedGraphs.Graph graph : context.graphs().rdfGraphs()) {
                List<Statement> statements = context.graphs().sortedStatements(graph);
                context.countTriples(graph.kind(), statements.size());
                for (Target target : targets) {
                    target.write(statements);
                }
            }
            List<ExportedFile> written = new ArrayList<>();
            for (Target target : targets) {
                target.writer.endRDF();
                written.add(target.file.finish(target.format.rdfFormat().getName(), describe(target.format, options),
                        target.format.rdfFormat().getDefaultMIMEType(), target.count,
                        target.format.triplesOnly() ? "triples" : "quads"));
            }
            return written;
        } finally {
            targets.forEach(t -> t.file.close());
        }
    }

    private static WriterConfig config(ExportFormat format) {
        WriterConfig config = new WriterConfig();
        config.set(BasicWriterSettings.PRETTY_PRINT, true);
        // Inlining blank nodes makes Rio buffer and reorder; sorted triples are the contract.
        config.set(BasicWriterSettings.INLINE_BLANK_NODES, false);
        if (format == ExportFormat.JSONLD) {
            config.set(JSONLDSettings.JSONLD_MODE, JSONLDMode.COMPACT);
        }
        return config;
    }

    private static String describe(ExportFormat format, ExportOptions options) {
        String content = switch (options.graphs()) {
            case ALL -> "all named graphs (ontology, dictionary, one graph per article)";
            case STATEMENTS -> "the statement nodes of each article graph and their triples";
            case ACTORS -> "the actor dictionary graph";
            case ONTOLOGY -> "the ontology graph";
            case ARTICLES -> "one graph per article";
        };
        String shape = format.triplesOnly()
                ? " Quads flattened to triples: this format has no named graphs, so graph names are dropped"
                        + " and a triple held by several graphs is written once per graph (readers merge the copies)."
                : " Each named graph kept as a graph.";
        return format.rdfFormat().getName() + " of " + content + "." + shape
                + " Graphs in IRI order, triples sorted by subject, predicate, object.";
    }

    /** One output format during the pass. */
    private static final class Target {
        final ExportFormat format;
        final OutputFile file;
        final RDFWriter writer;
        long count;

        Target(ExportFormat format, OutputFile file, RDFWriter writer) {
            this.format = format;
            this.file = file;
            this.writer = writer;
        }

        void write(List<Statement> statements) {
            for (Statement s : statements) {
                writer.handleStatement(format.triplesOnly()
                        ? SimpleValueFactory.getInstance().createStatement(s.getSubject(), s.getPredicate(), s.getObject())
                        : s);
                count++;
            }
        }
    }
}
