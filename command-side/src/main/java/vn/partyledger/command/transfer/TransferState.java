package vn.partyledger.command.transfer;

/** docs/rules.md#s9-4: a letter in transit (possibly overdue), then presented, cancelled, or — temporary — ended. */
enum TransferState {
    LETTER_ISSUED,
    OVERDUE,
    PRESENTED,
    CANCELLED,
    ATTACHMENT_ENDED;

    boolean inTransit() {
        return this == LETTER_ISSUED || this == OVERDUE;
    }
}
