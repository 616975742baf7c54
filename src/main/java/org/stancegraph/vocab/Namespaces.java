package org.stancegraph.vocab;

import java.util.List;

import org.apache.jena.shared.PrefixMapping;
import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.impl.SimpleNamespace;

/**
 * The one prefix map of the project: the fixed, ordered prefixes every RDF export declares (so
 * that headers never vary), also as a Jena {@link PrefixMapping} for printing nodes in messages.
 */
public final class Namespaces {
    private Namespaces() {}

    public static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    public static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    public static final String DCAT = "http://www.w3.org/ns/dcat#";
    public static final String VOID = "http://rdfs.org/ns/void#";
    public static final String SPDX = "http://spdx.org/rdf/terms#";

    /** Prefixes of the data files. */
    public static final List<Namespace> DATA = List.of(
            ns("sg", SG.NS),
            ns("sgs", SG.STANCE_NS),
            ns("sgr", SG.ROLE_NS),
            ns("sga", SG.ACTOR_NS),
            ns("sgo", SG.OFFICE_NS),
            ns("sgd", SG.ARTICLE_NS),
            ns("wd", SG.WD),
            ns("prov", SG.PROV),
            ns("org", SG.ORG),
            ns("skos", SG.SKOS),
            ns("schema", SG.SCHEMA),
            ns("dcterms", SG.DCTERMS),
            ns("dc", SG.DC),
            ns("foaf", SG.FOAF),
            ns("nif", SG.NIF),
            ns("owl", SG.OWL),
            ns("rdf", RDF),
            ns("rdfs", RDFS),
            ns("xsd", SG.XSD));

    /** Prefixes of the dataset description. */
    public static final List<Namespace> DESCRIPTION = List.of(
            ns("dcat", DCAT),
            ns("void", VOID),
            ns("dcterms", SG.DCTERMS),
            ns("prov", SG.PROV),
            ns("schema", SG.SCHEMA),
            ns("spdx", SPDX),
            ns("sg", SG.NS),
            ns("sgd", SG.ARTICLE_NS),
            ns("rdfs", RDFS),
            ns("xsd", SG.XSD));

    /** {@link #DATA} as a locked Jena prefix mapping. */
    public static final PrefixMapping DATA_PREFIXES = prefixMapping(DATA);

    private static PrefixMapping prefixMapping(List<Namespace> namespaces) {
        PrefixMapping mapping = PrefixMapping.Factory.create();
        namespaces.forEach(n -> mapping.setNsPrefix(n.getPrefix(), n.getName()));
        return mapping.lock();
    }

    private static Namespace ns(String prefix, String iri) {
        return new SimpleNamespace(prefix, iri);
    }
}
