package vn.partyledger.command.support;

import vn.partyledger.domain.member.EducationLevel;
import vn.partyledger.domain.person.CandidateParticulars;
import vn.partyledger.domain.person.PersonRegister;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** The person register as fixture tests need it: each person's particulars, the same on every date. */
public final class InMemoryPersonRegister implements PersonRegister {

    private final Map<String, CandidateParticulars> persons = new HashMap<>();

    public InMemoryPersonRegister with(String personId, LocalDate dateOfBirth, EducationLevel education) {
        persons.put(personId, new CandidateParticulars(dateOfBirth, education));
        return this;
    }

    @Override
    public Optional<CandidateParticulars> particularsOn(String personId, LocalDate date) {
        return Optional.ofNullable(persons.get(personId));
    }
}
