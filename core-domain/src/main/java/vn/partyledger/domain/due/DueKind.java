package vn.partyledger.domain.due;

/** What falls due, and the rule that sets its date. */
public enum DueKind {
    /** The competent committee decides within the working days after the branch's passed vote (I7). */
    ADMISSION_DECISION,
    /** The ceremony within the working days after the branch received the decision (I8). */
    CEREMONY,
    /** Probation ends twelve months after the ceremony: the branch considers recognition (I9). */
    PROBATION_END,
    /** The branch votes on recognition within the working days after probation ended (I10). */
    RECOGNITION_REVIEW,
    /** The member presents the transfer letter by the date it states (I16, I18). */
    TRANSFER_LETTER,
    /** A temporary exemption reaches its planned end (I15). */
    EXEMPTION_END
}
