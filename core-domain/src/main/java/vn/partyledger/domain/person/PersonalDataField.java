package vn.partyledger.domain.person;

/** The fields of the person register (domain.md §15.2); events name them, the register holds their values. */
public enum PersonalDataField {
    FULL_NAME,
    DATE_OF_BIRTH,
    GENDER,
    ETHNICITY,
    RELIGION,
    GENERAL_EDUCATION,
    PROFESSIONAL_EDUCATION,
    POLITICAL_THEORY,
    OCCUPATION,
    NATIONAL_ID,
    YOUTH_UNION_MEMBER,
    CONTACT
}
