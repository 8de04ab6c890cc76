package vn.partyledger.command.transfer;

/**
 * docs/rules.md#s9-4: a letter in transit (possibly overdue), then presented, cancelled, or — temporary — ended; or
 * ended by the member's death while in transit or attached (I29).
 */
enum TransferState {
    LETTER_ISSUED,
    OVERDUE,
    PRESENTED,
    CANCELLED,
    ATTACHMENT_ENDED,
    ENDED_BY_DEATH;

    boolean inTransit() {
        return this == LETTER_ISSUED || this == OVERDUE;
    }
}
