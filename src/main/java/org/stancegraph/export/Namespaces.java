package org.stancegraph.export;

import java.util.List;

import org.eclipse.rdf4j.model.Namespace;
import org.eclipse.rdf4j.model.impl.SimpleNamespace;
import org.stancegraph.rdf.SG;

/** The fixed, ordered prefix list every RDF export declares, so that headers never vary. */
final class Namespaces {
    private Namespaces() {}

    static final String RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    static final String RDFS = "http://www.w3.org/2000/01/rdf-schema#";
    static final String DCAT = "http://www.w3.org/ns/dcat#";
    static final String VOID = "http://rdfs.org/ns/void#";
    static final String SPDX = "http://spdx.org/rdf/terms#";

    /** Prefixes of the data files. */
    static final List<Namespace> DATA = List.of(
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
    static final List<Namespace> DESCRIPTION = List.of(
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

    private static Namespace ns(String prefix, String iri) {
        return new SimpleNamespace(prefix, iri);
    }
}
