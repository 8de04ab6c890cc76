package vn.partyledger.domain.person;

/** Why a register entry changed: the reason code the log keeps instead of the values. */
public enum PersonalDataCorrectionReason {
    /** The value was keyed in wrongly: the correction holds for every date. */
    ENTRY_ERROR,
    /** The person's circumstances changed (a new diploma, occupation, address): from the effective date on. */
    CHANGE_OF_CIRCUMSTANCES,
    /** The person asked for a correction (PDP Law 91/2025 Art. 16): for every date, like an entry error. */
    DATA_SUBJECT_REQUEST;

    /** Whether the new values replace the old ones for every date, not only from the effective date. */
    public boolean restatesThePast() {
        return this != CHANGE_OF_CIRCUMSTANCES;
    }
}
