package vn.partyledger.infra.person;

import vn.partyledger.domain.person.CandidateParticulars;
import vn.partyledger.domain.person.PersonRegister;

import java.time.LocalDate;
import java.util.Optional;

/** The rules' narrow window on the register: date of birth and general education as they stood on a date. */
public class VaultPersonRegister implements PersonRegister {

    private final PersonRegisterStore store;

    public VaultPersonRegister(PersonRegisterStore store) {
        this.store = store;
    }

    @Override
    public Optional<CandidateParticulars> particularsOn(String personId, LocalDate date) {
        return store.asOf(personId, date)
                .map(data -> new CandidateParticulars(data.dateOfBirth(), data.generalEducation()));
    }
}
