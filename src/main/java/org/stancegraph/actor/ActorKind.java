package org.stancegraph.actor;

import org.apache.jena.rdf.model.Resource;
import org.stancegraph.vocab.SG;

/** The kinds of actor the dictionary knows, each with its ontology class. */
public enum ActorKind {
    STATE(SG.State), DE_FACTO_STATE(SG.DeFactoState), ORGANISATION(SG.InternationalOrganisation),
    ALLIANCE(SG.MilitaryAlliance), BODY(SG.OrganisationBody), PERSON(SG.Person), ARMED_GROUP(SG.ArmedGroup);

    private final Resource ontologyClass;

    ActorKind(Resource ontologyClass) {
        this.ontologyClass = ontologyClass;
    }

    public Resource ontologyClass() {
        return ontologyClass;
    }

    /** States, de-facto states, organisations and armed groups take positions; people speak for them. */
    public boolean isCollective() {
        return this != PERSON;
    }
}
