package vn.partyledger.domain.person;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.util.Set;

/** Enter a person in the register; the values are already in the encrypted register, the log learns which fields. */
public record RegisterPerson(@TargetAggregateIdentifier String personId, Set<PersonalDataField> fields) {
}
