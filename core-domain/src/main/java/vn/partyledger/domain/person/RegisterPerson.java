package vn.partyledger.domain.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Enter a person in the register; the values are already in the encrypted register as version {@code entryVersion},
 * and the log learns which fields. Until this command's event names it, that version is not part of the entry.
 */
public record RegisterPerson(@TargetAggregateIdentifier String personId, Set<PersonalDataField> fields,
                             String entryVersion) {
}
