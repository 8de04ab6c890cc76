package vn.partyledger.domain.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/**
 * Enter a person in the register; the values are already in the encrypted register as version {@code entryVersion},
 * and the log learns which fields. Until this command's event names it, that version is not part of the entry.
 * {@code registeredFor} is the organisation the registering branch or board acts for: until the person is on a member
 * record, the entry is that organisation's concern, and no one else's below a board above it.
 */
public record RegisterPerson(@TargetAggregateIdentifier String personId, Set<PersonalDataField> fields,
                             String registeredFor, String entryVersion) {
}
