package vn.partyledger.infra.audit;

/** What was read. Member timelines join this list when they reveal personal data. */
public enum AccessedData {
    /** A person's entry in the register. */
    PERSONAL_DATA,
    /** A member's name on a roster line, asked for with the roster. */
    NAME_ON_ROSTER,
    /** A member's name in the header of the member's exported history, asked for with the export (ADR 0047). */
    NAME_IN_EXPORT,
    /** A member's date of birth, read to count the members by age group (ADR 0039): only counts are given out. */
    DATE_OF_BIRTH_COUNTED
}
