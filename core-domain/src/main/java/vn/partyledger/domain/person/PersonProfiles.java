package vn.partyledger.domain.person;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The statistics' narrow window on the person register: the fields counted by, as the register stood on a date. Only
 * counts may be made of what it answers (ADR 0039). Empty for a person not in the register, or erased.
 */
public interface PersonProfiles {

    Optional<PersonProfile> profileOn(String personId, LocalDate date);
}
