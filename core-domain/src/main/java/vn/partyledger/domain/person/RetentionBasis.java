package vn.partyledger.domain.person;

/** The legal basis on which an erasure is refused (domain.md §15.2 rule 3). */
public enum RetentionBasis {
    /** The person is a candidate with an open file, a probationary or a full member: the Party keeps the record. */
    MEMBER_RECORD_LIVE,
    /** The person was a member; the archive policy keeps the record for the years after the exit or death. */
    ARCHIVE_AFTER_EXIT
}
