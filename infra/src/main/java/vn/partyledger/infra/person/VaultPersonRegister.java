package vn.partyledger.infra.person;

import vn.partyledger.domain.person.CandidateParticulars;
import vn.partyledger.domain.person.PersonProfile;
import vn.partyledger.domain.person.PersonProfiles;
import vn.partyledger.domain.person.PersonRegister;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The rules' narrow window on the register: date of birth and general education as they stood on a date; and the
 * statistics', the fields they count by (ADR 0039).
 */
public class VaultPersonRegister implements PersonRegister, PersonProfiles {

    private final PersonRegisterStore store;

    public VaultPersonRegister(PersonRegisterStore store) {
        this.store = store;
    }

    @Override
    public Optional<CandidateParticulars> particularsOn(String personId, LocalDate date) {
        return store.asOf(personId, date)
                .map(data -> new CandidateParticulars(data.dateOfBirth(), data.generalEducation()));
    }

    @Override
    public Optional<PersonProfile> profileOn(String personId, LocalDate date, Instant knownAt) {
        return store.asOf(personId, date, knownAt).map(VaultPersonRegister::profileOf);
    }

    @Override
    public Map<String, PersonProfile> profilesOn(Collection<String> personIds, LocalDate date) {
        Map<String, PersonProfile> profiles = new HashMap<>();
        store.asOfAll(personIds, date).forEach((personId, data) -> profiles.put(personId, profileOf(data)));
        return profiles;
    }

    private static PersonProfile profileOf(PersonalData data) {
        return new PersonProfile(data.dateOfBirth(), data.gender(), data.ethnicity(), data.religion(),
                data.generalEducation(), data.professionalEducation(), data.occupation(), data.youthUnionMember());
    }
}
