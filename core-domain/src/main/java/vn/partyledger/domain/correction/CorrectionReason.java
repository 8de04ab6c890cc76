package vn.partyledger.domain.correction;

/** Why an entry was corrected: a code, never a narrative, so no personal data enters the log (§15.2). */
public enum CorrectionReason {
    /** The entry was keyed against the wrong member. */
    WRONG_MEMBER,
    /** The entry's date was keyed wrongly. */
    WRONG_DATE,
    /** The same decision was keyed twice. */
    DUPLICATE_ENTRY,
    /** The paper decision was never issued, or was withdrawn before it took effect. */
    NO_SUCH_DECISION
}
