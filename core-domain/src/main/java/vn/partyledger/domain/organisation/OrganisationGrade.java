package vn.partyledger.domain.organisation;

/** The annual grade of an organisation (seed 000: "completed tasks excellently 2022"), on the members' scale. */
public enum OrganisationGrade {
    EXCELLENT,
    GOOD,
    COMPLETED,
    NOT_COMPLETED
}
