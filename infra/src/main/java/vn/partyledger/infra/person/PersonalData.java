package vn.partyledger.infra.person;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import vn.partyledger.domain.member.EducationLevel;
import vn.partyledger.domain.person.Gender;
import vn.partyledger.domain.person.PersonalDataField;
import vn.partyledger.domain.person.PoliticalTheoryLevel;
import vn.partyledger.domain.person.ProfessionalEducation;
import vn.partyledger.domain.person.Religion;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person's register entry, or the fields one version changes (the others null). Only ever stored encrypted.
 *
 * @param ethnicity the General Statistics Office code of one of the 54 ethnic groups, {@code 01}–{@code 54}
 * @param nationalId the 12-digit personal identification number (số định danh cá nhân)
 */
public record PersonalData(@Size(min = 1, max = 200) String fullName,
                           LocalDate dateOfBirth,
                           Gender gender,
                           @Pattern(regexp = "0[1-9]|[1-4][0-9]|5[0-4]") String ethnicity,
                           Religion religion,
                           EducationLevel generalEducation,
                           ProfessionalEducation professionalEducation,
                           PoliticalTheoryLevel politicalTheory,
                           @Size(max = 200) String occupation,
                           @Pattern(regexp = "[0-9]{12}") String nationalId,
                           Boolean youthUnionMember,
                           @Size(max = 500) String contact) {

    /** The fields this entry or version holds. */
    public Set<PersonalDataField> fields() {
        Set<PersonalDataField> fields = EnumSet.noneOf(PersonalDataField.class);
        addIf(fields, fullName, PersonalDataField.FULL_NAME);
        addIf(fields, dateOfBirth, PersonalDataField.DATE_OF_BIRTH);
        addIf(fields, gender, PersonalDataField.GENDER);
        addIf(fields, ethnicity, PersonalDataField.ETHNICITY);
        addIf(fields, religion, PersonalDataField.RELIGION);
        addIf(fields, generalEducation, PersonalDataField.GENERAL_EDUCATION);
        addIf(fields, professionalEducation, PersonalDataField.PROFESSIONAL_EDUCATION);
        addIf(fields, politicalTheory, PersonalDataField.POLITICAL_THEORY);
        addIf(fields, occupation, PersonalDataField.OCCUPATION);
        addIf(fields, nationalId, PersonalDataField.NATIONAL_ID);
        addIf(fields, youthUnionMember, PersonalDataField.YOUTH_UNION_MEMBER);
        addIf(fields, contact, PersonalDataField.CONTACT);
        return fields;
    }

    /** This entry with the fields a later version holds replaced by that version's values. */
    public PersonalData overlaidWith(PersonalData later) {
        return new PersonalData(or(later.fullName, fullName), or(later.dateOfBirth, dateOfBirth),
                or(later.gender, gender), or(later.ethnicity, ethnicity), or(later.religion, religion),
                or(later.generalEducation, generalEducation), or(later.professionalEducation, professionalEducation),
                or(later.politicalTheory, politicalTheory), or(later.occupation, occupation),
                or(later.nationalId, nationalId), or(later.youthUnionMember, youthUnionMember),
                or(later.contact, contact));
    }

    static PersonalData empty() {
        return new PersonalData(null, null, null, null, null, null, null, null, null, null, null, null);
    }

    private static void addIf(Set<PersonalDataField> fields, Object value, PersonalDataField field) {
        if (value != null) {
            fields.add(field);
        }
    }

    private static <V> V or(V later, V earlier) {
        return later != null ? later : earlier;
    }
}
