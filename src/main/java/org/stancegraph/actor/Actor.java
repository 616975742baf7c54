package org.stancegraph.actor;

import java.util.Optional;

/**
 * An entry of the actor dictionary.
 *
 * @param iri        the actor's IRI (sga:...)
 * @param kind       state, organisation, body, person ...
 * @param label      English label
 * @param wikidataId Q-id when it was checked against a public source
 * @param speaksFor  for a body whose statements count as its parent organisation's, that parent
 */
public record Actor(String iri, ActorKind kind, String label, Optional<String> wikidataId, Optional<String> speaksFor) {
}
