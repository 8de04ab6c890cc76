package vn.partyledger.domain.discipline;

/** The grounds for striking a member off (docs/rules.md#s10-1, §17.9). Striking off is not a discipline. */
public enum StrikeOffGround {
    ABSENCE_OR_DUES_3M,
    CARD_RETURNED_OR_DESTROYED,
    NO_PROGRESS_12M,
    TWO_YEARS_VIOLATION,
    POLITICAL_STANDARD,
    TRANSFER_NOT_PRESENTED,
    VOLUNTARY_EXIT
}
