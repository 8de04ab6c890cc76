package vn.partyledger.infra.audit;

/** Why personal data is read (domain.md §15.2 rule 6): the caller states it, and the access audit keeps it. */
public enum AccessPurpose {
    /** Handling the person's file: candidacy, votes, decisions, transfers. */
    CASE_WORK,
    /** The background verification before an admission. */
    VERIFICATION,
    /** An inspection or audit of the record. */
    INSPECTION,
    /** The person asked to see, correct or erase their data. */
    DATA_SUBJECT_REQUEST,
    /** Statistics of an organisation's members: only counts are given out. */
    STATISTICS
}
