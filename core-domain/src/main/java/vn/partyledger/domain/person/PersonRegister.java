package vn.partyledger.domain.person;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The narrow window the rules have on the person register: the particulars as the register stood on a date (a change
 * of circumstances counts from its effective date). Implemented outside the domain, which never sees the rest.
 */
public interface PersonRegister {

    /** Empty when the person is not in the register. */
    Optional<CandidateParticulars> particularsOn(String personId, LocalDate date);
}
