package vn.partyledger.domain.person;

import org.axonframework.serialization.Revision;

import java.util.Set;

/**
 * A person was entered in the register with these fields filled in, by a branch or board acting for
 * {@code registeredFor}; their values are in the register only, in the encrypted version {@code entryVersion} (a random
 * id): the log decides which of the register's versions exist.
 */
@Revision("1")
public record PersonRegistered(String personId, Set<PersonalDataField> fields, String registeredFor,
                               String entryVersion) {
}
