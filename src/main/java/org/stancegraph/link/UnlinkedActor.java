package org.stancegraph.link;

import java.time.LocalDate;
import java.util.List;
import java.util.SortedSet;

import org.stancegraph.actor.ActorKind;

/**
 * An actor of the dictionary that articles mention but that has no checked Wikidata id,
 * with what the project knows about it to tell a right Wikidata item from a namesake.
 *
 * @param names label and aliases, as written in the dictionary (searched as English labels and aliases)
 * @param offices for people: the offices the dictionary gives them
 * @param parentIds for bodies: the Wikidata ids of the organisations they are part of
 * @param articleDates the dates of the articles that mention the actor
 */
public record UnlinkedActor(String iri, ActorKind kind, String label, SortedSet<String> names,
                            List<OfficeHint> offices, SortedSet<String> parentIds, SortedSet<LocalDate> articleDates) {

    /**
     * An office the dictionary gives a person.
     *
     * @param organisationId Wikidata id of the state or organisation of the office ("" when it has none)
     * @param label the office as named in the dictionary ("Prime Minister of Albania")
     */
    public record OfficeHint(String organisationId, String organisationLabel, String label) {}
}
