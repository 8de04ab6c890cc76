package vn.partyledger.domain.transfer;

/** Why a transfer in transit was cancelled. */
public enum CancellationReason {
    MEMBER_STAYS,
    ISSUED_IN_ERROR,
    MEMBER_LEFT_THE_PARTY
}
