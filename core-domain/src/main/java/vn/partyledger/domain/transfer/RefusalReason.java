package vn.partyledger.domain.transfer;

/** Why a receiving province refuses a letter from another province (ADR 0046): codes only, never free text. */
public enum RefusalReason {
    /** The member did not present the letter. */
    NOT_PRESENTED,
    /** The branch the letter names cannot take the member (none such, or not a branch there). */
    WRONG_ADDRESSEE,
    /** The member who came does not match the record the letter carries. */
    RECORD_DOES_NOT_MATCH
}
