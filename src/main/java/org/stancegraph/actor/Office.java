package org.stancegraph.actor;

import java.time.LocalDate;
import java.util.Optional;

/**
 * A person's term in a role for a state or organisation.
 *
 * @param iri          the office's IRI (sgo:...)
 * @param person       the holder
 * @param organisation the state or organisation the role belongs to
 * @param role         the role (sgr:...)
 * @param start        first day, when known
 * @param end          last day, when known; open when absent
 */
public record Office(String iri, String person, String organisation, String role,
                     Optional<LocalDate> start, Optional<LocalDate> end) {

    /** True when the office was held on {@code day}; an office without dates is taken as always held. */
    public boolean heldOn(LocalDate day) {
        return start.map(s -> !day.isBefore(s)).orElse(true) && end.map(e -> !day.isAfter(e)).orElse(true);
    }
}
