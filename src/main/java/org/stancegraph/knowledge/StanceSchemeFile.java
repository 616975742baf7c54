package org.stancegraph.knowledge;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.apache.jena.rdf.model.Literal;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.rdf.model.ModelFactory;
import org.apache.jena.rdf.model.RDFNode;
import org.apache.jena.rdf.model.Resource;
import org.apache.jena.rdf.model.Statement;
import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.RiotException;
import org.stancegraph.stance.Stance;
import org.stancegraph.stance.StanceClass;
import org.stancegraph.stance.StanceScheme;
import org.stancegraph.vocab.SG;

/**
 * Reads the stance scheme ({@code ontology/stances.ttl}): each concept's {@code skos:notation} is a
 * stance key; a top concept is a class and must be one of {@link StanceClass}, and the scheme's
 * top concepts must be exactly those seven; a finer stance takes the class it is {@code skos:broader}
 * than and its {@code sg:cameoCode}.
 */
final class StanceSchemeFile {
    private StanceSchemeFile() {}

    static StanceScheme read(Path file) {
        Model model = ModelFactory.createDefaultModel();
        try {
            RDFDataMgr.read(model, file.toString());
        } catch (RiotException e) {
            throw new RdfFileException(file + ": " + e.getMessage());
        }
        List<Stance> stances = new ArrayList<>();
        Set<StanceClass> classes = EnumSet.noneOf(StanceClass.class);
        Set<String> problems = new TreeSet<>();
        model.listResourcesWithProperty(SG.skosNotation).forEachRemaining(concept -> {
            String key = concept.getProperty(SG.skosNotation).getString();
            Optional<Resource> broader = Optional.ofNullable(concept.getPropertyResourceValue(SG.skosBroader));
            Resource classConcept = broader.orElse(concept);
            Optional<StanceClass> stanceClass = Optional.ofNullable(classConcept.getProperty(SG.skosNotation))
                    .map(Statement::getString).flatMap(StanceClass::of);
            if (stanceClass.isEmpty()) {
                problems.add(broader.isEmpty()
                        ? "top concept '" + key + "' is not one of the seven stance classes " + List.of(StanceClass.values())
                        : "stance '" + key + "' is narrower than " + classConcept + ", which is not a stance class");
                return;
            }
            if (broader.isEmpty()) {
                classes.add(stanceClass.get());
            }
            String cameo = Optional.ofNullable(concept.getProperty(SG.cameoCode)).map(Statement::getObject)
                    .map(RDFNode::asLiteral).map(Literal::getLexicalForm).orElse("");
            stances.add(new Stance(key, stanceClass.get(), cameo));
        });
        Set<StanceClass> missing = EnumSet.allOf(StanceClass.class);
        missing.removeAll(classes);
        if (!missing.isEmpty()) {
            problems.add("the stance classes " + missing + " have no top concept");
        }
        if (!problems.isEmpty()) {
            throw new RdfFileException(file + ": " + String.join("; ", problems));
        }
        return new StanceScheme(stances);
    }
}
