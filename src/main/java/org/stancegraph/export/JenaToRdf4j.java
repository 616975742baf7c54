package org.stancegraph.export;

import java.util.Map;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.eclipse.rdf4j.model.IRI;
import org.eclipse.rdf4j.model.Resource;
import org.eclipse.rdf4j.model.Statement;
import org.eclipse.rdf4j.model.Value;
import org.eclipse.rdf4j.model.ValueFactory;
import org.eclipse.rdf4j.model.impl.SimpleValueFactory;

/**
 * Maps Jena terms to RDF4J values so that Rio can write what the store holds: IRIs,
 * literals with their language tag or datatype, blank nodes under the labels given by
 * {@link CanonicalBlankNodes}, and (for completeness) triple terms.
 */
final class JenaToRdf4j {
    private static final ValueFactory VF = SimpleValueFactory.getInstance();

    private final Map<Node, String> blankLabels;

    /** A mapper for one graph, whose blank nodes are labelled by {@code blankLabels}. */
    JenaToRdf4j(Map<Node, String> blankLabels) {
        this.blankLabels = blankLabels;
    }

    static IRI iri(String iri) {
        return VF.createIRI(iri);
    }

    /** The statement for {@code triple}, in {@code context} (null: no named graph). */
    Statement statement(Triple triple, Resource context) {
        return VF.createStatement((Resource) value(triple.getSubject()), (IRI) value(triple.getPredicate()),
                value(triple.getObject()), context);
    }

    Value value(Node node) {
        if (node.isURI()) {
            return VF.createIRI(node.getURI());
        }
        if (node.isBlank()) {
            String label = blankLabels.get(node);
            if (label == null) {
                throw new IllegalStateException("blank node " + node + " has no canonical label");
            }
            return VF.createBNode(label);
        }
        if (node.isLiteral()) {
            String language = node.getLiteralLanguage();
            if (language != null && !language.isEmpty()) {
                return VF.createLiteral(node.getLiteralLexicalForm(), language);
            }
            return VF.createLiteral(node.getLiteralLexicalForm(), VF.createIRI(node.getLiteralDatatypeURI()));
        }
        if (node.isTripleTerm()) {
            Triple t = node.getTriple();
            return VF.createTriple((Resource) value(t.getSubject()), (IRI) value(t.getPredicate()), value(t.getObject()));
        }
        throw new IllegalArgumentException("cannot export the term " + node + " (a variable or extension node)");
    }
}
