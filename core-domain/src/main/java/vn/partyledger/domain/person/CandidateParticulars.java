package vn.partyledger.domain.person;

import vn.partyledger.domain.member.EducationLevel;

import java.time.LocalDate;

/** What the admission rules read from the person register (I5): the date of birth and general education. */
public record CandidateParticulars(LocalDate dateOfBirth, EducationLevel education) {
}
