package vn.partyledger.domain.person;

import vn.partyledger.domain.member.EducationLevel;

import java.time.LocalDate;

/**
 * The register's fields that statistics count by (domain.md §14): never a name or a national ID. Any field may be null
 * when the register does not hold it.
 *
 * @param ethnicity the General Statistics Office code of the ethnic group, {@code 01} being the Kinh majority
 */
public record PersonProfile(LocalDate dateOfBirth, Gender gender, String ethnicity, Religion religion,
                            EducationLevel generalEducation, ProfessionalEducation professionalEducation,
                            String occupation, Boolean youthUnionMember) {

    /** The Kinh group's code: every other group is an ethnic minority. */
    public static final String MAJORITY_ETHNICITY = "01";
}
