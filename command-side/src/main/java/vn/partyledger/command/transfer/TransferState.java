package vn.partyledger.command.transfer;

/**
 * docs/rules.md#s9-4: a letter in transit (possibly overdue), then presented, cancelled, refused by the other province
 * it was sent to, or — temporary — ended; or
 * ended by the member's death while in transit or attached (I29).
 */
enum TransferState {
    LETTER_ISSUED,
    OVERDUE,
    PRESENTED,
    CANCELLED,
    /** A letter to another province that province refused (ADR 0046). */
    REFUSED,
    ATTACHMENT_ENDED,
    ENDED_BY_DEATH;

    boolean inTransit() {
        return this == LETTER_ISSUED || this == OVERDUE;
    }
}
