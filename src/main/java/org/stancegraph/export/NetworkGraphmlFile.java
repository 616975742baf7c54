package org.stancegraph.export;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.stancegraph.vocab.SG;

/**
 * The who-supports-whom network as GraphML ({@code <base>.graphml}), for Gephi, yEd,
 * Cytoscape or networkx: nodes carry label, type, wikidata and iri; directed edges carry
 * class, weight (statements), articles and the first and last date; ally edges are
 * marked {@code directed="false"}. Nodes and edges in IRI order, fixed indentation.
 */
final class NetworkGraphmlFile implements FormatFamily {
    static final String GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns";
    private static final String XSI_NS = "http://www.w3.org/2001/XMLSchema-instance";

    @Override
    public ExportFormat.Family family() {
        return ExportFormat.Family.NETWORK_GRAPHML;
    }

    @Override
    public List<ExportedFile> write(ExportContext context, Set<ExportFormat> formats) throws IOException {
        Network network = context.network();
        ExportOptions options = context.options();
        try (OutputFile file = OutputFile.open(options.outputDirectory(), options.baseName() + ".graphml", options.gzip())) {
            try {
                XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(file.stream(), "UTF-8");
                write(xml, network);
                xml.close();
            } catch (XMLStreamException e) {
                throw new IOException("cannot write GraphML: " + e.getMessage(), e);
            }
            return List.of(file.finish("Network (GraphML)", "Who supports whom as a GraphML graph: nodes are actors,"
                    + " edges are stance classes between them weighted by the number of statements; ally edges are undirected.",
                    "application/graphml+xml", network.nodes().size() + network.edges().size(), "nodes and edges"));
        }
    }

    private static void write(XMLStreamWriter xml, Network network) throws XMLStreamException {
        xml.writeStartDocument("UTF-8", "1.0");
        newline(xml, 0);
        xml.writeStartElement("graphml");
        xml.writeDefaultNamespace(GRAPHML_NS);
        xml.writeNamespace("xsi", XSI_NS);
        xml.writeAttribute(XSI_NS, "schemaLocation", GRAPHML_NS + " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd");
        key(xml, "label", "node", "string");
        key(xml, "type", "node", "string");
        key(xml, "wikidata", "node", "string");
        key(xml, "iri", "node", "string");
        key(xml, "statements_as_actor", "node", "long");
        key(xml, "statements_as_target", "node", "long");
        key(xml, "class", "edge", "string");
        key(xml, "weight", "edge", "long");
        key(xml, "articles", "edge", "long");
        key(xml, "first_date", "edge", "string");
        key(xml, "last_date", "edge", "string");
        newline(xml, 1);
        xml.writeStartElement("graph");
        xml.writeAttribute("id", "stancegraph");
        xml.writeAttribute("edgedefault", "directed");
        for (Network.Actor n : network.nodes()) {
            newline(xml, 2);
            xml.writeStartElement("node");
            xml.writeAttribute("id", nodeId(n.id()));
            data(xml, 3, "label", n.label());
            data(xml, 3, "type", n.type());
            data(xml, 3, "wikidata", n.wikidata());
            data(xml, 3, "iri", n.id());
            data(xml, 3, "statements_as_actor", Long.toString(n.statementsAsActor()));
            data(xml, 3, "statements_as_target", Long.toString(n.statementsAsTarget()));
            newline(xml, 2);
            xml.writeEndElement();
        }
        int index = 0;
        for (Network.Edge e : network.edges()) {
            newline(xml, 2);
            xml.writeStartElement("edge");
            xml.writeAttribute("id", "e" + index++);
            xml.writeAttribute("source", nodeId(e.source()));
            xml.writeAttribute("target", nodeId(e.target()));
            if (e.undirected()) {
                xml.writeAttribute("directed", "false");
            }
            data(xml, 3, "class", e.stanceClass());
            data(xml, 3, "weight", Long.toString(e.statements()));
            data(xml, 3, "articles", Long.toString(e.articles()));
            data(xml, 3, "first_date", e.firstDate());
            data(xml, 3, "last_date", e.lastDate());
            newline(xml, 2);
            xml.writeEndElement();
        }
        newline(xml, 1);
        xml.writeEndElement();
        newline(xml, 0);
        xml.writeEndElement();
        newline(xml, 0);
        xml.writeEndDocument();
    }

    /** GraphML ids are XML name tokens: actors appear as {@code sga:name}; other IRIs (none in our data) as they are. */
    static String nodeId(String iri) {
        return iri.startsWith(SG.ACTOR_NS) ? "sga:" + iri.substring(SG.ACTOR_NS.length()) : iri;
    }

    private static void key(XMLStreamWriter xml, String name, String domain, String type) throws XMLStreamException {
        newline(xml, 1);
        xml.writeEmptyElement("key");
        xml.writeAttribute("id", name);
        xml.writeAttribute("for", domain);
        xml.writeAttribute("attr.name", name);
        xml.writeAttribute("attr.type", type);
    }

    private static void data(XMLStreamWriter xml, int depth, String key, String value) throws XMLStreamException {
        if (value.isEmpty()) {
            return;
        }
        newline(xml, depth);
        xml.writeStartElement("data");
        xml.writeAttribute("key", key);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }

    private static void newline(XMLStreamWriter xml, int depth) throws XMLStreamException {
        xml.writeCharacters("\n" + "  ".repeat(depth));
    }
}
